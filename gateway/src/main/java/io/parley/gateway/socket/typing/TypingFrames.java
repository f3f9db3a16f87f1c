package io.parley.gateway.socket.typing;

import io.parley.contract.ErrorCode;
import io.parley.contract.frame.FrameEvents;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.frame.Typing;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.FrameHandler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * {@code typing_start} / {@code typing_stop}: relayed to the room's other members. A start expires by itself after
 * six seconds; leaving the room or disconnecting stops it. Membership is checked against the rooms this socket
 * is subscribed to, so a typing frame costs no service round trip.
 */
public final class TypingFrames {

  static final long EXPIRY_MS = 6_000;

  private TypingFrames() {
  }

  public static void register(Map<String, FrameHandler> handlers) {
    handlers.put(FrameTypes.TYPING_START, (connection, frame, ref) -> typing(connection, frame, ref, true));
    handlers.put(FrameTypes.TYPING_STOP, (connection, frame, ref) -> typing(connection, frame, ref, false));
  }

  private static void typing(ClientConnection connection, JsonObject frame, Object ref, boolean typing) {
    Object roomId = frame.getValue("roomId");
    if (!(roomId instanceof String room)) {
      connection.fail(ref, ErrorCode.INVALID_INPUT, "roomId must be a string.");
      return;
    }
    if (!connection.isMemberOf(room)) {
      connection.fail(ref, ErrorCode.FORBIDDEN, "You are not a member of this room.");
      return;
    }
    if (typing) {
      connection.typing().start(room);
    } else {
      connection.typing().stop(room);
    }
  }

  /** Tells the room's members, on every gateway, that the user started or stopped typing there. */
  static void publish(EventBus bus, String roomId, String userId, boolean typing) {
    bus.publish(FrameEvents.room(roomId).address(), new Typing(roomId, userId, typing).toJson());
  }
}
