package io.parley.chat.timeline;

import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reading a room's messages by seq, and pages of its history of top-level messages ({@link TopLevelPages}). The
 * recent part of a room comes from {@link RecentMessages} when memory is as new as the journal says the room is;
 * older messages, and rooms not in memory, from the store.
 */
public final class History {

  private final RoomAccess access;
  private final RoomJournal journal;
  private final MessageStore messages;
  private final RecentMessages recent;
  private final TopLevelPages topLevel;

  public History(RoomAccess access, RoomJournal journal, MessageStore messages, RecentMessages recent,
      ThreadIndex threads) {
    this.access = access;
    this.journal = journal;
    this.messages = messages;
    this.recent = recent;
    this.topLevel = new TopLevelPages(threads, this::messagesAt);
  }

  /** A page of the room's top-level messages, to whoever may read the room. */
  public Future<HistoryPage> history(Actor actor, HistoryQuery query) {
    return access.readable(query.roomId(), actor).compose(room -> {
      String roomId = room.getString("_id");
      return journal.countersOf(roomId).compose(counters -> topLevel.page(roomId, counters, query));
    });
  }

  /** The room's counters as its journal has them now. */
  public Future<RoomCounters> countersOf(String roomId) {
    return journal.countersOf(roomId);
  }

  /** The messages with these seqs (none above the counters' last), ascending by seq. */
  public Future<List<Message>> messagesAt(String roomId, RoomCounters counters, Set<Long> wanted) {
    if (wanted.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    SortedSet<Long> seqs = new TreeSet<>(wanted);
    List<Message> cached = cached(roomId, counters.version(), seqs);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    if (!RecentMessages.isRecent(seqs.first(), counters.lastSeq())) {
      return fromStore(roomId, seqs);
    }
    return loadRecent(roomId).compose(loaded -> {
      List<Message> page = cached(roomId, counters.version(), seqs);
      return page != null ? Future.succeededFuture(page) : fromStore(roomId, seqs);
    });
  }

  private List<Message> cached(String roomId, long version, SortedSet<Long> seqs) {
    List<Message> window = recent.page(roomId, version, seqs.first(), seqs.last());
    return window == null ? null : window.stream().filter(message -> seqs.contains(message.seq())).toList();
  }

  /** Reads the room's latest messages once every numbered change is applied, and keeps them in memory. */
  private Future<Void> loadRecent(String roomId) {
    return journal.catchUp(roomId).compose(counters -> {
      long lastSeq = counters.lastSeq();
      long first = Math.max(1, lastSeq - RecentMessages.PER_ROOM + 1);
      return messages.range(roomId, first, lastSeq).map(found -> {
        if (found.size() == lastSeq - first + 1 || lastSeq == 0) {
          recent.load(roomId, counters.version(), lastSeq,
              found.stream().map(MessageStore::toMessage).toList());
        }
        return null;
      });
    });
  }

  /** Messages from the store; when one is numbered but not yet applied, applies the journal and reads again. */
  private Future<List<Message>> fromStore(String roomId, SortedSet<Long> seqs) {
    return messages.bySeqs(roomId, seqs)
        .compose(found -> found.size() == seqs.size()
            ? Future.succeededFuture(found)
            : journal.catchUp(roomId).compose(ignored -> messages.bySeqs(roomId, seqs)))
        .map(found -> found.stream().map(MessageStore::toMessage).toList());
  }
}
