package io.parley.chat;

import io.parley.contract.Addresses;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a user is, as auth-service says: {@code {id, username, displayName}}. Profiles are kept in a small LRU
 * cache because every message carries its sender's.
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

  public Future<JsonObject> profile(String userId) {
    JsonObject cached = cache.get(userId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return bus.<JsonObject>request(Addresses.AUTH_USERS_GET,
            new JsonObject().put("userIds", new JsonArray().add(userId)))
        .compose(reply -> {
          JsonArray found = reply.body().getJsonArray("users", new JsonArray());
          if (found.isEmpty()) {
            return Future.failedFuture(ServiceError.notFound("User"));
          }
          JsonObject user = found.getJsonObject(0);
          JsonObject profile = new JsonObject()
              .put("id", user.getString("id"))
              .put("username", user.getString("username"))
              .put("displayName", user.getString("displayName"));
          cache.put(userId, profile);
          return Future.succeededFuture(profile);
        });
  }
}
