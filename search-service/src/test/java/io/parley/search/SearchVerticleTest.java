package io.parley.search;

import static io.parley.search.FakeChat.actor;
import static io.parley.search.FakeChat.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.parley.contract.search.SearchClient;
import io.parley.contract.search.SearchCursor;
import io.parley.contract.search.SearchQuery;
import io.parley.contract.search.SearchResult;
import io.parley.contract.search.SearchResults;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * search-service on its own: the real verticle, its Lucene index in a fresh folder, asked through its typed
 * client over the event bus, fed by a {@link FakeChat} that stands for chat-service's timeline and permissions.
 */
@ExtendWith(VertxExtension.class)
class SearchVerticleTest {

  private final FakeChat chat = new FakeChat();
  private final UserRef ann = user("ann");
  private final UserRef bo = user("bo");
  private Vertx vertx;
  private SearchClient search;
  private Path dataDir;
  private String deployment;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    this.search = new SearchClient(new BusClient(vertx.eventBus()));
    this.dataDir = TestStores.freshDataDir();
    deployment = start(dataDir);
  }

  private String start(Path folder) {
    JsonObject config = new JsonObject().put(SearchConfig.DATA_DIR, folder.toString())
        .put(SearchConfig.REFRESH_MS, 20).put(SearchConfig.COMMIT_MS, 200);
    return Await.result(vertx.deployVerticle(new SearchVerticle(v -> chat), new DeploymentOptions().setConfig(config)));
  }

  @Test
  void wordsMatchWholeAndAsPrefixesIgnoringCaseAndAccents() {
    String room = chat.room("public", ann);
    chat.post(room, ann, "Le DÉPLOIEMENT de vendredi est prêt");
    chat.post(room, ann, "lunch?");

    for (String q : List.of("deplo", "DÉPLOIEMENT", "déploiement vendredi", "Pret", "le")) {
      assertEquals(List.of("Le DÉPLOIEMENT de vendredi est prêt"), eventually(() -> texts(ann, q), 1), q);
    }
    assertEquals(List.of(), texts(ann, "deployment"));
    assertEquals(List.of(), texts(ann, "l"), "a single letter is a whole word, not a prefix");
  }

  @Test
  void quotedPhrasesMatchTheirWordsInOrder() {
    String room = chat.room("public", ann);
    chat.post(room, ann, "the release train leaves today");
    chat.post(room, ann, "today the train leaves");

    assertEquals(List.of("the release train leaves today"), eventually(() -> texts(ann, "\"release train\""), 1));
    assertEquals(List.of("today the train leaves", "the release train leaves today"), texts(ann, "\"train leaves\""));
    assertEquals(List.of("today the train leaves"), texts(ann, "\"the train\" leav"));
  }

  @Test
  void anEditIsFoundByItsNewTextOnlyAndADeleteNotAtAll() {
    String room = chat.room("public", ann);
    Message typo = chat.post(room, ann, "meeting at noun");
    Message gone = chat.post(room, ann, "secret plans");
    eventually(() -> texts(ann, "secret"), 1);

    Message fixed = chat.edit(typo, "meeting at noon");
    Message deleted = chat.delete(gone);
    assertEquals(List.of("meeting at noon"), eventually(() -> texts(ann, "noon"), 1));
    assertEquals(List.of(), eventually(() -> texts(ann, "secret"), 0));
    assertEquals(List.of(), texts(ann, "noun"));

    chat.replay(typo);
    chat.replay(gone);
    chat.post(room, ann, "after the late notices");
    eventually(() -> texts(ann, "late"), 1);
    assertEquals(List.of(), texts(ann, "noun"), "an older state arriving late changes nothing");
    assertEquals(List.of(), texts(ann, "secret"), "a deleted message does not come back");
    assertEquals(fixed.version(), result(ann, "noon").message().version());
    assertTrue(deleted.deleted());
  }

  @Test
  void onlyRoomsTheCallerMayReadNowAnswer() {
    String open = chat.room("public", ann);
    String closed = chat.room("private", ann, bo);
    String direct = chat.room("direct", ann, bo);
    chat.post(open, ann, "quarterly numbers public");
    chat.post(closed, ann, "quarterly numbers private");
    chat.post(direct, ann, "quarterly numbers direct");
    UserRef cy = user("cy");

    assertEquals(3, eventually(() -> texts(bo, "quarterly"), 3).size());
    assertEquals(List.of("quarterly numbers public"), texts(cy, "quarterly"));

    chat.leave(closed, bo);
    assertEquals(List.of("quarterly numbers direct", "quarterly numbers public"), texts(bo, "quarterly"));
    chat.deleteRoom(open);
    assertEquals(List.of("quarterly numbers direct"), texts(bo, "quarterly"));
    assertEquals(List.of(), texts(cy, "quarterly"));
  }

  @Test
  void filtersNarrowByRoomSenderAndTime() {
    String one = chat.room("public", ann, bo);
    String two = chat.room("public", ann, bo);
    Message first = chat.post(one, ann, "status alpha");
    Message second = chat.post(two, bo, "status beta");
    Message third = chat.post(one, bo, "status gamma");
    eventually(() -> texts(ann, "status"), 3);

    assertEquals(List.of("status gamma", "status alpha"), texts(ann, query("status").roomId(one)));
    assertEquals(List.of("status gamma", "status beta"), texts(ann, query("status").from(bo.id())));
    assertEquals(List.of("status beta"), texts(ann, query("status")
        .after(Instant.parse(first.createdAt())).before(Instant.parse(third.createdAt()))));
    assertEquals(List.of("status gamma"), texts(ann, query("status").after(Instant.parse(second.createdAt()))));
    assertEquals(List.of(), texts(ann, query("status").roomId(chat.room("private", bo))));
  }

  @Test
  void pagesFollowEachOtherNewestFirstWithoutRepeats() {
    String room = chat.room("public", ann);
    for (int i = 1; i <= 5; i++) {
      chat.post(room, ann, "page item " + i);
    }
    eventually(() -> texts(ann, "item"), 5);

    SearchResults first = Await.result(search.search(actor(ann), query("item").limit(2).build()));
    SearchResults second = Await.result(search.search(actor(ann), query("item").limit(2).cursor(first.next()).build()));
    SearchResults third = Await.result(search.search(actor(ann), query("item").limit(2).cursor(second.next()).build()));
    assertEquals(List.of("page item 5", "page item 4"), texts(first));
    assertEquals(List.of("page item 3", "page item 2"), texts(second));
    assertEquals(List.of("page item 1"), texts(third));
    assertNull(third.next());
  }

  @Test
  void highlightsMarkTheMatchAndEscapeEverythingElse() {
    String room = chat.room("public", ann);
    chat.post(room, ann, "<img src=x onerror=alert(1)> the deployment & \"more\"");

    SearchResult found = eventually(() -> results(ann, "deploy"), 1).get(0);
    assertEquals("&lt;img src=x onerror=alert(1)&gt; the <mark>deployment</mark> &amp; &quot;more&quot;",
        found.highlight());
    assertEquals(room, found.room().id());
    assertEquals("public", found.room().type());
  }

  @Test
  void aQueryWithoutAWordIsInvalid() {
    ServiceError refused = (ServiceError) Await.failure(search.search(actor(ann), SearchQuery.of("!!! ...")));
    assertEquals(ErrorCode.INVALID_INPUT, refused.code());
    assertEquals("q", refused.errors().get(0).field());
  }

  @Test
  void aRestartCatchesUpOnWhatWasSaidWhileItWasDown() {
    String room = chat.room("public", ann);
    chat.post(room, ann, "before the restart");
    eventually(() -> texts(ann, "restart"), 1);

    Await.result(vertx.undeploy(deployment));
    chat.losingNotices(true);
    Message edited = chat.post(room, ann, "said while down");
    for (int i = 0; i < 2 * FakeChat.PAGE; i++) {
      chat.post(room, bo, "filler " + i);
    }
    chat.edit(edited, "said while it was down");
    chat.losingNotices(false);
    deployment = start(dataDir);

    assertEquals(List.of("said while it was down"), eventually(() -> texts(ann, "while"), 1));
    assertEquals(2 * FakeChat.PAGE, eventually(() -> texts(ann, "filler"), 2 * FakeChat.PAGE).size());
    assertEquals(List.of("before the restart"), texts(ann, "restart"));
  }

  @Test
  void aLostNoticeIsFoundOnceTheNextOneShowsTheGap() {
    String room = chat.room("public", ann);
    chat.post(room, ann, "heard first");
    eventually(() -> texts(ann, "heard"), 1);
    chat.losingNotices(true);
    chat.post(room, ann, "never announced");
    chat.losingNotices(false);
    chat.post(room, ann, "heard later");

    assertEquals(List.of("never announced"), eventually(() -> texts(ann, "announced"), 1));
  }

  @Test
  void aBurstOfChangesIsIndexedWholeWithEachEditAfterItsMessage() {
    String room = chat.room("public", ann);
    String other = chat.room("public", ann, bo);
    // Announced faster than the index writes them, each edit right after its message.
    for (int i = 0; i < 200; i++) {
      Message posted = chat.post(i % 2 == 0 ? room : other, ann, "burst " + i);
      if (i % 50 == 0) {
        chat.edit(posted, "burst rewritten " + i);
      }
    }

    for (String each : List.of(room, other)) {
      eventually(() -> texts(ann, query("burst").roomId(each).limit(SearchQuery.MAX_LIMIT)), 100);
    }
    assertEquals(List.of("burst rewritten 150", "burst rewritten 100", "burst rewritten 50", "burst rewritten 0"),
        texts(ann, "rewritten"));
  }

  @Test
  void aFreshIndexIsRebuiltFromTheChangeLog() {
    String room = chat.room("public", ann);
    String other = chat.room("private", bo);
    for (int i = 0; i < 7; i++) {
      chat.post(room, ann, "history " + i);
    }
    chat.post(other, bo, "history private");
    eventually(() -> texts(ann, "history"), 7);

    Await.result(vertx.undeploy(deployment));
    deployment = start(TestStores.freshDataDir());

    assertEquals(7, eventually(() -> texts(ann, "history"), 7).size());
    assertEquals(8, eventually(() -> texts(bo, "history"), 8).size());
  }

  // ----------------------------------------------------------------------------------------------------------

  private List<String> texts(UserRef user, String q) {
    return texts(user, query(q));
  }

  private List<String> texts(UserRef user, QueryBuilder query) {
    return texts(Await.result(search.search(actor(user), query.build())));
  }

  private static List<String> texts(SearchResults results) {
    return results.results().stream().map(result -> result.message().text()).toList();
  }

  private List<SearchResult> results(UserRef user, String q) {
    return Await.result(search.search(actor(user), SearchQuery.of(q))).results();
  }

  private SearchResult result(UserRef user, String q) {
    List<SearchResult> found = results(user, q);
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  /** Polls until the list has the size expected: the index follows the timeline a moment later. */
  private static <T> List<T> eventually(Supplier<List<T>> read, int size) {
    long deadline = System.currentTimeMillis() + 10_000;
    List<T> value = read.get();
    while (value.size() != size && System.currentTimeMillis() < deadline) {
      sleep();
      value = read.get();
    }
    assertEquals(size, value.size(), value.toString());
    return value;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static QueryBuilder query(String q) {
    return new QueryBuilder(q);
  }

  /** A search with some filters. */
  private static final class QueryBuilder {
    private final String q;
    private String roomId;
    private String from;
    private Instant before;
    private Instant after;
    private int limit = SearchQuery.DEFAULT_LIMIT;
    private SearchCursor cursor;

    QueryBuilder(String q) {
      this.q = q;
    }

    QueryBuilder roomId(String value) {
      roomId = value;
      return this;
    }

    QueryBuilder from(String value) {
      from = value;
      return this;
    }

    QueryBuilder before(Instant value) {
      before = value;
      return this;
    }

    QueryBuilder after(Instant value) {
      after = value;
      return this;
    }

    QueryBuilder limit(int value) {
      limit = value;
      return this;
    }

    QueryBuilder cursor(String token) {
      assertNotNull(token);
      cursor = SearchCursor.fromToken(token);
      return this;
    }

    SearchQuery build() {
      return new SearchQuery(q, roomId, from, before, after, limit, cursor);
    }
  }
}
