package io.parley.gateway;

import io.vertx.core.buffer.Buffer;

/** A multipart/form-data body made by hand, as a browser or curl would send it. */
final class MultipartBody {

  static final String BOUNDARY = "----parley-test-boundary-7MA4YWxkTrZu0gW";
  static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private final Buffer body = Buffer.buffer();

  MultipartBody field(String name, String value) {
    body.appendString("--" + BOUNDARY + "\r\n")
        .appendString("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
        .appendString(value)
        .appendString("\r\n");
    return this;
  }

  MultipartBody file(String field, String filename, String contentType, Buffer bytes) {
    body.appendString("--" + BOUNDARY + "\r\n")
        .appendString("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n")
        .appendString("Content-Type: " + contentType + "\r\n\r\n")
        .appendBuffer(bytes)
        .appendString("\r\n");
    return this;
  }

  Buffer end() {
    return body.copy().appendString("--" + BOUNDARY + "--\r\n");
  }

  /** The body without its closing boundary, as a client cut off mid-way would leave it. */
  Buffer unfinished() {
    return body.copy();
  }
}
