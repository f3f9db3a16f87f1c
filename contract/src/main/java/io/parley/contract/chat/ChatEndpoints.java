package io.parley.contract.chat;

import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.file.FileChunks;
import io.parley.contract.file.FileOperations;
import io.parley.contract.file.FileService;
import io.parley.contract.model.Health;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Serves chat-service's interfaces on their addresses: all of them for chat-service itself, or one domain for a
 * test's fake of the part it needs (presence-service's tests answer {@link MembershipService#roomIdsOf}).
 */
public final class ChatEndpoints {

  private ChatEndpoints() {
  }

  /** chat-service's interfaces, each implemented by the domain that owns it. */
  public record Domains(RoomService rooms, MembershipService memberships, MessageService messages,
      TimelineService timeline, ChangeLogService changeLog, ReadService reads, ActivityService activity,
      FileService files, ChatAdminService admin, WebhookService webhooks) {
  }

  public static BusEndpoints bind(BusEndpoints endpoints, Domains chat, Supplier<Future<Health>> health) {
    bindRooms(endpoints, chat.rooms());
    bindMemberships(endpoints, chat.memberships());
    bindMessages(endpoints, chat.messages());
    bindTimeline(endpoints, chat.timeline());
    bindChangeLog(endpoints, chat.changeLog());
    bindReads(endpoints, chat.reads());
    bindActivity(endpoints, chat.activity());
    bindFiles(endpoints, chat.files());
    bindAdmin(endpoints, chat.admin());
    bindWebhooks(endpoints, chat.webhooks());
    return endpoints.serveInternal(ChatOperations.HEALTH, ignored -> health.get());
  }

  public static BusEndpoints bindRooms(BusEndpoints endpoints, RoomService rooms) {
    return endpoints
        .serve(ChatOperations.ROOM_CREATE, rooms::create)
        .serve(ChatOperations.ROOM_GET, rooms::room)
        .serve(ChatOperations.ROOMS_LIST, (actor, none) -> rooms.list(actor))
        .serve(ChatOperations.ROOMS_OF_USER, (actor, none) -> rooms.roomsOf(actor))
        .serve(ChatOperations.ROOMS_READABLE, (actor, none) -> rooms.readable(actor))
        .serve(ChatOperations.DIRECT_ROOM, rooms::directRoom)
        .serve(ChatOperations.LAST_ROOM_SET, rooms::setLastRoom)
        .serve(ChatOperations.ROOM_UPDATE, rooms::update)
        .serve(ChatOperations.ROOM_PREFS, rooms::setPrefs);
  }

  public static BusEndpoints bindMemberships(BusEndpoints endpoints, MembershipService memberships) {
    return endpoints
        .serve(ChatOperations.ROOM_JOIN, memberships::join)
        .serve(ChatOperations.ROOM_LEAVE, memberships::leave)
        .serve(ChatOperations.ROOM_INVITE, memberships::invite)
        .serve(ChatOperations.ROOMMATES, (actor, none) -> memberships.roommates(actor))
        .serveInternal(ChatOperations.ROOM_IDS_OF_USER, memberships::roomIdsOf)
        .serve(ChatOperations.ROOM_MEMBER_REMOVE, memberships::removeMember)
        .serve(ChatOperations.ROOM_OWNER_ADD, memberships::addOwner);
  }

  public static BusEndpoints bindMessages(BusEndpoints endpoints, MessageService messages) {
    return endpoints
        .serve(ChatOperations.MESSAGE_SEND, messages::send)
        .serve(ChatOperations.MESSAGE_EDIT, messages::edit)
        .serve(ChatOperations.MESSAGE_DELETE, messages::delete)
        .serve(ChatOperations.MESSAGE_REACT, messages::react)
        .serve(ChatOperations.DELIVERIES_FLUSH, (actor, none) -> messages.flushDeliveries(actor))
        .serve(ChatOperations.MESSAGE_PIN, messages::pin)
        .serve(ChatOperations.MESSAGE_UNPIN, messages::unpin)
        .serve(ChatOperations.MESSAGE_EDITS, messages::edits);
  }

  public static BusEndpoints bindTimeline(BusEndpoints endpoints, TimelineService timeline) {
    return endpoints
        .serve(ChatOperations.HISTORY, timeline::history)
        .serve(ChatOperations.SYNC, timeline::sync)
        .serve(ChatOperations.REPLIES, timeline::replies)
        .serve(ChatOperations.PINS, timeline::pins);
  }

  public static BusEndpoints bindChangeLog(BusEndpoints endpoints, ChangeLogService changeLog) {
    return endpoints
        .serveInternal(ChatOperations.ROOM_VERSIONS, none -> changeLog.roomVersions())
        .serveInternal(ChatOperations.CHANGES, changeLog::changes);
  }

  public static BusEndpoints bindReads(BusEndpoints endpoints, ReadService reads) {
    return endpoints
        .serve(ChatOperations.READ, reads::read)
        .serve(ChatOperations.READ_THREAD, reads::readThread);
  }

  public static BusEndpoints bindActivity(BusEndpoints endpoints, ActivityService activity) {
    return endpoints
        .serve(ChatOperations.MENTIONS, activity::mentions)
        .serve(ChatOperations.THREADS, activity::threads);
  }

  public static BusEndpoints bindFiles(BusEndpoints endpoints, FileService files) {
    FileChunks.serve(endpoints, files);
    return endpoints
        .serve(FileOperations.UPLOAD_START, files::startUpload)
        .serve(FileOperations.UPLOAD_FINISH, files::finishUpload)
        .serve(FileOperations.UPLOAD_ABORT, files::abortUpload)
        .serve(FileOperations.LINK, files::link);
  }

  public static BusEndpoints bindAdmin(BusEndpoints endpoints, ChatAdminService admin) {
    return endpoints
        .serve(ChatOperations.ADMIN_STATS, (actor, none) -> admin.stats(actor))
        .serve(ChatOperations.ADMIN_ROOM_DELETE, admin::deleteRoom);
  }

  public static BusEndpoints bindWebhooks(BusEndpoints endpoints, WebhookService webhooks) {
    return endpoints
        .serve(WebhookOperations.CREATE, webhooks::createWebhook)
        .serve(WebhookOperations.LIST, webhooks::webhooks)
        .serve(WebhookOperations.REMOVE, webhooks::removeWebhook)
        .serveInternal(WebhookOperations.POST, webhooks::postByWebhook);
  }
}
