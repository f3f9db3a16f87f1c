package io.parley.chat.timeline;

import io.parley.contract.Actor;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.RepliesPage;
import io.parley.contract.chat.RepliesQuery;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.chat.TimelineService;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import java.util.List;

/**
 * Reading a room's timeline, as {@link TimelineService}: pages of {@link History}, {@link TimelineSync}, a
 * thread's replies ({@link ThreadPages}) and the room's pins ({@link PinBoard}).
 */
public final class TimelineReads implements TimelineService {

  private final History history;
  private final TimelineSync sync;
  private final ThreadPages threads;
  private final PinBoard pins;

  public TimelineReads(History history, TimelineSync sync, ThreadPages threads, PinBoard pins) {
    this.history = history;
    this.sync = sync;
    this.threads = threads;
    this.pins = pins;
  }

  @Override
  public Future<HistoryPage> history(Actor actor, HistoryQuery query) {
    return history.history(actor, query);
  }

  @Override
  public Future<List<SyncedRoom>> sync(Actor actor, SyncQuery query) {
    return sync.sync(actor, query);
  }

  @Override
  public Future<RepliesPage> replies(Actor actor, RepliesQuery query) {
    return threads.replies(actor, query);
  }

  @Override
  public Future<List<Message>> pins(Actor actor, RoomRef room) {
    return pins.pins(actor, room);
  }
}
