package io.parley.contract;

/**
 * The name of every event-bus address Parley uses, and nothing else: what each one carries is written once, in
 * the summary of its operation or notice (the {@code *Operations} classes of each service's contract, and
 * {@code FrameEvents}), from which docs/ARCHITECTURE.md's address table is made. Requests
 * made on behalf of a user carry {@code "actor"} ({@link Actor}).
 */
public final class Addresses {

  private Addresses() {
  }

  // auth-service -----------------------------------------------------------------------------------------
  public static final String AUTH_REGISTER = "parley.auth.register";
  public static final String AUTH_LOGIN = "parley.auth.login";
  public static final String AUTH_PUBLIC_KEY = "parley.auth.public-key";
  public static final String AUTH_USER_GET = "parley.auth.user.get";
  public static final String AUTH_USERS_GET = "parley.auth.users.get";
  public static final String AUTH_REFRESH = "parley.auth.token.refresh";
  public static final String AUTH_LOGOUT = "parley.auth.logout";
  public static final String AUTH_ENDED_SESSIONS = "parley.auth.sessions.ended";
  public static final String AUTH_USERS_SEARCH = "parley.auth.users.search";
  public static final String AUTH_ADMIN_USERS = "parley.auth.admin.users";
  public static final String AUTH_ADMIN_BAN = "parley.auth.admin.ban";
  public static final String AUTH_ADMIN_ROLE = "parley.auth.admin.role";
  public static final String AUTH_ADMIN_STATS = "parley.auth.admin.stats";
  public static final String AUTH_ADMIN_CHECK = "parley.auth.admin.check";
  public static final String AUTH_ADMIN_TOTP_RESET = "parley.auth.admin.totp.reset";

  // auth-service: your account ---------------------------------------------------------------------------
  public static final String AUTH_PROFILE_UPDATE = "parley.auth.profile.update";
  public static final String AUTH_AVATAR_SET = "parley.auth.avatar.set";
  public static final String AUTH_AVATAR_REMOVE = "parley.auth.avatar.remove";
  public static final String AUTH_AVATAR_GET = "parley.auth.avatar.get";
  public static final String USER_UPDATED = "parley.auth.user-updated";
  public static final String AUTH_PASSWORD_CHANGE = "parley.auth.password.change";
  public static final String AUTH_SESSIONS_LIST = "parley.auth.sessions.list";
  public static final String AUTH_SESSION_END = "parley.auth.session.end";
  public static final String AUTH_SESSIONS_END_OTHERS = "parley.auth.sessions.end-others";
  public static final String AUTH_TOTP_ENROL = "parley.auth.totp.enrol";
  public static final String AUTH_TOTP_CONFIRM = "parley.auth.totp.confirm";
  public static final String AUTH_TOTP_DISABLE = "parley.auth.totp.disable";
  public static final String AUTH_TOTP_STATUS = "parley.auth.totp.status";
  public static final String AUTH_PAT_CREATE = "parley.auth.personal-tokens.create";
  public static final String AUTH_PAT_LIST = "parley.auth.personal-tokens.list";
  public static final String AUTH_PAT_REVOKE = "parley.auth.personal-tokens.revoke";
  public static final String AUTH_PAT_VERIFY = "parley.auth.personal-tokens.verify";

  // chat-service -----------------------------------------------------------------------------------------
  public static final String CHAT_ROOM_CREATE = "parley.chat.room.create";
  public static final String CHAT_ROOM_JOIN = "parley.chat.room.join";
  public static final String CHAT_ROOM_LEAVE = "parley.chat.room.leave";
  public static final String CHAT_ROOM_INVITE = "parley.chat.room.invite";
  public static final String CHAT_ROOM_GET = "parley.chat.room.get";
  public static final String CHAT_ROOMS_LIST = "parley.chat.rooms.list";
  public static final String CHAT_ROOMS_OF_USER = "parley.chat.rooms.of-user";
  public static final String CHAT_DIRECT_ROOM = "parley.chat.direct-room";
  public static final String CHAT_LAST_ROOM_SET = "parley.chat.last-room.set";
  public static final String CHAT_MESSAGE_SEND = "parley.chat.message.send";
  public static final String CHAT_MESSAGE_EDIT = "parley.chat.message.edit";
  public static final String CHAT_MESSAGE_DELETE = "parley.chat.message.delete";
  public static final String CHAT_MESSAGE_REACT = "parley.chat.message.react";
  public static final String CHAT_HISTORY = "parley.chat.history";
  public static final String CHAT_SYNC = "parley.chat.sync";
  public static final String CHAT_ROOMMATES = "parley.chat.roommates";
  public static final String CHAT_ROOMS_READABLE = "parley.chat.rooms.readable";
  public static final String CHAT_ROOM_IDS_OF_USER = "parley.chat.room-ids.of-user";
  public static final String CHAT_READ = "parley.chat.read";
  public static final String CHAT_DELIVERIES_FLUSH = "parley.chat.deliveries.flush";
  public static final String CHAT_FILE_UPLOAD_START = "parley.chat.file.upload.start";
  public static final String CHAT_FILE_UPLOAD_CHUNK = "parley.chat.file.upload.chunk";
  public static final String CHAT_FILE_UPLOAD_FINISH = "parley.chat.file.upload.finish";
  public static final String CHAT_FILE_UPLOAD_ABORT = "parley.chat.file.upload.abort";
  public static final String CHAT_FILE_READ = "parley.chat.file.read";
  public static final String CHAT_FILE_LINK = "parley.chat.file.link";
  public static final String CHAT_ROOM_VERSIONS = "parley.chat.changes.room-versions";
  public static final String CHAT_CHANGES = "parley.chat.changes.after";
  public static final String CHAT_TIMELINE_CHANGED = "parley.chat.timeline-changed";
  public static final String CHAT_JOURNAL_YIELD = "parley.chat.journal.yield";
  public static final String CHAT_ROOM_ACCESS_CHANGED = "parley.chat.room-access-changed";
  public static final String CHAT_ADMIN_STATS = "parley.chat.admin.stats";
  public static final String CHAT_ADMIN_ROOM_DELETE = "parley.chat.admin.room.delete";

