package io.parley.auth;

import io.parley.contract.Addresses;
import io.parley.platform.ServiceLauncher;
import io.parley.platform.management.HealthProbe;

/** auth-service as its own clustered process: auth-service/target/auth-service.jar. */
public final class AuthServiceMain {

  private AuthServiceMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(AuthVerticle.SERVICE, AuthVerticle::new, 1,
        HealthProbe.inThisProcess(Addresses.AUTH_HEALTH));
  }
}
