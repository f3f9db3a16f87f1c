package io.parley.contract.file;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * One chunk of a file, with what a download's response headers need: its name, size, the type it is served as,
 * whether a page may show it inline, and how many chunks it has. These travel as headers beside the bytes.
 */
public record FileChunk(String name, long size, String contentType, boolean inline, long chunks, Buffer data) {

  public static final String NAME = "name";
  public static final String SIZE = "size";
  public static final String CONTENT_TYPE = "contentType";
  public static final String INLINE = "inline";
  public static final String CHUNKS = "chunks";

  public DeliveryOptions headers() {
    return new DeliveryOptions()
        .addHeader(NAME, name)
        .addHeader(SIZE, Long.toString(size))
        .addHeader(CONTENT_TYPE, contentType)
        .addHeader(INLINE, Boolean.toString(inline))
        .addHeader(CHUNKS, Long.toString(chunks));
  }

  /** The chunk chat-service answered with: its headers are trusted, as every answer of a service is. */
  public static FileChunk of(MultiMap headers, Buffer data) {
    return new FileChunk(headers.get(NAME), Long.parseLong(headers.get(SIZE)), headers.get(CONTENT_TYPE),
        Boolean.parseBoolean(headers.get(INLINE)), Long.parseLong(headers.get(CHUNKS)), data);
  }
}
