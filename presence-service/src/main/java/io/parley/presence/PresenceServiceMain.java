package io.parley.presence;

import io.parley.platform.ServiceLauncher;

/** presence-service as its own clustered process: presence-service/target/presence-service.jar. */
public final class PresenceServiceMain {

  private PresenceServiceMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(PresenceVerticle.SERVICE, PresenceVerticle::new, 1);
  }
}
