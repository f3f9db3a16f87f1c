package io.parley.bench.workload;

import io.parley.bench.BenchContext;
import io.parley.bench.BenchOptions;
import io.parley.bench.BenchTarget;
import io.parley.bench.FanoutRunner;
import io.parley.bench.StepResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare --quick}: one small fan-out ramp against the ceiling, then against Parley standalone on a
 * fresh data folder, ending with the line {@code fanout parley/ceiling = R}: the ratio of the best delivered
 * messages/s each reached within the same p99 bound.
 */
public final class QuickCompare {

  private final BenchContext context;

  public QuickCompare(BenchContext context) {
    this.context = context;
  }

  public static BenchOptions quickDefaults(BenchOptions options) {
    return options.withDefault("rooms", "10").withDefault("members", "30").withDefault("step-seconds", "3")
        .withDefault("start-deliveries", "3000").withDefault("factor", "2").withDefault("max-steps", "6")
        .withDefault("drain-ms", "3000").withDefault("warmup-seconds", "2").withDefault("settle-ms", "1000");
  }

  /** Both ramps and their ratio. */
  public record Comparison(List<StepResult> ceiling, List<StepResult> parley, double ratio) {
  }

  /** Runs both ramps, prints each step and, last, the ratio. */
  public Comparison run() throws Exception {
    BenchOptions options = context.options();
    if (options.has("quick")) {
      quickDefaults(options);
    }
    int rooms = options.integer("rooms", 10);
    int members = options.integer("members", 30);
    double bound = options.decimal("bound-ms", 100);
    FanoutWorkload fanout = new FanoutWorkload(context);
    List<StepResult> ceiling = fanout.measure(BenchTarget.Kind.CEILING, rooms, members);
    List<StepResult> parley = fanout.measure(BenchTarget.Kind.PARLEY, rooms, members);
    double ceilingBest = FanoutRunner.bestDelivered(ceiling, bound);
    double parleyBest = FanoutRunner.bestDelivered(parley, bound);
    double ratio = ceilingBest == 0 ? 0 : parleyBest / ceilingBest;
    System.out.println(String.format(Locale.ROOT,
        "fanout %dx%d within p99 %.0f ms: ceiling %.0f delivered/s%s, parley %.0f delivered/s", rooms, members,
        bound, ceilingBest, ceiling.stream().allMatch(s -> s.passes(bound)) ? " (not saturated)" : "",
        parleyBest));
    System.out.println(String.format(Locale.ROOT, "fanout parley/ceiling = %.2f", ratio));
    return new Comparison(ceiling, parley, ratio);
  }
}
