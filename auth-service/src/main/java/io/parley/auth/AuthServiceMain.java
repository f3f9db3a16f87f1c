package io.parley.auth;

import io.parley.platform.ServiceLauncher;

/** auth-service as its own clustered process: auth-service/target/auth-service.jar. */
public final class AuthServiceMain {

  private AuthServiceMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(AuthVerticle.SERVICE, AuthVerticle::new, 1);
  }
}
