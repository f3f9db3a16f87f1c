package io.parley.auth.session;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Token refresh, logout and the list of ended sessions: how a session goes on and ends. */
public final class SessionEndpoints {

  private static final int REFRESH_TOKEN_MAX_CHARS = 512;

  private final SessionStore sessions;
  private final TokenPairs pairs;

  public SessionEndpoints(SessionStore sessions, TokenPairs pairs) {
    this.sessions = sessions;
    this.pairs = pairs;
  }

  public void mount(BusEndpoints endpoints) {
    endpoints
        .serve(Addresses.AUTH_REFRESH, this::refresh)
        .serve(Addresses.AUTH_LOGOUT, this::logout)
        .serve(Addresses.AUTH_ENDED_SESSIONS, request -> sessions.endedSessions()
            .map(ended -> new JsonObject().put("sessions", ended)));
  }

  private Future<JsonObject> refresh(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String refreshToken = fields.requiredString("refreshToken", 1, REFRESH_TOKEN_MAX_CHARS);
    fields.throwIfInvalid();
    return sessions.rotate(refreshToken).compose(pairs::issue);
  }

  private Future<JsonObject> logout(JsonObject request) {
    Actor actor = Actor.of(request);
    if (actor.sessionId() == null) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, "This request needs a session.");
    }
    return sessions.end(actor.sessionId(), actor.id(), SessionsEnded.LOGOUT).map(ignored -> new JsonObject());
  }
}
