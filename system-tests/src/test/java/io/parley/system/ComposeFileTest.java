package io.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.gateway.GatewayConfig;
import io.parley.platform.management.ManagementConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the root Dockerfile and deploy/ agree with each other and with the code, as far as can be
 * told without a Docker engine: what compose builds exists, what it sets is read, what the images copy is built.
 * {@link ComposeTopologyTest} then runs the same topology as processes.
 */
class ComposeFileTest {

  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final ComposeFile COMPOSE = ComposeFile.read(ROOT.resolve("docker-compose.yml"));
  private static final Dockerfile DOCKERFILE = Dockerfile.read(ROOT.resolve("Dockerfile"));
  /** What the Dockerfile builds: the service images compose runs, and the all-in-one image. */
  private static final List<String> IMAGES =
      List.of("auth-service", "chat-service", "presence-service", "search-service", "gateway", "parley");

  @Test
  void everyServiceComposeBuildsIsAStageOfTheOneRootDockerfile() {
    assertEquals(List.of("auth-service", "chat-service", "presence-service", "search-service", "gateway"),
        COMPOSE.built().stream().map(ComposeFile.Service::name).toList());
    for (ComposeFile.Service service : COMPOSE.built()) {
      assertEquals(".", service.context(), service.name() + " builds from the repository root");
      assertTrue(DOCKERFILE.hasStage(service.target()), service.name() + ": no stage " + service.target());
    }
    for (String module : modules()) {
      assertFalse(Files.exists(ROOT.resolve(module).resolve("Dockerfile")), module + " has a Dockerfile of its own");
    }
  }

  @Test
  void everyVariableComposeOrAnImageSetsIsOneTheServiceReads() {
    for (ComposeFile.Service service : COMPOSE.built()) {
      Set<String> unread = new TreeSet<>(service.environment().keySet());
      unread.addAll(DOCKERFILE.env(service.target()).keySet());
      unread.removeAll(ServiceKeys.of(service.target()));
      assertEquals(Set.of(), unread, service.name() + " is given variables it never reads");
    }
    Set<String> unread = new TreeSet<>(DOCKERFILE.env("parley").keySet());
    unread.removeAll(ServiceKeys.of("parley"));
    assertEquals(Set.of(), unread, "the all-in-one image is given variables it never reads");
  }

  @Test
  void theBuildStageReadsEveryModulePomAndEachImageRunsAJarMavenBuilt() {
    Set<String> poms = DOCKERFILE.stage("build").copies.stream().map(Dockerfile.Copy::source)
        .collect(Collectors.toSet());
    for (String module : modules()) {
      assertTrue(poms.contains(module + "/pom.xml"), "the build stage does not copy " + module + "/pom.xml first");
    }
    for (String image : IMAGES) {
      List<Dockerfile.Copy> jars = DOCKERFILE.copiesFrom(image, "build");
      assertEquals(1, jars.size(), image + " takes one jar from the build stage");
      assertEquals("/src/" + ServiceKeys.jarOf(image), jars.get(0).source());
      assertTrue(Files.isRegularFile(ROOT.resolve(ServiceKeys.jarOf(image))), "Maven builds " + jars.get(0).source());
      assertEquals("/app/app.jar", jars.get(0).destination(), "the jar the entry point starts");
    }
  }

  @Test
  void everyImageRunsAsAnUnprivilegedUserAndChecksItsOwnHealth() {
    for (String image : IMAGES) {
      String user = DOCKERFILE.user(image);
      assertNotNull(user, image + " runs as root");
      assertNotEquals("root", user);
      assertNotEquals("0", user);
      assertTrue(DOCKERFILE.healthcheck(image), image + " has no HEALTHCHECK");
      assertNotNull(DOCKERFILE.env(image).get(ManagementConfig.MANAGEMENT_PORT), "the health check's port");
    }
  }

