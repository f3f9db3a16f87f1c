package io.parley.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client heartbeats as a browser tab sends them: every socket sends {@code ping} once per period, spread evenly
 * over the period, and counts the {@code pong} answers.
 */
public final class Heartbeats implements AutoCloseable {

  private static final long TICK_MS = 250;

  private final Vertx vertx;
  private final long timer;
  private final AtomicLong pongs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public Heartbeats(Vertx vertx, List<BenchSocket> sockets, long periodMillis) {
    this.vertx = vertx;
    int perTick = (int) Math.max(1, Math.ceil(sockets.size() * (double) TICK_MS / periodMillis));
    int[] next = {0};
    this.timer = vertx.setPeriodic(TICK_MS, tick -> {
      for (int i = 0; i < perTick && !sockets.isEmpty(); i++) {
        BenchSocket socket = sockets.get(next[0]++ % sockets.size());
        socket.request(new JsonObject().put("type", "ping")).onComplete(answer -> {
          if (answer.succeeded()) {
            pongs.incrementAndGet();
          } else {
            failures.incrementAndGet();
          }
        });
      }
    });
  }

  public long pongs() {
    return pongs.get();
  }

  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
