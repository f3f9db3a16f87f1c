package io.parley.chat.timeline;

import io.parley.contract.Actor;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.chat.TimelineService;
import io.vertx.core.Future;
import java.util.List;

/** Reading a room's timeline, as {@link TimelineService}: pages of {@link History}, and {@link TimelineSync}. */
public final class TimelineReads implements TimelineService {

  private final History history;
  private final TimelineSync sync;

  public TimelineReads(History history, TimelineSync sync) {
    this.history = history;
    this.sync = sync;
  }

  @Override
  public Future<HistoryPage> history(Actor actor, HistoryQuery query) {
    return history.history(actor, query);
  }

  @Override
  public Future<List<SyncedRoom>> sync(Actor actor, SyncQuery query) {
    return sync.sync(actor, query);
  }
}
