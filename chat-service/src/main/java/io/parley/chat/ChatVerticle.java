package io.parley.chat;

import io.parley.chat.admin.AdminHandlers;
import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.file.FileHandlers;
import io.parley.chat.file.FileLinks;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.message.MessageHandlers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.RoomHandlers;
import io.parley.chat.room.RoomStore;
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
      return MongoStore.ping(mongo)
          .compose(ignored -> rooms.createIndexes())
          .compose(ignored -> FileLinks.load(mongo))
          .compose(links -> serve(config, rooms, links));
    });
  }

  private Future<Void> serve(ChatConfig config, RoomStore rooms, FileLinks links) {
    MessageStore messages = new MessageStore(mongo);
    RoomJournal journal = new RoomJournal(vertx, mongo);
    UserDirectory users = new UserDirectory(vertx.eventBus());
    RoomEvents events = new RoomEvents(vertx.eventBus(), users);
    RoomAccess access = new RoomAccess(rooms);
    DirectRooms directRooms = new DirectRooms(rooms, journal, users, events);
    Timeline timeline = new Timeline(journal, messages, new RecentMessages(config.recentRooms()), events);
    FileStore files = new FileStore(mongo);
    RoomHandlers roomHandlers = new RoomHandlers(config, rooms, journal, access, directRooms, users, events);
    MessageHandlers messageHandlers = new MessageHandlers(rooms, journal, access, directRooms, timeline, files,
        new Deliveries(mongo, messages, events), users, events);
    FileHandlers fileHandlers = new FileHandlers(config, files, links, access);
    AdminHandlers admin = new AdminHandlers(mongo, rooms, events);

    MessageConsumer<JsonObject> notices = vertx.eventBus().consumer(Addresses.CHAT_TIMELINE_CHANGED,
        notice -> timeline.onNotice(notice.body()));
    fileHandlers.sweepAbandoned();
    sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MS, timer -> fileHandlers.sweepAbandoned());

    Future<Void> endpoints = new BusEndpoints(vertx.eventBus())
        .serve(Addresses.CHAT_ROOM_CREATE, roomHandlers::create)
        .serve(Addresses.CHAT_ROOM_JOIN, roomHandlers::join)
        .serve(Addresses.CHAT_ROOM_LEAVE, roomHandlers::leave)
        .serve(Addresses.CHAT_ROOM_INVITE, roomHandlers::invite)
        .serve(Addresses.CHAT_ROOM_GET, roomHandlers::get)
        .serve(Addresses.CHAT_ROOMS_LIST, roomHandlers::list)
        .serve(Addresses.CHAT_ROOMS_OF_USER, roomHandlers::ofUser)
        .serve(Addresses.CHAT_DIRECT_ROOM, roomHandlers::directRoom)
        .serve(Addresses.CHAT_LAST_ROOM_SET, roomHandlers::setLastRoom)
        .serve(Addresses.CHAT_MESSAGE_SEND, messageHandlers::send)
        .serve(Addresses.CHAT_MESSAGE_EDIT, messageHandlers::edit)
        .serve(Addresses.CHAT_MESSAGE_DELETE, messageHandlers::delete)
        .serve(Addresses.CHAT_MESSAGE_REACT, messageHandlers::react)
        .serve(Addresses.CHAT_HISTORY, messageHandlers::history)
        .serve(Addresses.CHAT_SYNC, new TimelineSync(mongo, rooms, journal)::sync)
        .serve(Addresses.CHAT_ROOMMATES, roomHandlers::roommates)
        .serve(Addresses.CHAT_ROOM_IDS_OF_USER, roomHandlers::roomIdsOfUser)
        .serve(Addresses.CHAT_READ, messageHandlers::read)
        .serve(Addresses.CHAT_DELIVERIES_FLUSH, messageHandlers::flushDeliveries)
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
