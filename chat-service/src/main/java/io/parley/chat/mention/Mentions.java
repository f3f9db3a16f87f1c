package io.parley.chat.mention;

import io.parley.chat.directory.UserDirectory;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.timeline.MessageStore;
import io.parley.contract.Limits;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Mentions: who a message's text names among the room's members ({@code @username}), and whether it names them
 * all ({@code @room}, in rooms of at most {@value Limits#ROOM_MENTION_MAX_MEMBERS} members; elsewhere plain
 * text). Read when a message is stored and again when it is edited; each member newly mentioned gets an unread
 * mention ({@link MemberMarks}) and an entry in their list of mentions ({@link MentionLog}), and follows the
 * thread it is in. The sender never mentions themselves.
 */
public final class Mentions {

  private final MembershipStore memberships;
  private final UserDirectory users;
  private final MemberMarks marks;
  private final MentionLog log;

  public Mentions(MembershipStore memberships, UserDirectory users, MemberMarks marks, MentionLog log) {
    this.memberships = memberships;
    this.users = users;
    this.marks = marks;
    this.log = log;
  }

  /** Whom a text mentions: member ids in the order named, and whether it mentions the whole room. */
  public record Resolved(List<String> userIds, boolean room) {
    public static final Resolved NONE = new Resolved(List.of(), false);

    /** The fields a stored message keeps of them; those it had and no longer has are to be unset. */
    public JsonObject fields() {
      JsonObject fields = new JsonObject();
      if (!userIds.isEmpty()) {
        fields.put("mentions", JsonValues.array(userIds));
      }
      return room ? fields.put("mentionsRoom", true) : fields;
    }

    public List<String> absentFields() {
      List<String> absent = new ArrayList<>();
      if (userIds.isEmpty()) {
        absent.add("mentions");
      }
      if (!room) {
        absent.add("mentionsRoom");
      }
      return absent;
    }
  }

  /**
   * Whom a text mentions in a stored room. Its members are counted as stored now: the room given may come from
   * chat-service's cache of rooms, whose member count a join or a leave does not refresh.
   */
  public Future<Resolved> resolve(JsonObject room, String text) {
    MentionParser.Parsed parsed = MentionParser.parse(text);
    if (parsed.isEmpty()) {
      return Future.succeededFuture(Resolved.NONE);
    }
    return memberships.memberIds(room.getString("_id")).compose(memberIds -> {
      boolean everyone = parsed.room() && memberIds.size() <= Limits.ROOM_MENTION_MAX_MEMBERS;
      if (parsed.usernames().isEmpty()) {
        return Future.succeededFuture(new Resolved(List.of(), everyone));
      }
      return users.profiles(memberIds).map(profiles -> {
        List<String> named = new ArrayList<>();
        for (String username : parsed.usernames()) {
          profiles.values().stream()
              .filter(profile -> profile.username().toLowerCase(Locale.ROOT).equals(username))
              .map(UserRef::id)
              .filter(id -> !named.contains(id))
              .forEach(named::add);
        }
        return new Resolved(named, everyone);
      });
    });
  }

  /**
   * Tells the members a stored message mentions of it, those it mentions now and did not {@code before} (null
   * for a new message), and takes the mention back from those it no longer mentions.
   */
  public Future<Void> record(Message message, Message before) {
    return Future.all(targets(message), before == null ? Future.succeededFuture(Set.of()) : targets(before))
        .compose(both -> {
          Set<String> now = both.resultAt(0);
          Set<String> earlier = both.resultAt(1);
          String roomId = message.roomId();
          Long rootSeq = message.isReply() ? MessageStore.seqOf(message.threadId()) : message.seq();
          List<Future<Void>> writes = new ArrayList<>();
          for (String userId : now) {
            if (!earlier.contains(userId)) {
              writes.add(marks.mention(roomId, userId, message.seq(), rootSeq));
              writes.add(log.add(userId, message));
            }
          }
          earlier.stream().filter(userId -> !now.contains(userId))
              .forEach(userId -> writes.add(marks.unmention(roomId, userId, message.seq())));
          return Future.all(writes).mapEmpty();
        });
  }

  /** The members a message mentions, its sender aside. */
  private Future<Set<String>> targets(Message message) {
    Future<List<String>> named = message.mentionsRoom()
        ? memberships.memberIds(message.roomId())
        : Future.succeededFuture(message.mentions());
    return named.map(ids -> {
      Set<String> targets = new LinkedHashSet<>(ids);
      targets.remove(message.sender().id());
      return targets;
    });
  }
}
