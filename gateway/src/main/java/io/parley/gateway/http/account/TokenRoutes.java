package io.parley.gateway.http.account;

import io.parley.contract.auth.PersonalToken;
import io.parley.contract.auth.PersonalTokenService;
import io.parley.contract.auth.TokenRequest;
import io.parley.contract.model.JsonValues;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Personal access tokens for scripts and bots: made (the secret shown in that answer only, and within the user's
 * {@link ChangeAllowance}), listed without secrets, revoked at once.
 */
public final class TokenRoutes {

  private final PersonalTokenService tokens;
  private final ChangeAllowance allowance;

  public TokenRoutes(PersonalTokenService tokens, ChangeAllowance allowance) {
    this.tokens = tokens;
    this.allowance = allowance;
  }

  public void mount(Router router) {
    router.post("/api/users/me/tokens").handler(allowance).handler(ctx -> Replies.withBody(ctx, 201, body ->
        tokens.createToken(Authentication.actor(ctx), TokenRequest.parse(body)).map(PersonalToken::toJson)));
    router.get("/api/users/me/tokens").handler(ctx -> Replies.array(ctx, () ->
        tokens.tokens(Authentication.actor(ctx)).map(list -> JsonValues.encodeAll(list, PersonalToken::toJson))));
    router.delete("/api/users/me/tokens/:id").handler(ctx -> Replies.noContent(ctx, () ->
        tokens.revokeToken(Authentication.actor(ctx), ctx.pathParam("id")).map(none -> new JsonObject())));
  }
}
