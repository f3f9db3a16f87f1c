package io.parley.chat.timeline;

import io.parley.contract.chat.ChangeLogService;
import io.parley.contract.chat.ChangesQuery;
import io.parley.contract.chat.RoomVersion;
import io.parley.contract.chat.SyncedRoom;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * The change log for services that copy every timeline ({@link ChangeLogService}): each room's version from the
 * journal, and a room's changes read as {@link TimelineSync} reads them, without asking who is a member.
 */
public final class ChangeLogReads implements ChangeLogService {

  private final Supplier<Future<List<String>>> roomIds;
  private final RoomJournal journal;
  private final TimelineSync sync;

  /** {@code roomIds}: every room's id, from the rooms' owner. */
  public ChangeLogReads(Supplier<Future<List<String>>> roomIds, RoomJournal journal, TimelineSync sync) {
    this.roomIds = roomIds;
    this.journal = journal;
    this.sync = sync;
  }

  @Override
  public Future<List<RoomVersion>> roomVersions() {
    return roomIds.get().compose(ids -> journal.countersOf(ids).map(counters -> ids.stream()
        .map(roomId -> new RoomVersion(roomId, counters.get(roomId).version()))
        .toList()));
  }

  @Override
  public Future<SyncedRoom> changes(ChangesQuery query) {
    return sync.changes(query.roomId(), query.version());
  }
}
