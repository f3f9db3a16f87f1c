package io.parley.bench.workload;

import io.parley.bench.Account;
import io.parley.bench.Await;
import io.parley.bench.BenchContext;
import io.parley.bench.BenchSocket;
import io.parley.bench.BenchTarget;
import io.parley.bench.Heartbeats;
import io.parley.bench.Parallel;
import io.parley.bench.Provisioner;
import io.parley.bench.ServerStats;
import io.parley.bench.SocketFleet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Memory per idle connection: the server's RSS and heap after a full GC, before any socket and at each level of
 * open, authenticated sockets (each a member of one room, pinging every {@code --heartbeat-s}), held long
 * enough for every socket to heartbeat. Sockets share accounts ({@code --users}), as devices of one user do.
 */
public final class IdleWorkload extends PerTargetWorkload {

  private static final long SETUP_TIMEOUT_MS = 30 * 60_000L;

  public IdleWorkload(BenchContext context) {
    super(context, "ceiling,parley");
  }

  @Override
  void measure(BenchTarget.Kind kind) throws Exception {
    int users = options.integer("users", 1000);
    int perRoom = options.integer("users-per-room", 50);
    long heartbeatMillis = options.integer("heartbeat-s", 25) * 1000L;
    long holdMillis = options.integer("hold-s", 30) * 1000L;
    try (BenchTarget target = context.start(kind);
        SocketFleet fleet = target.fleet(context.vertx(), options)) {
      Memory before = Memory.read(target);
      System.out.println(String.format(Locale.ROOT, "idle %s baseline: RSS %.1f MiB, heap %.1f MiB",
          target.name(), before.rss / 1048576.0, before.heap / 1048576.0));
      Provisioner provisioner = target.provisioner();
      List<Account> accounts = Await.result(provisioner.accounts(users), SETUP_TIMEOUT_MS);
      List<String> rooms = Await.result(Parallel.run((users + perRoom - 1) / perRoom, 16,
          r -> provisioner.createRoom(accounts.get(r * perRoom), "idle" + r, 1000)), SETUP_TIMEOUT_MS);
      Await.result(Parallel.run(users, 32, i -> i % perRoom == 0
          ? Future.succeededFuture() : provisioner.join(accounts.get(i), rooms.get(i / perRoom))), SETUP_TIMEOUT_MS);
      List<BenchSocket> open = new ArrayList<>();
      for (String level : options.string("sockets", "10000").split(",")) {
        int count = Integer.parseInt(level);
        List<Account> more = new ArrayList<>();
        for (int i = open.size(); i < count; i++) {
          more.add(accounts.get(i % users));
        }
        List<BenchSocket> opened = Await.result(fleet.openAll(more, 200), SETUP_TIMEOUT_MS);
        if (provisioner.joinsOverSocket()) {
          Await.result(Parallel.run(opened.size(), 200, i -> opened.get(i).request(new JsonObject()
              .put("type", "join_room").put("roomId", rooms.get(accounts.indexOf(opened.get(i).account()) / perRoom)))),
              SETUP_TIMEOUT_MS);
        }
        open.addAll(opened);
        long pongs;
        long failures;
        try (Heartbeats heartbeats = new Heartbeats(context.vertx(), List.copyOf(open), heartbeatMillis)) {
          Await.sleep(holdMillis);
          pongs = heartbeats.pongs();
          failures = heartbeats.failures();
        }
        long stillOpen = open.stream().filter(BenchSocket::isOpen).count();
        Memory after = Memory.read(target);
        System.out.println(String.format(Locale.ROOT,
            "idle %s %d sockets (%d open, %d users, heartbeat %d s, %d pongs, %d failed): RSS %.1f MiB, heap %.1f MiB;"
                + " per connection RSS %.1f KB, heap %.1f KB",
            target.name(), count, stillOpen, users, heartbeatMillis / 1000, pongs, failures, after.rss / 1048576.0,
            after.heap / 1048576.0, (after.rss - before.rss) / 1000.0 / count,
            (after.heap - before.heap) / 1000.0 / count));
      }
    }
  }

  /** Server memory after a full collection. */
  private record Memory(long rss, long heap) {
    static Memory read(BenchTarget target) {
      ServerStats.collectGarbage(target.server().pid());
      Await.sleep(1000);
      return new Memory(ServerStats.rssBytes(target.server().pid()), target.server().heapBytes());
    }
  }
}
