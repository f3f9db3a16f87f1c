package io.parley.search.query;

import io.parley.search.index.MessageDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The fragment of a message's text that matched, as HTML: every character of the text escaped, each matched word
 * in {@code <mark>}. Nothing of a message can become markup on a page that shows it.
 */
public final class Highlights {

  private static final int FALLBACK_CHARS = 200;

  private final UnifiedHighlighter highlighter;
  private final Query query;

  public Highlights(Analyzer analyzer, Query query) {
    this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .build();
    this.query = query;
  }

  public String of(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    try {
      Object marked = highlighter.highlightWithoutSearcher(MessageDocuments.TEXT, query, text, 1);
      return marked != null ? marked.toString() : escape(text.substring(0, Math.min(text.length(), FALLBACK_CHARS)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The escaping the highlighter's formatter does, for a text it had nothing to mark in. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> escaped.append(switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#x27;";
      case '/' -> "&#x2F;";
      default -> Character.toString(c);
    }));
    return escaped.toString();
  }
}
