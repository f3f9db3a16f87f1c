package io.parley.chat.directory;

import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who users are, as auth-service says ({@code {id, username, displayName}}), and whether they are online, as
 * presence-service says. Profiles are kept in a small LRU cache because every message carries its sender's.
 */
public final class UserDirectory {

  private static final int CACHE_SIZE = 10_000;

  private final EventBus bus;
  private final Map<String, JsonObject> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  public UserDirectory(EventBus bus) {
    this.bus = bus;
  }

  /**
   * The user id an untrusted field holds: {@code invalid_input} when it is missing or not a string,
   * {@code not_found} when it cannot be an id. Whether the user exists is for {@link #profile} to say.
   */
  public static String userIdIn(Object value, String field) {
    if (!(value instanceof String userId)) {
      throw ServiceError.invalid(field, value == null ? "is required" : "must be a string");
    }
    if (!Ids.looksValid(userId)) {
      throw ServiceError.notFound("User");
    }
    return userId;
  }

  /** One user's profile; {@code not_found} when auth-service knows no such user. */
  public Future<JsonObject> profile(String userId) {
    return profiles(List.of(userId)).compose(found -> found.containsKey(userId)
        ? Future.succeededFuture(found.get(userId))
        : Future.failedFuture(ServiceError.notFound("User")));
  }

  /** The profiles of those users that exist, by id. */
  public Future<Map<String, JsonObject>> profiles(Collection<String> userIds) {
    Map<String, JsonObject> found = new LinkedHashMap<>();
    JsonArray missing = new JsonArray();
    for (String userId : new HashSet<>(userIds)) {
      JsonObject cached = cache.get(userId);
      if (cached != null) {
        found.put(userId, cached);
      } else {
        missing.add(userId);
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(found);
    }
    return bus.<JsonObject>request(Addresses.AUTH_USERS_GET, new JsonObject().put("userIds", missing))
        .map(reply -> {
          for (Object item : reply.body().getJsonArray("users", new JsonArray())) {
            JsonObject user = (JsonObject) item;
            JsonObject profile = new JsonObject()
                .put("id", user.getString("id"))
                .put("username", user.getString("username"))
                .put("displayName", user.getString("displayName"));
            cache.put(profile.getString("id"), profile);
            found.put(profile.getString("id"), profile);
          }
          return found;
        });
  }

  /** Which of these users have an open connection now. */
  public Future<Set<String>> online(Collection<String> userIds) {
    return bus.<JsonObject>request(Addresses.PRESENCE_QUERY,
            new JsonObject().put("userIds", new JsonArray(List.copyOf(userIds))))
        .map(reply -> {
          Set<String> online = new HashSet<>();
          reply.body().getJsonArray("online", new JsonArray()).forEach(id -> online.add((String) id));
          return online;
        });
  }
}
