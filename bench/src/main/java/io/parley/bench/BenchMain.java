package io.parley.bench;

import io.parley.bench.ceiling.CeilingServer;
import io.parley.bench.workload.ChurnWorkload;
import io.parley.bench.workload.DirectMessageWorkload;
import io.parley.bench.workload.FanoutWorkload;
import io.parley.bench.workload.HistoryWorkload;
import io.parley.bench.workload.IdleWorkload;
import io.parley.bench.workload.QuickCompare;
import io.parley.bench.workload.SearchWorkload;
import io.parley.bench.workload.SlowReaderWorkload;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;

/** {@code java -jar bench/target/bench.jar <command> [--option=value ...]}: see docs/BENCHMARKS.md. */
public final class BenchMain {

  private static final String USAGE = """
      usage: java -jar bench/target/bench.jar <command> [--option=value ...]
        compare --quick     small fan-out against the ceiling, then Parley; last line: fanout parley/ceiling = R
        fanout              the grid (--grid=1000x10,100x100,10x1000), rate raised until p99 > --bound-ms or a loss
        idle                memory per idle connection (--sockets=10000, heartbeats every --heartbeat-s)
        dm                  direct-message storm: persisted and acknowledged messages/s, ack p99
        history             1M stored messages, latest page and a page 10,000 back, while fan-out runs
        churn               connect/disconnect churn with sync while fan-out runs
        search              --messages (1M) indexed: rebuild time, index size, query p99 at 20/s while 200 msg/s written
                            (after --warmup-seconds=30 of the same load)
        slow                1% slow readers: memory and everyone else's p99 against a run without them
        ceiling --port=N    serve the bare ceiling server (used as a child process by the commands above);
                            with --store=DIR the persisting ceiling: one insert per message into the embedded store
      common options: --targets=ceiling,persisting,parley  --server-jvm="-Xmx2g"  --jfr  --work-dir=DIR  --parley-jar=PATH
      """;

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = new BenchOptions(args);
    if (options.words().isEmpty()) {
      System.err.print(USAGE);
      System.exit(2);
    }
    String command = options.words().get(0);
    if ("ceiling".equals(command)) {
      serveCeiling(options);
      return;
    }
    int status = 0;
    try (BenchContext context = BenchContext.open(options)) {
      System.out.println("# work folder " + context.workDir());
      switch (command) {
        case "compare" -> new QuickCompare(context).run();
        case "fanout" -> new FanoutWorkload(context).run();
        case "idle" -> new IdleWorkload(context).run();
        case "dm" -> new DirectMessageWorkload(context).run();
        case "history" -> new HistoryWorkload(context).run();
        case "churn" -> new ChurnWorkload(context).run();
        case "search" -> new SearchWorkload(context).run();
        case "slow" -> new SlowReaderWorkload(context).run();
        default -> {
          System.err.print(USAGE);
          status = 2;
        }
      }
    } catch (RuntimeException e) {
      System.err.println("bench failed: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  private static void serveCeiling(BenchOptions options) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    int instances = options.integer("instances", Runtime.getRuntime().availableProcessors());
    Path store = options.has("store") ? Path.of(options.string("store", "")) : null;
    CeilingServer server = new CeilingServer(vertx, store);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ceiling-store-closer"));
    int port = Await.result(server.listen("127.0.0.1", options.integer("port", 0), instances), 30_000);
    System.out.println((store == null ? "ceiling" : "persisting ceiling") + " listening on 127.0.0.1:" + port);
  }
}
