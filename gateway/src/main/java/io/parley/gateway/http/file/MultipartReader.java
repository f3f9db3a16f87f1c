package io.parley.gateway.http.file;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as it streams in. It holds what arrived last plus a
 * boundary's length: text fields are handed over whole (they are small and capped), file parts in pieces as
 * they arrive. Netty's decoder, which Vert.x uses for multipart, keeps up to 10 MB of a body before it lets go
 * of what it has read, so uploads do not go through it.
 */
final class MultipartReader {

  /** What a body holds, in order. */
  interface Parts {
    void field(String name, String value);

    void fileStart(String field, String filename, String contentType);

    void fileData(Buffer data);

    void fileEnd();
  }

  /** The body is not well-formed multipart, or a part is larger than allowed. */
  static final class MalformedBody extends Exception {
    MalformedBody(String message) {
      super(message, null, false, false);
    }
  }

  private static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final int MAX_FIELD_BYTES = 8 * 1024;
  private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private enum State { PREAMBLE, AFTER_DELIMITER, HEADERS, FIELD, FILE, DONE }

  private final byte[] delimiter;
  private final Parts parts;
  private Buffer pending = Buffer.buffer("\r\n");
  private State state = State.PREAMBLE;
  private String fieldName;
  private Buffer fieldValue;

  private MultipartReader(String boundary, Parts parts) {
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    this.parts = parts;
  }

  /** A reader for a request's Content-Type; null when it is not multipart/form-data with a boundary. */
  static MultipartReader forContentType(String contentType, Parts parts) {
    if (contentType == null) {
      return null;
    }
    String[] pieces = contentType.split(";", 2);
    if (!pieces[0].strip().equalsIgnoreCase("multipart/form-data") || pieces.length < 2) {
      return null;
    }
    String boundary = HeaderParameters.parse(pieces[1]).get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      return null;
    }
    return new MultipartReader(boundary, parts);
  }

  void feed(Buffer data) throws MalformedBody {
    pending.appendBuffer(data);
    int pos = 0;
    // Every step that changes state also consumes bytes, so a step that consumes none is waiting for more.
    while (state != State.DONE) {
      int next = step(pos);
      if (next == pos) {
        break;
      }
      pos = next;
    }
    pending = pending.getBuffer(pos, pending.length());
  }

  /** The body ended: it must have reached its closing delimiter. */
  void end() throws MalformedBody {
    if (state != State.DONE) {
      throw new MalformedBody("The multipart body ends before its closing boundary.");
    }
  }

  /** Consumes what it can from pos; answers the new position. */
  private int step(int pos) throws MalformedBody {
    switch (state) {
      case PREAMBLE -> {
        int found = indexOf(delimiter, pos);
        if (found < 0) {
          return Math.max(pos, pending.length() - delimiter.length + 1);
        }
        state = State.AFTER_DELIMITER;
        return found + delimiter.length;
      }
      case AFTER_DELIMITER -> {
        int at = pos;
        while (at < pending.length() && (pending.getByte(at) == ' ' || pending.getByte(at) == '\t')) {
          at++;
        }
        if (pending.length() - at < 2) {
          return pos;
        }
        if (pending.getByte(at) == '-' && pending.getByte(at + 1) == '-') {
          state = State.DONE;
          return pending.length();
        }
        if (pending.getByte(at) != '\r' || pending.getByte(at + 1) != '\n') {
          throw new MalformedBody("A multipart boundary is followed by neither CRLF nor '--'.");
        }
        state = State.HEADERS;
        return at + 2;
      }
      case HEADERS -> {
        return headers(pos);
      }
      case FIELD, FILE -> {
        return body(pos);
      }
      default -> {
        return pending.length();
      }
    }
  }

  private int headers(int pos) throws MalformedBody {
    int end;
    int next;
    if (pending.length() - pos >= 2 && pending.getByte(pos) == '\r' && pending.getByte(pos + 1) == '\n') {
      end = pos;
      next = pos + 2;
    } else {
      end = indexOf(CRLF_CRLF, pos);
      if (end < 0) {
        if (pending.length() - pos > MAX_HEADER_BYTES) {
          throw new MalformedBody("A part's headers are too long.");
        }
        return pos;
      }
      next = end + CRLF_CRLF.length;
    }
    if (end - pos > MAX_HEADER_BYTES) {
      throw new MalformedBody("A part's headers are too long.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : pending.getString(pos, end, "UTF-8").split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    String disposition = headers.get("content-disposition");
    if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      throw new MalformedBody("A part has no Content-Disposition: form-data.");
    }
    Map<String, String> params = HeaderParameters.parse(disposition.substring(disposition.indexOf(';') + 1));
    String name = params.getOrDefault("name", "");
    String filename = params.containsKey("filename*")
        ? HeaderParameters.extendedValue(params.get("filename*"))
        : params.get("filename");
    if (filename != null) {
      parts.fileStart(name, filename, headers.get("content-type"));
      state = State.FILE;
    } else {
      fieldName = name;
      fieldValue = Buffer.buffer();
      state = State.FIELD;
    }
    return next;
  }

  private int body(int pos) throws MalformedBody {
    int found = indexOf(delimiter, pos);
    int dataEnd = found >= 0 ? found : Math.max(pos, pending.length() - delimiter.length + 1);
    if (dataEnd > pos) {
      Buffer data = pending.getBuffer(pos, dataEnd);
      if (state == State.FILE) {
        parts.fileData(data);
      } else {
        fieldValue.appendBuffer(data);
        if (fieldValue.length() > MAX_FIELD_BYTES) {
          throw new MalformedBody("The field " + fieldName + " is too long.");
        }
      }
    }
    if (found < 0) {
      return dataEnd;
    }
    if (state == State.FILE) {
      parts.fileEnd();
    } else {
      parts.field(fieldName, fieldValue.toString(StandardCharsets.UTF_8));
    }
    state = State.AFTER_DELIMITER;
    return found + delimiter.length;
  }

  private int indexOf(byte[] needle, int from) {
    int last = pending.length() - needle.length;
    outer:
    for (int i = from; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (pending.getByte(i + j) != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
