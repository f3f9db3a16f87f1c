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
  /** {@code {actor?, userId}} -> user with online (left out when presence-service does not answer). */
  public static final String AUTH_USER_GET = "parley.auth.user.get";
  /** {@code {userIds:[...]}} -> {users:[...]}: lookup used by other services to render senders and members. */
  public static final String AUTH_USERS_GET = "parley.auth.users.get";
  /**
   * {@code {refreshToken}} -> {accessToken, refreshToken, expiresIn, user}. The given refresh token stops working;
   * presenting one that was already rotated ends its whole session ({@link #SESSIONS_ENDED}, reason {@code reuse}).
   */
  public static final String AUTH_REFRESH = "parley.auth.token.refresh";
  /** {@code {actor}} -> {}: ends the actor's session ({@link #SESSIONS_ENDED}, reason {@code logout}). */
  public static final String AUTH_LOGOUT = "parley.auth.logout";
  /**
   * {@code {}} -> {sessions:[{sessionId, userId, reason, until}]}: every ended session whose access tokens may
   * still be unexpired. A starting gateway asks once, after it subscribed to {@link #SESSIONS_ENDED}.
   */
  public static final String AUTH_ENDED_SESSIONS = "parley.auth.sessions.ended";
  /**
   * {@code {actor, q?, online?, limit?}} -> {users:[user with online?]}: users not banned whose username starts
   * with {@code q} (ignoring case), by username, at most {@code limit} (1-100, default 50); {@code online:true}
   * keeps only users presence-service reports online.
   */
  public static final String AUTH_USERS_SEARCH = "parley.auth.users.search";
  /**
   * {@code {actor, q?, online?, limit?}} -> {users:[user with banned, online?]}: as {@link #AUTH_USERS_SEARCH},
   * banned users included; admins only.
   */
  public static final String AUTH_ADMIN_USERS = "parley.auth.admin.users";
  /**
   * {@code {actor, userId, banned:true|false}} -> user with banned; admins only. Banning ends every session of
   * the user ({@link #SESSIONS_ENDED}, reason {@code banned}).
   */
  public static final String AUTH_ADMIN_BAN = "parley.auth.admin.ban";
  /** {@code {actor, userId, role:"user"|"admin"}} -> user with banned; admins only, never on themselves. */
  public static final String AUTH_ADMIN_ROLE = "parley.auth.admin.role";

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
  public static final long PRESENCE_EXPIRY_MS = 6_000;
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
  /**
   * Published by auth-service when sessions end: {@code {userId, sessionIds:[...], reason:"logout"|"reuse"|
   * "banned", until}}. Every gateway refuses access tokens of those sessions until {@code until} (epoch
   * milliseconds, when the last of them has expired) and closes their sockets: 4401, or 4403 for {@code banned},
   * which closes every socket of the user.
   */
  public static final String SESSIONS_ENDED = "parley.auth.sessions-ended";

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
