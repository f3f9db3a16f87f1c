package io.parley.contract;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A failure a service reports to its caller over the event bus. It travels as a {@link ReplyException} whose
 * failure code is the HTTP status and whose message is {@code {"code","detail","errors"?}}, so the gateway can
 * turn it into a problem document or an {@code error} frame without knowing which service failed.
 */
public final class ServiceError extends ReplyException {

  private final ErrorCode code;
  private final String detail;
  private final List<FieldError> errors;
  private final long retryAfterSeconds;

  public ServiceError(ErrorCode code, String detail) {
    this(code, detail, List.of(), 0);
  }

  public ServiceError(ErrorCode code, String detail, List<FieldError> errors, long retryAfterSeconds) {
    super(ReplyFailure.RECIPIENT_FAILURE, code.status(), encode(code, detail, errors, retryAfterSeconds), false);
    this.code = code;
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ServiceError invalid(List<FieldError> errors) {
    return new ServiceError(ErrorCode.INVALID_INPUT, "The request has invalid fields.", errors, 0);
  }

  public static ServiceError invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ServiceError notFound(String what) {
    return new ServiceError(ErrorCode.NOT_FOUND, what + " not found.");
  }

  public static ServiceError forbidden(String detail) {
    return new ServiceError(ErrorCode.FORBIDDEN, detail);
  }

  public ErrorCode code() {
    return code;
  }

  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * What a caller makes of any failure of a request: a service's own error is kept; a timeout, a missing
   * handler or an unexpected exception becomes {@link ErrorCode#UNAVAILABLE} without leaking its text.
   */
  public static ServiceError from(Throwable failure) {
    if (failure instanceof ServiceError serviceError) {
      return serviceError;
    }
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      ServiceError decoded = decode(reply.getMessage());
      if (decoded != null) {
        return decoded;
      }
    }
    // While a cluster notices that an instance died, requests routed to it fail: a retry soon succeeds.
    return new ServiceError(ErrorCode.UNAVAILABLE, "A service did not answer. Try again shortly.", List.of(), 2);
  }

  private static String encode(ErrorCode code, String detail, List<FieldError> errors, long retryAfter) {
    JsonObject json = new JsonObject().put("code", code.word()).put("detail", detail);
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(error -> list.add(error.toJson()));
      json.put("errors", list);
    }
    if (retryAfter > 0) {
      json.put("retryAfter", retryAfter);
    }
    return json.encode();
  }

  private static ServiceError decode(String message) {
    if (message == null || !message.startsWith("{")) {
      return null;
    }
    try {
      JsonObject json = new JsonObject(message);
      JsonArray list = json.getJsonArray("errors", new JsonArray());
      List<FieldError> errors = list.stream()
          .map(JsonObject.class::cast)
          .map(e -> new FieldError(e.getString("field"), e.getString("message")))
          .toList();
      return new ServiceError(ErrorCode.fromWord(json.getString("code")), json.getString("detail", ""), errors,
          json.getLong("retryAfter", 0L));
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
