package io.parley.gateway.http;

import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.Supplier;

/** Answers a route with a service's JSON, or with a problem document when anything fails. */
public final class Replies {

  private Replies() {
  }

  /** An answer that is 201 Created when the call made something, and 200 when it found it made already. */
  public record Created(JsonObject body, boolean created) {
  }

  /** Reads the JSON body, calls, and answers with the given status (204: no content) or a problem. */
  public static void withBody(RoutingContext ctx, int status, Function<JsonObject, Future<JsonObject>> call) {
    json(ctx, status, () -> call.apply(JsonBodies.object(ctx)));
  }

  /** Reads the JSON body, calls, and answers 201 or 200 as the call says, or a problem. */
  public static void withBody(RoutingContext ctx, Function<JsonObject, Future<Created>> call) {
    outcome(() -> call.apply(JsonBodies.object(ctx)))
        .onSuccess(answer -> send(ctx, answer.created() ? 201 : 200, answer.body()))
        .onFailure(failure -> Problems.send(ctx, failure));
  }

  public static void json(RoutingContext ctx, int status, Supplier<Future<JsonObject>> call) {
    outcome(call).onSuccess(json -> send(ctx, status, json))
        .onFailure(failure -> Problems.send(ctx, failure));
  }

  /** Calls and answers 200 with a JSON array, or a problem. */
  public static void array(RoutingContext ctx, Supplier<Future<JsonArray>> call) {
    outcome(call).onSuccess(json -> send(ctx, 200, json))
        .onFailure(failure -> Problems.send(ctx, failure));
  }

  /** Calls and answers 204 No Content, or a problem; whatever the call answers is not sent. */
  public static void noContent(RoutingContext ctx, Supplier<? extends Future<?>> call) {
    outcome(() -> call.get().<Void>mapEmpty()).onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(failure -> Problems.send(ctx, failure));
  }

  /** {@code json} is a JsonObject or a JsonArray; 204 sends nothing. */
  private static void send(RoutingContext ctx, int status, Object json) {
    if (status == 204) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Json.encode(json));
  }

  private static <T> Future<T> outcome(Supplier<Future<T>> call) {
    try {
      return call.get();
    } catch (ServiceError e) {
      return Future.failedFuture(e);
    }
  }
}
