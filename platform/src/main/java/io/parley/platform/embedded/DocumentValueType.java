package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections: each value is a {@link StoredDocument}, written as its BSON
 * behind a tag of its own, instead of by Java serialization (a new ObjectOutputStream, class descriptors and all,
 * for every document of every page H2 writes out). Values that files from before the tag hold are read as the
 * default type reads them and kept as BSON from then on, so older files need no migration: their pages move to
 * the tag as they are rewritten (one BSON cannot hold stays as it was). The bytes on disk are what they were
 * when the store kept decoded documents.
 */
class DocumentValueType extends ObjectDataType {

  /** Not one of ObjectDataType's tags (0-14, 19, 32-49, 64-119). */
  static final byte BSON_DOCUMENT = 127;
  /** What H2's cache counts for a value beyond its bytes: the record, its array's header, the page's slot. */
  private static final int OVERHEAD_BYTES = 48;

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (value instanceof StoredDocument stored) {
      if (stored.bson() != null) {
        buffer.put(BSON_DOCUMENT).putVarInt(stored.bson().length).put(stored.bson());
      } else {
        super.write(buffer, stored.legacyDocument());
      }
      return;
    }
    super.write(buffer, value);
  }

  @Override
  public Object read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
      Object old = super.read(buffer);
      return old instanceof Document document ? StoredDocument.legacy(document) : old;
    }
    buffer.get();
    byte[] bson = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(bson);
    return StoredDocument.ofBson(bson);
  }

  @Override
  public int getMemory(Object value) {
    if (value instanceof StoredDocument stored) {
      return stored.bson() != null ? stored.bson().length + OVERHEAD_BYTES : super.getMemory(stored.legacyDocument());
    }
    return super.getMemory(value);
  }
}
