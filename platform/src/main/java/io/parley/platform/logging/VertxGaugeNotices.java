package io.parley.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Micrometer's warning that a Vert.x gauge "has been already registered". Vert.x's Micrometer metrics register
 * their gauges again on purpose, on every event-bus message and connection, to find the counter behind each
 * (vertx-micrometer-metrics#259, micrometer#6931, both open), and Micrometer since 1.13.9 warns at the first
 * repeat: a line in every process's log that no change to Parley's own meters can prevent. Only that warning
 * about a {@code vertx.*} meter is dropped; every other line of Micrometer's registry is kept.
 */
public final class VertxGaugeNotices extends TurboFilter {

  static final String REGISTRY_LOGGER = "io.micrometer.core.instrument.MeterRegistry";
  static final String VERTX_GAUGE_AGAIN = "This Gauge has been already registered (MeterId{name='vertx.";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return format != null && format.startsWith(VERTX_GAUGE_AGAIN) && REGISTRY_LOGGER.equals(logger.getName())
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
