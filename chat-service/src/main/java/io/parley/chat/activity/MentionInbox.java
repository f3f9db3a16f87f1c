package io.parley.chat.activity;

import io.parley.chat.membership.MembershipStore;
import io.parley.chat.mention.MentionLog;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.StoredRoom;
import io.parley.chat.timeline.MessageStore;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.MentionPage;
import io.parley.contract.chat.MentionsQuery;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The messages that mention a user, newest first, from their {@link MentionLog}: only those that still mention
 * them (an edit may have taken the mention back), are not deleted, and lie in rooms the user may read now (public
 * rooms, and rooms they are a member of). Entries are read a batch at a time until a page is full.
 */
public final class MentionInbox {

  /** Batches read at most for one page, so entries the user may no longer see cannot keep a request going. */
  private static final int MAX_BATCHES = 20;

  private final MentionLog log;
  private final MessageStore messages;
  private final RoomStore rooms;
  private final MembershipStore memberships;

  public MentionInbox(MentionLog log, MessageStore messages, RoomStore rooms, MembershipStore memberships) {
    this.log = log;
    this.messages = messages;
    this.rooms = rooms;
    this.memberships = memberships;
  }

  Future<MentionPage> mentions(Actor actor, MentionsQuery query) {
    Future<String> from = query.before() == null ? Future.succeededFuture(null)
        : log.keyOf(actor.id(), query.before()).compose(key -> key != null ? Future.succeededFuture(key)
            : Future.failedFuture(ServiceError.invalid("before", "must be a message that mentions you")));
    int wanted = query.pageSize() + 1;
    return Future.all(from, memberships.membershipsOfUser(actor.id())).compose(both -> {
      Set<String> memberOf = both.<List<JsonObject>>resultAt(1).stream().map(m -> m.getString("roomId"))
          .collect(Collectors.toSet());
      return collect(actor.id(), memberOf, both.resultAt(0), wanted, new ArrayList<>(), 0);
    }).map(found -> new MentionPage(found.subList(0, Math.min(found.size(), query.pageSize())),
        found.size() >= wanted));
  }

  private Future<List<MentionPage.Mention>> collect(String userId, Set<String> memberOf, String beforeKey,
      int wanted, List<MentionPage.Mention> found, int batches) {
    return log.page(userId, beforeKey, wanted).compose(entries -> {
      if (entries.isEmpty()) {
        return Future.succeededFuture(found);
      }
      List<String> messageIds = entries.stream().map(entry -> entry.getString("messageId")).toList();
      List<String> roomIds = entries.stream().map(entry -> entry.getString("roomId")).distinct().toList();
      return Future.all(messages.findByIds(messageIds), rooms.findByIds(roomIds)).compose(both -> {
        Map<String, Message> byId = new HashMap<>();
        both.<List<JsonObject>>resultAt(0).forEach(doc -> byId.put(doc.getString("_id"), MessageStore.toMessage(doc)));
        Map<String, JsonObject> roomsById = new HashMap<>();
        both.<List<JsonObject>>resultAt(1).forEach(room -> roomsById.put(room.getString("_id"), room));
        for (JsonObject entry : entries) {
          Message message = byId.get(entry.getString("messageId"));
          JsonObject room = roomsById.get(entry.getString("roomId"));
          boolean readable = room != null
              && (StoredRoom.is(room, Room.PUBLIC) || memberOf.contains(room.getString("_id")));
          if (found.size() < wanted && readable && message != null && !message.deleted() && message.mentions(userId)) {
            found.add(new MentionPage.Mention(message, new RoomSummary(room.getString("_id"), room.getString("name"),
                room.getString("type"))));
          }
        }
        boolean more = entries.size() == wanted && found.size() < wanted && batches + 1 < MAX_BATCHES;
        return more
            ? collect(userId, memberOf, entries.get(entries.size() - 1).getString("key"), wanted, found, batches + 1)
            : Future.succeededFuture(found);
      });
    });
  }
}
