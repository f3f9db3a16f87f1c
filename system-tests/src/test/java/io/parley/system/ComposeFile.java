package io.parley.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docker-compose.yml as compose reads it: services, what each is built from, and the environment it gets. */
final class ComposeFile {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  /** One service; target is null for one that runs a published image (mongo, nginx...). */
  record Service(String name, String target, String context, Map<String, String> environment,
      List<String> dependsOn) {
  }

  private final Map<String, Service> services = new LinkedHashMap<>();

  private ComposeFile(Map<String, Object> document) {
    Map<String, Object> all = map(document.get("services"));
    all.forEach((name, value) -> services.put(name, service(name, map(value))));
  }

  static ComposeFile read(Path file) {
    try {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      return new ComposeFile(yaml.load(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Service> services() {
    return services;
  }

  /** The services built from this checkout, in the order compose lists them. */
  List<Service> built() {
    return services.values().stream().filter(service -> service.target() != null).toList();
  }

  /** A value as compose sees it after interpolation: ${NAME} and ${NAME:-default} from the shell's variables. */
  static String interpolate(String value, Map<String, String> shell) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String given = shell.get(matcher.group(1));
      String replacement = given != null && !given.isEmpty() ? given
          : matcher.group(3) != null ? matcher.group(3) : "";
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(result).toString();
  }

  private static Service service(String name, Map<String, Object> definition) {
    Object build = definition.get("build");
    String target = null;
    String context = null;
    if (build instanceof Map<?, ?> buildMap) {
      target = (String) buildMap.get("target");
      context = String.valueOf(buildMap.get("context"));
    } else if (build != null) {
      context = String.valueOf(build);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    Object env = definition.get("environment");
    if (env instanceof Map<?, ?> envMap) {
      envMap.forEach((key, value) -> environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
    } else if (env instanceof List<?> envList) {
      envList.forEach(entry -> {
        String[] pair = String.valueOf(entry).split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : "");
      });
    }
    Object depends = definition.get("depends_on");
    List<String> dependsOn = depends instanceof Map<?, ?> dependsMap
        ? dependsMap.keySet().stream().map(String::valueOf).toList()
        : depends instanceof List<?> dependsList ? dependsList.stream().map(String::valueOf).toList() : List.of();
    return new Service(name, target, context, environment, dependsOn);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }
}
