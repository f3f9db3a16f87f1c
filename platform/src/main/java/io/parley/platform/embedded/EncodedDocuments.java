package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The BSON of documents already written, by document instance. H2 writes a changed page whole, so every
 * document that shares a page with one that changed was encoded again at each write: most of the store's
 * background writer's time, with documents spread over many pages by their ids. A document instance is
 * changed in place only by an update, and every update ends in {@link #forget}; a new document is a new
 * instance. An encoding that raced with a change is not kept ({@code changes} counts them).
 *
 * <p>A fixed table indexed by identity hash: a slot holds the last document encoded there. Memory is bounded
 * twice: by the slots, and by a budget of bytes, within which only small documents (chat messages, memberships,
 * counters) are kept, a large one being encoded at each write as before; past the budget, slots are emptied in
 * turn (a clock hand), so what is kept follows the pages written lately. Every method locks: the background
 * writer reads and fills it while the store's workers forget.
 */
final class EncodedDocuments {

  private static final int LARGEST_KEPT = 2048;

  private final Document[] documents;
  private final byte[][] encodings;
  private final int mask;
  private final long budgetBytes;
  private long keptBytes;
  private int hand;
  private long changes;

  EncodedDocuments(int slotsPowerOfTwo, long budgetBytes) {
    this.documents = new Document[1 << slotsPowerOfTwo];
    this.encodings = new byte[1 << slotsPowerOfTwo][];
    this.mask = (1 << slotsPowerOfTwo) - 1;
    this.budgetBytes = budgetBytes;
  }

  /** The BSON kept for this very instance, or null. */
  synchronized byte[] get(Document document) {
    int slot = slot(document);
    return documents[slot] == document ? encodings[slot] : null;
  }

  /** A mark to hand to {@link #keep}: taken before encoding, it tells whether anything changed meanwhile. */
  synchronized long mark() {
    return changes;
  }

  synchronized void keep(Document document, byte[] bson, long mark) {
    if (mark != changes || bson.length > LARGEST_KEPT) {
      return;
    }
    int slot = slot(document);
    empty(slot);
    documents[slot] = document;
    encodings[slot] = bson;
    keptBytes += bson.length;
    while (keptBytes > budgetBytes) {
      empty(hand);
      hand = (hand + 1) & mask;
    }
  }

  /** The document is about to be stored again after a change in place: what was kept of it is stale. */
  synchronized void forget(Document document) {
    changes++;
    int slot = slot(document);
    if (documents[slot] == document) {
      empty(slot);
    }
  }

  private void empty(int slot) {
    if (encodings[slot] != null) {
      keptBytes -= encodings[slot].length;
      documents[slot] = null;
      encodings[slot] = null;
    }
  }

  private int slot(Document document) {
    return System.identityHashCode(document) & mask;
  }
}
