package io.parley.bench.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ceiling asked for any free port (0) binds one, shared by a server per event loop, and answers it. */
class CeilingServerTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void portZeroBindsOneFreePortForEveryServer() throws Exception {
    int port = new CeilingServer(vertx, null).listen("127.0.0.1", 0, 4)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertTrue(port > 0, "the port bound: " + port);
    HttpClient client = vertx.createHttpClient();
    for (int i = 0; i < 8; i++) {
      HttpClientResponse health = client.request(HttpMethod.GET, port, "127.0.0.1", "/health")
          .compose(request -> request.send())
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertEquals(200, health.statusCode());
    }
  }
}
