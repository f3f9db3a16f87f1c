package io.parley.contract;

import io.vertx.core.json.JsonObject;

/** One broken rule of a request, as listed in a problem's {@code errors}. */
public record FieldError(String field, String message) {

  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }
}
