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
   * The latest version heard of lately for each message: a claimant's notice can arrive while a read here is
   * still finding its claim, before that claim is waited for; and a notice names a message at its latest
   * version, which answers for every earlier change of it.
   */
  private final Map<String, Long> heard = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
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
      if (foreign && heard.getOrDefault(entry.messageId(), 0L) < entry.version()) {
        awaiting.computeIfAbsent(roomId, room -> new LinkedHashMap<>()).put(entry.version(), entry);
        versions.add(entry.version());
      }
    }
    if (!versions.isEmpty()) {
      vertx.setTimer(GRACE_MS, timer -> expire(roomId, versions));
    }
  }

  /** A notice of a message at a version: every change of it up to there was announced, by whoever made it. */
  void noticed(String roomId, String messageId, long version) {
    heard.merge(messageId, version, Math::max);
    Map<Long, ChangeEntry> ofRoom = awaiting.get(roomId);
    if (ofRoom != null) {
      ofRoom.values().removeIf(entry -> entry.messageId().equals(messageId) && entry.version() <= version);
      if (ofRoom.isEmpty()) {
        awaiting.remove(roomId);
      }
    }
  }

  /** A room being deleted: nothing of it is announced any more. */
  void forget(String roomId) {
    awaiting.remove(roomId);
  }

  private void expire(String roomId, List<Long> versions) {
    Map<Long, ChangeEntry> ofRoom = awaiting.get(roomId);
    if (ofRoom == null) {
      return;
    }
    Map<String, Boolean> createdByMessage = new LinkedHashMap<>();
    for (long version : versions) {
      ChangeEntry entry = ofRoom.get(version);
      if (entry != null) {
        createdByMessage.merge(entry.messageId(), entry.isCreate(), Boolean::logicalOr);
      }
    }
    if (createdByMessage.isEmpty()) {
      return;
    }
    messages.byIdsInVersionOrder(createdByMessage.keySet()).onComplete(read -> {
      if (read.failed()) {
        // Nobody else will find these claims: the checkpoint is past them. Try again in a moment.
        LOG.warn("could not read {} recovered messages of room {} to announce them; trying again",
            createdByMessage.size(), roomId, read.cause());
        vertx.setTimer(GRACE_MS, timer -> expire(roomId, versions));
        return;
      }
      Map<Long, ChangeEntry> still = awaiting.get(roomId);
      if (still == null) {
        return;
      }
      versions.forEach(still::remove);
      if (still.isEmpty()) {
        awaiting.remove(roomId);
      }
      announce.accept(read.result().stream()
          .filter(message -> heard.getOrDefault(message.getString("_id"), 0L) < message.getLong("version", 0L))
          .map(message -> new Recovered(message, createdByMessage.get(message.getString("_id")))).toList());
    });
  }
}
