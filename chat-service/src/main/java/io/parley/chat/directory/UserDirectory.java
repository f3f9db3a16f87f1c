package io.parley.chat.directory;

import io.parley.contract.ServiceError;
import io.parley.contract.auth.AccountService;
import io.parley.contract.model.User;
import io.parley.contract.model.UserRef;
import io.parley.contract.presence.PresenceService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who users are, as auth-service says, and whether they are online, as presence-service says. Profiles are kept
 * in a small LRU cache because every message carries its sender's; a direct message's question whether its
 * recipient is online is asked together with the others of its batch ({@link OnlineChecks}).
 */
public final class UserDirectory {

  private static final int CACHE_SIZE = 10_000;

  private final AccountService accounts;
  private final PresenceService presence;
  private final OnlineChecks onlineChecks;
  private final Map<String, UserRef> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, UserRef> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  public UserDirectory(Vertx vertx, AccountService accounts, PresenceService presence) {
    this.accounts = accounts;
    this.presence = presence;
    this.onlineChecks = new OnlineChecks(vertx, presence);
  }

  /** One user's profile; {@code not_found} when auth-service knows no such user. */
  public Future<UserRef> profile(String userId) {
    UserRef cached = cache.get(userId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return profiles(List.of(userId)).compose(found -> found.containsKey(userId)
        ? Future.succeededFuture(found.get(userId))
        : Future.failedFuture(ServiceError.notFound("User")));
  }

  /** The profiles of those users that exist, by id. */
  public Future<Map<String, UserRef>> profiles(Collection<String> userIds) {
    Map<String, UserRef> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String userId : new HashSet<>(userIds)) {
      UserRef cached = cache.get(userId);
      if (cached != null) {
        found.put(userId, cached);
      } else {
        missing.add(userId);
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(found);
    }
    return accounts.users(missing).map(users -> {
      for (User user : users) {
        UserRef profile = user.ref();
        cache.put(profile.id(), profile);
        found.put(profile.id(), profile);
      }
      return found;
    });
  }

  /** Which of these users have an open connection now. */
  public Future<Set<String>> online(Collection<String> userIds) {
    return presence.online(userIds);
  }

  /** Whether one user has an open connection now; asked together with others asked at the same moment. */
  public Future<Boolean> isOnline(String userId) {
    return onlineChecks.isOnline(userId);
  }
}
