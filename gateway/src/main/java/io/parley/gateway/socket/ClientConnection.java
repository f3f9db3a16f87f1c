package io.parley.gateway.socket;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.CloseCodes;
import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.contract.ServiceError;
import io.parley.gateway.socket.chat.ChatFrames;
import io.parley.gateway.socket.transport.ClientChannel;
import io.parley.gateway.socket.transport.FrameRateLimiter;
import io.parley.gateway.socket.typing.TypingFrames;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client socket speaking the contract's protocol: {@code auth} first, within 10 s, then requests answered
 * with the same {@code ref}, and every event of the rooms its user belongs to. It protects the gateway from its
 * client: frames are capped in size and rate, and a client that reads too slowly is closed with 4429 rather than
 * letting its queue grow.
 */
public final class ClientConnection {

  private final String id;
  private final ClientChannel channel;
  private final SocketServer server;
  private final FrameRateLimiter rateLimiter;
  private final Set<String> rooms = new HashSet<>();
  /** roomId -> the timer that ends this socket's typing there. */
  private final Map<String, Long> typing = new HashMap<>();
  /**
   * The users this client was last told are online (in {@code ready} or a {@code presence} frame); anyone else
   * it takes as offline. Presence is announced by every presence instance and repeated once, so a frame that
   * tells the client nothing new is dropped.
   */
  private final Set<String> toldOnline = new HashSet<>();
  private long authTimer;
  /** Closes the socket 4401 when its access token expires, unless a fresh {@code auth} renews it first. */
  private long expiryTimer = -1;
  private Actor actor;
  private boolean closed;
  private long behindBytes;
  /** The last in-order request: a client's timeline changes are stored in the order it sent them. */
  private Future<?> inOrderTail = Future.succeededFuture();

  ClientConnection(String id, ClientChannel channel, SocketServer server) {
    this.id = id;
    this.channel = channel;
    this.server = server;
    this.rateLimiter = new FrameRateLimiter(server.settings().framesPerSecond(), server.settings().frameBurst());
  }

  void start() {
    channel.onText(this::onFrame);
    channel.onClose(ignored -> onClosed());
    channel.onDrain(ignored -> behindBytes = 0);
    authTimer = server.vertx().setTimer(Limits.AUTH_FRAME_TIMEOUT_MS, timer -> {
      if (actor == null) {
        close(CloseCodes.AUTH_TIMEOUT, "no auth in time");
      }
    });
  }

  public String id() {
    return id;
  }

  public String userId() {
    return actor.id();
  }

  public Actor actor() {
    return actor;
  }

  public boolean isMemberOf(String roomId) {
    return rooms.contains(roomId);
  }

  /** A request to a service on behalf of this connection's user. */
  public Future<JsonObject> request(String address, JsonObject payload) {
    return server.services().request(address, actor, payload);
  }

  /**
   * A request made only once this connection's previous in-order request is answered: chat-service handles
   * requests concurrently, so two messages sent back to back could otherwise be stored in either order.
   */
  public Future<JsonObject> requestInOrder(String address, JsonObject payload) {
    Future<JsonObject> result = inOrderTail.transform(ignored -> request(address, payload));
    inOrderTail = result.transform(ignored -> Future.succeededFuture());
    return result;
  }

  /** Answers a client frame: the answer carries the frame's ref. */
  public void reply(Object ref, JsonObject frame) {
    send(withRef(frame, ref));
  }

  /** Answers a client frame with an {@code error} frame made from any failure. */
  public void fail(Object ref, Throwable failure) {
    ServiceError error = ServiceError.from(failure);
    JsonObject frame = errorFrame(ref, error.code(), error.detail());
    if (!error.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      error.errors().forEach(e -> errors.add(e.toJson()));
      frame.put("errors", errors);
    }
    send(frame);
  }

  public void fail(Object ref, ErrorCode code, String message) {
    send(errorFrame(ref, code, message));
  }

  public void send(JsonObject frame) {
    if ("error".equals(frame.getString("type"))) {
      server.metrics().error();
    }
    write(frame.encode());
  }

  /** A room event, encoded once for every local member; typing and presence are filtered per socket. */
  public void deliver(JsonObject event, String encoded) {
    String type = event.getString("type");
    if ("typing".equals(type) && actor.id().equals(event.getString("userId"))) {
      return;
    }
    if ("presence".equals(type)) {
      String userId = event.getString("userId");
      if (actor.id().equals(userId)) {
        return;
      }
      boolean news = "online".equals(event.getString("status"))
          ? toldOnline.add(userId)
          : toldOnline.remove(userId);
      if (!news) {
        return;
      }
    }
    server.metrics().delivery();
    write(encoded);
  }

