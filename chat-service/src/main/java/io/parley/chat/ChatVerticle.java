package io.parley.chat;

import io.parley.chat.activity.ActivityHandlers;
import io.parley.chat.activity.FollowedThreads;
import io.parley.chat.activity.MentionInbox;
import io.parley.chat.admin.AdminHandlers;
import io.parley.chat.admin.RoomDeletion;
import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.AdminCheck;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.AccessChanges;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.file.FileHandlers;
import io.parley.chat.file.FileLinks;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.MembershipHandlers;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.membership.Welcome;
import io.parley.chat.mention.MentionLog;
import io.parley.chat.mention.Mentions;
import io.parley.chat.message.EditHistory;
import io.parley.chat.message.MessageDeletion;
import io.parley.chat.message.MessageHandlers;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.readstate.UnreadCounts;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.GeneralRoom;
import io.parley.chat.room.RoomHandlers;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.RoomViews;
import io.parley.chat.timeline.ChangeLog;
import io.parley.chat.timeline.ChangeLogReads;
import io.parley.chat.timeline.History;
import io.parley.chat.thread.Replies;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.PinBoard;
import io.parley.chat.timeline.RecentMessages;
import io.parley.chat.timeline.RoomJournal;
import io.parley.chat.timeline.ThreadIndex;
import io.parley.chat.timeline.ThreadPages;
import io.parley.chat.timeline.Timeline;
import io.parley.chat.timeline.TimelineReads;
import io.parley.chat.timeline.TimelineSync;
import io.parley.chat.webhook.WebhookHandlers;
import io.parley.chat.webhook.WebhookStore;
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
  private MembershipStore memberships;
  private long sweepTimer = -1;
  /** The sweep of abandoned uploads under way, which a stop lets end before it closes the store. */
  private Future<Void> sweeping = Future.succeededFuture();
  private BusEndpoints endpoints;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config()).compose(loaded -> {
      ChatConfig config = ChatConfig.from(loaded);
      mongo = MongoStore.client(vertx, loaded, SERVICE);
      AccessChanges accessChanges = new AccessChanges(vertx.eventBus());
      RoomStore rooms = new RoomStore(mongo, accessChanges);
      memberships = new MembershipStore(vertx, mongo, rooms, accessChanges);
      MentionLog mentionLog = new MentionLog(mongo);
      GeneralRoom general = new GeneralRoom(mongo, rooms, config.generalRoom());
      WebhookStore webhooks = new WebhookStore(mongo);
      return MongoStore.ping(mongo)
          .compose(ignored -> Future.all(rooms.createIndexes(), memberships.createIndexes(),
              mentionLog.createIndexes(), webhooks.createIndexes(), accessChanges.ready()))
          .compose(ignored -> general.ensure())
          .compose(ignored -> FileLinks.load(mongo))
          .compose(links -> serve(config, new Stores(rooms, memberships, accessChanges, mentionLog, general,
              webhooks), links));
    });
  }

  /** The stores made before serving, with the indexes they need. */
  private record Stores(RoomStore rooms, MembershipStore memberships, AccessChanges accessChanges,
      MentionLog mentionLog, GeneralRoom general, WebhookStore webhooks) {
  }

  private Future<Void> serve(ChatConfig config, Stores stores, FileLinks links) {
    RoomStore rooms = stores.rooms();
    MembershipStore memberships = stores.memberships();
    BusClient bus = new BusClient(vertx.eventBus());
    AuthClient auth = new AuthClient(bus);
    MessageStore messages = new MessageStore(mongo);
    RoomJournal journal = new RoomJournal(vertx, mongo,
        new RoomJournal.Settings(config.writeLingerMs(), config.writeQueueLimitMs()));
    RecentMessages recent = new RecentMessages(config.recentRooms());
    UserDirectory users = new UserDirectory(vertx, auth, new PresenceClient(bus));
    RoomEvents events = new RoomEvents(vertx, bus, users);
    AdminCheck admins = new AdminCheck(auth);
    RoomAccess access = new RoomAccess(rooms, memberships, admins, stores.accessChanges());
    ThreadIndex threads = new ThreadIndex(mongo);
    MemberMarks marks = new MemberMarks(mongo);
    UnreadCounts unread = new UnreadCounts(marks, threads);
    RoomPrefs prefs = new RoomPrefs(mongo);
    RoomViews views = new RoomViews(rooms, memberships, journal, unread, prefs);
    DirectRooms directRooms = new DirectRooms(rooms, memberships, journal, users, events);
    Timeline timeline = new Timeline(journal, recent, events);
    History history = new History(access, journal, messages, recent, threads);
    PinBoard pins = new PinBoard(mongo, access, history);
    EditHistory edits = new EditHistory(mongo);
    Mentions mentions = new Mentions(memberships, users, marks, stores.mentionLog());
    FileStore files = new FileStore(mongo);
    Deliveries deliveries = new Deliveries(mongo, messages, events);
    ReadMarkers readMarkers = new ReadMarkers(memberships, access, journal, events, marks, unread, threads, messages);
    FileHandlers fileHandlers = new FileHandlers(config, files, links, access);
    ChangeLog changes = new ChangeLog(mongo);
    Welcome welcome = new Welcome(stores.general(), rooms, memberships, views, prefs, events);
    MessageHandlers.Parts messageParts = new MessageHandlers.Parts(access, directRooms, timeline, messages, files,
        readMarkers, deliveries, users, new Replies(messages, timeline, threads, marks), mentions, edits, pins);
    RoomDeletion.Conversations conversations = new RoomDeletion.Conversations(threads, pins, edits, marks,
        stores.mentionLog());
    TimelineSync sync = new TimelineSync(memberships, journal, changes, messages);
    ChatEndpoints.Domains chat = new ChatEndpoints.Domains(
        new RoomHandlers(config, rooms, memberships, journal, views, access, directRooms, prefs, users, events,
            welcome),
        new MembershipHandlers(memberships, access, views, users, events, marks),
        new MessageHandlers(messageParts, new MessageDeletion(access, timeline, admins, edits, mentions)),
        new TimelineReads(history, sync, new ThreadPages(access, history, threads), pins),
        new ChangeLogReads(rooms::allIds, journal, sync),
        readMarkers,
        new ActivityHandlers(new MentionInbox(stores.mentionLog(), messages, rooms, memberships),
            new FollowedThreads(memberships, marks, messages, threads, rooms)),
        fileHandlers,
        new AdminHandlers(rooms, messages, new RoomDeletion(rooms, memberships, journal, changes, messages, files,
            deliveries, prefs, events, conversations, stores.webhooks()), admins),
        new WebhookHandlers(stores.webhooks(), access, mentions, timeline, config.webhookIntervalMs(),
            config.webhookBurst()));

    sweeping = fileHandlers.sweepAbandoned();
    sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MS, timer -> sweeping = fileHandlers.sweepAbandoned());
    endpoints = ChatEndpoints.bind(new BusEndpoints(vertx.eventBus()), chat, this::health)
        .listen(ChatOperations.TIMELINE_CHANGED, timeline::onNotice);
    return Future.all(endpoints.ready(), journal.ready()).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    if (mongo == null) {
      return Future.succeededFuture();
    }
    Future<Void> unbound = endpoints == null ? Future.succeededFuture() : endpoints.close();
    return unbound.transform(ignored -> sweeping).transform(swept -> memberships.flushReadMarks())
        .transform(flushed -> mongo.close());
  }

  private Future<Health> health() {
    return MongoStore.ping(mongo).map(ignored -> new Health(SERVICE, "up"));
  }
}
