package io.parley.search;

import io.parley.contract.Ids;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.search.SearchEndpoints;
import io.parley.platform.ParleyConfig;
import io.parley.search.chat.BusChatSource;
import io.parley.search.chat.ChatSource;
import io.parley.search.feed.TimelineFeed;
import io.parley.search.index.FoldingAnalyzer;
import io.parley.search.index.IndexTasks;
import io.parley.search.index.MessageIndex;
import io.parley.search.query.MessageSearch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * search-service: a Lucene index of every room's messages in its own folder, following chat-service's timeline
 * ({@link TimelineFeed}), answering {@code parley.search.*} ({@link MessageSearch}). Each instance keeps a full
 * index, so any number may run; one per process, since an index folder has one writer.
 */
public class SearchVerticle extends VerticleBase {

  public static final String SERVICE = "search-service";
  private static final Logger LOG = LoggerFactory.getLogger(SearchVerticle.class);

  private final Function<Vertx, ChatSource> chatSource;
  private IndexTasks index;
  private TimelineFeed feed;
  private BusEndpoints endpoints;
  private final List<Long> timers = new ArrayList<>();

  public SearchVerticle() {
    this(BusChatSource::new);
  }

  /** With another source of chat-service's timeline and permissions: a test's fake. */
  public SearchVerticle(Function<Vertx, ChatSource> chatSource) {
    this.chatSource = chatSource;
  }

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config()).compose(loaded -> {
      SearchConfig config = SearchConfig.from(loaded);
      return vertx.executeBlocking(() -> MessageIndex.open(config.indexDir()))
          .recover(failure -> Future.failedFuture(new IllegalStateException(
              "cannot open the search index in " + config.indexDir().toAbsolutePath() + ": " + failure.getMessage(),
              failure)))
          .compose(opened -> {
            index = new IndexTasks(vertx, opened, "parley-search-writer-" + Ids.newId());
            return index.write(MessageIndex::roomVersions);
          })
          .compose(saved -> serve(config, saved));
    });
  }

  private Future<Void> serve(SearchConfig config, Map<String, Long> saved) {
    ChatSource chat = chatSource.apply(vertx);
    feed = new TimelineFeed(vertx, chat, index, saved);
    endpoints = SearchEndpoints.bind(new BusEndpoints(vertx.eventBus()),
        new MessageSearch(SERVICE, chat, index, new FoldingAnalyzer()));
    return Future.all(endpoints.ready(), feed.start()).<Void>mapEmpty().onSuccess(ready -> {
      timers.add(vertx.setPeriodic(config.refreshMs(), timer -> index.refreshIfSearched()));
      timers.add(vertx.setPeriodic(config.commitMs(), timer -> feed.commit()
          .onFailure(failure -> LOG.error("committing the index failed", failure))));
      timers.add(vertx.setPeriodic(config.reconcileSeconds() * 1_000, timer -> {
        if (feed.caughtUp()) {
          feed.reconcile().onFailure(failure -> LOG.warn("reconciling with chat-service failed: {}", failure.toString()));
        }
      }));
      LOG.info("search index in {} with {} rooms indexed", config.indexDir().toAbsolutePath(), saved.size());
    });
  }

  @Override
  public Future<?> stop() {
    timers.forEach(vertx::cancelTimer);
    Future<Void> unbound = endpoints == null ? Future.succeededFuture() : endpoints.close();
    return unbound
        .compose(ignored -> feed == null ? Future.succeededFuture() : feed.commit())
        .eventually(() -> index == null ? Future.succeededFuture() : index.close());
  }
}
