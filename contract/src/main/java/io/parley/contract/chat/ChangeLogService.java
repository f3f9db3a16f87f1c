package io.parley.contract.chat;

import io.vertx.core.Future;
import java.util.List;

/**
 * chat-service's change log, for services that keep a copy of every room's timeline (search-service's index): what
 * each room is at, and what changed in a room after the version a copy holds. Asked for no user, so for every
 * room; the copy's holder decides who may see what. Together with {@link ChatOperations#TIMELINE_CHANGED} a copy
 * never misses a change.
 */
public interface ChangeLogService {

  /** Every room (those being deleted left out) with its timeline's version now. */
  Future<List<RoomVersion>> roomVersions();

  /**
   * The changes of a room after a version, as {@code sync} answers them but for anyone: each message changed, as
   * it now is, by latest change, at most 2,000 changes; {@code complete:false} means more follow from {@code
   * version}.
   */
  Future<SyncedRoom> changes(ChangesQuery query);
}
