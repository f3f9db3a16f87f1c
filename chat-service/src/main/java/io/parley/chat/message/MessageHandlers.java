package io.parley.chat.message;

import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Messages: sending, editing and reacting; deleting is {@link MessageDeletion}'s. */
public final class MessageHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);
  private static final List<String> REACTION_OPS = List.of("add", "remove");
  /** Different emoji on one message, so a message document cannot be grown without bound. */
  private static final int MAX_DISTINCT_REACTIONS = 50;

  private final RoomAccess access;
  private final DirectRooms directRooms;
  private final Timeline timeline;
  private final FileStore files;
  private final ReadMarkers readMarkers;
  private final Deliveries deliveries;
  private final UserDirectory users;

  public MessageHandlers(RoomAccess access, DirectRooms directRooms, Timeline timeline, FileStore files,
      ReadMarkers readMarkers, Deliveries deliveries, UserDirectory users) {
    this.access = access;
    this.directRooms = directRooms;
    this.timeline = timeline;
    this.files = files;
    this.readMarkers = readMarkers;
    this.deliveries = deliveries;
    this.users = users;
  }

  public Future<JsonObject> send(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    boolean withFile = fields.has("fileId");
    String text = withFile
        ? fields.optionalString("text", 0, Limits.TEXT_MAX_CHARS)
        : fields.requiredString("text", 1, Limits.TEXT_MAX_CHARS);
    rejectBlank(fields, text);
    String clientMsgId = fields.optionalString("clientMsgId", 1, Limits.CLIENT_MSG_ID_MAX_CHARS);
    String fileId = fields.optionalString("fileId", 1, 64);
    boolean toUser = fields.has("toUserId");
    if (toUser && fields.has("roomId")) {
      fields.reject("roomId", "cannot be combined with toUserId");
    } else if (!toUser && !fields.has("roomId")) {
      fields.reject("roomId", "is required, or toUserId");
    }
    fields.throwIfInvalid();
    Future<JsonObject> room = toUser
        ? directRooms.open(actor, request.getValue("toUserId"), "toUserId").map(DirectRooms.Opened::room)
        : access.asMember(request.getValue("roomId"), actor);
    return room.compose(target -> {
      String roomId = target.getString("_id");
      Future<JsonObject> attachment = fileId == null
          ? Future.succeededFuture(null)
          : files.attachment(fileId, roomId, actor.id());
      return Future.all(users.profile(actor.id()), attachment)
          .compose(both -> timeline.post(roomId, both.resultAt(0), text == null ? "" : text, clientMsgId,
              both.resultAt(1)))
          .compose(outcome -> outcome.changed()
              ? afterPost(target, actor, outcome.message()).map(outcome)
              : Future.succeededFuture(outcome))
          .map(outcome -> new JsonObject().put("message", outcome.message()).put("created", outcome.changed()));
    });
  }

  /** The sender has read their own message; a direct message to someone offline waits for them. */
  private Future<Void> afterPost(JsonObject room, Actor sender, JsonObject message) {
    Future<Long> read = readMarkers.readOwn(room.getString("_id"), sender.id(), message.getLong("seq"));
    if (!RoomStore.DIRECT.equals(room.getString("type"))) {
      return read.mapEmpty();
    }
    String recipient = RoomStore.otherMember(room, sender.id());
    // Asked while the read marker is written: both are on the way to the sender's ack.
    Future<Set<String>> online = users.online(List.of(recipient))
        // Without an answer from presence-service the recipient counts as offline: a late notice beats none.
        .recover(failure -> Future.succeededFuture(Set.of()));
    return read
        .compose(ignored -> online)
        .compose(onlineNow -> onlineNow.contains(recipient)
            ? Future.<Void>succeededFuture()
            : deliveries.remember(recipient, message))
        .recover(failure -> {
          LOG.warn("could not keep {} for offline recipient {}", message.getString("id"), recipient, failure);
          return Future.succeededFuture();
        });
  }

  public Future<JsonObject> edit(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    String text = fields.requiredString("text", 1, Limits.TEXT_MAX_CHARS);
    rejectBlank(fields, text);
    fields.throwIfInvalid();
    return changeMessage(actor, request.getValue("messageId"), current -> {
      requireLive(current);
      if (!isSender(current, actor)) {
        throw ServiceError.forbidden("Only its sender can edit a message.");
      }
      return Timeline.Edit.set(new JsonObject().put("text", text).put("editedAt", Instant.now().toString()));
    }, message -> new JsonObject().put("type", "message_updated").put("message", message))
        .map(outcome -> new JsonObject().put("message", outcome.message()));
  }

  /** Adds or removes the actor's reaction; doing what is already done changes nothing. */
  public Future<JsonObject> react(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    String emoji = fields.requiredString("emoji", 1, Limits.EMOJI_MAX_CHARS);
    String op = fields.optionalEnum("op", REACTION_OPS);
    if (!fields.has("op")) {
      fields.reject("op", "is required");
    }
    if (emoji != null && !isEmojiKey(emoji)) {
      fields.reject("emoji", "must be an emoji or a short code without spaces, '.' or '$'");
    }
    fields.throwIfInvalid();
    boolean add = "add".equals(op);
    return changeMessage(actor, request.getValue("messageId"),
        current -> reactionEdit(current, emoji, actor.id(), add),
        message -> new JsonObject().put("type", "reaction").put("messageId", message.getString("id"))
            .put("emoji", emoji).put("userId", actor.id()).put("op", op))
        .map(outcome -> new JsonObject().put("message", outcome.message()).put("changed", outcome.changed()));
  }

  /** The message's reactions with the user's reaction added or removed; null when it is so already. */
  private static Timeline.Edit reactionEdit(JsonObject current, String emoji, String userId, boolean add) {
    requireLive(current);
    JsonObject reactions = current.getJsonObject("reactions", new JsonObject()).copy();
    List<Object> userIds = new ArrayList<>(reactions.getJsonArray(emoji, new JsonArray()).getList());
    if (add == userIds.contains(userId)) {
      return null;
    }
    if (add && userIds.isEmpty() && reactions.size() >= MAX_DISTINCT_REACTIONS) {
      throw ServiceError.invalid("emoji", "this message has as many different reactions as it can hold");
    }
    if (add) {
      userIds.add(userId);
    } else {
      userIds.remove(userId);
    }
    if (userIds.isEmpty()) {
      reactions.remove(emoji);
    } else {
      reactions.put(emoji, new JsonArray(userIds));
    }
    return Timeline.Edit.set(new JsonObject().put("reactions", reactions));
  }

  /** A change to one message by a member of its room. */
  private Future<Timeline.Outcome> changeMessage(Actor actor, Object messageId,
      Function<JsonObject, Timeline.Edit> decide, Function<JsonObject, JsonObject> frameOf) {
    return access.ofMessage(messageId, actor)
        .compose(room -> timeline.change(room.getString("_id"), (String) messageId, decide, frameOf));
  }

  /** Reaction keys become field names in MongoDB: no '.', no '$', and nothing blank or invisible. */
  static boolean isEmojiKey(String emoji) {
    return emoji.codePoints().noneMatch(c -> c == '.' || c == '$' || Character.isWhitespace(c)
        || Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED);
  }

  private static void rejectBlank(RequestFields fields, String text) {
    if (text != null && !text.isEmpty() && text.isBlank()) {
      fields.reject("text", "must not be blank");
    }
  }

  private static void requireLive(JsonObject message) {
    if (message.getBoolean("deleted", false)) {
      throw ServiceError.notFound("Message");
    }
  }

  static boolean isSender(JsonObject message, Actor actor) {
    return actor.id().equals(message.getJsonObject("sender").getString("id"));
  }
}
