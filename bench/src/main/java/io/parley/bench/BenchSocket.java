package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client socket of the load generator, acting as one account: it authenticates, answers its control
 * requests by {@code ref}, and hands every {@code message}, {@code ack} and refused send to the current
 * {@link DeliveryTracker}, checking each room's seq order as it goes.
 */
public final class BenchSocket {

  private static final AtomicLong REFS = new AtomicLong();

  private final Account account;
  private final Map<String, RoomSlot> rooms = new ConcurrentHashMap<>();
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private volatile DeliveryTracker tracker;
  private volatile WebSocket socket;
  private volatile int closeCode = -1;
  private volatile boolean slow;
  private long slowTimer = -1;

  /** The socket's place in a room: its member position, and the last seq and version it saw there. */
  static final class RoomSlot {
    final int position;
    long lastSeq;
    volatile long lastVersion;

    RoomSlot(int position) {
      this.position = position;
    }
  }

  public BenchSocket(Account account) {
    this.account = account;
  }

  public Account account() {
    return account;
  }

  /** Opens the socket and authenticates; completes with the {@code ready} frame. */
  public Future<JsonObject> connect(WebSocketClient client, String host, int port) {
    closeCode = -1;
    return client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws"))
        .compose(ws -> {
          socket = ws;
          ws.textMessageHandler(this::onFrame);
          ws.closeHandler(ignored -> onClosed(ws));
          return request(new JsonObject().put("type", "auth").put("token", account.token()));
        });
  }

  /** Sends a control frame with a fresh ref; completes with the answer carrying it, or fails on {@code error}. */
  public Future<JsonObject> request(JsonObject frame) {
    String ref = "c" + REFS.incrementAndGet();
    Promise<JsonObject> answer = Promise.promise();
    pending.put(ref, answer);
    WebSocket ws = socket;
    if (ws == null || ws.isClosed()) {
      pending.remove(ref);
      return Future.failedFuture("socket closed (" + closeCode + ")");
    }
    ws.writeTextMessage(frame.put("ref", ref).encode()).onFailure(failure -> {
      Promise<JsonObject> waiting = pending.remove(ref);
      if (waiting != null) {
        waiting.tryFail(failure);
      }
    });
    return answer.future();
  }

  /** A chat message to a room; its ref is its clientMsgId, so an {@code ack} or {@code error} finds it. */
  public void sendMessage(String roomId, String clientMsgId, String text) {
    WebSocket ws = socket;
    if (ws != null && !ws.isClosed()) {
      ws.writeTextMessage("{\"type\":\"message\",\"ref\":\"" + clientMsgId + "\",\"roomId\":\"" + roomId
          + "\",\"text\":\"" + text + "\",\"clientMsgId\":\"" + clientMsgId + "\"}");
    }
  }

  /** Says which room this socket receives and at what member position, before traffic starts. */
  public void memberOf(String roomId, int position) {
    rooms.putIfAbsent(roomId, new RoomSlot(position));
  }

  public void track(DeliveryTracker current) {
    tracker = current;
  }

  /** The last version seen per room, as {@code sync} wants it. */
  public JsonObject versions() {
    JsonObject versions = new JsonObject();
    rooms.forEach((roomId, slot) -> versions.put(roomId, slot.lastVersion));
    return versions;
  }

  /** Becomes a slow reader: stops reading, then takes {@code framesPerTick} frames every 100 ms. */
  public void readSlowly(Vertx vertx, int framesPerTick) {
    slow = true;
    WebSocket ws = socket;
    ws.pause();
    slowTimer = vertx.setPeriodic(100, timer -> {
      if (ws.isClosed()) {
        vertx.cancelTimer(timer);
      } else {
        ws.fetch(framesPerTick);
      }
    });
  }

  public boolean isSlow() {
    return slow;
  }

  public boolean isOpen() {
    WebSocket ws = socket;
    return ws != null && !ws.isClosed();
  }

  /** The close code the server sent, or -1 while open or when it closed without one. */
  public int closeCode() {
    return closeCode;
  }

  public Future<Void> close() {
    WebSocket ws = socket;
    return ws == null || ws.isClosed() ? Future.succeededFuture() : ws.close();
  }

  public void stopSlowReading(Vertx vertx) {
    if (slowTimer >= 0) {
      vertx.cancelTimer(slowTimer);
    }
  }

  private void onFrame(String frame) {
    long now = System.nanoTime();
    String type = FrameScanner.string(frame, "type");
    if ("message".equals(type)) {
      onMessage(frame, now);
      return;
    }
    String ref = FrameScanner.string(frame, "ref");
    DeliveryTracker current = tracker;
    if ("ack".equals(type)) {
      if (current != null) {
        current.onAck(ref, now);
      }
      return;
    }
    Promise<JsonObject> waiting = ref == null ? null : pending.remove(ref);
    if (waiting != null) {
      if ("error".equals(type)) {
        waiting.tryFail(frame);
      } else {
        waiting.tryComplete(new JsonObject(frame));
      }
    } else if ("error".equals(type) && current != null) {
      current.onRefused(ref);
    }
  }

  private void onMessage(String frame, long now) {
    String roomId = FrameScanner.string(frame, "roomId");
    RoomSlot slot = roomId == null ? null : rooms.get(roomId);
    DeliveryTracker current = tracker;
    if (slot == null || current == null || slow) {
      return;
    }
    long seq = FrameScanner.number(frame, "seq");
    long version = FrameScanner.number(frame, "version");
    boolean replay = frame.contains("\"sync\":true");
    // A sync may interleave with live frames, so only live frames are held to seq order.
    boolean outOfOrder = !replay && seq <= slot.lastSeq;
    if (!replay) {
      slot.lastSeq = Math.max(slot.lastSeq, seq);
    }
    if (version > slot.lastVersion) {
      slot.lastVersion = version;
    }
    current.onMessage(FrameScanner.string(frame, "clientMsgId"), roomId, slot.position, outOfOrder, replay, now);
  }

  private void onClosed(WebSocket ws) {
    Short status = ws.closeStatusCode();
    closeCode = status == null ? -1 : status;
    pending.forEach((ref, waiting) -> waiting.tryFail("socket closed (" + closeCode + ")"));
    pending.clear();
  }
}
