package io.parley.chat.timeline;

import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pages of a room's top-level messages, {@code limit} counting them only. Walking from where the page starts,
 * the {@link ThreadIndex} says which seqs of each stretch are replies, and only the others are fetched: a page
 * costs one read of the index per {@value #STRETCH} seqs walked and one lookup of known ids, however many
 * replies lie between. What is fetched is checked again, as the index may lack a reply whose writer died.
 */
final class TopLevelPages {

  /** Seqs whose replies one read of the index finds. */
  private static final int STRETCH = 10 * ThreadIndex.BLOCK;

  /** Reads the messages of a room with some seqs, ascending. */
  interface Reader {
    Future<List<Message>> at(String roomId, RoomCounters counters, Set<Long> seqs);
  }

  private final ThreadIndex index;
  private final Reader reader;

  TopLevelPages(ThreadIndex index, Reader reader) {
    this.index = index;
    this.reader = reader;
  }

  /** A page {@code before} or {@code after} a seq (neither: the newest), ascending by seq. */
  Future<HistoryPage> page(String roomId, RoomCounters counters, HistoryQuery query) {
    int limit = query.pageSize();
    boolean ascending = query.after() != null;
    long lastSeq = counters.lastSeq();
    long start = ascending ? query.after() + 1
        : query.before() == null ? lastSeq : Math.min(lastSeq, query.before() - 1);
    return collect(new Walk(roomId, counters, ascending, limit + 1), start).map(found -> {
      List<Message> page = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
      if (!ascending) {
        Collections.reverse(page);
      }
      return new HistoryPage(page, found.size() > limit);
    });
  }

  /** One page's walk through a room: which way, and the top-level messages found so far, in walking order. */
  private record Walk(String roomId, RoomCounters counters, boolean ascending, int wanted, List<Message> found) {
    Walk(String roomId, RoomCounters counters, boolean ascending, int wanted) {
      this(roomId, counters, ascending, wanted, new ArrayList<>());
    }

    int step() {
      return ascending ? 1 : -1;
    }

    boolean within(long seq, long end) {
      return ascending ? seq <= end : seq >= end;
    }
  }

  private Future<List<Message>> collect(Walk walk, long from) {
    long lastSeq = walk.counters().lastSeq();
    if (walk.found().size() >= walk.wanted() || from < 1 || from > lastSeq) {
      return Future.succeededFuture(walk.found());
    }
    long end = walk.ascending() ? Math.min(lastSeq, from + STRETCH - 1) : Math.max(1, from - STRETCH + 1);
    return index.repliesBetween(walk.roomId(), Math.min(from, end), Math.max(from, end)).compose(replies -> {
      int missing = walk.wanted() - walk.found().size();
      Set<Long> candidates = new LinkedHashSet<>();
      long seq = from;
      while (walk.within(seq, end) && candidates.size() < missing) {
        if (!replies.containsKey(seq)) {
          candidates.add(seq);
        }
        seq += walk.step();
      }
      long resume = seq;
      return reader.at(walk.roomId(), walk.counters(), candidates).compose(messages -> {
        List<Message> inWalkingOrder = new ArrayList<>(messages);
        if (!walk.ascending()) {
          Collections.reverse(inWalkingOrder);
        }
        inWalkingOrder.stream().filter(message -> !message.isReply()).forEach(walk.found()::add);
        return collect(walk, resume);
      });
    });
  }
}
