package io.parley.search.feed;

import io.parley.contract.chat.RoomVersion;
import io.parley.search.chat.ChatSource;
import io.parley.search.index.IndexTasks;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index level with chat-service's change log: for each room behind, the changes after the version
 * indexed, page by page, a few rooms at a time; rooms chat-service no longer has are dropped. Run at start (an
 * empty index is so rebuilt whole), at intervals for changes whose notice was lost, and for a room whose
 * notices showed a gap. Event loop only.
 */
final class CatchUp {

  private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
  private static final int ROOMS_AT_ONCE = 4;

  private final ChatSource chat;
  private final IndexTasks index;
  private final RoomProgress progress;
  private final Set<String> running = new HashSet<>();
  private final Set<String> again = new HashSet<>();

  CatchUp(ChatSource chat, IndexTasks index, RoomProgress progress) {
    this.chat = chat;
    this.index = index;
    this.progress = progress;
  }

  /** Every room: completes when each was caught up to the version chat-service gave for it. */
  Future<Void> everyRoom() {
    Set<String> known = progress.rooms();
    return chat.roomVersions().compose(rooms -> {
      Set<String> listed = new HashSet<>();
      Queue<String> behind = new ArrayDeque<>();
      for (RoomVersion room : rooms) {
        listed.add(room.roomId());
        if (room.version() > progress.indexed(room.roomId())) {
          behind.add(room.roomId());
        }
      }
      // Only rooms indexed before the list was asked for: a room made since is not missing from it.
      List<String> gone = known.stream().filter(roomId -> !listed.contains(roomId)).toList();
      gone.forEach(progress::forget);
      Future<Void> removed = gone.isEmpty() ? Future.succeededFuture() : index.write(writer -> {
        for (String roomId : gone) {
          writer.removeRoom(roomId);
        }
        return null;
      });
      List<Throwable> failures = new ArrayList<>();
      List<Future<Void>> workers = new ArrayList<>();
      for (int i = 0; i < ROOMS_AT_ONCE; i++) {
        workers.add(drain(behind, failures));
      }
      workers.add(removed);
      return Future.all(workers).compose(all -> failures.isEmpty()
          ? Future.succeededFuture()
          : Future.failedFuture(failures.get(0)));
    });
  }

  /** One room, from the version indexed; a room already being caught up is caught up once more after. */
  Future<Void> room(String roomId) {
    if (!running.add(roomId)) {
      again.add(roomId);
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    pages(roomId, done);
    return done.future().eventually(() -> {
      running.remove(roomId);
      return again.remove(roomId) ? room(roomId) : Future.succeededFuture();
    });
  }

  /** Catches up the rooms of the queue one after the other; a room that fails does not stop the others. */
  private Future<Void> drain(Queue<String> rooms, List<Throwable> failures) {
    String roomId = rooms.poll();
    if (roomId == null) {
      return Future.succeededFuture();
    }
    return room(roomId)
        .recover(failure -> {
          failures.add(failure);
          return Future.succeededFuture();
        })
        .compose(ignored -> drain(rooms, failures));
  }

  private void pages(String roomId, Promise<Void> done) {
    long since = progress.indexed(roomId);
    chat.changesAfter(roomId, since)
        .compose(page -> index.write(writer -> {
          writer.applyAll(page.messages());
          return page;
        }))
        .onSuccess(page -> {
          progress.reached(roomId, page.version());
          if (page.complete() || page.version() <= since) {
            done.complete();
          } else {
            pages(roomId, done);
          }
        })
        .onFailure(failure -> {
          LOG.warn("catching up room {} from version {} failed: {}", roomId, since, failure.toString());
          done.fail(failure);
        });
  }
}
