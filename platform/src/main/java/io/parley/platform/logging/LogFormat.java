package io.parley.platform.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Picks the appender logback.xml writes to: {@code json} (one JSON object per line, {@link JsonLineEncoder})
 * when PARLEY_LOG_FORMAT is {@code json}, else {@code text}. Read from the environment because logging starts
 * before any configuration is loaded.
 */
public final class LogFormat extends PropertyDefinerBase {

  public static final String KEY = "PARLEY_LOG_FORMAT";

  @Override
  public String getPropertyValue() {
    return "json".equalsIgnoreCase(String.valueOf(System.getenv(KEY)).trim()) ? "json" : "text";
  }
}
