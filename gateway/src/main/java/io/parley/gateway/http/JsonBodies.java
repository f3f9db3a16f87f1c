package io.parley.gateway.http;

import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

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

  /** Copies whole-number query parameters into a JSON request, refusing any that is not one. */
  public static JsonObject numericParams(RoutingContext ctx, JsonObject into, String... names) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : names) {
      String raw = ctx.queryParams().get(name);
      if (raw == null) {
        continue;
      }
      try {
        into.put(name, Long.parseLong(raw.trim()));
      } catch (NumberFormatException e) {
        errors.add(new FieldError(name, "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      throw ServiceError.invalid(errors);
    }
    return into;
  }
}
