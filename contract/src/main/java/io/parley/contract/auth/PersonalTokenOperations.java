package io.parley.contract.auth;

import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Operation;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** auth-service's {@link PersonalTokenService} on the event bus. */
public final class PersonalTokenOperations {

  private PersonalTokenOperations() {
  }

  /** One token by id: anything that cannot be an id is {@code not_found}, as another user's token is. */
  private static final Codec<String> TOKEN_ID = Codec.of(
      tokenId -> new JsonObject().put("tokenId", tokenId),
      json -> {
        if (!Ids.looksValid(json.getValue("tokenId"))) {
          throw ServiceError.notFound("Token");
        }
        return json.getString("tokenId");
      });

  /** A token to check: {@code {token}}; anything but a string is refused like an unknown token. */
  private static final Codec<String> SECRET = Codec.of(
      token -> new JsonObject().put("token", token),
      json -> json.getValue("token") instanceof String token ? token : "");

  public static final Operation<TokenRequest, PersonalToken> CREATE = Operation.forActor(Addresses.AUTH_PAT_CREATE,
      TokenRequest.CODEC, PersonalToken.CODEC, "{actor, name, expiresInDays?} -> {id, name, token, createdAt, "
          + "expiresAt, lastUsedAt}: the secret token is in this answer only.");

  public static final Operation<Void, List<PersonalToken>> LIST = Operation.forActor(Addresses.AUTH_PAT_LIST,
      Codec.NONE, PersonalToken.LIST, "{actor} -> {tokens:[{id, name, createdAt, expiresAt, lastUsedAt}]}.")
      .idempotent();

  public static final Operation<String, Void> REVOKE = Operation.forActor(Addresses.AUTH_PAT_REVOKE, TOKEN_ID,
      Codec.NONE, "{actor, tokenId} -> {}: the token stops working at once (SESSIONS_ENDED with the token id, "
          + "reason revoked); not_found for another user's.");

  public static final Operation<String, TokenGrant> VERIFY = Operation.internal(Addresses.AUTH_PAT_VERIFY, SECRET,
      TokenGrant.CODEC, "{token} -> {userId, role, tokenId, expiresAt?}: asked by gateways, which cache the answer "
          + "briefly; unauthenticated for an unknown, revoked or expired token or a banned user. Records when "
          + "the token was last used (at most once a minute).")
      .idempotent();
}
