package io.parley.bench.workload;

import io.parley.bench.BenchContext;
import io.parley.bench.BenchOptions;
import io.parley.bench.BenchTarget;
import io.parley.bench.FanoutRunner;
import io.parley.bench.RoomLayout;
import io.parley.bench.SocketFleet;
import io.parley.bench.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fan-out grid: for each rooms x members shape, on a fresh server, the send rate is raised step by step
 * until p99 passes the bound or a message is lost; the best delivered rate within the bound is the figure.
 */
public final class FanoutWorkload {

  private final BenchContext context;
  private final BenchOptions options;

  public FanoutWorkload(BenchContext context) {
    this.context = context;
    this.options = context.options();
  }

  /** {@code fanout --grid=1000x10,100x100,10x1000 --targets=ceiling,parley}. */
  public void run() throws Exception {
    double bound = options.decimal("bound-ms", 100);
    for (String shape : options.string("grid", "1000x10,100x100,10x1000").split(",")) {
      String[] parts = shape.split("x");
      int rooms = Integer.parseInt(parts[0]);
      int members = Integer.parseInt(parts[1]);
      List<Double> best = new ArrayList<>();
      for (String target : options.string("targets", "ceiling,parley").split(",")) {
        List<StepResult> steps = measure(BenchTarget.kind(target), rooms, members);
        best.add(FanoutRunner.bestDelivered(steps, bound));
      }
      System.out.println(String.format(Locale.ROOT, "fanout %s best delivered/s within p99 %.0f ms: %s",
          shape, bound, best.stream().map(b -> String.format(Locale.ROOT, "%.0f", b)).toList()));
    }
  }

  /** One ramp on a fresh server of the given kind; prints each step. */
  public List<StepResult> measure(BenchTarget.Kind kind, int rooms, int members) throws Exception {
    double bound = options.decimal("bound-ms", 100);
    long stepMillis = (long) (options.decimal("step-seconds", 10) * 1000);
    double startRate = options.decimal("start-deliveries", 5000) / members;
    try (BenchTarget target = context.start(kind);
        SocketFleet fleet = target.fleet(context.vertx(), options)) {
      RoomLayout layout = RoomLayout.build(target, fleet, rooms, members, options);
      settle();
      FanoutRunner runner = new FanoutRunner(context.vertx(), target, options);
      String shape = rooms + "x" + members;
      warmUp(runner, layout, target.name() + " " + shape + " warm-up", startRate);
      return FanoutRunner.ramp(startRate, options.decimal("factor", 1.5), options.integer("max-steps", 12),
          step -> step.passes(bound),
          rate -> runner.step(target.name() + " " + shape, layout.sockets(), layout.senders(), rate, stepMillis));
    }
  }

  /** A first window at the starting rate, not counted: it lets the JIT compile the hot paths. */
  void warmUp(FanoutRunner runner, RoomLayout layout, String label, double rate) {
    long millis = (long) (options.decimal("warmup-seconds", 10) * 1000);
    if (millis > 0) {
      System.out.println(runner.step(label, layout.sockets(), layout.senders(), rate, millis).format());
    }
  }

  /** Lets the presence and membership frames of a fresh layout die down before measuring. */
  private void settle() {
    io.parley.bench.Await.sleep(options.integer("settle-ms", 2000));
  }
}
