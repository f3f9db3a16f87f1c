package io.parley.bench.workload;

import io.parley.bench.Await;
import io.parley.bench.BenchContext;
import io.parley.bench.BenchSocket;
import io.parley.bench.BenchTarget;
import io.parley.bench.FanoutRunner;
import io.parley.bench.OpenLoopSender;
import io.parley.bench.RoomLayout;
import io.parley.bench.SocketFleet;
import io.parley.bench.StepResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Connect/disconnect churn with {@code sync}: while the other members send, {@code --churners} sockets keep
 * closing, reconnecting, authenticating and sending {@code sync} with the last version they saw. Every message
 * is owed to every member, churners included: what a churner misses while away must come back through sync,
 * so any loss reported here is a message that neither arrived live nor by sync.
 */
public final class ChurnWorkload extends PerTargetWorkload {

  public ChurnWorkload(BenchContext context) {
    super(context, "parley");
  }

  @Override
  void measure(BenchTarget.Kind kind) throws Exception {
    int rooms = options.integer("rooms", 20);
    int members = options.integer("members", 20);
    int churnersPerRoom = options.integer("churners-per-room", 2);
    long millis = (long) (options.decimal("step-seconds", 30) * 1000);
    try (BenchTarget target = context.start(kind);
        SocketFleet fleet = target.fleet(context.vertx(), options)) {
      RoomLayout layout = RoomLayout.build(target, fleet, rooms, members, options);
      Set<BenchSocket> churners = new java.util.HashSet<>();
      layout.rooms().forEach(room -> churners.addAll(room.members().subList(members - churnersPerRoom, members)));
      List<OpenLoopSender.Sender> senders = new ArrayList<>(layout.senders());
      senders.removeIf(sender -> churners.contains(sender.socket()));
      Await.sleep(2000);
      FanoutRunner runner = new FanoutRunner(context.vertx(), target, options);
      double rate = options.decimal("rate", 200);
      String label = target.name() + " churn " + rooms + "x" + members;
      System.out.println(runner.step(label + " warm-up", layout.sockets(), senders, rate, 5000).format());

      Histogram reconnect = new ConcurrentHistogram(3);
      Histogram synced = new ConcurrentHistogram(3);
      AtomicLong cycles = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      long deadline = System.currentTimeMillis() + millis;
      CompletableFuture<StepResult> traffic = CompletableFuture.supplyAsync(() -> runner.step(label,
          layout.sockets(), senders, rate, millis));
      long pauseMillis = options.integer("away-ms", 500);
      List<Future<Void>> loops = new ArrayList<>();
      for (BenchSocket churner : churners) {
        loops.add(churnLoop(fleet, churner, deadline, pauseMillis, reconnect, synced, cycles, failures));
      }
      Await.result(Future.join(loops), millis + 120_000);
      StepResult result = traffic.get();
      System.out.println(result.format());
      System.out.println(String.format(Locale.ROOT,
          "churn %s: %d churners, %d reconnect+sync cycles (%.1f/s), %d failed; connect-to-ready p50 %.2f p99 %.2f ms;"
              + " sync-to-synced p50 %.2f p99 %.2f ms; lost (neither live nor by sync) %d",
          target.name(), churners.size(), cycles.get(), cycles.get() / (millis / 1000.0), failures.get(),
          reconnect.getValueAtPercentile(50) / 1000.0, reconnect.getValueAtPercentile(99) / 1000.0,
          synced.getValueAtPercentile(50) / 1000.0, synced.getValueAtPercentile(99) / 1000.0, result.losses()));
    }
  }

  /** Close, stay away a while, reconnect, sync; again until the deadline. */
  private Future<Void> churnLoop(SocketFleet fleet, BenchSocket socket, long deadline, long awayMillis,
      Histogram reconnect, Histogram synced, AtomicLong cycles, AtomicLong failures) {
    if (System.currentTimeMillis() >= deadline) {
      return Future.succeededFuture();
    }
    // What the client saw before it went away: live frames that arrive after the reconnect and before the
    // sync must not move it on, or what was missed in between would never be asked for.
    JsonObject seenBeforeLeaving = socket.versions();
    return socket.close()
        .compose(closed -> delay(awayMillis / 2 + (long) (Math.random() * awayMillis)))
        .compose(waited -> {
          long start = System.nanoTime();
          return fleet.connect(socket).compose(ready -> {
            reconnect.recordValue((System.nanoTime() - start) / 1000);
            long syncStart = System.nanoTime();
            return socket.request(new JsonObject().put("type", "sync").put("rooms", seenBeforeLeaving))
                .map(answer -> {
                  synced.recordValue((System.nanoTime() - syncStart) / 1000);
                  cycles.incrementAndGet();
                  return null;
                });
          });
        })
        .<Void>mapEmpty()
        .recover(failure -> {
          failures.incrementAndGet();
          return Future.succeededFuture();
        })
        .compose(done -> delay(awayMillis))
        .compose(done -> churnLoop(fleet, socket, deadline, awayMillis, reconnect, synced, cycles, failures));
  }

  private Future<Void> delay(long millis) {
    io.vertx.core.Promise<Void> promise = io.vertx.core.Promise.promise();
    context.vertx().setTimer(Math.max(1, millis), timer -> promise.complete());
    return promise.future();
  }
}
