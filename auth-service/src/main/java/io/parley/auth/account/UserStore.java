package io.parley.auth.account;

import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.ProfileChange;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.User;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code users} collection, owned by auth-service. Usernames are unique ignoring case through a unique
 * index on {@code usernameKey}, their lowercase form. The first account ever created is an admin: it claims
 * the {@code first-admin} flag ({@link AuthFlags}), so two racing sign-ups cannot both win.
 */
public final class UserStore {

  static final String USERS = "users";
  private static final String FIRST_ADMIN = "first-admin";

  private final MongoClient mongo;
  private final AuthFlags flags;

  public UserStore(MongoClient mongo) {
    this.mongo = mongo;
    this.flags = new AuthFlags(mongo);
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(USERS, new JsonObject().put("usernameKey", 1),
        new IndexOptions().unique(true).name("usernameKey_unique")).mapEmpty();
  }

  public static String usernameKey(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  /** Inserts a new user; fails with {@code username_taken} when the name exists in any case. */
  public Future<JsonObject> create(String username, String displayName, String passwordHash) {
    String id = Ids.newId();
    return flags.claim(FIRST_ADMIN, id).compose(admin -> {
      JsonObject doc = new JsonObject()
          .put("_id", id)
          .put("username", username)
          .put("usernameKey", usernameKey(username))
          .put("displayName", displayName)
          .put("role", admin ? User.ROLE_ADMIN : User.ROLE_USER)
          .put("passwordHash", passwordHash)
          .put("banned", false)
          .put("createdAt", Instant.now().toString());
      return mongo.insert(USERS, doc)
          .map(ignored -> doc)
          .recover(failure -> {
            Future<Void> release = admin ? flags.release(FIRST_ADMIN, id) : Future.succeededFuture();
            return release.transform(ignored -> Future.failedFuture(MongoStore.isDuplicateKey(failure)
                ? new ServiceError(ErrorCode.USERNAME_TAKEN, "That username is taken.")
                : failure));
          });
    });
  }

  public Future<JsonObject> findByUsername(String username) {
    return mongo.findOne(USERS, new JsonObject().put("usernameKey", usernameKey(username)), null);
  }

  public Future<Long> count() {
    return mongo.count(USERS, new JsonObject());
  }

  public Future<JsonObject> findById(String id) {
    return mongo.findOne(USERS, new JsonObject().put("_id", id), null);
  }

  public Future<List<JsonObject>> findByIds(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.find(USERS, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))));
  }

  /**
   * Users whose username starts with {@code prefix}, ignoring case, by username. The prefix is a range on the
   * lowercase key (every username character sorts below DEL), never a regular expression built from input.
   */
  public Future<List<JsonObject>> search(String prefix, int limit, boolean includeBanned, List<String> onlyIds) {
    String from = usernameKey(prefix);
    JsonObject query = new JsonObject()
        .put("usernameKey", new JsonObject().put("$gte", from).put("$lt", from + '\u007f'));
    if (!includeBanned) {
      query.put("banned", false);
    }
    if (onlyIds != null) {
      query.put("_id", new JsonObject().put("$in", new JsonArray(onlyIds)));
    }
    return mongo.findWithOptions(USERS, query, new FindOptions()
        .setSort(new JsonObject().put("usernameKey", 1))
        .setLimit(limit));
  }

  /** Bans or unbans a user; answers the updated user, or null when there is none. */
  public Future<JsonObject> setBanned(String id, boolean banned) {
    return update(id, "banned", banned);
  }

  /** Sets a user's role; answers the updated user, or null when there is none. */
  public Future<JsonObject> setRole(String id, String role) {
    return update(id, "role", role);
  }

  public Future<JsonObject> setPasswordHash(String id, String passwordHash) {
    return update(id, "passwordHash", passwordHash);
  }

  /** Sets the profile fields the change names; an empty display name shows the username again. */
  public Future<JsonObject> updateProfile(JsonObject user, ProfileChange change) {
    JsonObject set = new JsonObject();
    if (change.displayName() != null) {
      set.put("displayName", change.displayName().isEmpty() ? user.getString("username") : change.displayName());
    }
    JsonValues.putIfPresent(set, "statusText", change.statusText());
    JsonValues.putIfPresent(set, "statusEmoji", change.statusEmoji());
    return set.isEmpty() ? Future.succeededFuture(user) : updated(user.getString("_id"), new JsonObject()
        .put("$set", set));
  }

  /** The number of the user's next avatar; versions are never reused, so a cached old avatar is never served. */
  public Future<Integer> nextAvatarVersion(String id) {
    return updated(id, new JsonObject().put("$inc", new JsonObject().put("avatarsMade", 1)))
        .map(user -> user == null ? null : user.getInteger("avatarsMade"));
  }

  /** Makes {@code version} the user's avatar unless a later one is already (two uploads racing). */
  public Future<JsonObject> showAvatar(String id, int version) {
    return updated(id, new JsonObject().put("$max", new JsonObject().put("avatarVersion", version)));
  }

  public Future<JsonObject> hideAvatar(String id) {
    return updated(id, new JsonObject().put("$unset", new JsonObject().put("avatarVersion", "")));
  }

  public static boolean isBanned(JsonObject doc) {
    return doc.getBoolean("banned", false);
  }

  public static String passwordHash(JsonObject doc) {
    return doc.getString("passwordHash");
  }

  private Future<JsonObject> update(String id, String field, Object value) {
    return updated(id, new JsonObject().put("$set", new JsonObject().put(field, value)));
  }

  /** Applies the update and answers the user as it is after, or null when there is none. */
  private Future<JsonObject> updated(String id, JsonObject update) {
    return mongo.findOneAndUpdateWithOptions(USERS, new JsonObject().put("_id", id), update,
        new FindOptions(), new UpdateOptions().setReturningNewDocument(true));
  }

  /** What a banned account is told when it logs in or refreshes. */
  public static ServiceError bannedAccount() {
    return new ServiceError(ErrorCode.BANNED, "This account is banned.");
  }

  /** The public view of a user: never the hash, never internal flags. */
  public static User view(JsonObject doc) {
    return user(doc, null);
  }

  /** What admins see of a user: the public view and whether the account is banned. */
  public static User adminView(JsonObject doc) {
    return user(doc, isBanned(doc));
  }

  private static User user(JsonObject doc, Boolean banned) {
    return new User(doc.getString("_id"), doc.getString("username"), doc.getString("displayName"),
        doc.getString("role"), doc.getString("createdAt"), doc.getString("statusText"),
        doc.getString("statusEmoji"), doc.getInteger("avatarVersion"), null, banned);
  }
}
