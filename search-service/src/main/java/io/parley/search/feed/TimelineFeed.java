package io.parley.search.feed;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.TimelineChanged;
import io.parley.search.chat.ChatSource;
import io.parley.search.index.IndexTasks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index following every room's timeline: each change chat-service announces is written as it comes
 * (an edit replaces the message, a delete leaves a tombstone); at start, at intervals and whenever the versions
 * heard show a gap, the change log is read from the version indexed ({@link CatchUp}). The rooms' versions are
 * committed with the index, so a restarted instance goes on from where its index is.
 */
public final class TimelineFeed {

  private static final Logger LOG = LoggerFactory.getLogger(TimelineFeed.class);
  /** How long a gap may stay open (its change may be just late) before the change log is read. */
  static final long GAP_WAIT_MS = 1_000;
  private static final long RETRY_MAX_MS = 15_000;

  private final Vertx vertx;
  private final ChatSource chat;
  private final IndexTasks index;
  private final RoomProgress progress;
  private final CatchUp catchUp;
  private final Set<String> gapChecks = new HashSet<>();
  private boolean caughtUp;
  private boolean reconciling;

  public TimelineFeed(Vertx vertx, ChatSource chat, IndexTasks index, Map<String, Long> savedVersions) {
    this.vertx = vertx;
    this.chat = chat;
    this.index = index;
    this.progress = new RoomProgress(savedVersions);
    this.catchUp = new CatchUp(chat, index, progress);
  }

  /** Listens to the changes first, so none made during the catch-up that follows is missed. */
  public Future<Void> start() {
    return chat.listen(this::onChange).onSuccess(listening -> catchUpUntilDone(1_000));
  }

  /** Whether the first catch-up since start has completed. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Every room, again: what the intervals run, for changes whose notice never came. One at a time. */
  public Future<Void> reconcile() {
    if (reconciling) {
      return Future.succeededFuture();
    }
    reconciling = true;
    return catchUp.everyRoom().onComplete(done -> reconciling = false);
  }

  /** Writes the rooms' versions that moved, then commits; on the writer thread, after every write before. */
  public Future<Void> commit() {
    Map<String, Long> versions = progress.unsaved();
    return index.write(writer -> {
      writer.saveRoomVersions(versions);
      writer.commit();
      return null;
    });
  }

  private void onChange(TimelineChanged change) {
    index.write(writer -> writer.apply(change.message()))
        .onSuccess(written -> {
          if (progress.applied(change.roomId(), change.version())) {
            checkGapLater(change.roomId());
          }
        })
        .onFailure(failure -> {
          // A change heard while the service stops finds the index closed: the next start catches up on it.
          if (!index.isClosed()) {
            LOG.error("indexing a change of room {} failed", change.roomId(), failure);
          }
        });
  }

  private void checkGapLater(String roomId) {
    if (gapChecks.add(roomId)) {
      vertx.setTimer(GAP_WAIT_MS, timer -> {
        gapChecks.remove(roomId);
        if (progress.hasGap(roomId)) {
          catchUp.room(roomId);
        }
      });
    }
  }

  private void catchUpUntilDone(long retryMs) {
    long began = System.currentTimeMillis();
    catchUp.everyRoom()
        .onSuccess(done -> {
          caughtUp = true;
          LOG.info("index caught up with chat-service in {} ms", System.currentTimeMillis() - began);
        })
        .onFailure(failure -> {
          // Services of one process start together, so chat-service may not answer the first tries yet.
          if (isUnavailable(failure) && retryMs < RETRY_MAX_MS) {
            LOG.info("chat-service does not answer yet; catching up again in {} ms", retryMs);
          } else {
            LOG.warn("catching up with chat-service failed ({}); again in {} ms", failure.toString(), retryMs);
          }
          vertx.setTimer(retryMs, timer -> catchUpUntilDone(Math.min(retryMs * 2, RETRY_MAX_MS)));
        });
  }

  private static boolean isUnavailable(Throwable failure) {
    return failure instanceof ServiceError error && error.code() == ErrorCode.UNAVAILABLE;
  }
}
