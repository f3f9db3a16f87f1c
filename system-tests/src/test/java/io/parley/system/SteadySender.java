package io.parley.system;

import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A client sending messages at a steady rate, as a person or bot would, retrying with the same clientMsgId any
 * message whose send failed or went unanswered, until every one is acknowledged.
 */
final class SteadySender {

  private final SocketClient socket;
  private final String roomId;
  private final Map<String, JsonObject> acks = new LinkedHashMap<>();
  private int retries;

  SteadySender(SocketClient socket, String roomId) {
    this.socket = socket;
    this.roomId = roomId;
  }

  /**
   * Sends {@code count} messages, one every {@code periodMs}; calls {@code atHalfway}... at the given index
   * (a crash, say) without slowing the schedule. Answers the acks by clientMsgId.
   */
  Map<String, JsonObject> send(int count, long periodMs, int eventAt, Runnable event, long deadlineMs) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * periodMs * 1_000_000;
      LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
      if (i == eventAt) {
        Thread crash = new Thread(event, "scheduled-event");
        crash.start();
      }
      send(clientMsgId(i));
      collect();
    }
    long deadline = System.currentTimeMillis() + deadlineMs;
    long lastResend = System.currentTimeMillis();
    while (acks.size() < count && System.currentTimeMillis() < deadline) {
      collect();
      if (System.currentTimeMillis() - lastResend > 12_000) {
        // Unanswered for longer than the gateway's request timeout: the request was lost with its instance.
        for (int i = 0; i < count; i++) {
          if (!acks.containsKey(clientMsgId(i))) {
            retries++;
            send(clientMsgId(i));
          }
        }
        lastResend = System.currentTimeMillis();
      }
    }
    return acks;
  }

  int retries() {
    return retries;
  }

  static String clientMsgId(int i) {
    return "steady-" + i;
  }

  private void send(String clientMsgId) {
    socket.sendAndForget(new JsonObject().put("type", "message").put("ref", clientMsgId).put("roomId", roomId)
        .put("text", "message " + clientMsgId).put("clientMsgId", clientMsgId));
  }

  /** Takes the acks that arrived; a refused send is sent again at once with the same clientMsgId. */
  private void collect() {
    for (JsonObject frame : socket.drain(0)) {
      if ("ack".equals(frame.getString("type"))) {
        acks.put(frame.getString("clientMsgId"), frame);
      } else if ("error".equals(frame.getString("type")) && frame.getString("ref") != null) {
        retries++;
        send(frame.getString("ref"));
      }
    }
  }
}
