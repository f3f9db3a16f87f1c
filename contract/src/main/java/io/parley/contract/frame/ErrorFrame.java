package io.parley.contract.frame;

import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code error}: a client frame was refused and changed nothing; the socket stays open. A {@code rate_limited}
 * refusal says when to send again ({@code retryAfterMs}), and so does an {@code unavailable} one (a service busy
 * or not answering) when a retry after a while is likely to succeed; other refusals have none (null).
 */
public record ErrorFrame(ErrorCode code, String message, List<FieldError> errors, Long retryAfterMs)
    implements ServerFrame {

  public static ErrorFrame of(ErrorCode code, String message) {
    return new ErrorFrame(code, message, List.of(), null);
  }

  /** The frame for any failure: a service's own error as it is, anything else as {@code unavailable}. */
  public static ErrorFrame of(Throwable failure) {
    ServiceError error = ServiceError.from(failure);
    long retryAfterSeconds = error.retryAfterSeconds();
    return new ErrorFrame(error.code(), error.detail(), error.errors(),
        retryAfterSeconds > 0 ? retryAfterSeconds * 1_000 : null);
  }

  /** Over the socket's frame rate: the frame was not acted on; one sent after {@code retryAfterMs} will be. */
  public static ErrorFrame rateLimited(long retryAfterMs) {
    return new ErrorFrame(ErrorCode.RATE_LIMITED, "Too many frames: slow down.", List.of(), retryAfterMs);
  }

  @Override
  public String type() {
    return FrameTypes.ERROR;
  }

  @Override
  public JsonObject fields() {
    JsonObject json = new JsonObject().put("code", code.word()).put("message", message);
    if (retryAfterMs != null) {
      json.put("retryAfterMs", retryAfterMs);
    }
    return errors.isEmpty() ? json : json.put("errors", JsonValues.encodeAll(errors, FieldError::toJson));
  }
}
