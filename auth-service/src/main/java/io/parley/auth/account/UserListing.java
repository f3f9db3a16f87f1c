package io.parley.auth.account;

import io.parley.contract.RequestFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Users as lists show them, each with {@code online} from presence-service. When presence-service does not
 * answer, {@code online} is left out rather than guessed, unless the caller asked for online users only.
 */
public final class UserListing {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;
  private static final int QUERY_MAX_CHARS = 64;

  private final UserStore users;
  private final PresenceLookup presence;

  public UserListing(UserStore users, PresenceLookup presence) {
    this.users = users;
    this.presence = presence;
  }

  /**
   * {@code {q?, online?, limit?}} -> {users:[...]}. Admins also see banned users, and whether each one is.
   */
  public Future<JsonObject> search(JsonObject request, boolean forAdmin) {
    RequestFields fields = RequestFields.of(request);
    String query = fields.optionalString("q", 0, QUERY_MAX_CHARS);
    Boolean onlineOnly = fields.optionalBoolean("online");
    Long limit = fields.optionalLong("limit", 1, MAX_LIMIT);
    fields.throwIfInvalid();
    String prefix = query == null ? "" : query.strip();
    int max = limit == null ? DEFAULT_LIMIT : limit.intValue();
    Function<JsonObject, JsonObject> view = forAdmin ? UserStore::adminView : UserStore::view;
    Future<JsonArray> listed = Boolean.TRUE.equals(onlineOnly)
        ? presence.everyoneOnline().compose(online -> users.search(prefix, max, forAdmin, List.copyOf(online))
            .map(found -> views(found, view, online)))
        : users.search(prefix, max, forAdmin, null).compose(found -> withPresence(found, view));
    return listed.map(list -> new JsonObject().put("users", list));
  }

  /** One user's public view with {@code online}. */
  Future<JsonObject> one(JsonObject user) {
    return withPresence(List.of(user), UserStore::view).map(list -> list.getJsonObject(0));
  }

  private Future<JsonArray> withPresence(List<JsonObject> found, Function<JsonObject, JsonObject> view) {
    List<String> ids = found.stream().map(user -> user.getString("_id")).toList();
    return presence.onlineAmong(ids)
        .map(online -> views(found, view, online))
        .otherwise(presenceDown -> views(found, view, null));
  }

  private static JsonArray views(List<JsonObject> found, Function<JsonObject, JsonObject> view, Set<String> online) {
    JsonArray list = new JsonArray();
    for (JsonObject user : found) {
      JsonObject shown = view.apply(user);
      if (online != null) {
        shown.put("online", online.contains(user.getString("_id")));
      }
      list.add(shown);
    }
    return list;
  }
}
