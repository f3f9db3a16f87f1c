package io.parley.platform.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The encoder of logback.xml's one appender: JSON lines ({@link JsonLineEncoder}) when PARLEY_LOG_FORMAT is
 * {@code json}, else text in the configured pattern. Read from the environment, as logging starts before any
 * configuration is loaded.
 */
public final class LogFormat extends EncoderBase<ILoggingEvent> {

  public static final String KEY = "PARLEY_LOG_FORMAT";

  private String pattern;
  private Encoder<ILoggingEvent> chosen;

  /** The text pattern, from logback.xml. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    if ("json".equalsIgnoreCase(String.valueOf(System.getenv(KEY)).trim())) {
      chosen = new JsonLineEncoder();
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(pattern);
      chosen = text;
    }
    chosen.setContext(getContext());
    chosen.start();
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return chosen.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return chosen.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return chosen.footerBytes();
  }
}
