package io.parley.bench.workload;

import io.parley.bench.Account;
import io.parley.bench.Await;
import io.parley.bench.BenchContext;
import io.parley.bench.BenchOptions;
import io.parley.bench.BenchTarget;
import io.parley.bench.FanoutRunner;
import io.parley.bench.HistoryFiller;
import io.parley.bench.OpenLoopSchedule;
import io.parley.bench.ParleyProvisioner;
import io.parley.bench.RoomLayout;
import io.parley.bench.SocketFleet;
import io.parley.bench.StepResult;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * History reads on Parley with {@code --messages} (1M) stored in one room: the latest page and a page
 * {@code --depth} (10,000) messages back, read over REST on an open-loop schedule while fan-out traffic runs in
 * other rooms. The ceiling keeps no history, so this runs on Parley only.
 */
public final class HistoryWorkload {

  private final BenchContext context;
  private final BenchOptions options;

  public HistoryWorkload(BenchContext context) {
    this.context = context;
    this.options = context.options();
  }

  public void run() throws Exception {
    long messages = options.integer("messages", 1_000_000);
    long depth = options.integer("depth", 10_000);
    try (BenchTarget target = context.start(BenchTarget.Kind.PARLEY);
        SocketFleet fleet = target.fleet(context.vertx(), options)) {
      ParleyProvisioner provisioner = (ParleyProvisioner) target.provisioner();
      Account reader = Await.result(provisioner.accounts(1), 60_000).get(0);
      String roomId = Await.result(provisioner.createRoom(reader, "history", 1000), 60_000);
      long fillStart = System.nanoTime();
      double docsPerSecond = HistoryFiller.fill(context.vertx(), target.server().storeUri(), "parley", roomId,
          reader, messages);
      System.out.println(String.format(Locale.ROOT,
          "history: %d messages (+%d change-log entries) written through the store's wire protocol in %.0f s"
              + " (%.0f documents/s)", messages, messages, (System.nanoTime() - fillStart) / 1e9, docsPerSecond));

      RoomLayout layout = RoomLayout.build(target, fleet, options.integer("rooms", 100),
          options.integer("members", 10), options);
      Await.sleep(2000);
      // The first window also pays for the JIT and for the store writing out what the fill left in memory;
      // later windows show the steady state. Each is reported.
      int rounds = (int) options.integer("rounds", 1);
      for (int round = 1; round <= rounds; round++) {
        measure(provisioner, layout, target, reader, roomId, messages, depth,
            rounds == 1 ? "" : " (window " + round + " of " + rounds + ")");
      }
    }
  }

  private void measure(ParleyProvisioner provisioner, RoomLayout layout, BenchTarget target,
      Account reader, String roomId, long messages, long depth, String window) throws Exception {
    FanoutRunner runner = new FanoutRunner(context.vertx(), target, options);
    long millis = (long) (options.decimal("step-seconds", 30) * 1000);
    double sendRate = options.decimal("fanout-rate", 500);
    CompletableFuture<StepResult> fanout = CompletableFuture.supplyAsync(() -> runner.step(
        "parley history fan-out", layout.sockets(), layout.senders(), sendRate, millis));
    Histogram latest = new ConcurrentHistogram(3);
    Histogram deep = new ConcurrentHistogram(3);
    AtomicLong failures = new AtomicLong();
    WebClient http = provisioner.http();
    String path = "/api/rooms/" + roomId + "/messages";
    String deepPath = path + "?before=" + (messages - depth + 1);
    Await.result(OpenLoopSchedule.run(context.vertx(), options.decimal("reads-per-second", 100), millis,
        (i, intended) -> {
          boolean deepRead = i % 2 == 1;
          http.get(deepRead ? deepPath : path).putHeader("Authorization", "Bearer " + reader.token()).send()
              .compose(response -> response.statusCode() == 200
                  && response.bodyAsJsonObject().getJsonArray("messages").size() == 50
                  ? Future.succeededFuture() : Future.failedFuture("answered " + response.statusCode()))
              .onComplete(done -> {
                if (done.failed()) {
                  failures.incrementAndGet();
                }
                (deepRead ? deep : latest).recordValue((System.nanoTime() - intended) / 1000);
              });
        }), millis + 60_000);
    Await.sleep(2000);
    System.out.println(fanout.get().format() + window);
    print("latest page" + window, latest, failures.get());
    print("page " + depth + " back" + window, deep, failures.get());
  }

  private static void print(String what, Histogram micros, long failures) {
    System.out.println(String.format(Locale.ROOT,
        "history %-18s reads %6d  p50 %7.2f  p99 %7.2f  p99.9 %7.2f  max %7.2f ms  (failed reads, both kinds: %d)",
        what, micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
        micros.getMaxValue() / 1000.0, failures));
  }
}
