package io.parley.gateway.socket.transport;

import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Reads a client frame: at most {@link Limits#FRAME_MAX_BYTES}, text, one JSON object, with a {@code type} string
 * and, when it has one, a string or number {@code ref}.
 */
public final class FrameReader {

  /** What reading gave: a frame to dispatch, or why it is refused. */
  public sealed interface Read permits Frame, Refused {

    /** The frame's {@code ref}, or null when it has none or it could not be read. */
    Object ref();
  }

  /** A readable frame; {@code ref} may be null. */
  public record Frame(JsonObject body, String type, Object ref) implements Read {
  }

  /** A frame refused with an {@code error} answer; {@code ref} is the frame's when it could be read. */
  public record Refused(Object ref, ErrorCode code, String message) implements Read {
  }

  private FrameReader() {
  }

  public static Read read(InboundFrame inbound) {
    if (tooLarge(inbound)) {
      return new Refused(null, ErrorCode.TOO_LARGE, "Frames are at most " + Limits.FRAME_MAX_BYTES + " bytes.");
    }
    if (inbound.isBinary()) {
      return new Refused(null, ErrorCode.INVALID_INPUT, "Frames are JSON text.");
    }
    String text = inbound.text();
    JsonObject frame;
    try {
      if (!(Json.decodeValue(text) instanceof JsonObject object)) {
        return new Refused(null, ErrorCode.INVALID_INPUT, "A frame is one JSON object.");
      }
      frame = object;
    } catch (DecodeException e) {
      return new Refused(null, ErrorCode.INVALID_INPUT, "The frame is not valid JSON.");
    }
    Object ref = frame.getValue("ref");
    if (ref != null && !(ref instanceof String) && !(ref instanceof Number)) {
      return new Refused(null, ErrorCode.INVALID_INPUT, "ref must be a string or a number.");
    }
    if (!(frame.getValue("type") instanceof String type)) {
      return new Refused(ref, ErrorCode.INVALID_INPUT, "type is required.");
    }
    return new Frame(frame, type, ref);
  }

  private static boolean tooLarge(InboundFrame inbound) {
    if (inbound.isBinary()) {
      return inbound.binaryBytes() > Limits.FRAME_MAX_BYTES;
    }
    String text = inbound.text();
    return text.length() > Limits.FRAME_MAX_BYTES
        || text.getBytes(StandardCharsets.UTF_8).length > Limits.FRAME_MAX_BYTES;
  }
}
