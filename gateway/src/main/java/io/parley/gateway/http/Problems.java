package io.parley.gateway.http;

import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem documents: the only shape a REST failure takes. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";
  /** Where the code of the problem a request was answered with is kept, for the access log's count. */
  private static final String SENT = Problems.class.getName();

  private Problems() {
  }

  public static JsonObject document(ServiceError error) {
    JsonObject problem = new JsonObject()
        .put("type", "urn:parley:problem:" + error.code().word())
        .put("title", error.code().title())
        .put("status", error.code().status())
        .put("detail", error.detail())
        .put("code", error.code().word());
    if (!error.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      error.errors().stream().map(FieldError::toJson).forEach(errors::add);
      problem.put("errors", errors);
    }
    return problem;
  }

  public static void send(RoutingContext ctx, Throwable failure) {
    send(ctx, ServiceError.from(failure));
  }

  public static void send(RoutingContext ctx, ErrorCode code, String detail) {
    send(ctx, new ServiceError(code, detail));
  }

  public static void send(RoutingContext ctx, ServiceError error) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    if (error.retryAfterSeconds() > 0) {
      response.putHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
    }
    if (error.code() == ErrorCode.UNAUTHENTICATED) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.put(SENT, error.code());
    response.setStatusCode(error.code().status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .end(document(error).encode());
  }

  /** The code of the problem the request was answered with; null when it was not answered with one. */
  public static ErrorCode sent(RoutingContext ctx) {
    return ctx.get(SENT);
  }
}
