package io.parley.chat.activity;

import io.parley.chat.membership.MembershipStore;
import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.ThreadIndex;
import io.parley.contract.Actor;
import io.parley.contract.chat.ThreadList;
import io.parley.contract.chat.ThreadsQuery;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The threads a user follows ({@link MemberMarks}) in the rooms they are a member of, those with replies, the
 * latest reply first: each root as it is now, its room, and the replies after the user's marker in it.
 */
public final class FollowedThreads {

  private final MembershipStore memberships;
  private final MemberMarks marks;
  private final MessageStore messages;
  private final ThreadIndex index;
  private final RoomStore rooms;

  public FollowedThreads(MembershipStore memberships, MemberMarks marks, MessageStore messages, ThreadIndex index,
      RoomStore rooms) {
    this.memberships = memberships;
    this.marks = marks;
    this.messages = messages;
    this.index = index;
    this.rooms = rooms;
  }

  Future<ThreadList> threads(Actor actor, ThreadsQuery query) {
    return memberships.membershipsOfUser(actor.id())
        .map(found -> found.stream().map(m -> m.getString("roomId")).toList())
        .compose(roomIds -> marks.ofRooms(actor.id(), roomIds))
        .compose(followed -> {
          Map<String, Long> readUpTo = new HashMap<>();
          followed.forEach((roomId, marked) -> marked.threads().forEach((rootSeq, seq) ->
              readUpTo.put(MessageStore.messageId(roomId, rootSeq), seq)));
          return Future.all(messages.findByIds(readUpTo.keySet()), index.replySeqs(readUpTo.keySet()),
                  rooms.findByIds(List.copyOf(followed.keySet())))
              .map(all -> list(all.resultAt(0), all.resultAt(1), all.resultAt(2), readUpTo, query.pageSize()));
        })
        .map(ThreadList::new);
  }

  private static List<ThreadList.FollowedThread> list(List<JsonObject> roots, Map<String, List<Long>> replies,
      List<JsonObject> roomsFound, Map<String, Long> readUpTo, int limit) {
    Map<String, RoomSummary> summaries = new HashMap<>();
    roomsFound.forEach(room -> summaries.put(room.getString("_id"),
        new RoomSummary(room.getString("_id"), room.getString("name"), room.getString("type"))));
    List<ThreadList.FollowedThread> threads = new ArrayList<>();
    for (JsonObject doc : roots) {
      Message root = MessageStore.toMessage(doc);
      RoomSummary room = summaries.get(root.roomId());
      if (root.thread() == null || room == null) {
        continue;
      }
      long lastRead = readUpTo.get(root.id());
      long unread = replies.getOrDefault(root.id(), List.of()).stream().filter(seq -> seq > lastRead).count();
      threads.add(new ThreadList.FollowedThread(root, room, lastRead, unread));
    }
    threads.sort(Comparator.comparing(
        (ThreadList.FollowedThread thread) -> Instant.parse(thread.root().thread().lastReplyAt())).reversed());
    return threads.subList(0, Math.min(limit, threads.size()));
  }
}
