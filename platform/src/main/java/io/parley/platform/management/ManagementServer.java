package io.parley.platform.management;

import io.parley.platform.StartupFailure;
import io.parley.platform.ProcessIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' port of a process (PARLEY_MANAGEMENT_PORT): {@code GET /metrics} in Prometheus' text format,
 * from the Micrometer registry Vert.x feeds (Vert.x, JVM and Parley's own meters), and {@code GET /health},
 * 200 or 503 with what the process's {@link HealthProbe} found. Nothing else, and nothing of it on the public
 * port.
 */
public final class ManagementServer {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final HealthProbe health;

  private ManagementServer(Vertx vertx, HealthProbe health) {
    this.vertx = vertx;
    this.health = health;
  }

  /** Starts it when the configuration asks for it; answers the listening server, or null when it is off. */
  public static Future<HttpServer> start(Vertx vertx, JsonObject config, HealthProbe health) {
    ManagementConfig settings;
    try {
      settings = ManagementConfig.from(config).orElse(null);
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
    if (settings == null) {
      return Future.succeededFuture();
    }
    ManagementServer server = new ManagementServer(vertx, health);
    return vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port()))
        .requestHandler(server::handle)
        .listen()
        .recover(failure -> Future.failedFuture(new IllegalStateException("cannot serve management on "
            + settings.host() + ":" + settings.port() + ": " + StartupFailure.describe(failure))))
        .onSuccess(listening -> LOG.info("management (/metrics, /health) on http://{}:{}", settings.host(),
            listening.actualPort()));
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).end();
    } else if ("/metrics".equals(request.path())) {
      // Rendering every meter took about 20 ms a scrape under load (docs/BENCHMARKS.md, eighteenth round):
      // a worker does it, not the event loop.
      vertx.executeBlocking(() -> Metrics.registry().scrape(), false).onComplete(scraped -> {
        if (scraped.succeeded()) {
          request.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(scraped.result());
        } else {
          LOG.warn("cannot render the metrics: {}", scraped.cause().toString());
          request.response().setStatusCode(503).end();
        }
      });
    } else if ("/health".equals(request.path())) {
      health.check(vertx).onComplete(done -> {
        JsonObject checks = done.succeeded() ? done.result() : new JsonObject();
        boolean up = done.succeeded() && HealthProbe.allUp(checks);
        request.response()
            .setStatusCode(up ? 200 : 503)
            .putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store")
            .end(new JsonObject()
                .put("status", up ? "up" : "down")
                .put("service", ProcessIdentity.service())
                .put("instance", ProcessIdentity.instance())
                .put("checks", checks)
                .encode());
      });
    } else {
      request.response().setStatusCode(404).end();
    }
  }
}
