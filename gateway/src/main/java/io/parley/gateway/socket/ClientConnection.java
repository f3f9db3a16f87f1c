package io.parley.gateway.socket;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.CloseCodes;
import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * One client socket speaking the contract's protocol: {@code auth} first, within 10 s, then requests answered
 * with the same {@code ref}, and every event of the rooms its user belongs to.
 */
public final class ClientConnection {

  private final String id;
  private final ClientChannel channel;
  private final SocketServer server;
  private final Set<String> rooms = new HashSet<>();
  private long authTimer;
  private Actor actor;
  private boolean closed;

  ClientConnection(String id, ClientChannel channel, SocketServer server) {
    this.id = id;
    this.channel = channel;
    this.server = server;
  }

  void start() {
    channel.onText(this::onFrame);
    channel.onClose(ignored -> onClosed());
    authTimer = server.vertx().setTimer(Limits.AUTH_FRAME_TIMEOUT_MS, timer -> {
      if (actor == null) {
        channel.close(CloseCodes.AUTH_TIMEOUT, "no auth in time");
      }
    });
  }

  String userId() {
    return actor.id();
  }

  public Actor actor() {
    return actor;
  }

  /** A request to a service on behalf of this connection's user. */
  public Future<JsonObject> request(String address, JsonObject payload) {
    return server.services().request(address, actor, payload);
  }

  /** Answers a client frame: the answer carries the frame's ref. */
  public void reply(Object ref, JsonObject frame) {
    send(withRef(frame, ref));
  }

  /** Answers a client frame with an {@code error} frame made from any failure. */
  public void fail(Object ref, Throwable failure) {
    sendError(ref, failure);
  }

  public void fail(Object ref, ErrorCode code, String message) {
    sendError(ref, code, message);
  }

  /** Writes an already-encoded event frame. */
  void deliver(String frame) {
    channel.send(frame);
  }

  /** An event about this connection's user, from any service. */
  void onUserEvent(JsonObject event) {
    if ("membership".equals(event.getString("type"))) {
      String roomId = event.getString("roomId");
      if (event.getBoolean("member", false)) {
        if (rooms.add(roomId)) {
          server.fanout().joinRoom(roomId, this);
        }
      } else if (rooms.remove(roomId)) {
        server.fanout().leaveRoom(roomId, this);
      }
    }
    if (ChatFrames.isUserFrame(event.getString("type"))) {
      send(event);
    }
  }

  private void onFrame(String text) {
    if (text.length() > Limits.FRAME_MAX_BYTES
        || text.getBytes(StandardCharsets.UTF_8).length > Limits.FRAME_MAX_BYTES) {
      sendError(null, ErrorCode.TOO_LARGE, "Frames are at most " + Limits.FRAME_MAX_BYTES + " bytes.");
      return;
    }
    JsonObject frame;
    try {
      Object parsed = Json.decodeValue(text);
      if (!(parsed instanceof JsonObject object)) {
        sendError(null, ErrorCode.INVALID_INPUT, "A frame is one JSON object.");
        return;
      }
      frame = object;
    } catch (DecodeException e) {
      sendError(null, ErrorCode.INVALID_INPUT, "The frame is not valid JSON.");
      return;
    }
    Object ref = frame.getValue("ref");
    if (ref != null && !(ref instanceof String) && !(ref instanceof Number)) {
      sendError(null, ErrorCode.INVALID_INPUT, "ref must be a string or a number.");
      return;
    }
    Object type = frame.getValue("type");
    if (!(type instanceof String frameType)) {
      sendError(ref, ErrorCode.INVALID_INPUT, "type is required.");
      return;
    }
    if (actor == null) {
      if ("auth".equals(frameType)) {
        authenticate(frame);
      } else {
        sendError(ref, ErrorCode.UNAUTHENTICATED, "The first frame must be auth.");
      }
      return;
    }
    switch (frameType) {
      case "auth" -> sendError(ref, ErrorCode.INVALID_INPUT, "Already authenticated.");
      case "ping" -> reply(ref, new JsonObject().put("type", "pong"));
      default -> {
        FrameHandler handler = server.frameHandler(frameType);
        if (handler == null) {
          sendError(ref, ErrorCode.INVALID_INPUT, "Unknown frame type.");
        } else {
          handler.handle(this, frame, ref);
        }
      }
    }
  }

  private void authenticate(JsonObject frame) {
    Object token = frame.getValue("token");
    server.tokens().verify(token instanceof String t ? t : null)
        .onFailure(failure -> channel.close(CloseCodes.UNAUTHENTICATED, "not authenticated"))
        .onSuccess(verified -> {
          if (closed) {
            return;
          }
          actor = verified;
          server.vertx().cancelTimer(authTimer);
          server.fanout().addUser(this);
          server.vertx().eventBus().publish(Addresses.PRESENCE_CONNECTED, presenceEvent());
          sendReady(frame.getValue("ref"));
        });
  }

  private void sendReady(Object ref) {
    Future<JsonObject> user = server.services().request(Addresses.AUTH_USER_GET,
        new JsonObject().put("userId", actor.id()));
    Future<JsonObject> memberOf = server.services().request(Addresses.CHAT_ROOMS_OF_USER, actor, new JsonObject());
    Future<JsonObject> online = server.services().request(Addresses.PRESENCE_QUERY, new JsonObject());
    Future.all(user, memberOf, online)
        .onSuccess(all -> {
          JsonArray roomList = memberOf.result().getJsonArray("rooms", new JsonArray());
          for (Object room : roomList) {
            String roomId = ((JsonObject) room).getString("id");
            if (rooms.add(roomId)) {
              server.fanout().joinRoom(roomId, this);
            }
          }
          send(withRef(new JsonObject()
              .put("type", "ready")
              .put("user", user.result())
              .put("rooms", roomList)
              .put("online", online.result().getJsonArray("online", new JsonArray())), ref));
          // Direct messages that arrived while the user was away come now, after ready.
          server.services().request(Addresses.CHAT_DELIVERIES_FLUSH, actor, new JsonObject());
        })
        .onFailure(failure -> {
          ServiceError error = ServiceError.from(failure);
          sendError(ref, error.code(), error.detail());
          channel.close(CloseCodes.GOING_AWAY, "services unavailable");
        });
  }

  private void onClosed() {
    if (closed) {
      return;
    }
    closed = true;
    server.vertx().cancelTimer(authTimer);
    server.closed(this);
    if (actor != null) {
      rooms.forEach(roomId -> server.fanout().leaveRoom(roomId, this));
      rooms.clear();
      server.fanout().removeUser(this);
      server.vertx().eventBus().publish(Addresses.PRESENCE_DISCONNECTED, presenceEvent());
    }
  }

  private JsonObject presenceEvent() {
    return new JsonObject().put("userId", actor.id()).put("gatewayId", server.gatewayId()).put("connectionId", id);
  }

  private void sendError(Object ref, Throwable failure) {
    ServiceError error = ServiceError.from(failure);
    JsonObject frame = errorFrame(ref, error.code(), error.detail());
    if (!error.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      error.errors().forEach(e -> errors.add(e.toJson()));
      frame.put("errors", errors);
    }
    send(frame);
  }

  private void sendError(Object ref, ErrorCode code, String message) {
    send(errorFrame(ref, code, message));
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

  private void send(JsonObject frame) {
    channel.send(frame.encode());
  }
}
