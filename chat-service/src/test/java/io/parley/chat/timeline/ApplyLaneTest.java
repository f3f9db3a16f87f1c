package io.parley.chat.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
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

  private record Write(List<ChangeEntry> changes, Promise<Void> done) {
  }

  private record Checkpoint(Map<String, RoomCounters> reached, Promise<Void> done) {
  }

  private final List<Write> writes = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private final List<String> applied = new ArrayList<>();
  private final List<String> unapplied = new ArrayList<>();
  private final Set<String> notApplicable = new HashSet<>();

  private boolean throwOnce;

  private final ApplyLane lane = new ApplyLane(new ApplyLane.Writer() {
    @Override
    public Future<Void> apply(List<ChangeEntry> changes) {
      if (throwOnce) {
        throwOnce = false;
        throw new IllegalStateException("client closed");
      }
      Write write = new Write(changes, Promise.promise());
      writes.add(write);
      return write.done.future();
    }

    @Override
    public Future<Void> checkpoint(Map<String, RoomCounters> reached) {
      Checkpoint checkpoint = new Checkpoint(reached, Promise.promise());
      checkpoints.add(checkpoint);
      return checkpoint.done.future();
    }
  }, roomId -> !notApplicable.contains(roomId), new ApplyLane.Outcome() {
    @Override
    public void applied(List<PendingChange> changes, long claimedAtNanos) {
      applied.add(claimedAtNanos + ":" + tokens(changes));
    }

    @Override
    public void unapplied(List<PendingChange> changes, Throwable cause) {
      unapplied.add((cause == null ? "set aside" : cause.getMessage()) + ":" + tokens(changes));
      changes.forEach(change -> notApplicable.add(change.roomId));
    }
  });

  /** The messages write and then the checkpoints of step {@code i}, both answered. */
  private void answer(int i) {
    writes.get(i).done.complete();
    checkpoints.get(i).done.complete();
  }

  @Test
  void batchesClaimedWhileAWriteIsInFlightGoIntoTheNextWriteTogetherAndEachIsToldApart() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(List.of(post("a", 2, "a2"), post("b", 1, "b1")), 2);
    lane.add(List.of(post("a", 3, "a3")), 3);
    assertEquals(1, writes.size());

    answer(0);
    assertEquals(List.of("1:[a1]"), applied);
    assertEquals(2, writes.size());
    Write second = writes.get(1);
    assertEquals(List.of("a2", "b1", "a3"), tokensOf(second));

    answer(1);
    assertEquals(Map.of("a", new RoomCounters(3, 3), "b", new RoomCounters(1, 1)), checkpoints.get(1).reached);
    assertEquals(List.of("1:[a1]", "2:[a2, b1]", "3:[a3]"), applied);
    assertTrue(unapplied.isEmpty());
  }

  @Test
  void aFailedWriteLeavesAllItsChangesUnappliedAndTheLaneGoesOn() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(List.of(post("a", 2, "a2")), 2);
    lane.add(List.of(post("b", 1, "b1")), 3);
    answer(0);
    writes.get(1).done.fail("store gone");
    assertEquals(List.of("store gone:[a2, b1]"), unapplied);
    assertEquals(1, checkpoints.size(), "no checkpoint follows a failed messages write");

    lane.add(List.of(post("c", 1, "c1")), 4);
    assertEquals(3, writes.size());
    writes.get(2).done.complete();
    checkpoints.get(1).done.complete();
    assertEquals(List.of("1:[a1]", "4:[c1]"), applied);
  }

  @Test
  void aWriterThatThrowsIsAFailedWriteAndTheLaneGoesOn() {
    throwOnce = true;
    lane.add(List.of(post("a", 1, "a1")), 1);
    assertEquals(List.of("client closed:[a1]"), unapplied);
    lane.add(List.of(post("b", 1, "b1")), 2);
    answer(0);
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
    // a1 was written before its room was set aside; its outcome is told now, and its room is still set aside.
    checkpoints.get(0).done.complete();
    assertEquals(List.of("set aside:[a2]", "set aside:[a1]"), unapplied);
    answer(1);
    assertEquals(Set.of("b"), checkpoints.get(1).reached.keySet());
    assertEquals(List.of("2:[b1]"), applied);
  }

  @Test
  void aWriteTakesBatchesUpToItsBoundUnlessOneBatchIsLargerAlone() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    lane.add(posts("b", ApplyLane.MAX_CHANGES + 5), 2);
    lane.add(posts("c", ApplyLane.MAX_CHANGES - 1), 3);
    lane.add(List.of(post("d", 1, "d1")), 4);
    answer(0);
    assertEquals(ApplyLane.MAX_CHANGES + 5, writes.get(1).changes.size());
    answer(1);
    assertEquals(ApplyLane.MAX_CHANGES, writes.get(2).changes.size());
    answer(2);
    assertEquals(Set.of("c", "d"), checkpoints.get(2).reached.keySet());
  }

  @Test
  void theNextWriteStartsWhileCheckpointsWaitForTheirCommitAndOutcomesAreToldInOrder() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    writes.get(0).done.complete();
    assertEquals(1, checkpoints.size());
    lane.add(List.of(post("b", 1, "b1")), 2);
    assertEquals(2, writes.size(), "the messages write does not wait for the checkpoints before it");
    writes.get(1).done.complete();

    checkpoints.get(1).done.complete();
    assertTrue(applied.isEmpty(), "the later step waits for the earlier one to be told");
    checkpoints.get(0).done.complete();
    assertEquals(List.of("1:[a1]", "2:[b1]"), applied);
  }

  @Test
  void aFailedCheckpointSetsAsideItsRoomsInTheStepsAfterItAndTheirOtherRoomsAreApplied() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    writes.get(0).done.complete();
    lane.add(List.of(post("a", 2, "a2"), post("b", 1, "b1")), 2);
    writes.get(1).done.complete();
    checkpoints.get(1).done.complete();

    checkpoints.get(0).done.fail("no answer");
    assertEquals(List.of("no answer:[a1]", "set aside:[a2]"), unapplied);
    assertEquals(List.of("2:[b1]"), applied);
  }

  @Test
  void afterAFailedMessagesWriteNothingOfItsRoomsIsWrittenBeforeItIsTold() {
    lane.add(List.of(post("a", 1, "a1")), 1);
    writes.get(0).done.complete();
    lane.add(List.of(post("a", 2, "a2")), 2);
    lane.add(List.of(post("a", 3, "a3"), post("b", 1, "b1")), 3);
    writes.get(1).done.fail("store gone");
    assertEquals(2, writes.size(), "the lane waits while the failure is not told");

    checkpoints.get(0).done.complete();
    assertEquals(List.of("1:[a1]"), applied);
    assertEquals(List.of("store gone:[a2]", "set aside:[a3]"), unapplied);
    assertEquals(List.of("b1"), tokensOf(writes.get(2)));
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
