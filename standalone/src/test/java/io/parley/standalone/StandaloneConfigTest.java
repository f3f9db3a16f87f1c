package io.parley.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.EmbeddedStore;
import io.vertx.core.json.JsonObject;
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
  }

  @Test
  void anythingElseIsRefusedWithTheSettingsName() {
    for (Object wrong : new Object[] {"lots", "0", -5, "1.5", 70_000}) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cacheOf(wrong));
      assertTrue(refused.getMessage().startsWith("PARLEY_STORE_CACHE_MB must be a whole number of megabytes"),
          refused.getMessage());
    }
  }
}
