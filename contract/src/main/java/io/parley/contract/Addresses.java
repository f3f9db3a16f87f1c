package io.parley.contract;

/**
 * Every event-bus address Parley uses. Requests carry a JSON object and are answered with a JSON object or
 * failed with a {@link ServiceError}; the payload of each is described beside its address and in
 * docs/ARCHITECTURE.md. Requests made on behalf of a user carry {@code "actor"} ({@link Actor}).
 */
public final class Addresses {

  private Addresses() {
  }

  // auth-service -----------------------------------------------------------------------------------------
  /** {@code {username, password, displayName?}} -> user. */
  public static final String AUTH_REGISTER = "parley.auth.register";
  /** {@code {username, password, clientAddress?}} -> {accessToken, refreshToken, expiresIn, user}. */
  public static final String AUTH_LOGIN = "parley.auth.login";
  /** {@code {}} -> {algorithm, publicKeyPem}: what gateways verify access tokens with. */
  public static final String AUTH_PUBLIC_KEY = "parley.auth.public-key";
  /** {@code {actor, userId}} -> user. */
  public static final String AUTH_USER_GET = "parley.auth.user.get";
  /** {@code {userIds:[...]}} -> {users:[...]}: lookup used by other services to render senders and members. */
  public static final String AUTH_USERS_GET = "parley.auth.users.get";

  // chat-service -----------------------------------------------------------------------------------------
  /** {@code {actor, name, description?, type?, capacity?}} -> room. */
  public static final String CHAT_ROOM_CREATE = "parley.chat.room.create";
  /** {@code {actor, roomId}} -> room. */
  public static final String CHAT_ROOM_JOIN = "parley.chat.room.join";
  /** {@code {actor}} -> {rooms:[room with lastSeq, version, unread]}: the rooms the actor is a member of. */
  public static final String CHAT_ROOMS_OF_USER = "parley.chat.rooms.of-user";
  /** {@code {actor, roomId|toUserId, text, clientMsgId?}} -> {message, created}. */
  public static final String CHAT_MESSAGE_SEND = "parley.chat.message.send";
  /** {@code {actor, roomId, before?, after?, limit?}} -> {messages:[...], hasMore}. */
  public static final String CHAT_HISTORY = "parley.chat.history";
  /**
   * {@code {actor, rooms:{roomId: lastVersion}}} -> {rooms:[{roomId, version, complete, messages:[...]}]}: every
   * message created or changed after lastVersion in its current state, by latest change; rooms the actor is
   * not a member of are left out. {@code complete:false} means more changes follow from {@code version}.
   */
  public static final String CHAT_SYNC = "parley.chat.sync";
  /** {@code {actor}} -> {userIds:[...]}: everyone who shares a room with the actor, the actor included. */
  public static final String CHAT_ROOMMATES = "parley.chat.roommates";
  /** {@code {userId}} -> {roomIds:[...]}: a user's rooms, for services routing events to them. */
  public static final String CHAT_ROOM_IDS_OF_USER = "parley.chat.room-ids.of-user";

  // presence-service -------------------------------------------------------------------------------------
  /** {@code {userId, gatewayId, connectionId}}, fire-and-forget. */
  public static final String PRESENCE_CONNECTED = "parley.presence.connected";
  /** {@code {userId, gatewayId, connectionId}}, fire-and-forget. */
  public static final String PRESENCE_DISCONNECTED = "parley.presence.disconnected";
  /** {@code {userIds?:[...]}} -> {online:[userId]}; without userIds, everyone online. */
  public static final String PRESENCE_QUERY = "parley.presence.query";
  /**
   * {@code {gatewayId, connections}}, published by every gateway every {@link #PRESENCE_HEARTBEAT_MS} ms. A
   * gateway not heard from for {@link #PRESENCE_EXPIRY_MS} ms is gone and its users with it; a count that does
   * not match makes presence ask that gateway for its connections.
   */
  public static final String PRESENCE_HEARTBEAT = "parley.presence.heartbeat";
  public static final long PRESENCE_HEARTBEAT_MS = 2_000;
  public static final long PRESENCE_EXPIRY_MS = 7_000;
  /** Published by presence-service when it starts: every gateway answers with heartbeats and snapshots. */
  public static final String PRESENCE_RESYNC = "parley.presence.resync";

  /** {@code {}} -> {gatewayId, connections:[{connectionId, userId}]}: one gateway's open connections. */
  public static String gatewayConnections(String gatewayId) {
    return "parley.gateway." + gatewayId + ".connections";
  }

  // health: every service answers {service, storage:"up"} or fails -----------------------------------------
  public static final String AUTH_HEALTH = "parley.auth.health";
  public static final String CHAT_HEALTH = "parley.chat.health";
  public static final String PRESENCE_HEALTH = "parley.presence.health";

  // published events -------------------------------------------------------------------------------------
  private static final String ROOM_EVENTS = "parley.room.";
  private static final String USER_EVENTS = "parley.user.";

  /**
   * Published by chat-service for every change to a room: {@code {type, roomId, version?, ...frame fields}}.
   * A gateway consumes it only while one of its sockets belongs to a member of that room.
   */
  public static String roomEvents(String roomId) {
    return ROOM_EVENTS + roomId;
  }

  /**
   * Published for one user, on whichever gateways hold that user's sockets: {@code {type, ...}}, for example
   * {@code membership} changes that make a gateway subscribe to a new room.
   */
  public static String userEvents(String userId) {
    return USER_EVENTS + userId;
  }
}
