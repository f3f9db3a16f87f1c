package io.parley.gateway.http;

import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.Supplier;

/** Answers a route with a service's JSON, or with a problem document when anything fails. */
public final class Replies {

  private Replies() {
  }

  /** Reads the JSON body, calls, and answers with the given status or a problem. */
  public static void withBody(RoutingContext ctx, int status, Function<JsonObject, Future<JsonObject>> call) {
    json(ctx, status, () -> call.apply(JsonBodies.object(ctx)));
  }

  public static void json(RoutingContext ctx, int status, Supplier<Future<JsonObject>> call) {
    outcome(ctx, call).onSuccess(json -> ctx.response().setStatusCode(status)
            .putHeader("Content-Type", "application/json")
            .end(json.encode()))
        .onFailure(failure -> Problems.send(ctx, failure));
  }

  /** Calls and answers 204 No Content, or a problem. */
  public static void noContent(RoutingContext ctx, Supplier<Future<JsonObject>> call) {
    outcome(ctx, call).onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(failure -> Problems.send(ctx, failure));
  }

  private static Future<JsonObject> outcome(RoutingContext ctx, Supplier<Future<JsonObject>> call) {
    try {
      return call.get();
    } catch (ServiceError e) {
      return Future.failedFuture(e);
    }
  }
}
