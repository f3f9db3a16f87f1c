package io.parley.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.EmbeddedStore;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The launcher's own settings: the embedded store's cache, as an environment variable gives it or not at all. */
class StandaloneConfigTest {

  private static int cacheOf(Object value) {
    return StandaloneConfig.from(new JsonObject().put(StandaloneConfig.STORE_CACHE_MB, value), false)
        .storeCacheMegabytes();
  }

  @Test
  void theStoreCacheIsTheDefaultUnlessSet() {
    assertEquals(EmbeddedStore.DEFAULT_CACHE_MB, StandaloneConfig.from(new JsonObject(), false).storeCacheMegabytes());
    assertEquals(EmbeddedStore.DEFAULT_CACHE_MB, cacheOf(" "));
  }

  @Test
  void theStoreCacheTakesAWholeNumberOfMegabytes() {
    assertEquals(256, cacheOf(256));
    assertEquals(64, cacheOf("64"));
    assertEquals(64, cacheOf(new BigInteger("64")), "what vertx-config's environment store makes of 64");
    assertEquals(4, cacheOf(" 4 "));
  }

  @Test
  void anythingElseIsRefusedWithTheSettingsName() {
    for (Object wrong : new Object[] {"lots", "0", "3", -5, "1.5", new BigDecimal("64.0"), true, 70_000}) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cacheOf(wrong));
      assertTrue(refused.getMessage().startsWith("PARLEY_STORE_CACHE_MB must be a whole number of megabytes from 4"),
          refused.getMessage());
    }
  }
}
