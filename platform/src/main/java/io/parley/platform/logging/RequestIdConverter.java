package io.parley.platform.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %requestId} in a text pattern: " [id]" while a request is being served, else nothing. */
public final class RequestIdConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    String id = RequestIds.current();
    return id == null ? "" : " [" + id + "]";
  }
}
