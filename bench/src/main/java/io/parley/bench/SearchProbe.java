package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

/** {@code GET /api/search} as one reader, and waiting for a word to be found. */
public final class SearchProbe {

  private final Vertx vertx;
  private final WebClient http;
  private final Account reader;

  public SearchProbe(Vertx vertx, WebClient http, Account reader) {
    this.vertx = vertx;
    this.http = http;
    this.reader = reader;
  }

  /** How many results the first page has (at most 20); fails unless the answer is 200. */
  public Future<Integer> count(String q) {
    return http.get("/api/search").addQueryParam("q", q).putHeader("Authorization", "Bearer " + reader.token())
        .send()
        .compose(response -> ParleyProvisioner.expect(response, "/api/search", 200))
        .map(answer -> answer.getJsonArray("results").size());
  }

  /** Completes with the nanoTime at which a search first found the word, polled every {@code everyMs}; null if never. */
  public Future<Long> foundAt(String word, long everyMs, long timeoutMs) {
    Promise<Long> found = Promise.promise();
    poll(word, everyMs, System.nanoTime() + timeoutMs * 1_000_000, found);
    return found.future();
  }

  private void poll(String word, long everyMs, long deadline, Promise<Long> found) {
    count(word).onComplete(done -> {
      if (done.succeeded() && done.result() > 0) {
        found.complete(System.nanoTime());
      } else if (System.nanoTime() > deadline) {
        found.complete(null);
      } else {
        vertx.setTimer(everyMs, timer -> poll(word, everyMs, deadline, found));
      }
    });
  }
}
