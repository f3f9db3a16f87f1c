package io.parley.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.parley.platform.logging.JsonLineEncoder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Lines of one logger as JSON lines, encoded as they are logged (the request id is read then). */
final class CapturedLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final List<JsonObject> lines = new CopyOnWriteArrayList<>();
  private final JsonLineEncoder encoder = new JsonLineEncoder();
  private final Logger logger;
  private final Level level;

  private CapturedLines(Logger logger) {
    this.logger = logger;
    this.level = logger.getLevel();
  }

  static CapturedLines of(String loggerName) {
    CapturedLines captured = new CapturedLines((Logger) LoggerFactory.getLogger(loggerName));
    captured.setContext(captured.logger.getLoggerContext());
    captured.start();
    captured.logger.addAppender(captured);
    captured.logger.setLevel(Level.INFO);
    return captured;
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(new JsonObject(new String(encoder.encode(event), StandardCharsets.UTF_8)));
  }

  JsonObject await(Predicate<JsonObject> wanted) {
    return Eventually.poll(() -> lines.stream().filter(wanted).findFirst(), Optional::isPresent, 10_000)
        .orElseThrow(() -> new AssertionError("no such line among " + lines));
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    logger.setLevel(level);
    stop();
  }
}
