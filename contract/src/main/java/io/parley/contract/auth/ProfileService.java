package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.parley.contract.model.User;
import io.vertx.core.Future;

/**
 * What users show of themselves: display name, status and avatar. Every change is published as {@link
 * ProfileOperations#USER_UPDATED}, for gateways to tell the user's roommates and for caches of profiles to drop
 * what they held.
 */
public interface ProfileService {

  /** The actor's user after the change. */
  Future<User> updateProfile(Actor actor, ProfileChange change);

  /** Stores a new avatar (a PNG a gateway made, see {@link AvatarImage}) under the next version. */
  Future<User> setAvatar(Actor actor, AvatarImage avatar);

  /** The actor's user without an avatar. */
  Future<User> removeAvatar(Actor actor);

  /** A user's current avatar; {@code not_found} when they have none. */
  Future<AvatarImage> avatar(String userId);
}
