package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.vertx.core.Future;
import java.util.List;

/**
 * Personal access tokens, for scripts and bots: each acts as its user, with the user's role as stored now, on
 * REST and on the socket, but never on the admin API nor on the account's sign-in settings. Stored hashed and
 * shown once. Managing them needs a session: an actor signed in with a token is refused {@code forbidden}.
 */
public interface PersonalTokenService {

  /** A new token, its secret in {@code token}; {@code rate_limited} past the number a user may hold. */
  Future<PersonalToken> createToken(Actor actor, TokenRequest request);

  /** The actor's tokens, newest first, without their secrets. */
  Future<List<PersonalToken>> tokens(Actor actor);

  /**
   * Revokes one of the actor's tokens at once: it is published as an ended session (reason {@code revoked}),
   * so every gateway refuses it and closes its sockets. {@code not_found} for anyone else's.
   */
  Future<Void> revokeToken(Actor actor, String tokenId);

  /** Whom a token speaks for; {@code unauthenticated} for an unknown, revoked or expired one or a banned user. */
  Future<TokenGrant> verifyToken(String token);
}
