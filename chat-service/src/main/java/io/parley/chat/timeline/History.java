package io.parley.chat.timeline;

import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import java.util.List;

/**
 * Pages of a room's history, ascending by seq. The recent part of a room comes from {@link RecentMessages} when
 * memory is as new as the journal says the room is; older pages, and rooms not in memory, from the store.
 */
public final class History {

  private final RoomAccess access;
  private final RoomJournal journal;
  private final MessageStore messages;
  private final RecentMessages recent;

  public History(RoomAccess access, RoomJournal journal, MessageStore messages, RecentMessages recent) {
    this.access = access;
    this.journal = journal;
    this.messages = messages;
    this.recent = recent;
  }

  /** A page of the room's history, to whoever may read the room. */
  public Future<HistoryPage> history(Actor actor, HistoryQuery query) {
    return access.readable(query.roomId(), actor)
        .compose(room -> pageOf(room.getString("_id"), query.before(), query.after(), query.pageSize()));
  }

  /** A page {@code before} or {@code after} a seq (neither: the newest). */
  private Future<HistoryPage> pageOf(String roomId, Long before, Long after, int limit) {
    return journal.countersOf(roomId).compose(counters -> {
      long lastSeq = counters.lastSeq();
      long version = counters.version();
      long from;
      long to;
      if (after != null) {
        from = after + 1;
        to = Math.min(lastSeq, after + limit);
      } else {
        to = before == null ? lastSeq : Math.min(lastSeq, before - 1);
        from = Math.max(1, to - limit + 1);
      }
      boolean hasMore = after != null ? to < lastSeq : from > 1;
      return page(roomId, version, lastSeq, from, to).map(page -> new HistoryPage(page, hasMore));
    });
  }

  private Future<List<Message>> page(String roomId, long version, long lastSeq, long from, long to) {
    List<Message> cached = recent.page(roomId, version, from, to);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    if (!RecentMessages.isRecent(from, lastSeq)) {
      return fromStore(roomId, from, to);
    }
    return loadRecent(roomId).compose(loaded -> {
      List<Message> page = recent.page(roomId, version, from, to);
      return page != null ? Future.succeededFuture(page) : fromStore(roomId, from, to);
    });
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

  /** A page from the store; when a message is numbered but not yet applied, applies the journal and reads again. */
  private Future<List<Message>> fromStore(String roomId, long from, long to) {
    long expected = Math.max(0, to - from + 1);
    return messages.range(roomId, from, to)
        .compose(page -> page.size() == expected
            ? Future.succeededFuture(page)
            : journal.catchUp(roomId).compose(ignored -> messages.range(roomId, from, to)))
        .map(page -> page.stream().map(MessageStore::toMessage).toList());
  }
}
