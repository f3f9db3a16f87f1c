package io.parley.auth.profile;

import io.parley.auth.account.UserStore;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AvatarImage;
import io.parley.contract.auth.ProfileChange;
import io.parley.contract.auth.ProfileService;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.function.Consumer;

/**
 * What users show of themselves. Each change is announced ({@code announce}, published as {@code USER_UPDATED})
 * with the user as they are after it.
 */
public final class Profiles implements ProfileService {

  private final UserStore users;
  private final AvatarStore avatars;
  private final Consumer<User> announce;

  public Profiles(MongoClient mongo, UserStore users, Consumer<User> announce) {
    this.users = users;
    this.avatars = new AvatarStore(mongo);
    this.announce = announce;
  }

  public Future<Void> createIndexes() {
    return avatars.createIndexes();
  }

  @Override
  public Future<User> updateProfile(Actor actor, ProfileChange change) {
    return existing(actor.id())
        .compose(user -> users.updateProfile(user, change))
        .map(updated -> change.isEmpty() ? UserStore.view(updated) : announced(updated));
  }

  /**
   * Numbers the avatar, stores it, then shows it: a crash in between leaves an unused avatar behind, never a user
   * pointing at a missing one. Older avatars are deleted once the new one shows.
   */
  @Override
  public Future<User> setAvatar(Actor actor, AvatarImage avatar) {
    String userId = actor.id();
    return users.nextAvatarVersion(userId).compose(version -> version == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : avatars.insert(userId, version, avatar.png())
            .compose(ignored -> users.showAvatar(userId, version))
            .compose(user -> avatars.removeBefore(userId, user.getInteger("avatarVersion")).map(user))
            .map(this::announced));
  }

  @Override
  public Future<User> removeAvatar(Actor actor) {
    return users.hideAvatar(actor.id()).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : avatars.removeBefore(actor.id(), Integer.MAX_VALUE).map(ignored -> announced(user)));
  }

  @Override
  public Future<AvatarImage> avatar(String userId) {
    return users.findById(userId).compose(user -> {
      Integer version = user == null ? null : user.getInteger("avatarVersion");
      if (version == null) {
        return Future.failedFuture(ServiceError.notFound("Avatar"));
      }
      return avatars.png(userId, version).compose(png -> png == null
          ? Future.failedFuture(ServiceError.notFound("Avatar"))
          : Future.succeededFuture(new AvatarImage(png, version)));
    });
  }

  private User announced(JsonObject user) {
    User view = UserStore.view(user);
    announce.accept(view);
    return view;
  }

  private Future<JsonObject> existing(String userId) {
    return users.findById(userId).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : Future.succeededFuture(user));
  }
}
