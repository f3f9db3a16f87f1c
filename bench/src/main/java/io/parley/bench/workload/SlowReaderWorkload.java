package io.parley.bench.workload;

import io.parley.bench.Await;
import io.parley.bench.BenchContext;
import io.parley.bench.BenchSocket;
import io.parley.bench.BenchTarget;
import io.parley.bench.FanoutRunner;
import io.parley.bench.RoomLayout;
import io.parley.bench.ServerStats;
import io.parley.bench.SocketFleet;
import io.parley.bench.StepResult;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1% slow readers: the same fan-out window is run first with every socket reading, then with
 * {@code --slow-percent} of them reading {@code --slow-frames} frames per 100 ms. Reports the other members'
 * p99 in both, the server's peak RSS in both, and how the slow sockets ended (4429 is Parley's close for a
 * reader too slow to keep up).
 */
public final class SlowReaderWorkload extends PerTargetWorkload {

  public SlowReaderWorkload(BenchContext context) {
    super(context, "ceiling,parley");
    options.withDefault("client-rcvbuf", "16384").withDefault("text-chars", "2000");
  }

  @Override
  void measure(BenchTarget.Kind kind) throws Exception {
    int rooms = options.integer("rooms", 10);
    int members = options.integer("members", 100);
    double rate = options.decimal("rate", 200);
    long millis = (long) (options.decimal("step-seconds", 60) * 1000);
    try (BenchTarget target = context.start(kind);
        SocketFleet fleet = target.fleet(context.vertx(), options)) {
      RoomLayout layout = RoomLayout.build(target, fleet, rooms, members, options);
      Await.sleep(2000);
      FanoutRunner runner = new FanoutRunner(context.vertx(), target, options);
      String label = target.name() + " " + rooms + "x" + members;
      System.out.println(runner.step(label + " warm-up", layout.sockets(), layout.senders(), rate, 5000).format());
      long pid = target.server().pid();
      PeakRss baselineRss = new PeakRss(pid);
      StepResult baseline = runner.step(label + " all reading", layout.sockets(), layout.senders(), rate, millis);
      long baselinePeak = baselineRss.stop();
      System.out.println(baseline.format());

      List<BenchSocket> sockets = layout.sockets();
      int every = (int) Math.round(100 / options.decimal("slow-percent", 1));
      int slowCount = 0;
      for (int i = 0; i < sockets.size(); i += every) {
        sockets.get(i).readSlowly(context.vertx(), options.integer("slow-frames", 2));
        slowCount++;
      }
      PeakRss slowRss = new PeakRss(pid);
      StepResult slow = runner.step(label + " 1% slow", sockets, layout.senders(), rate, millis);
      long slowPeak = slowRss.stop();
      System.out.println(slow.format());
      long closed4429 = sockets.stream().filter(s -> s.isSlow() && s.closeCode() == 4429).count();
      long stillOpen = sockets.stream().filter(s -> s.isSlow() && s.isOpen()).count();
      System.out.println(String.format(Locale.ROOT,
          "slow %s: %d slow readers (%d closed with 4429, %d still open); others' p99 %.2f ms vs %.2f ms without"
              + " (x%.2f); peak RSS %.0f MiB vs %.0f MiB without; heap after %.0f MiB",
          target.name(), slowCount, closed4429, stillOpen, slow.p99(), baseline.p99(), slow.p99() / baseline.p99(),
          slowPeak / 1048576.0, baselinePeak / 1048576.0, slow.serverHeapMib()));
      sockets.forEach(socket -> socket.stopSlowReading(context.vertx()));
    }
  }

  /** The highest RSS of a process, sampled every 200 ms until stopped. */
  private static final class PeakRss {
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peak = new AtomicLong();

    PeakRss(long pid) {
      sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(ServerStats.rssBytes(pid), Math::max), 0, 200,
          TimeUnit.MILLISECONDS);
    }

    long stop() {
      sampler.shutdownNow();
      return peak.get();
    }
  }
}
