package io.parley.gateway;

import io.parley.platform.ServiceLauncher;

/** The gateway as its own clustered process: gateway/target/gateway.jar. */
public final class GatewayMain {

  private GatewayMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(GatewayVerticle.SERVICE, GatewayVerticle::new, 1);
  }
}
