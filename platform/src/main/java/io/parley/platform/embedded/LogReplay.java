package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link WriteAheadLog} holds past the position H2's file covers, read when the store opens: the last state
 * of each document changed since, by collection. Documents of collections H2's file has are set to it directly
 * ({@link #restoreInto}); collections it lacks are created through the library afterwards, with their indexes.
 * A record cut short or damaged ends the log: nothing after it was acknowledged, since an acknowledgement waits
 * for every record before it to be on the disk.
 */
final class LogReplay {

  private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);
  /** A record longer than this is damage, not a document (MongoDB's documents are at most 16 MB). */
  private static final int LARGEST_RECORD = 64 << 20;

  /** By collection, then by key: the document's last state, or null when it was removed last. */
  private final Map<String, Map<Object, byte[]>> finals = new LinkedHashMap<>();
  private final Map<String, Map<Object, byte[]>> missingCollections = new LinkedHashMap<>();
  private long records;
  private long end;
  /** Past every segment's last byte, whole or not: where a new log begins, so that it never meets an old one. */
  private long pastAll;

  private LogReplay() {
  }

  /** Reads the log in {@code folder} from {@code position} (the start of H2's last checkpoint). */
  static LogReplay read(Path folder, long position) {
    LogReplay replay = new LogReplay();
    replay.end = position;
    replay.pastAll = position;
    boolean whole = true;
    for (LogSegments.Segment segment : LogSegments.list(folder)) {
      replay.pastAll = Math.max(replay.pastAll, segment.start() + size(segment));
      if (segment.start() < position || !whole) {
        continue;
      }
      // Each segment begins where the one before ended: a gap means records lost (never acknowledged, since an
      // acknowledgement forces every record before it), and nothing after a lost record is replayed.
      whole = segment.start() == replay.end ? replay.readSegment(segment) : replay.gapBefore(segment);
    }
    return replay;
  }

  /** The position after the last whole record replayed. */
  long end() {
    return end;
  }

  /** Where the log goes on: past every byte of every segment, replayed or not. */
  long nextStart() {
    return pastAll;
  }

  private static long size(LogSegments.Segment segment) {
    try {
      return Files.size(segment.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store's log " + segment.path(), e);
    }
  }

  boolean isEmpty() {
    return records == 0;
  }

  long records() {
    return records;
  }

  /** Sets each changed document of the collections the file has to its last state. */
  void restoreInto(MVStore store) {
    finals.forEach((namespace, documents) -> {
      String mapName = StoredCollection.documentsMapName(namespace);
      if (!store.hasMap(mapName)) {
        missingCollections.put(namespace, documents);
        return;
      }
      MVMap<Object, StoredDocument> map = StoredCollection.openDocuments(store, mapName);
      documents.forEach((key, bson) -> {
        if (bson == null) {
          map.remove(key);
        } else {
          map.put(key, StoredDocument.ofBson(bson));
        }
      });
    });
  }

  /**
   * Creates, through the library, the collections the file lacks and the log wrote to (not the library's own
   * {@code system.} ones, which it fills as it creates the others), then fills every unique
   * index again from its collection's documents: the replay set documents directly, and a crash may have come
   * in the middle of a change, between an index and its document (so this runs after any crash, even with
   * nothing to replay).
   */
  void complete(H2Backend backend) {
    missingCollections.forEach((namespace, documents) -> {
      MongoDatabase database = databaseOf(backend, namespace);
      String name = collectionOf(namespace);
      if (name.startsWith("system.")) {
        return;
      }
      MongoCollection<?> collection = database.resolveCollection(name, false);
      MongoCollection<?> target = collection != null ? collection : database.createCollectionOrThrowIfExists(name);
      documents.values().stream().filter(bson -> bson != null)
          .forEach(bson -> target.addDocument(StoredDocument.ofBson(bson).document()));
    });
    String prefix = StoredCollection.documentsMapName("");
    for (String mapName : backend.getMvStore().getMapNames()) {
      if (mapName.startsWith(prefix)) {
        String namespace = mapName.substring(prefix.length());
        if (databaseOf(backend, namespace).resolveCollection(collectionOf(namespace), false)
            instanceof StoredCollection stored) {
          stored.rebuildUniqueIndexes();
        }
      }
    }
    LOG.info("after a crash: replayed {} changes from the store's log, rebuilt the unique indexes", records);
  }

  /** A collection's full name is its database's, a dot, and its own (a database's name has no dot). */
  private static MongoDatabase databaseOf(H2Backend backend, String namespace) {
    return backend.resolveDatabase(namespace.substring(0, namespace.indexOf('.')));
  }

  private static String collectionOf(String namespace) {
    return namespace.substring(namespace.indexOf('.') + 1);
  }

  /** False when the segment ended in a record cut short or damaged: the log ends there. */
  private boolean readSegment(LogSegments.Segment segment) {
    try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
      ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), Integer.MAX_VALUE - 8));
      while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
        // reads the whole segment; a segment is what a checkpoint's interval appended
      }
      bytes.flip();
      long offset = 0;
      while (bytes.remaining() >= WriteAheadLog.HEADER_BYTES) {
        int length = bytes.getInt();
        int crc = bytes.getInt();
        if (length < 0 || length > LARGEST_RECORD || length > bytes.remaining()) {
          return stopAt(segment, offset);
        }
        byte[] payload = new byte[length];
        bytes.get(payload);
        CRC32 check = new CRC32();
        check.update(payload);
        LogRecord record = (int) check.getValue() == crc ? decodeOrNull(payload) : null;
        if (record == null) {
          return stopAt(segment, offset);
        }
        finals.computeIfAbsent(record.namespace(), name -> new LinkedHashMap<>())
            .put(record.key(), record.document());
        records++;
        offset += WriteAheadLog.HEADER_BYTES + length;
        end = segment.start() + offset;
      }
      return bytes.remaining() == 0 || stopAt(segment, offset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store's log " + segment.path(), e);
    }
  }

  private static LogRecord decodeOrNull(byte[] payload) {
    try {
      return LogRecord.decode(payload);
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private boolean gapBefore(LogSegments.Segment segment) {
    LOG.warn("the store's log has a gap before {} (it ended at position {}); replayed up to it",
        segment.path().getFileName(), end);
    return false;
  }

  private boolean stopAt(LogSegments.Segment segment, long offset) {
    LOG.warn("the store's log ends in a record cut short or damaged in {} at byte {}; replayed up to it",
        segment.path().getFileName(), offset);
    return false;
  }
}
