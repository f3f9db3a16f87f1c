package io.parley.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options: {@code --key=value}, bare {@code --flag}, and positional words. */
public final class BenchOptions {

  private final Map<String, String> values = new HashMap<>();
  private final List<String> words = new ArrayList<>();

  public BenchOptions(String... args) {
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
          values.put(arg.substring(2), "true");
        } else {
          values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
      } else {
        words.add(arg);
      }
    }
  }

  public List<String> words() {
    return words;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public int integer(String key, int fallback) {
    return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
  }

  public double decimal(String key, double fallback) {
    return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
  }

  /** Sets a value unless the command line gave one, so a workload can choose its own defaults. */
  public BenchOptions withDefault(String key, String value) {
    values.putIfAbsent(key, value);
    return this;
  }
}
