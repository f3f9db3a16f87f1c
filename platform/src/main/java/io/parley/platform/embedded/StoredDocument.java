package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
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
 */
record StoredDocument(byte[] bson) {

  private static final int FIRST_ESTIMATE = 512;

  static StoredDocument of(Document document) {
    ByteBuf buffer = Unpooled.buffer(FIRST_ESTIMATE);
    try {
      BsonEncoder.encodeDocument(document, buffer);
      byte[] bson = new byte[buffer.readableBytes()];
      buffer.readBytes(bson);
      return new StoredDocument(bson);
    } catch (RuntimeException unsupported) {
      throw new MongoServerException("a value of this document cannot be stored: " + unsupported.getMessage());
    } finally {
      buffer.release();
    }
  }

  Document document() {
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }
}
