package io.parley.search.query;

import io.parley.contract.search.SearchQuery;
import io.parley.search.index.MessageDocuments;
import java.util.Collection;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** The text query narrowed to live messages of the rooms given, and to the query's sender and times. */
final class SearchFilters {

  private SearchFilters() {
  }

  static Query of(Query text, SearchQuery query, Collection<String> roomIds) {
    BooleanQuery.Builder all = new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(MessageDocuments.KIND, MessageDocuments.MESSAGE)), BooleanClause.Occur.FILTER)
        .add(new TermInSetQuery(MessageDocuments.ROOM, roomIds.stream().map(BytesRef::new).toList()),
            BooleanClause.Occur.FILTER);
    if (query.from() != null) {
      all.add(new TermQuery(new Term(MessageDocuments.FROM, query.from())), BooleanClause.Occur.FILTER);
    }
    if (query.before() != null || query.after() != null) {
      long from = query.after() == null ? Long.MIN_VALUE : query.after().toEpochMilli() + 1;
      long to = query.before() == null ? Long.MAX_VALUE : query.before().toEpochMilli() - 1;
      all.add(LongPoint.newRangeQuery(MessageDocuments.CREATED, from, to), BooleanClause.Occur.FILTER);
    }
    return all.build();
  }
}
