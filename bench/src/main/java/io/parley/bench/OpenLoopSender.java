package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Chat messages on an {@link OpenLoopSchedule}, round-robin over senders, each registered for tracking. */
public final class OpenLoopSender {

  /** Who sends: a socket, the room it sends to, how many members should receive it, and the room's size. */
  public record Sender(BenchSocket socket, String roomId, int expectedReceipts, int roomSize) {
  }

  private static final String TEXT = "open-loop benchmark message, sixty-four characters long .......";

  /** A message text of {@code chars} characters (64 by default). */
  public static String text(int chars) {
    return chars == TEXT.length() ? TEXT : "x".repeat(chars);
  }

  private OpenLoopSender() {
  }

  /** Sends {@code rate} messages a second for {@code durationMillis}; latency counts from each due time. */
  public static Future<OpenLoopSchedule.Window> run(Vertx vertx, List<Sender> senders, double rate,
      long durationMillis, DeliveryTracker tracker, String tag, String text) {
    return OpenLoopSchedule.run(vertx, rate, durationMillis, (i, intendedNanos) -> {
      Sender sender = senders.get((int) (i % senders.size()));
      String clientMsgId = tag + "-" + i;
      tracker.register(clientMsgId, sender.roomId(), intendedNanos, sender.expectedReceipts(), sender.roomSize());
      sender.socket().sendMessage(sender.roomId(), clientMsgId, text);
    });
  }
}
