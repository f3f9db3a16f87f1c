package io.parley.search.query;

import io.parley.contract.ServiceError;
import io.parley.search.index.MessageDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What the words of a search mean: every word must match, as a whole word or as the start of one ("deplo" finds
 * "deployment"; a single letter only as a word), and every {@code "quoted phrase"} its words in order. Words
 * go through the index's analyzer, so case and accents do not matter.
 */
public final class QueryText {

  /** A quoted phrase (its closing quote optional), or a run of anything but blanks and quotes. */
  private static final Pattern PART = Pattern.compile("\"([^\"]*)\"?|[^\\s\"]+");
  private static final int MIN_PREFIX_CHARS = 2;

  private QueryText() {
  }

  /** The text query; {@code invalid_input} when q has nothing that counts as a word. */
  public static Query parse(String q, Analyzer analyzer) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int parts = 0;
    Matcher matcher = PART.matcher(q);
    while (matcher.find()) {
      if (matcher.group(1) != null) {
        List<String> words = words(analyzer, matcher.group(1));
        if (!words.isEmpty()) {
          all.add(phrase(words), BooleanClause.Occur.MUST);
          parts++;
        }
      } else {
        for (String word : words(analyzer, matcher.group())) {
          all.add(word.length() >= MIN_PREFIX_CHARS ? new PrefixQuery(term(word)) : new TermQuery(term(word)),
              BooleanClause.Occur.MUST);
          parts++;
        }
      }
    }
    if (parts == 0) {
      throw ServiceError.invalid("q", "has no word to search for");
    }
    return all.build();
  }

  private static Query phrase(List<String> words) {
    if (words.size() == 1) {
      return new TermQuery(term(words.get(0)));
    }
    return new PhraseQuery(MessageDocuments.TEXT, words.toArray(String[]::new));
  }

  private static Term term(String word) {
    return new Term(MessageDocuments.TEXT, word);
  }

  private static List<String> words(Analyzer analyzer, String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(MessageDocuments.TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
