package io.parley.search.index;

import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's documents. A message is found by its {@code text} and filtered by {@code roomId}, {@code from} and
 * {@code createdAt}; it is returned from the message JSON stored beside. A deleted message leaves a tombstone
 * (its id, room, seq and version only), so a late copy of an older state cannot bring it back. Each room has one document
 * holding the version up to which its timeline is indexed.
 */
public final class MessageDocuments {

  public static final String ID = "id";
  public static final String KIND = "kind";
  public static final String ROOM = "roomId";
  public static final String FROM = "from";
  public static final String CREATED = "createdAt";
  public static final String TEXT = "text";
  static final String VERSION = "version";
  static final String SEQ = "seq";
  static final String STORED = "message";

  public static final String MESSAGE = "message";
  static final String TOMBSTONE = "tombstone";
  static final String ROOM_PROGRESS = "room";

  /** Newest first, then by id: the order of every answer, and of the index itself, so a page stops early. */
  public static final Sort NEWEST_FIRST = new Sort(new SortField(CREATED, SortField.Type.LONG, true),
      new SortField(ID, SortField.Type.STRING, true));

  private MessageDocuments() {
  }

  static Term key(String messageId) {
    return new Term(ID, messageId);
  }

  static Term roomKey(String roomId) {
    return new Term(ID, "room/" + roomId);
  }

  static Document of(Message message) {
    Document doc = keyed(message.id());
    doc.add(new StringField(ROOM, message.roomId(), Field.Store.NO));
    doc.add(new StoredField(VERSION, message.version()));
    doc.add(new NumericDocValuesField(SEQ, message.seq()));
    if (message.deleted()) {
      doc.add(new StringField(KIND, TOMBSTONE, Field.Store.NO));
      return doc;
    }
    long created = createdAtMillis(message.createdAt());
    doc.add(new StringField(KIND, MESSAGE, Field.Store.NO));
    doc.add(new StringField(FROM, message.sender() == null ? "" : message.sender().id(), Field.Store.NO));
    doc.add(new LongPoint(CREATED, created));
    doc.add(new NumericDocValuesField(CREATED, created));
    doc.add(new TextField(TEXT, message.text() == null ? "" : message.text(), Field.Store.NO));
    doc.add(new StoredField(STORED, message.toJson().encode()));
    return doc;
  }

  static Document roomProgress(String roomId, long version) {
    Document doc = keyed(roomKey(roomId).text());
    doc.add(new StringField(KIND, ROOM_PROGRESS, Field.Store.NO));
    doc.add(new StringField(ROOM, roomId, Field.Store.YES));
    doc.add(new StoredField(VERSION, version));
    return doc;
  }

  /** A document with its key, which every document has in the same two forms (Lucene wants one schema per field). */
  private static Document keyed(String id) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
    return doc;
  }

  public static Message message(Document doc) {
    return Message.fromJson(new JsonObject(doc.get(STORED)));
  }

  public static long createdAtMillis(String createdAt) {
    try {
      return createdAt == null ? 0 : Instant.parse(createdAt).toEpochMilli();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }
}
