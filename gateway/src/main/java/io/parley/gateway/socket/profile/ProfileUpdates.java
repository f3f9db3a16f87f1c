package io.parley.gateway.socket.profile;

import io.parley.contract.auth.ProfileOperations;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.MembershipService;
import io.parley.contract.frame.UserUpdated;
import io.parley.contract.model.User;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.room.RoomEvent;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code user_updated} to this gateway's sockets of everyone who shares a room with a user whose profile
 * changed, and to the user's own. auth-service publishes the change once ({@link ProfileOperations#USER_UPDATED});
 * each gateway that holds sockets asks chat-service once for the user's rooms and writes the frame once per
 * socket, however many rooms it shares with the user.
 */
public final class ProfileUpdates {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileUpdates.class);

  private final MembershipService memberships;
  private final Supplier<Collection<ClientConnection>> authenticated;
  private final BusEndpoints endpoints;

  public ProfileUpdates(Vertx vertx, MembershipService memberships,
      Supplier<Collection<ClientConnection>> authenticated) {
    this.memberships = memberships;
    this.authenticated = authenticated;
    this.endpoints = new BusEndpoints(vertx.eventBus()).listen(ProfileOperations.USER_UPDATED, this::updated);
  }

  public void stop() {
    endpoints.close();
  }

  private void updated(User user) {
    if (authenticated.get().isEmpty()) {
      return;
    }
    memberships.roomIdsOf(user.id())
        .onFailure(failure -> LOG.debug("rooms of {} unknown: only their own sockets hear of the change", user.id()))
        .otherwise(List.of())
        .onSuccess(roomIds -> tell(user, roomIds));
  }

  private void tell(User user, List<String> roomIds) {
    RoomEvent event = RoomEvent.of(null, new UserUpdated(user).toJson());
    for (ClientConnection connection : List.copyOf(authenticated.get())) {
      if (connection.userId().equals(user.id()) || roomIds.stream().anyMatch(connection::isMemberOf)) {
        connection.deliver(event);
      }
    }
  }
}
