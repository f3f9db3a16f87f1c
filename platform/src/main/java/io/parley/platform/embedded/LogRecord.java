package io.parley.platform.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One change to a collection's documents, as {@link WriteAheadLog} holds it: the collection's full name, the
 * document's key (its {@code _id}) and the document as stored afterwards, or none when it was removed. A record
 * says what the document became, not what was done to it, so replaying a change twice leaves what replaying it
 * once does.
 */
record LogRecord(String namespace, Object key, byte[] document) {

  private static final String KEY = "k";

  static byte[] put(String namespace, Object key, StoredDocument stored) {
    return encode(namespace, key, stored.bson());
  }

  static byte[] removal(String namespace, Object key) {
    return encode(namespace, key, null);
  }

  boolean isRemoval() {
    return document == null;
  }

  private static byte[] encode(String namespace, Object key, byte[] document) {
    byte[] name = namespace.getBytes(StandardCharsets.UTF_8);
    byte[] keyBson = keyBson(key);
    int documentLength = document == null ? -1 : document.length;
    ByteBuffer out = ByteBuffer.allocate(12 + name.length + keyBson.length + Math.max(0, documentLength));
    out.putInt(name.length).put(name).putInt(keyBson.length).put(keyBson).putInt(documentLength);
    if (document != null) {
      out.put(document);
    }
    return out.array();
  }

  /** The record of a payload whose CRC matched; a malformed one throws, and ends the replay like a bad CRC. */
  static LogRecord decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    String namespace = new String(bytes(in, in.getInt()), StandardCharsets.UTF_8);
    Document keyDocument = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes(in, in.getInt())));
    int documentLength = in.getInt();
    byte[] document = documentLength < 0 ? null : bytes(in, documentLength);
    return new LogRecord(namespace, Missing.ofNullable(keyDocument.get(KEY)), document);
  }

  private static byte[] bytes(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static byte[] keyBson(Object key) {
    Document wrapper = new Document(KEY, key instanceof Missing ? null : key);
    ByteBuf buffer = Unpooled.buffer(64);
    try {
      BsonEncoder.encodeDocument(wrapper, buffer);
      byte[] encoded = new byte[buffer.readableBytes()];
      buffer.readBytes(encoded);
      return encoded;
    } finally {
      buffer.release();
    }
  }
}
