package io.parley.gateway;

import java.util.List;

/** Meter values read from the management port's Prometheus text. */
final class MeterText {

  private MeterText() {
  }

  /** The management port's text now. */
  static String scrape(ParleyStack parley) {
    return parley.management().get("/metrics", null).raw().bodyAsString();
  }

  /** The sum of a meter's values over every gateway of this JVM, among the lines holding every label given. */
  static double sum(String metrics, String name, String... labels) {
    return metrics.lines()
        .filter(line -> line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
