package io.parley.bench.workload;

import io.parley.bench.Account;
import io.parley.bench.Await;
import io.parley.bench.BenchContext;
import io.parley.bench.BenchOptions;
import io.parley.bench.BenchSocket;
import io.parley.bench.BenchTarget;
import io.parley.bench.FanoutRunner;
import io.parley.bench.OpenLoopSender;
import io.parley.bench.Parallel;
import io.parley.bench.Provisioner;
import io.parley.bench.SocketFleet;
import io.parley.bench.StepResult;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Direct-message storm: {@code --pairs} pairs of users, each pair in its direct room, both sides sending; the
 * rate is raised until the ack p99 passes {@code --ack-bound-ms} or a message is lost. On Parley every message
 * is persisted (room journal, messages, change log, client key) before its ack.
 */
public final class DirectMessageWorkload {

  private static final long SETUP_TIMEOUT_MS = 30 * 60_000L;

  private final BenchContext context;
  private final BenchOptions options;

  public DirectMessageWorkload(BenchContext context) {
    this.context = context;
    this.options = context.options();
  }

  public void run() throws Exception {
    double bound = options.decimal("ack-bound-ms", 50);
    Predicate<StepResult> passes = step -> step.sent() > 0 && step.losses() == 0 && step.refused() == 0
        && step.ackP99() <= bound;
    List<String> best = new ArrayList<>();
    for (String name : options.string("targets", "ceiling,parley").split(",")) {
      List<StepResult> steps = measure(BenchTarget.kind(name), passes);
      best.add(String.format(Locale.ROOT, "%s %.0f", name, FanoutRunner.best(steps, passes,
          StepResult::ackedPerSecond)));
    }
    System.out.println(String.format(Locale.ROOT, "dm best acknowledged messages/s within ack p99 %.0f ms: %s",
        bound, best));
  }

  private List<StepResult> measure(BenchTarget.Kind kind, Predicate<StepResult> passes) throws Exception {
    int pairs = options.integer("pairs", 500);
    long stepMillis = (long) (options.decimal("step-seconds", 10) * 1000);
    try (BenchTarget target = context.start(kind);
        SocketFleet fleet = target.fleet(context.vertx(), options)) {
      Provisioner provisioner = target.provisioner();
      List<Account> accounts = Await.result(provisioner.accounts(2 * pairs), SETUP_TIMEOUT_MS);
      List<String> rooms = Await.result(Parallel.run(pairs, 16,
          p -> provisioner.directRoom(accounts.get(2 * p), accounts.get(2 * p + 1))), SETUP_TIMEOUT_MS);
      List<BenchSocket> sockets = Await.result(fleet.openAll(accounts, 200), SETUP_TIMEOUT_MS);
      if (provisioner.joinsOverSocket()) {
        Await.result(Parallel.run(sockets.size(), 200, i -> sockets.get(i).request(new JsonObject()
            .put("type", "join_room").put("roomId", rooms.get(i / 2)))), SETUP_TIMEOUT_MS);
      }
      List<OpenLoopSender.Sender> senders = new ArrayList<>();
      for (int i = 0; i < sockets.size(); i++) {
        sockets.get(i).memberOf(rooms.get(i / 2), i % 2);
        senders.add(new OpenLoopSender.Sender(sockets.get(i), rooms.get(i / 2), 2, 2));
      }
      Await.sleep(options.integer("settle-ms", 2000));
      FanoutRunner runner = new FanoutRunner(context.vertx(), target, options);
      String label = target.name() + " dm " + pairs + " pairs";
      double startRate = options.decimal("start-rate", 1000);
      System.out.println(runner.step(label + " warm-up", sockets, senders, startRate,
          (long) (options.decimal("warmup-seconds", 10) * 1000)).format());
      return FanoutRunner.ramp(startRate, options.decimal("factor", 1.5), options.integer("max-steps", 10), passes,
          rate -> runner.step(label, sockets, senders, rate, stepMillis));
    }
  }
}
