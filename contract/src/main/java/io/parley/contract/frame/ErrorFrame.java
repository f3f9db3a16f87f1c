package io.parley.contract.frame;

import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code error}: a client frame was refused and changed nothing; the socket stays open. */
public record ErrorFrame(ErrorCode code, String message, List<FieldError> errors) implements ServerFrame {

  public static ErrorFrame of(ErrorCode code, String message) {
    return new ErrorFrame(code, message, List.of());
  }

  /** The frame for any failure: a service's own error as it is, anything else as {@code unavailable}. */
  public static ErrorFrame of(Throwable failure) {
    ServiceError error = ServiceError.from(failure);
    return new ErrorFrame(error.code(), error.detail(), error.errors());
  }

  @Override
  public String type() {
    return FrameTypes.ERROR;
  }

  @Override
  public JsonObject fields() {
    JsonObject json = new JsonObject().put("code", code.word()).put("message", message);
    return errors.isEmpty() ? json : json.put("errors", JsonValues.encodeAll(errors, FieldError::toJson));
  }
}
