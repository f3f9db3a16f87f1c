package io.parley.search;

import io.parley.contract.Addresses;
import io.parley.platform.ServiceLauncher;
import io.parley.platform.management.HealthProbe;

/** search-service as its own clustered process: search-service/target/search-service.jar. */
public final class SearchServiceMain {

  private SearchServiceMain() {
  }

  public static void main(String[] args) {
    // One verticle per process: the index folder is written by one writer.
    ServiceLauncher.run(SearchVerticle.SERVICE, SearchVerticle::new, 1,
        HealthProbe.inThisProcess(Addresses.SEARCH_HEALTH));
  }
}
