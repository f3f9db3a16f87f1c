package io.parley.presence;

import io.parley.contract.Addresses;
import io.parley.platform.ServiceLauncher;
import io.parley.platform.management.HealthProbe;

/** presence-service as its own clustered process: presence-service/target/presence-service.jar. */
public final class PresenceServiceMain {

  private PresenceServiceMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(PresenceVerticle.SERVICE, PresenceVerticle::new, 1,
        HealthProbe.inThisProcess(Addresses.PRESENCE_HEALTH));
  }
}
