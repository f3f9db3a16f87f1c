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
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.RoomHandlers;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.RoomViews;
import io.parley.chat.timeline.ChangeLog;
import io.parley.chat.timeline.ChangeLogReads;
import io.parley.chat.timeline.History;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.RecentMessages;
import io.parley.chat.timeline.RoomJournal;
import io.parley.chat.timeline.Timeline;
import io.parley.chat.timeline.TimelineReads;
import io.parley.chat.timeline.TimelineSync;
import io.parley.contract.auth.AuthClient;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatEndpoints;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.model.Health;
import io.parley.contract.presence.PresenceClient;
import io.parley.platform.MongoStore;
import io.parley.platform.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mongo.MongoClient;

/**
 * chat-service: rooms, membership, messages and files, serving the contract's chat interfaces ({@link
 * ChatEndpoints}). Any number of instances may run against one store; what they share lives there, and each
 * keeps only caches.
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
    BusClient bus = new BusClient(vertx.eventBus());
    AuthClient auth = new AuthClient(bus);
    MessageStore messages = new MessageStore(mongo);
    RoomJournal journal = new RoomJournal(vertx, mongo);
    RecentMessages recent = new RecentMessages(config.recentRooms());
    UserDirectory users = new UserDirectory(auth, new PresenceClient(bus));
    RoomEvents events = new RoomEvents(bus, users);
    AdminCheck admins = new AdminCheck(auth);
    RoomAccess access = new RoomAccess(rooms, memberships, admins);
    RoomViews views = new RoomViews(rooms, memberships, journal);
    DirectRooms directRooms = new DirectRooms(rooms, memberships, journal, users, events);
    Timeline timeline = new Timeline(journal, messages, recent, events);
    FileStore files = new FileStore(mongo);
    RoomPrefs prefs = new RoomPrefs(mongo);
    Deliveries deliveries = new Deliveries(mongo, messages, events);
    ReadMarkers readMarkers = new ReadMarkers(memberships, access, journal, events);
    FileHandlers fileHandlers = new FileHandlers(config, files, links, access);
    ChangeLog changes = new ChangeLog(mongo);
    TimelineSync sync = new TimelineSync(memberships, journal, changes, messages);
    ChatEndpoints.Domains chat = new ChatEndpoints.Domains(
        new RoomHandlers(config, rooms, memberships, journal, views, access, directRooms, prefs, users, events),
        new MembershipHandlers(memberships, access, views, users, events),
        new MessageHandlers(access, directRooms, timeline, files, readMarkers, deliveries, users,
            new MessageDeletion(access, timeline, admins)),
        new TimelineReads(new History(access, journal, messages, recent), sync),
        new ChangeLogReads(rooms::allIds, journal, sync),
        readMarkers,
        fileHandlers,
        new AdminHandlers(rooms, messages, new RoomDeletion(rooms, memberships, journal, changes, messages, files,
            deliveries, prefs, events), admins));

    fileHandlers.sweepAbandoned();
    sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MS, timer -> fileHandlers.sweepAbandoned());
    BusEndpoints endpoints = ChatEndpoints.bind(new BusEndpoints(vertx.eventBus()), chat, this::health)
        .listen(ChatOperations.TIMELINE_CHANGED, timeline::onNotice);
    return Future.all(endpoints.ready(), journal.ready()).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return mongo == null ? Future.succeededFuture() : mongo.close();
  }

  private Future<Health> health() {
    return MongoStore.ping(mongo).map(ignored -> new Health(SERVICE, "up"));
  }
}
