package io.parley.system;

import io.parley.auth.AuthConfig;
import io.parley.chat.ChatConfig;
import io.parley.gateway.GatewayConfig;
import io.parley.platform.ServiceLauncher;
import io.parley.search.SearchConfig;
import io.parley.standalone.StandaloneConfig;
import java.util.List;
import java.util.stream.Stream;

/** For each image of the Dockerfile: the jar it runs and the configuration keys that process reads. */
final class ServiceKeys {

  private ServiceKeys() {
  }

  static List<String> of(String target) {
    return switch (target) {
      case "auth-service" -> join(ServiceLauncher.KEYS, AuthConfig.KEYS);
      case "chat-service" -> join(ServiceLauncher.KEYS, ChatConfig.KEYS);
      case "presence-service" -> ServiceLauncher.KEYS;
      case "search-service" -> join(ServiceLauncher.KEYS, SearchConfig.KEYS);
      case "gateway" -> join(ServiceLauncher.KEYS, GatewayConfig.KEYS);
      case "parley" -> join(StandaloneConfig.KEYS, AuthConfig.KEYS, ChatConfig.KEYS, SearchConfig.KEYS,
          GatewayConfig.KEYS);
      default -> throw new AssertionError("no configuration keys are known for the image " + target);
    };
  }

  /** The jar, relative to the repository root, that Maven builds for an image. */
  static String jarOf(String target) {
    return target.equals("parley") ? "standalone/target/parley.jar" : target + "/target/" + target + ".jar";
  }

  @SafeVarargs
  private static List<String> join(List<String>... lists) {
    return Stream.of(lists).flatMap(List::stream).distinct().toList();
  }
}
