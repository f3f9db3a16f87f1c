package io.parley.search.index;

import io.parley.contract.model.Message;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of one search-service instance. Every method blocks: writes run on one writer thread
 * ({@link IndexTasks}), searches on worker threads through {@link #search}. Writes become visible to searches at
 * the next {@link #refresh}, and durable at the next {@link #commit}; what was not committed when the process
 * died is indexed again by catch-up, since the rooms' versions are committed with the messages.
 */
public final class MessageIndex implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(MessageIndex.class);

  /**
   * Segments up to this size, and this much in all, are kept in memory until a commit writes them out: a refresh
   * every 100 ms under load flushes a small segment each time, and writing, mapping and soon merging away each as
   * files cost the writer thread more in the kernel than indexing cost it in Java.
   */
  private static final double CACHED_SEGMENT_MB = 8;
  private static final double CACHED_MB = 64;

  /**
   * Writes not yet visible that the index remembers the versions of; at this many it refreshes, which bounds them
   * while nobody searches (see {@link IndexTasks}).
   */
  static final int MAX_UNREFRESHED = 10_000;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** Versions written since the last refresh, which searchers cannot see yet. Writer thread only. */
  private final Map<String, Long> unrefreshed = new HashMap<>();
  private final SeqBounds seqBounds = new SeqBounds();
  private boolean uncommitted;

  private MessageIndex(Directory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index in the folder, creating it; an index that cannot be read is dropped and rebuilt. */
  public static MessageIndex open(Path folder) throws IOException {
    Files.createDirectories(folder);
    EarlierIndexes.removeBeside(folder);
    try {
      return openIn(folder, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException unreadable) {
      LOG.warn("the index in {} cannot be read ({}); it is rebuilt from chat-service", folder, unreadable.toString());
      // Emptied first: a writer in CREATE mode still reads the latest commit it finds.
      IOUtils.rm(folder);
      Files.createDirectories(folder);
      return openIn(folder, IndexWriterConfig.OpenMode.CREATE);
    }
  }

  private static MessageIndex openIn(Path folder, IndexWriterConfig.OpenMode mode) throws IOException {
    Directory directory = new NRTCachingDirectory(FSDirectory.open(folder), CACHED_SEGMENT_MB, CACHED_MB);
    IndexWriter writer = null;
    try {
      writer = new IndexWriter(directory, config(mode));
      return new MessageIndex(directory, writer);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
      throw e;
    }
  }

  private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(new FoldingAnalyzer())
        .setOpenMode(mode)
        .setIndexSort(MessageDocuments.NEWEST_FIRST)
        .setRAMBufferSizeMB(32);
  }

  /** Writes the message as it now is, unless the index holds the same or a later state of it. */
  public boolean apply(Message message) throws IOException {
    if (seqBounds.isNew(message, this)) {
      writer.addDocument(MessageDocuments.of(message));
    } else if (message.version() > versionHeld(message.id())) {
      writer.updateDocument(MessageDocuments.key(message.id()), MessageDocuments.of(message));
    } else {
      return false;
    }
    seqBounds.written(message);
    unrefreshed.put(message.id(), message.version());
    uncommitted = true;
    if (unrefreshed.size() >= MAX_UNREFRESHED) {
      refresh();
    }
    return true;
  }

  public void applyAll(Collection<Message> messages) throws IOException {
    for (Message message : messages) {
      apply(message);
    }
  }

  /** Remembers up to which version each room's timeline is in the index. */
  public void saveRoomVersions(Map<String, Long> versions) throws IOException {
    for (Map.Entry<String, Long> room : versions.entrySet()) {
      writer.updateDocument(MessageDocuments.roomKey(room.getKey()),
          MessageDocuments.roomProgress(room.getKey(), room.getValue()));
      uncommitted = true;
    }
  }

  /** The rooms' versions as last committed with the messages. */
  public Map<String, Long> roomVersions() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TermQuery rooms = new TermQuery(new Term(MessageDocuments.KIND, MessageDocuments.ROOM_PROGRESS));
      Map<String, Long> versions = new HashMap<>();
      for (ScoreDoc hit : searcher.search(rooms, Math.max(1, searcher.count(rooms))).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        versions.put(doc.get(MessageDocuments.ROOM), doc.getField(MessageDocuments.VERSION).numericValue().longValue());
      }
      return versions;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Forgets a room that chat-service no longer has, with everything of it. */
  public void removeRoom(String roomId) throws IOException {
    writer.deleteDocuments(new Term(MessageDocuments.ROOM, roomId), MessageDocuments.roomKey(roomId));
    uncommitted = true;
  }

  /** Makes every write so far visible to searches. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
    unrefreshed.clear();
  }

  /** {@link #refresh} as a {@link IndexTasks.Task}. */
  static Void refreshNow(MessageIndex index) throws IOException {
    index.refresh();
    return null;
  }

  public void commit() throws IOException {
    if (uncommitted) {
      writer.commit();
      uncommitted = false;
    }
  }

  /** Runs a search on the latest refreshed view of the index; any thread. */
  public <T> T search(Search<T> search) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.run(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Something done with a searcher. */
  public interface Search<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, writer, directory);
  }

  private long versionHeld(String messageId) throws IOException {
    Long written = unrefreshed.get(messageId);
    if (written != null) {
      return written;
    }
    return search(searcher -> {
      TopDocs found = searcher.search(new TermQuery(MessageDocuments.key(messageId)), 1);
      if (found.scoreDocs.length == 0) {
        return -1L;
      }
      Document doc = searcher.storedFields().document(found.scoreDocs[0].doc);
      return doc.getField(MessageDocuments.VERSION).numericValue().longValue();
    });
  }
}
