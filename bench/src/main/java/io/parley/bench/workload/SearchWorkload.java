package io.parley.bench.workload;

import io.parley.bench.Account;
import io.parley.bench.Await;
import io.parley.bench.BenchContext;
import io.parley.bench.BenchOptions;
import io.parley.bench.BenchTarget;
import io.parley.bench.HistoryFiller;
import io.parley.bench.OpenLoopSchedule;
import io.parley.bench.Parallel;
import io.parley.bench.ParleyProvisioner;
import io.parley.bench.SearchCorpus;
import io.parley.bench.SearchProbe;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Search on Parley. {@code --messages} (1M) are written straight into chat-service's store (messages and change
 * log, as {@link HistoryFiller} does) over {@code --rooms} (100) public rooms, so search-service hears of none of
 * them: it finds them in the change log when it next compares versions with chat-service (every
 * {@code --search-reconcile-s}, 2 s here) and indexes them as it would rebuild a removed index. Reported: that
 * rebuild's time, the index's size on disk, then {@code --query-rate} (20) searches/s while {@code --write-rate}
 * (200) messages/s are sent over REST, with search latency and indexing lag (a message stored to found): first
 * for {@code --warmup-seconds} (30, printed as warm-up: the merges that follow a rebuild and the compilation of
 * the search path fall there), then for {@code --step-seconds} (60), the measured window.
 */
public final class SearchWorkload {

  private static final long LAG_POLL_MS = 50;

  private final BenchContext context;
  private final BenchOptions options;
  private final SearchCorpus corpus = new SearchCorpus(20_000);

  public SearchWorkload(BenchContext context) {
    this.context = context;
    this.options = context.options().withDefault("search-reconcile-s", "2");
  }

  public void run() throws Exception {
    long messages = options.integer("messages", 1_000_000);
    int rooms = options.integer("rooms", 100);
    int writers = options.integer("writers", 10);
    try (BenchTarget target = context.start(BenchTarget.Kind.PARLEY)) {
      ParleyProvisioner provisioner = (ParleyProvisioner) target.provisioner();
      List<Account> accounts = Await.result(provisioner.accounts(writers + 1), 120_000);
      List<String> roomIds = Await.result(Parallel.run(rooms, 8, i ->
          provisioner.createRoom(accounts.get(i % writers), "search-" + i, 1000)), 120_000);
      SearchProbe probe = new SearchProbe(context.vertx(), provisioner.http(), accounts.get(writers));

      long perRoom = messages / rooms;
      Instant first = Instant.now().minus(Duration.ofDays(365));
      long spacingMs = Duration.ofDays(364).toMillis() / Math.max(1, perRoom);
      long fillStart = System.nanoTime();
      for (int room = 0; room < rooms; room++) {
        int r = room;
        HistoryFiller.fill(context.vertx(), target.server().storeUri(), "parley", roomIds.get(room),
            accounts.get(room % writers), perRoom,
            seq -> corpus.message(r, seq) + (seq == perRoom ? " " + SearchCorpus.marker("zqr", r) : ""),
            seq -> first.plusMillis(seq * spacingMs));
      }
      long filled = perRoom * rooms;
      System.out.println(String.format(Locale.ROOT, "search: %d messages in %d rooms written into the store in %.0f s",
          filled, rooms, (System.nanoTime() - fillStart) / 1e9));

      double rebuildSeconds = awaitIndexed(probe, rooms);
      System.out.println(String.format(Locale.ROOT,
          "search rebuild: %d messages indexed from chat-service's change log in %.1f s (%.0f messages/s)",
          filled, rebuildSeconds, filled / rebuildSeconds));
      Await.sleep(7_000);
      long bytes = folderSize(target.server().dataDir().resolve("search"));
      System.out.println(String.format(Locale.ROOT, "search index: %.1f MiB for %d messages, %.1f MiB per million",
          bytes / 1048576.0, filled, bytes / 1048576.0 / (filled / 1e6)));

      long warmup = (long) (options.decimal("warmup-seconds", 30) * 1000);
      if (warmup > 0) {
        measure(provisioner, probe, accounts, writers, roomIds, warmup, " warm-up");
      }
      measure(provisioner, probe, accounts, writers, roomIds, (long) (options.decimal("step-seconds", 60) * 1000), "");
    }
  }

