package io.parley.chat.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The apply lane alone, its store writes held open by the test: what goes into each write, and what is told. */
class ApplyLaneTest {

  private record Write(List<ChangeEntry> changes, Map<String, RoomCounters> reached, Promise<Void> done) {
  }

  private final List<Write> writes = new ArrayList<>();
  private final List<String> applied = new ArrayList<>();
  private final List<String> unapplied = new ArrayList<>();
  private final Set<String> notApplicable = new HashSet<>();

  private boolean throwOnce;

  private final ApplyLane lane = new ApplyLane((changes, reached) -> {
    if (throwOnce) {
      throwOnce = false;
      throw new IllegalStateException("client closed");
    }
    Write write = new Write(changes, reached, Promise.promise());
    writes.add(write);
    return write.done.future();
  }, roomId -> !notApplicable.contains(roomId), new ApplyLane.Outcome() {
    @Override
    public void applied(List<PendingChange> changes, long claimedAtNanos) {
      applied.add(claimedAtNanos + ":" + tokens(changes));
    }

    @Override
    public void unapplied(List<PendingChange> changes, Throwable cause) {
      unapplied.add((cause == null ? "set aside" : cause.getMessage()) + ":" + tokens(changes));
    }
  });

  @Test
  void batchesClaimedWhileAWriteIsInFlightGoIntoTheNextWriteTogetherAndEachIsToldApart() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(List.of(post("a", 2, "a2"), post("b", 1, "b1")), 2);
    lane.add(List.of(post("a", 3, "a3")), 3);
    assertEquals(1, writes.size());

    writes.get(0).done.complete();
    assertEquals(List.of("1:[a1]"), applied);
    assertEquals(2, writes.size());
    Write second = writes.get(1);
    assertEquals(List.of("a2", "b1", "a3"), tokensOf(second));
    assertEquals(Map.of("a", new RoomCounters(3, 3), "b", new RoomCounters(1, 1)), second.reached);

    second.done.complete();
    assertEquals(List.of("1:[a1]", "2:[a2, b1]", "3:[a3]"), applied);
    assertTrue(unapplied.isEmpty());
  }

  @Test
  void aFailedWriteLeavesAllItsChangesUnappliedAndTheLaneGoesOn() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(List.of(post("a", 2, "a2")), 2);
    lane.add(List.of(post("b", 1, "b1")), 3);
    writes.get(0).done.complete();
    writes.get(1).done.fail("store gone");
    assertEquals(List.of("store gone:[a2, b1]"), unapplied);

    lane.add(List.of(post("c", 1, "c1")), 4);
    assertEquals(3, writes.size());
    writes.get(2).done.complete();
    assertEquals(List.of("1:[a1]", "4:[c1]"), applied);
  }

  @Test
  void aWriterThatThrowsIsAFailedWriteAndTheLaneGoesOn() {
    throwOnce = true;
    lane.add(List.of(post("a", 1, "a1")), 1);
    assertEquals(List.of("client closed:[a1]"), unapplied);
    lane.add(List.of(post("b", 1, "b1")), 2);
    writes.get(0).done.complete();
    assertEquals(List.of("2:[b1]"), applied);
  }

  @Test
  void aRoomNotApplicableIsSetAsideAndTheOtherRoomsOfItsBatchAreWritten() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(List.of(post("a", 2, "a2"), post("b", 1, "b1")), 2);
    notApplicable.add("a");
    writes.get(0).done.complete();
    assertEquals(List.of("set aside:[a2]"), unapplied);
    assertEquals(List.of("b1"), tokensOf(writes.get(1)));
    assertEquals(Set.of("b"), writes.get(1).reached.keySet());
  }

  @Test
  void aWriteTakesBatchesUpToItsBoundUnlessOneBatchIsLargerAlone() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(posts("b", ApplyLane.MAX_CHANGES + 5), 2);
    lane.add(posts("c", ApplyLane.MAX_CHANGES - 1), 3);
    lane.add(List.of(post("d", 1, "d1")), 4);
    writes.get(0).done.complete();
    assertEquals(ApplyLane.MAX_CHANGES + 5, writes.get(1).changes.size());
    writes.get(1).done.complete();
    assertEquals(ApplyLane.MAX_CHANGES, writes.get(2).changes.size());
    assertEquals(Set.of("c", "d"), writes.get(2).reached.keySet());
  }

  private static List<PendingChange> posts(String roomId, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(n -> post(roomId, n, roomId + n)).toList();
  }

  private static PendingChange post(String roomId, long version, String token) {
    PendingChange change = PendingChange.post(roomId, token, null,
        seq -> new JsonObject().put("_id", MessageStore.numbered(roomId, seq)).put("seq", seq));
    change.numbered(version - 1, version - 1);
    return change;
  }

  private static List<String> tokensOf(Write write) {
    return write.changes.stream().map(ChangeEntry::token).toList();
  }

  private static String tokens(List<PendingChange> changes) {
    return changes.stream().map(change -> change.token).toList().toString();
  }
}
