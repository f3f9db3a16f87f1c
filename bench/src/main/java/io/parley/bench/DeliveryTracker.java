package io.parley.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Everything one measured window sent and received: send-to-receipt latency at every member and send-to-ack
 * latency (microseconds, from the intended send time), and per room the losses, duplicates and order violations.
 */
public final class DeliveryTracker {

  private static final long MAX_MICROS = 120_000_000L;

  private final Map<String, SentMessage> sent = new ConcurrentHashMap<>();
  private final Histogram deliveryMicros = new ConcurrentHistogram(MAX_MICROS, 3);
  private final Histogram ackMicros = new ConcurrentHistogram(MAX_MICROS, 3);
  private final Map<String, RoomIssues> issues = new ConcurrentHashMap<>();
  private final LongAdder receipts = new LongAdder();
  private final LongAdder syncReceipts = new LongAdder();
  private final LongAdder resentBySync = new LongAdder();
  private final LongAdder acks = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder foreign = new LongAdder();
  private final AtomicLong lastReceiptNanos = new AtomicLong();
  private final AtomicLong lastAckNanos = new AtomicLong();

  /** Per-room problems; losses are only known once the window is drained. */
  public static final class RoomIssues {
    final LongAdder duplicates = new LongAdder();
    final LongAdder orderViolations = new LongAdder();
    long losses;

    boolean any() {
      return losses > 0 || duplicates.sum() > 0 || orderViolations.sum() > 0;
    }
  }

  void register(String clientMsgId, String roomId, long intendedNanos, int expected, int roomSize) {
    sent.put(clientMsgId, new SentMessage(roomId, intendedNanos, expected, roomSize));
  }

  /**
   * A {@code message} frame reached the member at {@code position}; {@code outOfOrder} says its seq was not
   * above the last seq this socket saw in the room. Frames replayed by {@code sync} count as deliveries but not
   * as latency samples.
   */
  void onMessage(String clientMsgId, String roomId, int position, boolean outOfOrder, boolean replay,
      long nowNanos) {
    SentMessage message = clientMsgId == null ? null : sent.get(clientMsgId);
    if (message == null) {
      foreign.increment();
      return;
    }
    SentMessage.Receipt receipt = message.receivedAt(position, replay);
    if (receipt == SentMessage.Receipt.DUPLICATE) {
      room(roomId).duplicates.increment();
      return;
    }
    if (receipt == SentMessage.Receipt.RESENT_BY_SYNC) {
      resentBySync.increment();
      return;
    }
    if (outOfOrder) {
      room(roomId).orderViolations.increment();
    }
    if (replay) {
      syncReceipts.increment();
    } else {
      deliveryMicros.recordValue(Math.min(MAX_MICROS, (nowNanos - message.intendedNanos) / 1000));
    }
    receipts.increment();
    lastReceiptNanos.accumulateAndGet(nowNanos, Math::max);
  }

  void onAck(String clientMsgId, long nowNanos) {
    SentMessage message = clientMsgId == null ? null : sent.get(clientMsgId);
    if (message != null && message.ack()) {
      acks.increment();
      ackMicros.recordValue(Math.min(MAX_MICROS, (nowNanos - message.intendedNanos) / 1000));
      lastAckNanos.accumulateAndGet(nowNanos, Math::max);
    }
  }

  /** The server answered a send with {@code error}: it owes no receipt. */
  void onRefused(String clientMsgId) {
    SentMessage message = clientMsgId == null ? null : sent.get(clientMsgId);
    if (message != null) {
      message.refuse();
      refused.increment();
    }
  }

  /** Waits until every sent message is acknowledged and received by every member, or the time is up. */
  public boolean awaitSettled(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (sent.values().stream().allMatch(SentMessage::settled)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Counts what is still missing as lost, per room; prints the first few lost messages and who missed them. */
  public long countLosses() {
    long total = 0;
    int shown = 0;
    for (var entry : sent.entrySet()) {
      SentMessage message = entry.getValue();
      int missing = message.missing();
      if (missing > 0) {
        if (shown++ < 5) {
          System.out.println("# lost " + entry.getKey() + " in " + message.roomId + " at member positions "
              + message.missingPositions());
        }
        total += missing;
        RoomIssues room = room(message.roomId);
        synchronized (room) {
          room.losses += missing;
        }
      }
    }
    return total;
  }

  private RoomIssues room(String roomId) {
    return issues.computeIfAbsent(roomId, id -> new RoomIssues());
  }

  public int sentCount() {
    return sent.size();
  }

  public long unacked() {
    return sent.values().stream().filter(m -> !m.acked() && !m.refused()).count();
  }

  public long receipts() {
    return receipts.sum();
  }

  public long syncReceipts() {
    return syncReceipts.sum();
  }

  /** Copies that {@code sync} sent again of what had arrived live, or the other way round: allowed. */
  public long resentBySync() {
    return resentBySync.sum();
  }

  public long acks() {
    return acks.sum();
  }

  public long refused() {
    return refused.sum();
  }

  public long foreign() {
    return foreign.sum();
  }

  public long duplicates() {
    return issues.values().stream().mapToLong(r -> r.duplicates.sum()).sum();
  }

  public long orderViolations() {
    return issues.values().stream().mapToLong(r -> r.orderViolations.sum()).sum();
  }

  public long roomsWithIssues() {
    return issues.values().stream().filter(RoomIssues::any).count();
  }

  public Map<String, RoomIssues> issuesByRoom() {
    return issues;
  }

  public Histogram deliveryMicros() {
    return deliveryMicros;
  }

  public Histogram ackMicros() {
    return ackMicros;
  }

  public long lastReceiptNanos() {
    return lastReceiptNanos.get();
  }

  public long lastAckNanos() {
    return lastAckNanos.get();
  }
}
