package io.parley.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When writes become visible to searches: the timer refreshes only while the index is searched, the first search
 * after a quiet spell refreshes before it reads, and too many writes not yet visible refresh by themselves. The clock is the
 * test's, so "30 s later" is exact; what searchers see is read straight from the index, past any refresh.
 */
@ExtendWith(VertxExtension.class)
class IndexTasksTest {

  private static final UserRef ANN = new UserRef("u-ann", "ann", "Ann");
  private final AtomicLong clock = new AtomicLong(TimeUnit.HOURS.toNanos(5));
  private MessageIndex index;
  private IndexTasks tasks;

  @BeforeEach
  void open(Vertx vertx) throws IOException {
    index = MessageIndex.open(TestStores.freshDataDir().resolve("messages-v2"));
    tasks = new IndexTasks(vertx, index, "index-tasks-test", clock::get);
  }

  @AfterEach
  void close() {
    Await.result(tasks.close());
  }

  @Test
  void theTimerRefreshesOnlyWhileSearchesAreMadeAndTheNextSearchSeesEverything() {
    write(1);
    tasks.refreshIfSearched();
    assertEquals(0, visible(), "nobody searched yet: the timer does not refresh");
    assertEquals(1, searched(),
        "the first search refreshes before it reads");

    clock.addAndGet(TimeUnit.SECONDS.toNanos(29));
    write(2);
    tasks.refreshIfSearched();
    assertEquals(2, visible(), "searched 29 s ago: the timer refreshes");

    clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
    write(3);
    tasks.refreshIfSearched();
    assertEquals(2, visible(), "searched 31 s ago: the timer no longer refreshes");
    assertEquals(3, searched(),
        "a search after the quiet spell refreshes first");

    clock.addAndGet(IndexTasks.SEARCH_IDLE_NANOS + 1);
    Await.result(tasks.write(writer -> {
      for (long seq = 4; seq < 3 + MessageIndex.MAX_UNREFRESHED; seq++) {
        writer.apply(message(seq));
      }
      return null;
    }));
    assertEquals(3, visible(), "one write short of the bound, nothing is refreshed");
    write(3 + MessageIndex.MAX_UNREFRESHED);
    assertEquals(3 + MessageIndex.MAX_UNREFRESHED, visible(), "at the bound the index refreshes, searched or not");
  }

  private void write(long seq) {
    Await.result(tasks.write(writer -> writer.apply(message(seq))));
  }

  private static Message message(long seq) {
    return new Message("r1-" + String.format("%010d", seq), "r1", seq, ANN, "message " + seq, null,
        "2026-12-05T06:00:00Z", null, false, Map.of(), null, seq);
  }

  private int searched() {
    return Await.<Integer>result(tasks.read(searcher -> searcher.getIndexReader().numDocs()));
  }

  /** What a searcher sees now, once every write and refresh asked so far has run. */
  private int visible() {
    Await.result(tasks.write(behindEverything -> null));
    try {
      return index.search(searcher -> searcher.getIndexReader().numDocs());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
