package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes durable before they are answered, when a write asks to be (MongoDB's write concern {@code j: true},
 * {@code fsync: true} or {@code w: "majority"}): H2 writes its file only in the background, about once a second,
 * so a killed process would lose writes it had already answered. One thread commits: it forces the store's log
 * ({@link WriteAheadLog}), which holds every change made so far, to the disk, then tells every write that asked
 * before the commit began. Writes that ask while a commit runs share the next one (a group commit): under load
 * one commit serves many writes, and a write alone waits for one. Nobody else waits: the store's network threads
 * go on serving other connections meanwhile ({@link DurableReplies}).
 */
final class DurableCommits implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

  private record Waiter(long ticket, Consumer<Boolean> then) {
  }

  private final Runnable makeDurable;
  private final Thread committer;
  /** By ticket: callers on several threads add theirs in any order. */
  private final Queue<Waiter> waiting = new PriorityQueue<>(Comparator.comparingLong(Waiter::ticket));
  // All below guarded by this.
  private long asked;
  /** The last ticket whose write a finished commit covers. */
  private long covered;
  private long commits;
  private boolean failed;
  private boolean closed;

  /** {@code makeDurable} puts every change made before it was called on the disk, or throws. */
  DurableCommits(Runnable makeDurable) {
    this.makeDurable = makeDurable;
    this.committer = new Thread(this::commitWhileAsked, "parley-store-commit");
    committer.setDaemon(true);
    committer.start();
  }

  /** Whether a command's write concern asks for its write to be on the disk before the answer. */
  static boolean asked(Document command) {
    if (!(command.get("writeConcern") instanceof Document concern)) {
      return false;
    }
    return Boolean.TRUE.equals(concern.get("j")) || Boolean.TRUE.equals(concern.get("fsync"))
        || "majority".equals(concern.get("w"));
  }

  /** A ticket for a write just made: a commit that begins after this covers it. */
  synchronized long ticket() {
    asked++;
    notifyAll();
    return asked;
  }

  /**
   * Calls {@code then} with true once the write of the ticket is on the disk (at once if it is), or with false if
   * the store failed to commit it; on the committer's thread unless it was so already.
   */
  void whenDurable(long ticket, Consumer<Boolean> then) {
    boolean done;
    boolean ok;
    synchronized (this) {
      done = covered >= ticket || failed || closed;
      ok = covered >= ticket;
      if (!done) {
        waiting.add(new Waiter(ticket, then));
      }
    }
    if (done) {
      then.accept(ok);
    }
  }

  private void commitWhileAsked() {
    while (true) {
      long upTo;
      synchronized (this) {
        while (asked == covered && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            closed = true;
          }
        }
        if (closed) {
          break;
        }
        upTo = asked;
      }
      boolean ok = commit();
      List<Waiter> told = new ArrayList<>();
      synchronized (this) {
        commits++;
        if (ok) {
          covered = upTo;
        } else {
          failed = true;
        }
        while (!waiting.isEmpty() && (!ok || waiting.peek().ticket <= upTo)) {
          told.add(waiting.poll());
        }
      }
      told.forEach(waiter -> tell(waiter, ok));
      if (!ok) {
        break;
      }
    }
    List<Waiter> left;
    synchronized (this) {
      left = new ArrayList<>(waiting);
      waiting.clear();
    }
    left.forEach(waiter -> tell(waiter, false));
  }

  /** A waiter that throws (its connection's event loop shut down, say) must not stop the commits of the others. */
  private static void tell(Waiter waiter, boolean durable) {
    try {
      waiter.then.accept(durable);
    } catch (RuntimeException e) {
      LOG.debug("a write's answer could not be released", e);
    }
  }

  /**
   * True once everything the store holds is on the disk. After a failure nothing is acknowledged again until a
   * restart: the log is no longer known to hold what it was given.
   */
  private boolean commit() {
    try {
      makeDurable.run();
      return true;
    } catch (RuntimeException | Error e) {
      LOG.error("the embedded store could not write its log; writes waiting for it are not acknowledged", e);
      return false;
    }
  }

  /** The commits made so far: for tests and measurements, as the count of writes asked for is. */
  synchronized long commits() {
    return commits;
  }

  synchronized long asked() {
    return asked;
  }

  /** Stops the committer; writes still waiting are not acknowledged (their connections are closed). */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      committer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
