package io.parley.chat.timeline;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes another instance claimed that a room read here found and applied ({@link RoomLoader}). Their claimant
 * is most likely applying them this moment and will announce them; but it may have died between its claim and
 * its announcement, and then nothing would tell the room's open sockets (a later change would show them a gap,
 * and they would sync; in a room that stays quiet, nothing would). So each is announced from here after a grace
 * period, unless a notice of its version arrives first ({@link #noticed}): a live claimant's change is not sent
 * twice, and a dead one's reaches the members anyway. A message is announced once, as it is stored then.
 */
final class Orphans {

  private static final Logger LOG = LoggerFactory.getLogger(Orphans.class);
  static final long GRACE_MS = 1_000;
  /** Far more changes than any instance hears in the time a room read takes. */
  private static final int HEARD = 4_096;

  /** A message changed by orphaned claims, as stored now; {@code created} when one of them made it. */
  record Recovered(JsonObject message, boolean created) {
  }

  private final Vertx vertx;
  private final MessageStore messages;
  private final String ownTokens;
  /** Found claims of other instances not yet heard of, by room and version. */
  private final Map<String, Map<Long, ChangeEntry>> awaiting = new HashMap<>();
  /**
   * The changes heard of lately, as "roomId-version": a claimant's notice can arrive while a read here is still
   * finding its claim, before that claim is waited for.
   */
  private final Map<String, Boolean> heard = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > HEARD;
    }
  };
  private Consumer<List<Recovered>> announce = recovered -> { };

  /** {@code instance} starts the tokens of this instance's own claims, which its writer answers itself. */
  Orphans(Vertx vertx, MessageStore messages, String instance) {
    this.vertx = vertx;
    this.messages = messages;
    this.ownTokens = instance + ".";
  }

  void onRecovered(Consumer<List<Recovered>> announce) {
    this.announce = announce;
  }

  /** Claims a room read found and applied, in version order; those of other instances wait for their notice. */
  void found(String roomId, List<ChangeEntry> entries) {
    List<Long> versions = new ArrayList<>();
    for (ChangeEntry entry : entries) {
      boolean foreign = entry.token() == null || !entry.token().startsWith(ownTokens);
      if (foreign && !heard.containsKey(MessageStore.numbered(roomId, entry.version()))) {
        awaiting.computeIfAbsent(roomId, room -> new LinkedHashMap<>()).put(entry.version(), entry);
        versions.add(entry.version());
      }
    }
    if (!versions.isEmpty()) {
      vertx.setTimer(GRACE_MS, timer -> expire(roomId, versions));
    }
  }

  /** A change's notice: whoever claimed it announced it. */
  void noticed(String roomId, long version) {
    Map<Long, ChangeEntry> ofRoom = awaiting.get(roomId);
    if (ofRoom == null || ofRoom.remove(version) == null) {
      heard.put(MessageStore.numbered(roomId, version), Boolean.TRUE);
    } else if (ofRoom.isEmpty()) {
      awaiting.remove(roomId);
    }
  }

  private void expire(String roomId, List<Long> versions) {
    Map<Long, ChangeEntry> ofRoom = awaiting.get(roomId);
    if (ofRoom == null) {
      return;
    }
    Map<String, Boolean> createdByMessage = new LinkedHashMap<>();
    for (long version : versions) {
      ChangeEntry entry = ofRoom.remove(version);
      if (entry != null) {
        createdByMessage.merge(entry.messageId(), entry.isCreate(), Boolean::logicalOr);
      }
    }
    if (ofRoom.isEmpty()) {
      awaiting.remove(roomId);
    }
    if (createdByMessage.isEmpty()) {
      return;
    }
    messages.byIdsInVersionOrder(createdByMessage.keySet())
        .onSuccess(stored -> announce.accept(stored.stream()
            .map(message -> new Recovered(message, createdByMessage.get(message.getString("_id")))).toList()))
        .onFailure(failure -> LOG.warn("could not read {} recovered messages of room {} to announce them",
            createdByMessage.size(), roomId, failure));
  }
}
