package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Behind a trusted balancer, logins are throttled per client by the address the balancer appended. */
@ExtendWith(VertxExtension.class)
class ForwardedForThrottleTest {

  @Test
  void theBalancersLastHopIsTheClientAndEarlierHopsAreIgnored(Vertx vertx) {
    JsonObject config = new JsonObject()
        .put("PARLEY_TRUST_FORWARDED_FOR", true)
        .put("PARLEY_LOGIN_FAILURES_PER_ADDRESS", 3);
    try (ParleyStack parley = ParleyStack.start(vertx, config)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(401, login(parley, "nobody" + i, "1.1.1.1, 203.0.113.7").status());
      }
      RestClient.Reply throttled = login(parley, "nobody-else", "203.0.113.7");
      assertEquals(429, throttled.status());
      assertEquals("rate_limited", throttled.code());

      assertEquals(401, login(parley, "another", "203.0.113.8").status(), "another client is not throttled");
      assertEquals(401, login(parley, "spoofing", "203.0.113.7, 203.0.113.9").status(),
          "what the client wrote before the balancer's entry does not count");
    }
  }

  private static RestClient.Reply login(ParleyStack parley, String username, String forwardedFor) {
    return parley.rest().send(HttpMethod.POST, "/api/login", null,
        new JsonObject().put("username", username).put("password", "wrong-password-123").encode(),
        Map.of("X-Forwarded-For", forwardedFor));
  }
}