  // chat-service: conversations (threads, mentions, pins, edits, room settings) -------------------------
  public static final String CHAT_ROOM_UPDATE = "parley.chat.room.update";
  public static final String CHAT_ROOM_PREFS = "parley.chat.room.prefs";
  public static final String CHAT_ROOM_MEMBER_REMOVE = "parley.chat.room.member.remove";
  public static final String CHAT_ROOM_OWNER_ADD = "parley.chat.room.owner.add";
  public static final String CHAT_MESSAGE_PIN = "parley.chat.message.pin";
  public static final String CHAT_MESSAGE_UNPIN = "parley.chat.message.unpin";
  public static final String CHAT_MESSAGE_EDITS = "parley.chat.message.edits";
  public static final String CHAT_REPLIES = "parley.chat.replies";
  public static final String CHAT_PINS = "parley.chat.pins";
  public static final String CHAT_READ_THREAD = "parley.chat.read.thread";
  public static final String CHAT_MENTIONS = "parley.chat.mentions";
  public static final String CHAT_THREADS = "parley.chat.threads";

  // chat-service: incoming webhooks ----------------------------------------------------------------------
  public static final String CHAT_WEBHOOK_CREATE = "parley.chat.webhook.create";
  public static final String CHAT_WEBHOOKS_LIST = "parley.chat.webhooks.list";
  public static final String CHAT_WEBHOOK_REMOVE = "parley.chat.webhook.remove";
  public static final String CHAT_WEBHOOK_POST = "parley.chat.webhook.post";

  // presence-service -------------------------------------------------------------------------------------
  public static final String PRESENCE_CONNECTED = "parley.presence.connected";
  public static final String PRESENCE_DISCONNECTED = "parley.presence.disconnected";
  public static final String PRESENCE_QUERY = "parley.presence.query";
  public static final String PRESENCE_HEARTBEAT = "parley.presence.heartbeat";
  /** How often every gateway publishes its heartbeat. */
  public static final long PRESENCE_HEARTBEAT_MS = 2_000;
  /** A gateway not heard from for this long is gone, and its users with it. */
  public static final long PRESENCE_EXPIRY_MS = 6_000;
  public static final String PRESENCE_STATS = "parley.presence.stats";
  public static final String PRESENCE_RESYNC = "parley.presence.resync";

  /** One gateway's connections, asked of it by presence-service. */
  public static String gatewayConnections(String gatewayId) {
    return "parley.gateway." + gatewayId + ".connections";
  }

  // search-service ---------------------------------------------------------------------------------------
  public static final String SEARCH_QUERY = "parley.search.query";

  // health -----------------------------------------------------------------------------------------------
  public static final String AUTH_HEALTH = "parley.auth.health";
  public static final String CHAT_HEALTH = "parley.chat.health";
  public static final String PRESENCE_HEALTH = "parley.presence.health";
  public static final String SEARCH_HEALTH = "parley.search.health";

  // published events -------------------------------------------------------------------------------------
  public static final String SESSIONS_ENDED = "parley.auth.sessions-ended";

  private static final String ROOM_EVENTS = "parley.room.";
  private static final String USER_EVENTS = "parley.user.";

  /** One room's events: client frames for its members. */
  public static String roomEvents(String roomId) {
    return ROOM_EVENTS + roomId;
  }

  /** One user's events, on whichever gateways hold that user's sockets. */
  public static String userEvents(String userId) {
    return USER_EVENTS + userId;
  }
}