  @Test
  void everyImageStartsFromACdsArchiveOfItsOwnJarMadeWithTheScriptInTheContext() throws Exception {
    for (String image : IMAGES) {
      assertTrue(DOCKERFILE.entrypoint(image).contains("\"-XX:SharedArchiveFile=/app/app.jsa\""), image);
      assertTrue(DOCKERFILE.stage(image).runs.stream()
              .anyMatch(run -> run.startsWith("parley-cds-archive /app/app.jar /app/app.jsa ||")),
          image + " makes the archive of the jar it copied, and builds without one if it cannot");
    }
    List<Dockerfile.Copy> script = DOCKERFILE.stage("runtime").copies.stream()
        .filter(copy -> copy.fromStage() == null).toList();
    assertEquals(List.of(new Dockerfile.Copy(null, "scripts/cds-archive.sh", "/usr/local/bin/parley-cds-archive")),
        script);
    assertTrue(Files.isExecutable(ROOT.resolve("scripts/cds-archive.sh")));
    assertTrue(Files.readAllLines(ROOT.resolve(".dockerignore")).contains("!scripts/cds-archive.sh"),
        "the build context holds the script");
  }

  @Test
  void prometheusScrapesEveryServiceOnItsManagementPort() throws Exception {
    Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
    Map<String, String> targets = new HashMap<>();
    for (Object job : (List<?>) config.get("scrape_configs")) {
      Map<?, ?> dns = (Map<?, ?>) ((List<?>) ((Map<?, ?>) job).get("dns_sd_configs")).get(0);
      targets.put(String.valueOf(((Map<?, ?>) job).get("job_name")), ((List<?>) dns.get("names")).get(0) + ":"
          + dns.get("port"));
    }
    Map<String, String> expected = new HashMap<>();
    for (ComposeFile.Service service : COMPOSE.built()) {
      expected.put(service.name(), service.name() + ":"
          + DOCKERFILE.env(service.target()).get(ManagementConfig.MANAGEMENT_PORT));
    }
    assertEquals(expected, targets);
  }

  @Test
  void nginxBalancesOverTheGatewaysWhereTheyListenAndLooksThemUpAgain() throws Exception {
    String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
    String port = COMPOSE.services().get("gateway").environment().get(GatewayConfig.HTTP_PORT);
    assertTrue(nginx.contains("server gateway:" + port + " resolve"), "the upstream is the gateways' port");
    assertTrue(nginx.contains("resolver 127.0.0.11 valid=5s"), "Docker's DNS, asked again every 5 s");
    assertTrue(nginx.contains("proxy_set_header Upgrade $http_upgrade;"), "WebSocket upgrades pass");
  }

  @Test
  void theDashboardQueriesTheProvisionedPrometheus() throws Exception {
    Map<String, Object> datasources = new Yaml().load(Files.readString(
        ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")));
    Object uid = ((Map<?, ?>) ((List<?>) datasources.get("datasources")).get(0)).get("uid");
    List<JsonObject> panels = dashboardPanels(ROOT);
    assertFalse(panels.isEmpty());
    for (JsonObject panel : panels) {
      assertEquals(uid, panel.getJsonObject("datasource").getString("uid"), panel.getString("title"));
      assertFalse(panel.getJsonArray("targets").isEmpty(), panel.getString("title") + " has no query");
    }
  }

  /** Every panel of every provisioned dashboard, rows' panels included. */
  static List<JsonObject> dashboardPanels(Path root) throws Exception {
    List<JsonObject> panels = new ArrayList<>();
    try (var files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        new JsonObject(Files.readString(file)).getJsonArray("panels").forEach(panel -> {
          JsonObject p = (JsonObject) panel;
          if ("row".equals(p.getString("type"))) {
            p.getJsonArray("panels", new JsonArray()).forEach(inner -> panels.add((JsonObject) inner));
          } else {
            panels.add(p);
          }
        });
      }
    }
    return panels;
  }

  private static List<String> modules() {
    try {
      Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
      List<String> modules = new ArrayList<>();
      while (module.find()) {
        modules.add(module.group(1));
      }
      return modules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
