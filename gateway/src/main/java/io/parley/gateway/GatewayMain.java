package io.parley.gateway;

import io.parley.contract.Addresses;
import io.parley.platform.ServiceLauncher;
import io.parley.platform.management.HealthProbe;

/** The gateway as its own clustered process: gateway/target/gateway.jar. */
public final class GatewayMain {

  private GatewayMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(GatewayVerticle.SERVICE, GatewayVerticle::new, 1, HealthProbe.inTheCluster(
        Addresses.AUTH_HEALTH, Addresses.CHAT_HEALTH, Addresses.PRESENCE_HEALTH));
  }
}
