package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections: documents are written as BSON behind a tag of their own,
 * instead of by Java serialization (a new ObjectOutputStream, class descriptors and all, for every document of
 * every page H2 writes out, which was its background writer's whole cost and a share of every uncached read).
 * Values written before, and anything BSON cannot hold, are read and written as the default type does, so
 * older store files need no migration: their pages move to BSON as they are rewritten. A document unchanged
 * since it was last written is not encoded again ({@link EncodedDocuments}).
 */
class DocumentValueType extends ObjectDataType {

  /** Not one of ObjectDataType's tags (0-14, 19, 32-49, 64-119). */
  static final byte BSON_DOCUMENT = 127;
  private static final int FIRST_ESTIMATE = 512;

  /** Average encoded size, for H2's cache accounting; racy updates only blur an estimate. */
  private volatile int averageBytes = FIRST_ESTIMATE;
  private final EncodedDocuments encoded;

  DocumentValueType(EncodedDocuments encoded) {
    this.encoded = encoded;
  }

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (value instanceof Document document) {
      byte[] bson = encoded.get(document);
      if (bson == null) {
        long mark = encoded.mark();
        bson = encode(document);
        if (bson != null) {
          encoded.keep(document, bson, mark);
        }
      }
      if (bson != null) {
        averageBytes = (averageBytes * 15 + bson.length) / 16;
        buffer.put(BSON_DOCUMENT).putVarInt(bson.length).put(bson);
        return;
      }
    }
    super.write(buffer, value);
  }

  @Override
  public Object read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
      return super.read(buffer);
    }
    buffer.get();
    int length = DataUtils.readVarInt(buffer);
    byte[] bson = new byte[length];
    buffer.get(bson);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }

  @Override
  public int getMemory(Object value) {
    return value instanceof Document ? 2 * averageBytes + 64 : super.getMemory(value);
  }

  /** The document as BSON, or null when it holds something BSON has no type for. */
  private static byte[] encode(Document document) {
    ByteBuf buffer = Unpooled.buffer(FIRST_ESTIMATE);
    try {
      BsonEncoder.encodeDocument(document, buffer);
      byte[] bson = new byte[buffer.readableBytes()];
      buffer.readBytes(bson);
      return bson;
    } catch (RuntimeException unsupported) {
      return null;
    } finally {
      buffer.release();
    }
  }
}