  /**
   * An event about this connection's user, from any service. A membership change moves the socket's room
   * subscriptions; the events that are client frames are passed on.
   */
  public void onUserEvent(JsonObject event) {
    if ("membership".equals(event.getString("type"))) {
      String roomId = event.getString("roomId");
      if (event.getBoolean("member", false)) {
        joinRoom(roomId);
      } else {
        leaveRoom(roomId);
      }
    }
    if (ChatFrames.isUserFrame(event.getString("type"))) {
      send(event);
    }
  }

  public void startTyping(String roomId) {
    Long previous = typing.put(roomId, server.vertx().setTimer(TypingFrames.EXPIRY_MS, timer -> stopTyping(roomId)));
    if (previous != null) {
      server.vertx().cancelTimer(previous);
    }
    server.vertx().eventBus().publish(TypingFrames.address(roomId), TypingFrames.event(roomId, actor.id(), true));
  }

  public void stopTyping(String roomId) {
    Long timer = typing.remove(roomId);
    if (timer == null) {
      return;
    }
    server.vertx().cancelTimer(timer);
    server.vertx().eventBus().publish(TypingFrames.address(roomId), TypingFrames.event(roomId, actor.id(), false));
  }

  public void close(short code, String reason) {
    channel.close(code, reason);
  }

  private Future<Void> joinRoom(String roomId) {
    return rooms.add(roomId) ? server.fanout().joinRoom(roomId, this) : Future.succeededFuture();
  }

  private void leaveRoom(String roomId) {
    stopTyping(roomId);
    if (rooms.remove(roomId)) {
      server.fanout().leaveRoom(roomId, this);
    }
  }

  private void onFrame(String text) {
    server.metrics().frameIn();
    if (!rateLimiter.tryAcquire()) {
      server.metrics().rateLimited();
      if (rateLimiter.shouldDisconnect()) {
        close(CloseCodes.TOO_FAST_OR_TOO_SLOW, "too many frames");
      } else {
        fail(null, ErrorCode.RATE_LIMITED, "Too many frames: slow down.");
      }
      return;
    }
    if (text.length() > Limits.FRAME_MAX_BYTES
        || text.getBytes(StandardCharsets.UTF_8).length > Limits.FRAME_MAX_BYTES) {
      fail(null, ErrorCode.TOO_LARGE, "Frames are at most " + Limits.FRAME_MAX_BYTES + " bytes.");
      return;
    }
    JsonObject frame;
    try {
      Object parsed = Json.decodeValue(text);
      if (!(parsed instanceof JsonObject object)) {
        fail(null, ErrorCode.INVALID_INPUT, "A frame is one JSON object.");
        return;
      }
      frame = object;
    } catch (DecodeException e) {
      fail(null, ErrorCode.INVALID_INPUT, "The frame is not valid JSON.");
      return;
    }
    Object ref = frame.getValue("ref");
    if (ref != null && !(ref instanceof String) && !(ref instanceof Number)) {
      fail(null, ErrorCode.INVALID_INPUT, "ref must be a string or a number.");
      return;
    }
    if (!(frame.getValue("type") instanceof String type)) {
      fail(ref, ErrorCode.INVALID_INPUT, "type is required.");
      return;
    }
    if (actor == null) {
      if ("auth".equals(type)) {
        authenticate(frame);
      } else {
        fail(ref, ErrorCode.UNAUTHENTICATED, "The first frame must be auth.");
      }
      return;
    }
    switch (type) {
      case "auth" -> renew(frame, ref);
      case "ping" -> reply(ref, new JsonObject().put("type", "pong"));
      default -> {
        FrameHandler handler = server.frameHandler(type);
        if (handler == null) {
          fail(ref, ErrorCode.INVALID_INPUT, "Unknown frame type.");
        } else {
          handler.handle(this, frame, ref);
        }
      }
    }
  }

  private void authenticate(JsonObject frame) {
    Object token = frame.getValue("token");
    server.tokens().verifyToken(token instanceof String t ? t : null)
        .onFailure(failure -> close(CloseCodes.UNAUTHENTICATED, "not authenticated"))
        .onSuccess(verified -> {
          if (closed) {
            return;
          }
          actor = verified.actor();
          server.vertx().cancelTimer(authTimer);
          expireAt(verified.expiresAt());
          sendReady(frame.getValue("ref"), server.authenticated(this));
        });
  }

