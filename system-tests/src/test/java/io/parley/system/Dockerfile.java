package io.parley.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root Dockerfile as docker reads it, as far as the tests need: its stages, what each one is based on, and
 * the ENV, USER, HEALTHCHECK, COPY, RUN and ENTRYPOINT instructions of each, with what a stage inherits from the
 * stage it is based on.
 */
final class Dockerfile {

  private static final Pattern FROM = Pattern.compile("(?i)FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");
  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

  /** One COPY: from another stage (fromStage) or from the build context (fromStage null). */
  record Copy(String fromStage, String source, String destination) {
  }

  static final class Stage {
    final String name;
    final String base;
    final Map<String, String> env = new LinkedHashMap<>();
    final List<Copy> copies = new ArrayList<>();
    final List<String> runs = new ArrayList<>();
    String user;
    String entrypoint;
    boolean healthcheck;

    Stage(String name, String base) {
      this.name = name;
      this.base = base;
    }
  }

  private final Map<String, Stage> stages = new LinkedHashMap<>();

  static Dockerfile read(Path file) {
    try {
      return new Dockerfile(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Dockerfile(String text) {
    Stage current = null;
    for (String instruction : instructions(text)) {
      String keyword = instruction.split("\\s+", 2)[0].toUpperCase();
      String rest = instruction.substring(keyword.length()).trim();
      if (keyword.equals("FROM")) {
        Matcher from = FROM.matcher(instruction);
        if (!from.matches()) {
          throw new IllegalStateException("unreadable " + instruction);
        }
        String name = from.group(2) == null ? "stage-" + stages.size() : from.group(2);
        current = new Stage(name, from.group(1));
        stages.put(name, current);
      } else if (current != null) {
        switch (keyword) {
          case "ENV" -> {
            Matcher pair = ENV_PAIR.matcher(rest);
            while (pair.find()) {
              current.env.put(pair.group(1), pair.group(2).replace("\"", ""));
            }
          }
          case "USER" -> current.user = rest;
          case "HEALTHCHECK" -> current.healthcheck = !rest.equalsIgnoreCase("NONE");
          case "COPY" -> current.copies.add(copy(rest));
          case "RUN" -> current.runs.add(rest);
          case "ENTRYPOINT" -> current.entrypoint = rest;
          default -> { }
        }
      }
    }
  }

  /** Instructions with line continuations joined, comments and blank lines left out. */
  private static List<String> instructions(String text) {
    List<String> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        instructions.add(pending.append(trimmed).toString());
        pending.setLength(0);
      }
    }
    return instructions;
  }

  private static Copy copy(String arguments) {
    String fromStage = null;
    List<String> paths = new ArrayList<>();
    for (String word : arguments.split("\\s+")) {
      if (word.startsWith("--from=")) {
        fromStage = word.substring("--from=".length());
      } else if (!word.startsWith("--")) {
        paths.add(word);
      }
    }
    return new Copy(fromStage, paths.get(0), paths.get(paths.size() - 1));
  }

  boolean hasStage(String name) {
    return stages.containsKey(name);
  }

  Stage stage(String name) {
    return stages.get(name);
  }

  /** The stages this one is based on, nearest first, itself included. */
  List<Stage> lineage(String name) {
    List<Stage> lineage = new ArrayList<>();
    for (Stage stage = stages.get(name); stage != null; stage = stages.get(stage.base)) {
      lineage.add(stage);
    }
    return lineage;
  }

  /** The environment a container of this stage starts with, inherited ENV included. */
  Map<String, String> env(String name) {
    Map<String, String> env = new LinkedHashMap<>();
    List<Stage> lineage = lineage(name);
    for (int i = lineage.size() - 1; i >= 0; i--) {
      env.putAll(lineage.get(i).env);
    }
    return env;
  }

  String user(String name) {
    return lineage(name).stream().map(stage -> stage.user).filter(u -> u != null).findFirst().orElse(null);
  }

  String entrypoint(String name) {
    return lineage(name).stream().map(stage -> stage.entrypoint).filter(e -> e != null).findFirst().orElse(null);
  }

  boolean healthcheck(String name) {
    return lineage(name).stream().anyMatch(stage -> stage.healthcheck);
  }

  /** The files this stage takes from the build stage: the jars. */
  List<Copy> copiesFrom(String name, String fromStage) {
    return stages.get(name).copies.stream().filter(c -> fromStage.equals(c.fromStage())).toList();
  }
}
