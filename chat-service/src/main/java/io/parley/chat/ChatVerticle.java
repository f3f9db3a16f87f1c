package io.parley.chat;

import io.parley.chat.admin.AdminHandlers;
import io.parley.chat.admin.RoomDeletion;
import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.AdminCheck;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.file.FileHandlers;
import io.parley.chat.file.FileLinks;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.MembershipHandlers;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.message.MessageDeletion;
import io.parley.chat.message.MessageHandlers;
import io.parley.chat.prefs.PrefsHandlers;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.RoomHandlers;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.RoomViews;
import io.parley.chat.timeline.ChangeLog;
import io.parley.chat.timeline.History;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.RecentMessages;
import io.parley.chat.timeline.RoomJournal;
import io.parley.chat.timeline.Timeline;
import io.parley.chat.timeline.TimelineSync;
import io.parley.contract.Addresses;
import io.parley.platform.BusEndpoints;
import io.parley.platform.MongoStore;
import io.parley.platform.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * chat-service: rooms, membership, messages and files, answering on the {@code parley.chat.*} addresses. Any
 * number of instances may run against one store; what they share lives there, and each keeps only caches.
 */
public class ChatVerticle extends VerticleBase {

  public static final String SERVICE = "chat-service";
  private static final long SWEEP_INTERVAL_MS = 15 * 60 * 1000L;

  private MongoClient mongo;
  private long sweepTimer = -1;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config()).compose(loaded -> {
      ChatConfig config = ChatConfig.from(loaded);
      mongo = MongoStore.client(vertx, loaded, SERVICE);
      RoomStore rooms = new RoomStore(mongo);
      MembershipStore memberships = new MembershipStore(mongo, rooms);
      return MongoStore.ping(mongo)
          .compose(ignored -> Future.all(rooms.createIndexes(), memberships.createIndexes()))
          .compose(ignored -> FileLinks.load(mongo))
          .compose(links -> serve(config, rooms, memberships, links));
    });
  }

  private Future<Void> serve(ChatConfig config, RoomStore rooms, MembershipStore memberships, FileLinks links) {
    MessageStore messages = new MessageStore(mongo);
    ChangeLog changes = new ChangeLog(mongo);
    RoomJournal journal = new RoomJournal(vertx, mongo);
    RecentMessages recent = new RecentMessages(config.recentRooms());
    UserDirectory users = new UserDirectory(vertx.eventBus());
    RoomEvents events = new RoomEvents(vertx.eventBus(), users);
    AdminCheck admins = new AdminCheck(vertx.eventBus());
    RoomAccess access = new RoomAccess(rooms, memberships, admins);
    RoomViews views = new RoomViews(rooms, memberships, journal);
    DirectRooms directRooms = new DirectRooms(rooms, memberships, journal, users, events);
    Timeline timeline = new Timeline(journal, messages, recent, events);
    FileStore files = new FileStore(mongo);
    RoomPrefs prefs = new RoomPrefs(mongo);
    Deliveries deliveries = new Deliveries(mongo, messages, events);
    ReadMarkers readMarkers = new ReadMarkers(memberships, access, journal, events);
    RoomHandlers roomHandlers = new RoomHandlers(config, rooms, memberships, journal, views, access, directRooms,
        prefs, users, events);
    MembershipHandlers membershipHandlers = new MembershipHandlers(memberships, access, views, users, events);
    MessageHandlers messageHandlers = new MessageHandlers(access, directRooms, timeline, files, readMarkers,
        deliveries, users);
    FileHandlers fileHandlers = new FileHandlers(config, files, links, access);
    AdminHandlers admin = new AdminHandlers(rooms, messages, new RoomDeletion(rooms, memberships, journal, changes,
        messages, files, deliveries, prefs, events), admins);

    MessageConsumer<JsonObject> notices = vertx.eventBus().consumer(Addresses.CHAT_TIMELINE_CHANGED,
        notice -> timeline.onNotice(notice.body()));
    fileHandlers.sweepAbandoned();
    sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MS, timer -> fileHandlers.sweepAbandoned());

    Future<Void> endpoints = new BusEndpoints(vertx.eventBus())
        .serve(Addresses.CHAT_ROOM_CREATE, roomHandlers::create)
        .serve(Addresses.CHAT_ROOM_JOIN, membershipHandlers::join)
        .serve(Addresses.CHAT_ROOM_LEAVE, membershipHandlers::leave)
        .serve(Addresses.CHAT_ROOM_INVITE, membershipHandlers::invite)
        .serve(Addresses.CHAT_ROOM_GET, roomHandlers::get)
        .serve(Addresses.CHAT_ROOMS_LIST, roomHandlers::list)
        .serve(Addresses.CHAT_ROOMS_OF_USER, roomHandlers::ofUser)
        .serve(Addresses.CHAT_DIRECT_ROOM, roomHandlers::directRoom)
        .serve(Addresses.CHAT_LAST_ROOM_SET, new PrefsHandlers(prefs, access)::setLastRoom)
        .serve(Addresses.CHAT_MESSAGE_SEND, messageHandlers::send)
        .serve(Addresses.CHAT_MESSAGE_EDIT, messageHandlers::edit)
        .serve(Addresses.CHAT_MESSAGE_DELETE, new MessageDeletion(access, timeline, admins)::delete)
        .serve(Addresses.CHAT_MESSAGE_REACT, messageHandlers::react)
        .serve(Addresses.CHAT_HISTORY, new History(access, journal, messages, recent)::history)
        .serve(Addresses.CHAT_SYNC, new TimelineSync(memberships, journal, changes, messages)::sync)
        .serve(Addresses.CHAT_ROOMMATES, membershipHandlers::roommates)
        .serve(Addresses.CHAT_ROOM_IDS_OF_USER, membershipHandlers::roomIdsOfUser)
        .serve(Addresses.CHAT_READ, readMarkers::read)
        .serve(Addresses.CHAT_DELIVERIES_FLUSH, deliveries::flush)
        .serve(Addresses.CHAT_FILE_UPLOAD_START, fileHandlers::start)
        .serveMessage(Addresses.CHAT_FILE_UPLOAD_CHUNK, fileHandlers::chunk)
        .serve(Addresses.CHAT_FILE_UPLOAD_FINISH, fileHandlers::finish)
        .serve(Addresses.CHAT_FILE_UPLOAD_ABORT, fileHandlers::abort)
        .serveMessage(Addresses.CHAT_FILE_READ, fileHandlers::read)
        .serve(Addresses.CHAT_FILE_LINK, fileHandlers::link)
        .serve(Addresses.CHAT_ADMIN_STATS, admin::stats)
        .serve(Addresses.CHAT_ADMIN_ROOM_DELETE, admin::deleteRoom)
        .serve(Addresses.CHAT_HEALTH, this::health)
        .ready();
    return Future.all(endpoints, notices.completion(), journal.ready()).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return mongo == null ? Future.succeededFuture() : mongo.close();
  }

  private Future<JsonObject> health(JsonObject request) {
    return MongoStore.ping(mongo).map(ignored -> new JsonObject().put("service", SERVICE).put("storage", "up"));
  }
}
