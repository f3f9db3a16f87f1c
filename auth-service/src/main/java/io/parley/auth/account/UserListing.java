package io.parley.auth.account;

import io.parley.contract.auth.UserSearch;
import io.parley.contract.model.User;
import io.parley.contract.presence.PresenceService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Users as lists show them, each with {@code online} from presence-service. When presence-service does not
 * answer, {@code online} is left out rather than guessed, unless the caller asked for online users only.
 */
public final class UserListing {

  /** How long a list waits for presence-service before it is shown without {@code online}. */
  public static final long PRESENCE_TIMEOUT_MS = 2_000;

  private final UserStore users;
  private final PresenceService presence;

  public UserListing(UserStore users, PresenceService presence) {
    this.users = users;
    this.presence = presence;
  }

  /** Admins also see banned users, and whether each one is. */
  public Future<List<User>> search(UserSearch search, boolean forAdmin) {
    Function<JsonObject, User> view = forAdmin ? UserStore::adminView : UserStore::view;
    if (search.onlineOnly()) {
      return presence.everyoneOnline().compose(online ->
          users.search(search.prefix(), search.max(), forAdmin, List.copyOf(online))
              .map(found -> views(found, view, online)));
    }
    return users.search(search.prefix(), search.max(), forAdmin, null).compose(found -> withPresence(found, view));
  }

  /** One user's public view with {@code online}. */
  Future<User> one(JsonObject user) {
    return withPresence(List.of(user), UserStore::view).map(list -> list.get(0));
  }

  private Future<List<User>> withPresence(List<JsonObject> found, Function<JsonObject, User> view) {
    if (found.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> ids = found.stream().map(user -> user.getString("_id")).toList();
    return presence.online(ids)
        .map(online -> views(found, view, online))
        .otherwise(presenceDown -> views(found, view, null));
  }

  private static List<User> views(List<JsonObject> found, Function<JsonObject, User> view, Set<String> online) {
    List<User> list = new ArrayList<>(found.size());
    for (JsonObject user : found) {
      User shown = view.apply(user);
      list.add(online == null ? shown : shown.withOnline(online.contains(user.getString("_id"))));
    }
    return list;
  }
}
