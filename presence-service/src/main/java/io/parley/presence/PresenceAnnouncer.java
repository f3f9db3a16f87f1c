package io.parley.presence;

import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.MembershipService;
import io.parley.contract.frame.FrameEvents;
import io.parley.contract.frame.Presence;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people who share a room with a user that the user came or went: a {@code presence} frame published
 * on each of the user's rooms. Every presence instance announces, so no election is needed; a gateway's
 * connection forwards a user's status only when it differs from what it last told its client.
 *
 * <p>Each change is published again after {@link #REANNOUNCE_MS}, on the same rooms, with the status the user
 * has then. In a cluster a publish can miss a room subscription that is still reaching the publishing node,
 * and a missed presence frame would otherwise stay wrong until the user's next change; sockets drop the repeat
 * when it tells them nothing new.
 */
final class PresenceAnnouncer {

  static final long REANNOUNCE_MS = 2_500;
  private static final int LOOKUP_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(PresenceAnnouncer.class);

  private final Vertx vertx;
  private final BusClient bus;
  private final MembershipService memberships;
  private final Predicate<String> isOnline;

  PresenceAnnouncer(Vertx vertx, BusClient bus, MembershipService memberships, Predicate<String> isOnline) {
    this.vertx = vertx;
    this.bus = bus;
    this.memberships = memberships;
    this.isOnline = isOnline;
  }

  void announce(PresenceRegistry.Changes changes) {
    changes.online().forEach(userId -> announce(userId, true));
    changes.offline().forEach(userId -> announce(userId, false));
  }

  private void announce(String userId, boolean online) {
    announce(userId, online, 1);
  }

  /**
   * Asks chat-service for the user's rooms, again after a pause when it does not answer (an instance being
   * dropped, a loaded machine): without the rooms nothing can be announced, not even the repeat.
   */
  private void announce(String userId, boolean online, int attempt) {
    memberships.roomIdsOf(userId)
        .onSuccess(roomIds -> {
          publish(userId, attempt == 1 ? online : isOnline.test(userId), roomIds);
          vertx.setTimer(REANNOUNCE_MS, timer -> publish(userId, isOnline.test(userId), roomIds));
        })
        .onFailure(failure -> {
          if (attempt < LOOKUP_ATTEMPTS) {
            vertx.setTimer(REANNOUNCE_MS * attempt, timer -> announce(userId, online, attempt + 1));
          } else {
            LOG.warn("presence of {} not announced: chat-service did not name their rooms", userId, failure);
          }
        });
  }

  private void publish(String userId, boolean online, List<String> roomIds) {
    String at = Instant.now().toString();
    for (String roomId : roomIds) {
      bus.publish(FrameEvents.room(roomId), new Presence(roomId, userId, online, at));
    }
  }
}
