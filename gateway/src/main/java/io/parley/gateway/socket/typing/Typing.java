package io.parley.gateway.socket.typing;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One socket's typing, relayed to each room's members: a start ends by itself after {@link TypingFrames#EXPIRY_MS},
 * or by a stop, by leaving the room or by disconnecting; every end is relayed too.
 */
public final class Typing {

  private final Vertx vertx;
  private final Supplier<String> userId;
  /** roomId -> the timer that ends this socket's typing there. */
  private final Map<String, Long> timers = new HashMap<>();

  public Typing(Vertx vertx, Supplier<String> userId) {
    this.vertx = vertx;
    this.userId = userId;
  }

  public void start(String roomId) {
    Long previous = timers.put(roomId, vertx.setTimer(TypingFrames.EXPIRY_MS, timer -> stop(roomId)));
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
    publish(roomId, true);
  }

  public void stop(String roomId) {
    Long timer = timers.remove(roomId);
    if (timer == null) {
      return;
    }
    vertx.cancelTimer(timer);
    publish(roomId, false);
  }

  public void stopAll() {
    List.copyOf(timers.keySet()).forEach(this::stop);
  }

  private void publish(String roomId, boolean typing) {
    TypingFrames.publish(vertx.eventBus(), roomId, userId.get(), typing);
  }
}
