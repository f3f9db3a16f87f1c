package io.parley.bench;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Measured windows of room traffic on a layout, and ramps of them that stop at the latency bound or a loss. */
public final class FanoutRunner {

  private final Vertx vertx;
  private final BenchTarget target;
  private final long drainMillis;
  private final String text;

  public FanoutRunner(Vertx vertx, BenchTarget target, BenchOptions options) {
    this.vertx = vertx;
    this.target = target;
    this.drainMillis = options.integer("drain-ms", 10_000);
    this.text = OpenLoopSender.text(options.integer("text-chars", 64));
  }

  /** Sends {@code rate} messages a second to the layout's rooms for {@code durationMillis}, then drains. */
  public StepResult step(String label, List<BenchSocket> sockets, List<OpenLoopSender.Sender> senders,
      double rate, long durationMillis) {
    DeliveryTracker tracker = new DeliveryTracker();
    sockets.forEach(socket -> socket.track(tracker));
    long pid = target.server().pid();
    ServerStats.CpuMeter serverCpu = ServerStats.CpuMeter.start(pid);
    ServerStats.CpuMeter clientCpu = ServerStats.CpuMeter.start(ProcessHandle.current().pid());
    OpenLoopSchedule.Window window = Await.result(OpenLoopSender.run(vertx, senders, rate, durationMillis, tracker,
        label.replaceAll("[^A-Za-z0-9]", "") + System.nanoTime() % 100_000, text), durationMillis + 60_000);
    double serverCores = serverCpu.cores();
    double clientCores = clientCpu.cores();
    long rss = ServerStats.rssBytes(pid);
    try {
      tracker.awaitSettled(drainMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long losses = tracker.countLosses();
    sockets.forEach(socket -> socket.track(null));
    return StepResult.of(label, rate, tracker, window, losses, serverCores, clientCores, rss,
        target.server().heapBytes());
  }

  /**
   * Steps from {@code startRate}, multiplying by {@code factor}, until a step fails {@code passes} or
   * {@code maxSteps} are done; prints each step. When even the first step fails, halves the rate (up to three
   * times) until one passes, so a slow target still gets a figure. Answers every step, in order.
   */
  public static List<StepResult> ramp(double startRate, double factor, int maxSteps, Predicate<StepResult> passes,
      DoubleFunction<StepResult> step) {
    List<StepResult> steps = new ArrayList<>();
    double rate = startRate;
    int halvings = 0;
    boolean anyPassed = false;
    for (int i = 0; i < maxSteps + halvings; i++) {
      StepResult result = step.apply(rate);
      steps.add(result);
      System.out.println(result.format());
      boolean passed = passes.test(result);
      if (passed && halvings > 0) {
        break;
      }
      if (!passed && (anyPassed || halvings == 3)) {
        break;
      }
      anyPassed |= passed;
      if (passed) {
        rate *= factor;
      } else {
        rate /= 2;
        halvings++;
      }
    }
    return steps;
  }

  /** The highest value of {@code metric} among steps that pass; 0 when none did. */
  public static double best(List<StepResult> steps, Predicate<StepResult> passes,
      ToDoubleFunction<StepResult> metric) {
    return steps.stream().filter(passes).mapToDouble(metric).max().orElse(0);
  }

  /** The highest delivered rate among steps within the p99 bound and without loss. */
  public static double bestDelivered(List<StepResult> steps, double p99BoundMillis) {
    return best(steps, step -> step.passes(p99BoundMillis), StepResult::deliveredPerSecond);
  }
}
