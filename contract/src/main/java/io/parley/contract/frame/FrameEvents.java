package io.parley.contract.frame;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Notice;

/**
 * The addresses client frames travel on between the services and the gateways: each room's and each user's.
 * Publishers send a {@link ServerFrame}; a gateway takes each event as it came, reads its {@code type} and the
 * few fields its filters need ({@link FrameTypes#of}, {@link Presence#fromJson}...), and writes the one encoding
 * to every local socket it concerns, so these events are never decoded whole on the way.
 */
public final class FrameEvents {

  private FrameEvents() {
  }

  private static final Codec<ServerFrame> FRAME = Codec.of(ServerFrame::toJson, json -> {
    throw new UnsupportedOperationException("room and user events are read as they came, by their type");
  });

  /** Every room's events, as the address table shows them; {@link #room} is one room's. */
  public static final Notice<ServerFrame> ROOM = new Notice<>(Addresses.roomEvents("<roomId>"), FRAME,
      "Published for each change to a room (by chat-service; presence by presence-service; typing by gateways): "
          + "a socket frame for the room's members, with roomId and, for timeline changes, version. A gateway "
          + "listens only while one of its sockets belongs to a member.");

  /** Every user's events, as the address table shows them; {@link #user} is one user's. */
  public static final Notice<ServerFrame> USER = new Notice<>(Addresses.userEvents("<userId>"), FRAME,
      "Published for one user, on whichever gateways hold that user's sockets: membership (moves the socket's "
          + "room subscriptions), message, delivered, receipt, room_updated (the user's own settings of a room).");

  public static Notice<ServerFrame> room(String roomId) {
    return ROOM.at(Addresses.roomEvents(roomId));
  }

  public static Notice<ServerFrame> user(String userId) {
    return USER.at(Addresses.userEvents(userId));
  }
}
