package io.parley.platform.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits H2's file about once a second, as its own background writer would, and then drops the part of the
 * store's log the file now covers. A checkpoint starts a new log segment, records that segment's position in the
 * file, and commits: every record before that position changed the documents before the commit began (a
 * collection appends a change after making it), so the file holds it, and a replay starts there.
 */
final class LogCheckpoints implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogCheckpoints.class);
  static final String REPLAY_FROM = "logReplayFrom";
  /** "false" while the store is open: a file that says so at open was not closed, but killed. */
  private static final String CLOSED_CLEANLY = "closedCleanly";
  static final long INTERVAL_MILLIS = 1_000;

  private final MVStore store;
  private final WriteAheadLog log;
  private final long intervalMillis;
  private final MVMap<String, String> marker;
  private final Thread thread;
  /** Woken to stop: an interrupt would close H2's file channel if it came during the file's force. */
  private final Object sleeper = new Object();
  private volatile boolean closed;
  /** Where the last checkpoint began the log's new segment: guarded by this. */
  private long lastRotation = -1;

  LogCheckpoints(MVStore store, WriteAheadLog log, long intervalMillis) {
    this.store = store;
    this.log = log;
    this.intervalMillis = intervalMillis;
    this.marker = store.openMap(KeyOrderMigration.MARKER_MAP);
    this.thread = new Thread(this::checkpointWhileOpen, "parley-store-checkpoint");
    thread.setDaemon(true);
  }

  /** Where a replay of the log begins for this store file: its last checkpoint's position, or the log's start. */
  static long replayFrom(MVStore store) {
    String position = store.<String, String>openMap(KeyOrderMigration.MARKER_MAP).get(REPLAY_FROM);
    return position == null ? 0 : Long.parseLong(position);
  }

  /** Whether the store was closed, not killed, when it last ran (a file from before this mark: yes). */
  static boolean closedCleanly(MVStore store) {
    return !"false".equals(store.<String, String>openMap(KeyOrderMigration.MARKER_MAP).get(CLOSED_CLEANLY));
  }

  /** Marks the file open; the next checkpoint writes the mark. */
  void markOpen() {
    marker.put(CLOSED_CLEANLY, "false");
  }

  /** Marks the file closed; the close's checkpoint writes the mark. */
  void markClosed() {
    marker.put(CLOSED_CLEANLY, "true");
  }

  void start() {
    thread.start();
  }

  /**
   * Commits the file and forces it to the disk, then drops the log before this checkpoint; at once, on the
   * caller's thread (a change the log does not hold, such as a new index, is then in the file before it is
   * answered).
   *
   * @throws IllegalStateException if the file could not be written
   */
  synchronized void checkpoint() {
    long position = log.rotate();
    lastRotation = position;
    marker.put(REPLAY_FROM, Long.toString(position));
    store.commit();
    store.getFileStore().executeFileStoreOperation(() -> { });
    if (store.getPanicException() != null) {
      throw new IllegalStateException("the store could not write its file", store.getPanicException());
    }
    store.sync();
    log.dropBefore(position);
  }

  private void checkpointWhileOpen() {
    while (!closed) {
      try {
        synchronized (sleeper) {
          if (!closed) {
            sleeper.wait(intervalMillis);
          }
        }
        if (store.getPanicException() != null) {
          LOG.error("the embedded store failed and stopped writing its file; checkpoints end",
              store.getPanicException());
          return;
        }
        if (!closed && hasNewRecords()) {
          checkpoint();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("the embedded store could not write its file; its log keeps every change meanwhile", e);
      }
    }
  }

  /** Records since the last checkpoint began, so that a failing one is not retried with a segment a second. */
  private synchronized boolean hasNewRecords() {
    return log.end() != lastRotation;
  }

  /** Stops the checkpoints; the store's close writes the last one. */
  @Override
  public void close() {
    synchronized (sleeper) {
      closed = true;
      sleeper.notifyAll();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
