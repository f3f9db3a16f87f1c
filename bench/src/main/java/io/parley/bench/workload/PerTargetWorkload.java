package io.parley.bench.workload;

import io.parley.bench.BenchContext;
import io.parley.bench.BenchOptions;
import io.parley.bench.BenchTarget;

/** A workload measured once on each target named by {@code --targets}, each on a fresh server. */
abstract class PerTargetWorkload {

  protected final BenchContext context;
  protected final BenchOptions options;
  private final String defaultTargets;

  PerTargetWorkload(BenchContext context, String defaultTargets) {
    this.context = context;
    this.options = context.options();
    this.defaultTargets = defaultTargets;
  }

  public void run() throws Exception {
    for (String name : options.string("targets", defaultTargets).split(",")) {
      measure(BenchTarget.kind(name));
    }
  }

  abstract void measure(BenchTarget.Kind kind) throws Exception;
}
