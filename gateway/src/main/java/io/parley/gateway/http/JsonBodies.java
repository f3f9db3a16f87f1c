package io.parley.gateway.http;

import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Strict reading of request bodies and query parameters: anything but what is asked for is invalid input. */
public final class JsonBodies {

  private JsonBodies() {
  }

  /** The body as a JSON object; an empty body, malformed JSON or another JSON type is refused. */
  public static JsonObject object(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ServiceError.invalid("body", "must be a JSON object");
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(body);
      if (parsed instanceof JsonObject json) {
        return json;
      }
    } catch (DecodeException e) {
      throw ServiceError.invalid("body", "is not valid JSON");
    }
    throw ServiceError.invalid("body", "must be a JSON object");
  }

  /** Copies {@code true}/{@code false} query parameters into a JSON request, refusing any other value. */
  public static JsonObject booleanParams(RoutingContext ctx, JsonObject into, String... names) {
    return copyParams(ctx, into, names, "must be true or false", raw -> switch (raw) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    });
  }

  /** Copies whole-number query parameters into a JSON request, refusing any that is not one. */
  public static JsonObject numericParams(RoutingContext ctx, JsonObject into, String... names) {
    return copyParams(ctx, into, names, "must be a whole number", raw -> {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException e) {
        return null;
      }
    });
  }

  /** Copies query parameters as the strings they are, such as a message id to page from. */
  public static JsonObject stringParams(RoutingContext ctx, JsonObject into, String... names) {
    return copyParams(ctx, into, names, "must be a string", raw -> raw);
  }

  /** {@code parse} answers null for a value it refuses; every refused parameter is listed at once. */
  private static JsonObject copyParams(RoutingContext ctx, JsonObject into, String[] names, String rule,
      Function<String, Object> parse) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : names) {
      String raw = ctx.queryParams().get(name);
      if (raw == null) {
        continue;
      }
      Object value = parse.apply(raw.trim());
      if (value == null) {
        errors.add(new FieldError(name, rule));
      } else {
        into.put(name, value);
      }
    }
    if (!errors.isEmpty()) {
      throw ServiceError.invalid(errors);
    }
    return into;
  }
}
