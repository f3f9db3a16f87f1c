package io.parley.chat;

import io.parley.contract.Addresses;
import io.parley.platform.ServiceLauncher;
import io.parley.platform.management.HealthProbe;

/** chat-service as its own clustered process: chat-service/target/chat-service.jar. */
public final class ChatServiceMain {

  private ChatServiceMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.run(ChatVerticle.SERVICE, ChatVerticle::new, 1,
        HealthProbe.inThisProcess(Addresses.CHAT_HEALTH));
  }
}
