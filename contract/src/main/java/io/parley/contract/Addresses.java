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

  // presence-service -------------------------------------------------------------------------------------
  /** {@code {userId, gatewayId, connectionId}}, fire-and-forget. */
  public static final String PRESENCE_CONNECTED = "parley.presence.connected";
  /** {@code {userId, gatewayId, connectionId}}, fire-and-forget. */
  public static final String PRESENCE_DISCONNECTED = "parley.presence.disconnected";
  /** {@code {userIds:[...]}} -> {online:[userId]}. */
  public static final String PRESENCE_QUERY = "parley.presence.query";

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
