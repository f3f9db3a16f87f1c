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
  /** {@code {}} -> {algorithm, issuer, publicKeyPem}: what gateways verify access tokens with. */
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
  /** {@code {actor}} -> {users}: the number of accounts; admins only, by their current stored role. */
  public static final String AUTH_ADMIN_STATS = "parley.auth.admin.stats";
  /** {@code {actor}} -> {}: answers only when the actor is an admin now (stored role, not banned). */
  public static final String AUTH_ADMIN_CHECK = "parley.auth.admin.check";

  // chat-service -----------------------------------------------------------------------------------------
  // A room view is {id, name, type, description, capacity, memberCount, lastSeq, version}, plus unread and
  // member for the actor's own rooms and userIds for a direct room. A message is the contract's message.
  /** {@code {actor, name, description?, type?, capacity?}} -> room; the creator is its first member. */
  public static final String CHAT_ROOM_CREATE = "parley.chat.room.create";
  /** {@code {actor, roomId}} -> room. Public rooms only, or a room the actor already belongs to. */
  public static final String CHAT_ROOM_JOIN = "parley.chat.room.join";
  /** {@code {actor, roomId}} -> {}. Leaving a room one is not in changes nothing; direct rooms cannot be left. */
  public static final String CHAT_ROOM_LEAVE = "parley.chat.room.leave";
  /** {@code {actor, roomId, userId}} -> room: a member adds another user (the way into a private room). */
  public static final String CHAT_ROOM_INVITE = "parley.chat.room.invite";
  /** {@code {actor, roomId}} -> room with {@code members:[{id, username, displayName, online}]}. */
  public static final String CHAT_ROOM_GET = "parley.chat.room.get";
  /** {@code {actor}} -> {rooms:[room], lastRoomId?}: every public room and every room of the actor. */
  public static final String CHAT_ROOMS_LIST = "parley.chat.rooms.list";
  /** {@code {actor}} -> {rooms:[room with lastSeq, version, unread]}: the rooms the actor is a member of. */
  public static final String CHAT_ROOMS_OF_USER = "parley.chat.rooms.of-user";
  /** {@code {actor, userId}} -> {room, created}: the direct room of the actor and that user, made on first use. */
  public static final String CHAT_DIRECT_ROOM = "parley.chat.direct-room";
  /** {@code {actor, roomId}} -> {}: remembers the room the user last had open, shown as lastRoomId. */
  public static final String CHAT_LAST_ROOM_SET = "parley.chat.last-room.set";
  /**
   * {@code {actor, roomId|toUserId, text, clientMsgId?, fileId?}} -> {message, created}. created is false when
   * the sender's clientMsgId already made a message: that first message is the answer.
   */
  public static final String CHAT_MESSAGE_SEND = "parley.chat.message.send";
  /** {@code {actor, messageId, text}} -> {message}: the sender only. */
  public static final String CHAT_MESSAGE_EDIT = "parley.chat.message.edit";
  /** {@code {actor, messageId}} -> {message}: the sender or an admin; the message keeps its seq, emptied. */
  public static final String CHAT_MESSAGE_DELETE = "parley.chat.message.delete";
  /** {@code {actor, messageId, emoji, op:"add"|"remove"}} -> {message, changed}. */
  public static final String CHAT_MESSAGE_REACT = "parley.chat.message.react";
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
  /** {@code {actor, roomId, seq}} -> {roomId, seq, unread}: marks read up to seq (never backwards). */
  public static final String CHAT_READ = "parley.chat.read";
  /**
   * {@code {actor}} -> {delivered:n}. Asked by a gateway once a user's socket is ready: each direct message
   * that reached the user while offline is published to them again as a {@code message} user event, and its
   * sender is told with a {@code delivered} user event.
   */
  public static final String CHAT_DELIVERIES_FLUSH = "parley.chat.deliveries.flush";

  // Files travel in chunks, each request answered before the next is sent: that is the upload's backpressure.
  /** {@code {actor, roomId?, name, declaredType}} -> {fileId, maxBytes, chunkBytes}. */
  public static final String CHAT_FILE_UPLOAD_START = "parley.chat.file.upload.start";
  /** Buffer body, headers {@code actorId, fileId, n} (0, 1, 2...) -> {size}: the bytes received so far. */
  public static final String CHAT_FILE_UPLOAD_CHUNK = "parley.chat.file.upload.chunk";
  /** {@code {actor, fileId, roomId}} -> {fileId, name, size, contentType}: checks, sniffs, completes. */
  public static final String CHAT_FILE_UPLOAD_FINISH = "parley.chat.file.upload.finish";
  /** {@code {actor, fileId}} -> {}: forgets an upload and every chunk stored for it. */
  public static final String CHAT_FILE_UPLOAD_ABORT = "parley.chat.file.upload.abort";
  /**
   * {@code {fileId, n, actor | exp, sig}} -> Buffer of chunk n, headers {@code name, size, contentType,
   * chunks}. Allowed to members of the file's room, or to anyone holding an unexpired signed link.
   */
  public static final String CHAT_FILE_READ = "parley.chat.file.read";
  /** {@code {actor, fileId}} -> {url, expiresAt}: a short-lived signed link, so no token goes in a URL. */
  public static final String CHAT_FILE_LINK = "parley.chat.file.link";
  /**
   * Published by the chat-service instance that recorded a timeline change, for the others' caches of recent
   * messages: {@code {roomId, version, message}} with the message as it is after the change.
   */
  public static final String CHAT_TIMELINE_CHANGED = "parley.chat.timeline-changed";
  /**
   * Published by a chat-service instance that keeps losing the race to write to a room's journal: {@code
   * {roomId, instance, holdMs}}. The other instances hold back their next write to that room for holdMs.
   */
  public static final String CHAT_JOURNAL_YIELD = "parley.chat.journal.yield";
  /** {@code {actor}} -> {rooms, messages}: counts for the admin panel; admin actors only. */
  public static final String CHAT_ADMIN_STATS = "parley.chat.admin.stats";
  /**
   * {@code {actor, roomId}} -> {}: deletes a room with its memberships and messages; admin actors only. Every
   * member sees {@code member_left} for themselves and their sockets leave the room.
   */
  public static final String CHAT_ADMIN_ROOM_DELETE = "parley.chat.admin.room.delete";

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
  /** {@code {}} -> {gateways:{gatewayId: connections}}: open authenticated sockets per gateway. */
  public static final String PRESENCE_STATS = "parley.presence.stats";
  /** Published by presence-service when it starts: every gateway answers with heartbeats and snapshots. */
  public static final String PRESENCE_RESYNC = "parley.presence.resync";

  /** {@code {}} -> {gatewayId, connections:[{connectionId, userId}]}: one gateway's open connections. */
  public static String gatewayConnections(String gatewayId) {
    return "parley.gateway." + gatewayId + ".connections";
  }

  // search-service ---------------------------------------------------------------------------------------
  /**
   * {@code {actor, q, roomId?, from?, before?, after?, limit?, cursor?}} -> {results:[{message, room, highlight}],
   * next}: messages the actor may read now, newest first. See {@code io.parley.contract.search}.
   */
  public static final String SEARCH_QUERY = "parley.search.query";
  public static final String SEARCH_HEALTH = "parley.search.health";

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
   * Published by chat-service for every change to a room, each a client frame: {@code message {message}},
   * {@code message_updated {message}}, {@code message_deleted {messageId, message}}, {@code reaction
   * {messageId, emoji, userId, op}} (all with {@code roomId, version}), and {@code member_joined} / {@code
   * member_left {roomId, user}}. A gateway consumes it only while one of its sockets belongs to a member.
   */
  public static String roomEvents(String roomId) {
    return ROOM_EVENTS + roomId;
  }

  /**
   * Published for one user, on whichever gateways hold that user's sockets: {@code {type, ...}}.
   * {@code membership {roomId, member, room?}} makes a gateway subscribe to or leave a room's events; it and
   * the client frames {@code message}, {@code delivered {messageId, roomId, late, at}} and {@code receipt
   * {roomId, userId, seq}} are passed on to the user's sockets.
   */
  public static String userEvents(String userId) {
    return USER_EVENTS + userId;
  }
}