  /** A fresh access token for the same user keeps an open socket going past the old token's expiry. */
  private void renew(JsonObject frame, Object ref) {
    Object token = frame.getValue("token");
    server.tokens().verifyToken(token instanceof String t ? t : null)
        .onFailure(failure -> fail(ref, failure))
        .onSuccess(verified -> {
          if (closed) {
            return;
          }
          if (!verified.actor().id().equals(actor.id())) {
            fail(ref, ErrorCode.FORBIDDEN, "A socket stays with the user it was opened for.");
            return;
          }
          actor = verified.actor();
          expireAt(verified.expiresAt());
          reply(ref, new JsonObject().put("type", "auth_renewed")
              .put("expiresAt", java.time.Instant.ofEpochSecond(verified.expiresAt()).toString()));
        });
  }

  private void expireAt(long epochSeconds) {
    if (expiryTimer >= 0) {
      server.vertx().cancelTimer(expiryTimer);
    }
    long delayMs = Math.max(1, epochSeconds * 1000 - System.currentTimeMillis());
    expiryTimer = server.vertx().setTimer(delayMs, timer -> close(CloseCodes.UNAUTHENTICATED, "token expired"));
  }

  /**
   * {@code ready}: the user, their rooms with counters, and who among the people they share rooms with is online.
   * The socket subscribes to its rooms before answering, so nothing published after {@code ready} is missed.
   */
  private void sendReady(Object ref, Future<Void> userSubscribed) {
    Future<JsonObject> user = server.services().request(Addresses.AUTH_USER_GET,
        new JsonObject().put("userId", actor.id()));
    Future<JsonObject> memberOf = request(Addresses.CHAT_ROOMS_OF_USER, new JsonObject());
    Future<JsonArray> online = request(Addresses.CHAT_ROOMMATES, new JsonObject())
        .compose(mates -> server.services().request(Addresses.PRESENCE_QUERY,
            new JsonObject().put("userIds", mates.getJsonArray("userIds", new JsonArray()))))
        .map(answer -> answer.getJsonArray("online", new JsonArray()));
    Future.all(user, memberOf, online)
        .compose(all -> {
          // In a cluster a subscription reaches the other nodes a moment later: ready waits for every one.
          List<Future<Void>> subscribed = new java.util.ArrayList<>(List.of(userSubscribed));
          memberOf.result().getJsonArray("rooms", new JsonArray())
              .forEach(room -> subscribed.add(joinRoom(((JsonObject) room).getString("id"))));
          return Future.all(subscribed);
        })
        .onSuccess(all -> {
          if (closed) {
            return;
          }
          JsonArray roomList = memberOf.result().getJsonArray("rooms", new JsonArray());
          // Interned: these ids arrive as fresh strings for every socket, and a socket remembers each online
          // roommate, so a user in a 50-member room would otherwise cost every socket 50 copies (about 3 KB).
          online.result().forEach(userId -> toldOnline.add(((String) userId).intern()));
          reply(ref, new JsonObject()
              .put("type", "ready")
              .put("user", user.result())
              .put("rooms", roomList)
              .put("online", online.result()));
          // Direct messages that reached the user while away come now, after ready.
          request(Addresses.CHAT_DELIVERIES_FLUSH, new JsonObject());
        })
        .onFailure(failure -> {
          fail(ref, failure);
          close(CloseCodes.GOING_AWAY, "services unavailable");
        });
  }

  /** Writes a frame unless the client has fallen too far behind, in which case it is closed instead. */
  private void write(String frame) {
    if (closed) {
      return;
    }
    if (channel.writeQueueFull()) {
      behindBytes += frame.length();
      if (behindBytes > server.settings().maxBehindBytes()) {
        server.metrics().queueDrop();
        closed = true;
        channel.close(CloseCodes.TOO_FAST_OR_TOO_SLOW, "reading too slowly");
        onClosed();
        return;
      }
    }
    server.metrics().frameOut();
    channel.send(frame);
  }

  private void onClosed() {
    closed = true;
    if (!server.closed(this)) {
      return;
    }
    server.vertx().cancelTimer(authTimer);
    if (expiryTimer >= 0) {
      server.vertx().cancelTimer(expiryTimer);
    }
    if (actor != null) {
      List.copyOf(typing.keySet()).forEach(this::stopTyping);
      List.copyOf(rooms).forEach(this::leaveRoom);
    }
  }

  private static JsonObject errorFrame(Object ref, ErrorCode code, String message) {
    return withRef(new JsonObject().put("type", "error").put("code", code.word()).put("message", message), ref);
  }

  private static JsonObject withRef(JsonObject frame, Object ref) {
    if (ref != null) {
      frame.put("ref", ref);
    }
    return frame;
  }
}
