package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.ErrorCode;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document as the embedded store holds it: its BSON, one array, rather than the tree of maps, strings and boxed
 * numbers the library decodes it into. Pages of the store stay in memory for seconds (until they are written,
 * and in H2's cache after), and the collector copied every object of every document in them at each young
 * collection; now it copies one array a document, and a page is written without encoding anything. Each read
 * decodes a document of its own, so a caller that changes it changes nothing stored until it is stored again.
 *
 * <p>Files from before BSON hold Java-serialized documents; one with a value BSON has no type for is kept in
 * that form ({@link #legacy}), so that such a file still opens and the value still reads.
 */
final class StoredDocument {

  private static final int FIRST_ESTIMATE = 512;

  private final byte[] bson;
  private final Document legacy;

  private StoredDocument(byte[] bson, Document legacy) {
    this.bson = bson;
    this.legacy = legacy;
  }

  /** Refuses, with MongoDB's BadValue, a document holding a value BSON has no type for. */
  static StoredDocument of(Document document) {
    byte[] encoded = encode(document);
    if (encoded == null) {
      throw new MongoServerError(ErrorCode.BadValue, "the document holds a value that cannot be stored");
    }
    return new StoredDocument(encoded, null);
  }

  static StoredDocument ofBson(byte[] bson) {
    return new StoredDocument(bson, null);
  }

  /** A document read from a file written before BSON: as BSON when it can be, else in its Java form. */
  static StoredDocument legacy(Document document) {
    byte[] encoded = encode(document);
    return new StoredDocument(encoded, encoded == null ? document : null);
  }

  Document document() {
    return bson != null ? BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)) : legacy.cloneDeeply();
  }

  /** The BSON, or null for a legacy document BSON cannot hold. */
  byte[] bson() {
    return bson;
  }

  /** The Java form of a legacy document BSON cannot hold, or null. */
  Document legacyDocument() {
    return legacy;
  }

  private static byte[] encode(Document document) {
    ByteBuf buffer = Unpooled.buffer(FIRST_ESTIMATE);
    try {
      BsonEncoder.encodeDocument(document, buffer);
      byte[] encoded = new byte[buffer.readableBytes()];
      buffer.readBytes(encoded);
      return encoded;
    } catch (RuntimeException unsupported) {
      return null;
    } finally {
      buffer.release();
    }
  }
}
