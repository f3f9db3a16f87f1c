package io.parley.search.query;

import io.parley.contract.Actor;
import io.parley.contract.model.Health;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomSummary;
import io.parley.contract.search.SearchCursor;
import io.parley.contract.search.SearchQuery;
import io.parley.contract.search.SearchResult;
import io.parley.contract.search.SearchResults;
import io.parley.contract.search.SearchService;
import io.parley.search.chat.ChatSource;
import io.parley.search.index.IndexTasks;
import io.parley.search.index.MessageDocuments;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * {@link SearchService} on this instance's index. Which rooms the caller may read is asked of chat-service at
 * every search, so a private room left or a room deleted a moment ago no longer answers.
 */
public final class MessageSearch implements SearchService {

  private final String service;
  private final ChatSource chat;
  private final IndexTasks index;
  private final Analyzer analyzer;

  public MessageSearch(String service, ChatSource chat, IndexTasks index, Analyzer analyzer) {
    this.service = service;
    this.chat = chat;
    this.index = index;
    this.analyzer = analyzer;
  }

  @Override
  public Future<SearchResults> search(Actor actor, SearchQuery query) {
    Query text;
    try {
      text = QueryText.parse(query.q(), analyzer);
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
    return chat.readableRooms(actor).compose(readable -> {
      Map<String, RoomSummary> rooms = new LinkedHashMap<>();
      readable.forEach(room -> rooms.put(room.id(), room));
      if (query.roomId() != null) {
        rooms.keySet().retainAll(List.of(query.roomId()));
      }
      if (rooms.isEmpty()) {
        return Future.succeededFuture(new SearchResults(List.of(), null));
      }
      Query filtered = SearchFilters.of(text, query, rooms.keySet());
      return index.read(searcher -> page(searcher, filtered, new Highlights(analyzer, text), query, rooms));
    });
  }

  @Override
  public Future<Health> health() {
    return Future.succeededFuture(new Health(service, "up"));
  }

  private static SearchResults page(IndexSearcher searcher, Query query, Highlights highlights, SearchQuery asked,
      Map<String, RoomSummary> rooms) throws IOException {
    TopFieldDocs top = searcher.searchAfter(after(searcher, asked.cursor()), query, asked.limit() + 1,
        MessageDocuments.NEWEST_FIRST, false);
    List<SearchResult> results = new ArrayList<>();
    ScoreDoc[] hits = top.scoreDocs;
    for (int i = 0; i < Math.min(hits.length, asked.limit()); i++) {
      Document doc = searcher.storedFields().document(hits[i].doc);
      Message message = MessageDocuments.message(doc);
      results.add(new SearchResult(message, rooms.get(message.roomId()), highlights.of(message.text())));
    }
    String next = null;
    if (hits.length > asked.limit()) {
      Object[] last = ((FieldDoc) hits[asked.limit() - 1]).fields;
      next = new SearchCursor((Long) last[0], ((BytesRef) last[1]).utf8ToString()).token();
    }
    return new SearchResults(results, next);
  }

  /**
   * Where the previous page ended. Creation time and id order results completely, so the last document of the
   * index stands in for the cursor's own (Lucene only breaks ties of equal fields by document).
   */
  private static FieldDoc after(IndexSearcher searcher, SearchCursor cursor) {
    if (cursor == null) {
      return null;
    }
    int lastDoc = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
    return new FieldDoc(lastDoc, Float.NaN, new Object[] {cursor.createdAtMillis(), new BytesRef(cursor.messageId())});
  }
}
