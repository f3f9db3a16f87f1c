package io.parley.search.index;

import io.parley.contract.model.Message;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Per room, the highest {@code seq} a message of it may have in the index. A message above it is new to the
 * index, so it is added without looking for an earlier state of it (a term lookup in every segment, then the
 * same again to delete the old document when it is replaced), which is what every new message would otherwise
 * cost. A message's seq is its place in its room and never changes, so the bound holds for every state of it.
 * A room's bound is read from the index the first time the room is written after opening (the documents
 * there then are all the index had when it opened), and raised by every write after. Writer thread only.
 */
final class SeqBounds {

  private static final Sort HIGHEST_SEQ = new Sort(new SortField(MessageDocuments.SEQ, SortField.Type.LONG, true));

  private final Map<String, Long> bounds = new HashMap<>();

  /** Whether the index holds no state of this message. */
  boolean isNew(Message message, MessageIndex index) throws IOException {
    Long bound = bounds.get(message.roomId());
    if (bound == null) {
      bound = index.search(searcher -> highestSeq(searcher, message.roomId()));
      bounds.put(message.roomId(), bound);
    }
    return message.seq() > bound;
  }

  /** A state of this message is now in the index. */
  void written(Message message) {
    bounds.merge(message.roomId(), message.seq(), Math::max);
  }

  private static long highestSeq(IndexSearcher searcher, String roomId) throws IOException {
    TopFieldDocs top = searcher.search(new TermQuery(new Term(MessageDocuments.ROOM, roomId)), 1, HIGHEST_SEQ);
    if (top.scoreDocs.length == 0) {
      return 0;
    }
    Object seq = ((FieldDoc) top.scoreDocs[0]).fields[0];
    return seq instanceof Long value ? value : 0;
  }
}
