package io.parley.chat.timeline;

import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.RepliesPage;
import io.parley.contract.chat.RepliesQuery;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pages of a thread's replies, ascending by seq, paged as history is, to members of the thread's room. */
public final class ThreadPages {

  private final RoomAccess access;
  private final History history;
  private final ThreadIndex index;

  public ThreadPages(RoomAccess access, History history, ThreadIndex index) {
    this.access = access;
    this.history = history;
    this.index = index;
  }

  public Future<RepliesPage> replies(Actor actor, RepliesQuery query) {
    String rootId = query.messageId();
    return access.ofMessage(rootId, actor).compose(room -> {
      String roomId = room.getString("_id");
      return Future.all(history.countersOf(roomId), index.replySeqs(rootId)).compose(both -> {
        RoomCounters counters = both.resultAt(0);
        List<Long> known = both.<List<Long>>resultAt(1).stream().filter(seq -> seq <= counters.lastSeq()).toList();
        List<Long> window = window(known, query);
        Set<Long> wanted = new HashSet<>(window);
        long rootSeq = MessageStore.seqOf(rootId);
        wanted.add(rootSeq);
        return history.messagesAt(roomId, counters, wanted).map(found -> page(found, rootId, window, query));
      });
    });
  }

  /** The reply seqs of the page asked for, and one more beyond it when there is one. */
  private static List<Long> window(List<Long> seqs, RepliesQuery query) {
    int size = query.pageSize() + 1;
    if (query.after() != null) {
      return seqs.stream().filter(seq -> seq > query.after()).limit(size).toList();
    }
    List<Long> before = query.before() == null ? seqs
        : seqs.stream().filter(seq -> seq < query.before()).toList();
    return before.subList(Math.max(0, before.size() - size), before.size());
  }

  private static RepliesPage page(List<Message> found, String rootId, List<Long> window, RepliesQuery query) {
    Message root = found.stream().filter(message -> message.id().equals(rootId)).findFirst()
        .orElseThrow(() -> ServiceError.notFound("Message"));
    if (root.isReply()) {
      throw ServiceError.invalid("messageId", "is a reply: a thread is named by its top-level message");
    }
    boolean hasMore = window.size() > query.pageSize();
    List<Long> shown = !hasMore ? window
        : query.after() != null ? window.subList(0, query.pageSize()) : window.subList(1, window.size());
    List<Message> replies = found.stream()
        .filter(message -> rootId.equals(message.threadId()) && shown.contains(message.seq()))
        .toList();
    return new RepliesPage(root, replies, hasMore);
  }
}
