package io.parley.contract.auth;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Notice;
import io.parley.contract.bus.Operation;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;

/** auth-service's {@link ProfileService} on the event bus, and the notice of every profile change. */
public final class ProfileOperations {

  private ProfileOperations() {
  }

  public static final Operation<ProfileChange, User> UPDATE = Operation.forActor(Addresses.AUTH_PROFILE_UPDATE,
      ProfileChange.CODEC, AuthOperations.USER,
      "{actor, displayName?, statusText?, statusEmoji?} -> user (USER_UPDATED).");

  public static final Operation<AvatarImage, User> AVATAR_SET = Operation.forActor(Addresses.AUTH_AVATAR_SET,
      AvatarImage.CODEC, AuthOperations.USER, "{actor, png} -> user: stores a PNG the gateway decoded and scaled "
          + "to at most 256x256 as the actor's next avatar version (USER_UPDATED).");

  public static final Operation<Void, User> AVATAR_REMOVE = Operation.forActor(Addresses.AUTH_AVATAR_REMOVE,
      Codec.NONE, AuthOperations.USER, "{actor} -> user without an avatar (USER_UPDATED).");

  public static final Operation<String, AvatarImage> AVATAR_GET = Operation.internal(Addresses.AUTH_AVATAR_GET,
      AuthOperations.USER_ID, AvatarImage.CODEC,
      "{userId} -> {png, version}: the user's current avatar; not_found without one.")
      .idempotent();

  /** {@code {user}}: the user as they are now. */
  public static final Notice<User> USER_UPDATED = new Notice<>(Addresses.USER_UPDATED, Codec.of(
      user -> new JsonObject().put("user", user.toJson()),
      json -> User.fromJson(json.getJsonObject("user", new JsonObject()))),
      "{user}: published by auth-service when a user's profile (display name, status, avatar) changed. Gateways "
          + "send user_updated to the sockets of the user and of everyone sharing a room with them; a service "
          + "that caches profiles (chat-service's UserDirectory) drops or replaces its copy.");
}
