package io.parley.gateway.http.account;

import io.parley.contract.auth.AccountService;
import io.parley.contract.auth.PasswordChange;
import io.parley.contract.auth.SessionInfo;
import io.parley.contract.auth.SessionService;
import io.parley.contract.auth.TotpCode;
import io.parley.contract.auth.TotpDisable;
import io.parley.contract.auth.TotpEnrolment;
import io.parley.contract.auth.TwoFactorService;
import io.parley.contract.auth.TwoFactorStatus;
import io.parley.contract.auth.RecoveryCodes;
import io.parley.contract.model.JsonValues;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Replies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * How the caller signs in: their password, their sessions (each a device, ended one by one or all but this
 * one) and two-factor sign-in. Ended sessions' sockets close with 4401 on every gateway.
 */
public final class SignInRoutes {

  private final AccountService accounts;
  private final SessionService sessions;
  private final TwoFactorService twoFactor;

  public SignInRoutes(AccountService accounts, SessionService sessions, TwoFactorService twoFactor) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.twoFactor = twoFactor;
  }

  public void mount(Router router) {
    router.post("/api/users/me/password").handler(ctx -> Replies.withBody(ctx, 204, body ->
        accounts.changePassword(Authentication.actor(ctx), PasswordChange.parse(body)).map(none -> new JsonObject())));

    router.get("/api/sessions").handler(ctx -> Replies.array(ctx, () ->
        sessions.sessions(Authentication.actor(ctx)).map(list -> JsonValues.encodeAll(list, SessionInfo::toJson))));
    router.delete("/api/sessions/:id").handler(ctx -> Replies.noContent(ctx, () ->
        sessions.endSession(Authentication.actor(ctx), ctx.pathParam("id")).map(none -> new JsonObject())));
    router.delete("/api/sessions").handler(ctx -> Replies.noContent(ctx, () ->
        sessions.endOtherSessions(Authentication.actor(ctx)).map(ended -> new JsonObject())));

    router.get("/api/users/me/totp").handler(ctx -> Replies.json(ctx, 200, () ->
        twoFactor.totpStatus(Authentication.actor(ctx)).map(TwoFactorStatus::toJson)));
    router.post("/api/users/me/totp").handler(ctx -> Replies.json(ctx, 200, () ->
        twoFactor.enrolTotp(Authentication.actor(ctx)).map(TotpEnrolment::toJson)));
    router.post("/api/users/me/totp/confirm").handler(ctx -> Replies.withBody(ctx, 200, body ->
        twoFactor.confirmTotp(Authentication.actor(ctx), TotpCode.parse(body)).map(RecoveryCodes::toJson)));
    router.delete("/api/users/me/totp").handler(ctx -> Replies.withBody(ctx, 204, body ->
        twoFactor.disableTotp(Authentication.actor(ctx), TotpDisable.parse(body)).map(none -> new JsonObject())));
  }
}