  /** Seconds until the last message of every room is found: the index then holds every room's change log. */
  private static double awaitIndexed(SearchProbe probe, int rooms) {
    long start = System.nanoTime();
    Set<Integer> waiting = new HashSet<>();
    for (int room = 0; room < rooms; room++) {
      waiting.add(room);
    }
    long deadline = start + Duration.ofHours(2).toNanos();
    while (!waiting.isEmpty() && System.nanoTime() < deadline) {
      for (Integer room : List.copyOf(waiting)) {
        if (Await.result(probe.count(SearchCorpus.marker("zqr", room)), 60_000) > 0) {
          waiting.remove(room);
        }
      }
      Await.sleep(500);
    }
    if (!waiting.isEmpty()) {
      throw new IllegalStateException(waiting.size() + " rooms were never indexed");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private void measure(ParleyProvisioner provisioner, SearchProbe probe, List<Account> accounts, int writers,
      List<String> roomIds, long millis, String label) throws Exception {
    double writeRate = options.decimal("write-rate", 200);
    double queryRate = options.decimal("query-rate", 20);
    long lagEvery = Math.max(1, Math.round(writeRate / options.decimal("lag-samples-per-second", 2)));
    Histogram searches = new ConcurrentHistogram(3);
    Histogram lags = new ConcurrentHistogram(3);
    AtomicLong searchFailures = new AtomicLong();
    AtomicLong writeFailures = new AtomicLong();
    AtomicLong neverFound = new AtomicLong();
    AtomicLong lagsPending = new AtomicLong();

    Future<OpenLoopSchedule.Window> writes = OpenLoopSchedule.run(context.vertx(), writeRate, millis, (i, intended) -> {
      int room = (int) (i % roomIds.size());
      // Each window's own markers, so that a lag probe never finds a message of the window before.
      String marker = SearchCorpus.marker(label.isEmpty() ? "zqw" : "zqv", i);
      JsonObject body = new JsonObject().put("roomId", roomIds.get(room))
          .put("text", corpus.sentence(ThreadLocalRandom.current()) + " " + marker);
      provisioner.http().post("/api/messages").putHeader("Authorization", "Bearer " + accounts.get(room % writers).token())
          .sendJsonObject(body)
          .onSuccess(response -> {
            if (response.statusCode() != 201) {
              writeFailures.incrementAndGet();
            } else if (i % lagEvery == 0) {
              long stored = System.nanoTime();
              lagsPending.incrementAndGet();
              probe.foundAt(marker, LAG_POLL_MS, 30_000).onComplete(found -> {
                if (found.result() == null) {
                  neverFound.incrementAndGet();
                } else {
                  lags.recordValue((found.result() - stored) / 1000);
                }
                lagsPending.decrementAndGet();
              });
            }
          })
          .onFailure(failure -> writeFailures.incrementAndGet());
    });
    Future<OpenLoopSchedule.Window> queries = OpenLoopSchedule.run(context.vertx(), queryRate, millis,
        (i, intended) -> probe.count(corpus.query(ThreadLocalRandom.current())).onComplete(done -> {
          if (done.failed()) {
            searchFailures.incrementAndGet();
          }
          searches.recordValue((System.nanoTime() - intended) / 1000);
        }));
    Await.result(Future.all(writes, queries), millis + 60_000);
    for (int waited = 0; lagsPending.get() > 0 && waited < 35; waited++) {
      Await.sleep(1000);
    }
    Await.sleep(2000);
    System.out.println(String.format(Locale.ROOT,
        "search queries%s  %6d at %.0f/s while %.0f messages/s are sent  p50 %7.2f  p99 %7.2f  p99.9 %7.2f  max %7.2f ms"
            + "  (failed %d; failed sends %d)", label, searches.getTotalCount(), queryRate, writeRate, ms(searches, 50),
        ms(searches, 99), ms(searches, 99.9), searches.getMaxValue() / 1000.0, searchFailures.get(),
        writeFailures.get()));
    System.out.println(String.format(Locale.ROOT,
        "search indexing lag%s (stored -> found, polled every %d ms)  samples %d  p50 %7.2f  p99 %7.2f  max %7.2f ms"
            + "  (never found in 30 s: %d)", label, LAG_POLL_MS, lags.getTotalCount(), ms(lags, 50), ms(lags, 99),
        lags.getMaxValue() / 1000.0, neverFound.get()));
  }

  private static double ms(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  private static long folderSize(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
