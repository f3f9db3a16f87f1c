package io.parley.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Text for the search workload: a vocabulary of made-up words (a few real ones among them) drawn by Zipf's law, as
 * the words of real chat are, so queries meet both common words matching half the index and rare ones matching
 * a handful; and marker words, each in exactly one message, by which a test finds that message.
 */
public final class SearchCorpus {

  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "se", "di", "pa", "gu",
      "fe", "zo", "ri", "bo", "la", "te", "no", "xi", "ha"};
  private static final String[] REAL = {"deploy", "release", "meeting", "budget", "invoice", "lunch", "review",
      "incident", "roadmap", "customer", "database", "schedule", "holiday", "résumé", "café", "naïve"};

  private final String[] words;
  private final double[] cumulative;

  public SearchCorpus(int vocabulary) {
    Random random = new Random(42);
    words = new String[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      if (i % 50 == 7 && i / 50 < REAL.length) {
        words[i] = REAL[i / 50];
        continue;
      }
      StringBuilder word = new StringBuilder();
      for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      words[i] = word.toString();
    }
    cumulative = new double[vocabulary];
    double sum = 0;
    for (int rank = 1; rank <= vocabulary; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
  }

  public String word(RandomGenerator random) {
    int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
    return words[Math.min(words.length - 1, at < 0 ? -at - 1 : at)];
  }

  /** A message of 4 to 16 words. */
  public String sentence(RandomGenerator random) {
    StringBuilder text = new StringBuilder(word(random));
    for (int i = 1, n = 4 + random.nextInt(13); i < n; i++) {
      text.append(' ').append(word(random));
    }
    return text.toString();
  }

  /** Message {@code seq} of a room filled ahead: the same text for the same numbers, run after run. */
  public String message(int room, long seq) {
    return sentence(new Random(room * 1_000_003L + seq));
  }

  /**
   * What people type into a search box: a word (40%), the first three letters of one (30%), two words (20%), or a
   * quoted pair (10%).
   */
  public String query(RandomGenerator random) {
    int kind = random.nextInt(10);
    if (kind < 4) {
      return word(random);
    }
    if (kind < 7) {
      String word = word(random);
      return word.substring(0, Math.min(3, word.length()));
    }
    return kind < 9 ? word(random) + " " + word(random) : "\"" + word(random) + " " + word(random) + "\"";
  }

  /** A word in one message only: the kind (three letters) and a number, always as long, so none begins another. */
  public static String marker(String kind, long number) {
    return kind + String.format("%09d", number);
  }
}
