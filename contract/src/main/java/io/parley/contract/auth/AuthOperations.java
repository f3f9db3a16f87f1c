package io.parley.contract.auth;

import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Notice;
import io.parley.contract.bus.Operation;
import io.parley.contract.model.Health;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What auth-service answers and publishes on the event bus, with the payload of each. */
public final class AuthOperations {

  private AuthOperations() {
  }

  static final Codec<User> USER = Codec.of(User::toJson, User::fromJson);

  private static final Codec<List<User>> USERS = Codec.of(
      users -> new JsonObject().put("users", JsonValues.encodeAll(users, User::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("users"), User::fromJson));

  /** One user by id: anything that cannot be an id is {@code not_found}. */
  static final Codec<String> USER_ID = Codec.of(
      userId -> new JsonObject().put("userId", userId),
      json -> UserIds.require(json.getValue("userId")));

  /** Ids of users; values that cannot be ids are dropped, not refused. */
  private static final Codec<List<String>> USER_IDS = Codec.of(
      userIds -> new JsonObject().put("userIds", JsonValues.array(userIds)),
      json -> UserIds.among(json.getValue("userIds")));

  private static final Codec<List<EndedSession>> ENDED_SESSIONS = Codec.of(
      ended -> new JsonObject().put("sessions", JsonValues.encodeAll(ended, EndedSession::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("sessions"), EndedSession::fromJson));

  private static final Codec<List<SessionInfo>> SESSIONS = Codec.of(
      sessions -> new JsonObject().put("sessions", JsonValues.encodeAll(sessions, SessionInfo::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("sessions"), SessionInfo::fromJson));

  /** One session by id: anything that cannot be an id is {@code not_found}, as another user's session is. */
  private static final Codec<String> SESSION_ID = Codec.of(
      sessionId -> new JsonObject().put("sessionId", sessionId),
      json -> {
        if (!Ids.looksValid(json.getValue("sessionId"))) {
          throw ServiceError.notFound("Session");
        }
        return json.getString("sessionId");
      });

  private static final Codec<Integer> ENDED_COUNT = Codec.of(
      count -> new JsonObject().put("ended", count),
      json -> json.getInteger("ended", 0));

  private static final Codec<Long> USER_COUNT = Codec.of(
      count -> new JsonObject().put("users", count),
      json -> json.getLong("users", 0L));

  // accounts -------------------------------------------------------------------------------------------
  public static final Operation<Registration, User> REGISTER = Operation.internal(Addresses.AUTH_REGISTER,
      Registration.CODEC, USER, "{username, password, displayName?} -> user.");

  public static final Operation<String, User> USER_GET = Operation.internal(Addresses.AUTH_USER_GET, USER_ID, USER,
      "{userId} -> user with online (left out when presence-service does not answer).")
      .idempotent();

  public static final Operation<List<String>, List<User>> USERS_GET = Operation.internal(Addresses.AUTH_USERS_GET,
      USER_IDS, USERS, "{userIds:[...]} -> {users:[...]}: lookup used by other services to render senders and "
          + "members.")
      .idempotent();

  public static final Operation<UserSearch, List<User>> USERS_SEARCH = Operation.forActor(
      Addresses.AUTH_USERS_SEARCH, UserSearch.CODEC, USERS,
      "{actor, q?, online?, limit?} -> {users:[user with online?]}: users not banned whose username starts with "
          + "q (ignoring case), by username, at most limit (1-100, default 50); online:true keeps only users "
          + "presence-service reports online.")
      .idempotent();

  // sessions -------------------------------------------------------------------------------------------
  public static final Operation<Credentials, TokenPair> LOGIN = Operation.internal(Addresses.AUTH_LOGIN,
      Credentials.CODEC, TokenPair.CODEC,
      "{username, password, clientAddress?} -> {accessToken, refreshToken, expiresIn, user}.");

  public static final Operation<TokenRefresh, TokenPair> REFRESH = Operation.internal(Addresses.AUTH_REFRESH,
      TokenRefresh.CODEC, TokenPair.CODEC,
      "{refreshToken} -> {accessToken, refreshToken, expiresIn, user}. The given refresh token stops working; "
          + "presenting one that was already rotated ends its whole session (SESSIONS_ENDED, reason reuse).");

  public static final Operation<Void, Void> LOGOUT = Operation.forActor(Addresses.AUTH_LOGOUT, Codec.NONE,
      Codec.NONE, "{actor} -> {}: ends the actor's session (SESSIONS_ENDED, reason logout).")
      .idempotent();

  public static final Operation<Void, List<EndedSession>> ENDED = Operation.internal(Addresses.AUTH_ENDED_SESSIONS,
      Codec.NONE, ENDED_SESSIONS, "{} -> {sessions:[{sessionId, userId, reason, until}]}: every ended session "
          + "whose access tokens may still be unexpired. A starting gateway asks once, after it subscribed to "
          + "SESSIONS_ENDED.")
      .idempotent();

  public static final Operation<Void, PublicKey> PUBLIC_KEY = Operation.internal(Addresses.AUTH_PUBLIC_KEY,
      Codec.NONE, PublicKey.CODEC, "{} -> {algorithm, issuer, publicKeyPem}: what gateways verify access tokens "
          + "with.")
      .idempotent();

  public static final Notice<SessionsEnded> SESSIONS_ENDED = new Notice<>(Addresses.SESSIONS_ENDED,
      SessionsEnded.CODEC, "{userId, sessionIds:[...], reason:\"logout\"|\"reuse\"|\"banned\"|\"revoked\"|"
          + "\"password_changed\", until}: published by auth-service when sessions or personal access tokens end. "
          + "Every gateway refuses their tokens until until (epoch milliseconds, when the last of them has expired) "
          + "and closes their sockets: 4401, or 4403 for banned, which closes every socket of the user.");

  public static final Operation<Void, List<SessionInfo>> SESSIONS_LIST = Operation.forActor(
      Addresses.AUTH_SESSIONS_LIST, Codec.NONE, SESSIONS, "{actor} -> {sessions:[{id, createdAt, lastUsedAt, "
          + "userAgent, address, current}]}: the actor's open sessions, the most recently used first.")
      .idempotent();

  public static final Operation<String, Void> SESSION_END = Operation.forActor(Addresses.AUTH_SESSION_END,
      SESSION_ID, Codec.NONE, "{actor, sessionId} -> {}: ends one of the actor's sessions (SESSIONS_ENDED, reason "
          + "revoked); not_found for another user's.");

  public static final Operation<Void, Integer> SESSIONS_END_OTHERS = Operation.forActor(
      Addresses.AUTH_SESSIONS_END_OTHERS, Codec.NONE, ENDED_COUNT, "{actor} -> {ended}: ends every session of the "
          + "actor's but the actor's own (SESSIONS_ENDED, reason revoked).");

  public static final Operation<PasswordChange, Void> PASSWORD_CHANGE = Operation.forActor(
      Addresses.AUTH_PASSWORD_CHANGE, PasswordChange.CODEC, Codec.NONE, "{actor, currentPassword, newPassword} -> "
          + "{}: bad_password, weak_password; ends the user's other sessions (SESSIONS_ENDED, reason "
          + "password_changed).");

  // administration -------------------------------------------------------------------------------------
  public static final Operation<UserSearch, List<User>> ADMIN_USERS = Operation.forActor(Addresses.AUTH_ADMIN_USERS,
      UserSearch.CODEC, USERS, "{actor, q?, online?, limit?} -> {users:[user with banned, online?]}: as "
          + "users.search, banned users included; admins only.")
      .idempotent();

  public static final Operation<UserBan, User> ADMIN_BAN = Operation.forActor(Addresses.AUTH_ADMIN_BAN,
      UserBan.CODEC, USER, "{actor, userId, banned:true|false} -> user with banned; admins only. Banning ends "
          + "every session of the user (SESSIONS_ENDED, reason banned).");

  public static final Operation<RoleChange, User> ADMIN_ROLE = Operation.forActor(Addresses.AUTH_ADMIN_ROLE,
      RoleChange.CODEC, USER, "{actor, userId, role:\"user\"|\"admin\"} -> user with banned; admins only, never "
          + "on themselves.");

  public static final Operation<String, Void> ADMIN_TOTP_RESET = Operation.forActor(Addresses.AUTH_ADMIN_TOTP_RESET,
      USER_ID, Codec.NONE, "{actor, userId} -> {}: turns off the user's two-factor sign-in; admins only.");

  public static final Operation<Void, Long> ADMIN_STATS = Operation.forActor(Addresses.AUTH_ADMIN_STATS,
      Codec.NONE, USER_COUNT, "{actor} -> {users}: the number of accounts; admins only, by their current stored "
          + "role.")
      .idempotent();

  public static final Operation<Void, Void> ADMIN_CHECK = Operation.forActor(Addresses.AUTH_ADMIN_CHECK,
      Codec.NONE, Codec.NONE, "{actor} -> {}: answers only when the actor is an admin now (stored role, not "
          + "banned).")
      .idempotent();

  public static final Operation<Void, Health> HEALTH = Operation.internal(Addresses.AUTH_HEALTH, Codec.NONE,
      Health.CODEC, "{} -> {service, storage}: answers while the service runs and "
          + "reaches its store.")
      .idempotent();
}
