package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.NamedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every directory under {@code testdata/scenarios/} is one case run through the real CLI. It holds
 * {@code old.*} and {@code new.*} zone files, or a Terraform plan {@code plan.json}; an optional
 * {@code rules.yaml} (layered on the default pack); for live mode a {@code live.*} snapshot (or
 * {@code live-*.zone} files, one per server); and {@code expected.yaml}:
 *
 * <ul>
 *   <li>{@code verdict} and {@code fires}: the exact set of rule ids that report at each severity,
 *       {@code {block: [..], warn: [..], info: [..]}} (a severity with none left out; {@code {}} is
 *       no finding at all), read from the JSON report's {@code findings[].rule} and
 *       {@code severity}, allowed findings included. A spurious extra finding fails the case.
 *   <li>{@code format}: master, octodns, route53 or terraform; by default inferred from the file
 *       names ({@code plan.json} terraform, {@code *.yaml}/{@code *.yml} octodns, {@code *.json}
 *       route53, anything else master). Given, it is passed on: {@code --format-in} to diff,
 *       {@code format:} in the zone's config entry to check.
 *   <li>{@code mode}: {@code diff} (default) runs {@code zonegate diff OLD NEW}, or
 *       {@code zonegate terraform plan.json}. {@code check} builds a git repository: a base commit
 *       with a {@code zonegate.yaml} naming the zone example.com. at
 *       {@code zones/example.com.EXT}, holding {@code old.*} (and {@code rules.yaml} as
 *       {@code rules/scenario.yaml}, listed under {@code rules:}), then a head commit with
 *       {@code new.*} in its place, and runs {@code zonegate check --repo DIR --base BASE}.
 *       {@code live} is check with the zone's {@code live:} source: {@code live.*} committed in
 *       base as {@code live/example.com.EXT} and named as its {@code snapshot:} (without a
 *       {@code live.*} file the config names the snapshot all the same, and it is missing); with
 *       {@code live: query} each {@code live-*.zone} file is served by its own BIND {@code named}
 *       on 127.0.0.1 and the zone's source is {@code query:} those servers in file name order
 *       (the first, {@code live-1.zone}, is the one judged against; the case is skipped where
 *       named is not installed). With an {@code octodns.yaml} (an octoDNS main config whose
 *       YamlProvider reads {@code ./config}), check runs {@code --octodns-config} with it as
 *       {@code config/production.yaml}, {@code old.yaml} and {@code new.yaml} as
 *       {@code config/example.com.yaml}, judged against base.
 *   <li>{@code exit}: by default 1 for a block verdict, else 0. {@code exit: 2} (could not decide)
 *       takes no verdict and no fires, and optionally {@code error}: a text standard error must
 *       contain.
 *   <li>{@code args}: more arguments for the command; {@code changes}: how many changes the
 *       report lists.
 * </ul>
 */
class ScenarioTest {
  static final Path ROOT = Path.of("testdata/scenarios");

  /** The zone check and live modes configure. */
  static final String ZONE = "example.com.";

  /** What expected.yaml may say; anything else (a typo, the old {@code quiet}) fails the case. */
  static final List<String> KEYS =
      List.of("verdict", "fires", "format", "mode", "live", "args", "exit", "error", "changes");

  static final List<String> FORMATS = List.of("master", "octodns", "route53", "terraform");
  static final List<String> MODES = List.of("diff", "check", "live");
  static final List<String> SEVERITIES = List.of("block", "warn", "info");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT)) {
      s.filter(Files::isDirectory).sorted().forEach(dirs::add);
    }
    assertThat(dirs).as("scenario directories").isNotEmpty();
    return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
  }

  private static Path one(Path dir, String stem) throws IOException {
    List<Path> found = some(dir, stem);
    assertThat(found).as(stem + ".* in " + dir).hasSize(1);
    return found.get(0);
  }

  /** The files {@code stem.*} in {@code dir}, in name order. */
  private static List<Path> some(Path dir, String stem) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(stem + ".")).sorted().toList();
    }
  }

  private static String text(JsonNode expected, String key, String otherwise) {
    return expected.has(key) ? expected.get(key).asString() : otherwise;
  }

  /** The format a file's name implies, as zonegate infers it. */
  static String formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return "octodns";
    }
    return name.endsWith(".json") ? "route53" : "master";
  }

  /** {@code .zone} of {@code old.zone}: what follows the stem. */
  private static String extension(Path file) {
    String name = file.getFileName().toString();
    return name.substring(name.indexOf('.'));
  }

  /** A scenario's expected.yaml, its keys checked. */
  static JsonNode expected(Path dir) throws IOException {
    JsonNode expected = YAMLMapper.builder().build().readTree(dir.resolve("expected.yaml").toFile());
    assertThat(KEYS).as("keys of expected.yaml").containsAll(expected.propertyNames());
    return expected;
  }

  /** {@code exit: 2}: the command could not decide, and wrote no report. */
  static boolean undecided(JsonNode expected) {
    return expected.has("exit") && expected.get("exit").asInt() == 2;
  }

  void run(Path dir) throws Exception {
    JsonNode expected = expected(dir);
    Cli r = invoke(dir, expected, tmp);
    boolean undecided = undecided(expected);
    assertThat(expected.has("verdict") && expected.has("fires"))
        .as(undecided ? "exit 2 judges nothing: no verdict, no fires" : "verdict and fires are required")
        .isEqualTo(!undecided);
    if (!undecided) {
      assertThat(expected.has("error")).as("error: is for exit 2").isFalse();
    }
    String verdict = text(expected, "verdict", null);
    int exit = expected.has("exit") ? expected.get("exit").asInt() : "block".equals(verdict) ? 1 : 0;
    assertThat(r.exit()).as("exit code; stderr: " + r.err() + "\nstdout: " + r.out()).isEqualTo(exit);
    if (expected.has("error")) {
      assertThat(r.err()).as("standard error").contains(expected.get("error").asString());
    }
    if (undecided) {
      return;
    }
    JsonNode report = JsonMapper.builder().build().readTree(r.out());
    assertThat(report.get("verdict").asString()).as("verdict; findings: " + report.get("findings")).isEqualTo(verdict);
    assertThat(fired(report)).as("rules that fired, by severity; findings: " + report.get("findings")).isEqualTo(fires(expected));
    if (expected.has("changes")) {
      assertThat(report.get("changes").size()).as("changes: " + report.get("changes")).isEqualTo(expected.get("changes").asInt());
    }
  }

  /**
   * Runs the scenario's command as its {@code mode} and {@code format} say, with JSON output;
   * {@code tmp} holds the repositories check and live modes build.
   */
  static Cli invoke(Path dir, JsonNode expected, Path tmp) throws Exception {
    boolean plan = Files.exists(dir.resolve("plan.json"));
    String mode = text(expected, "mode", "diff");
    assertThat(MODES).as("mode").contains(mode);
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        assertThat(name).as("a file of a scenario")
            .matches("expected\\.yaml|rules\\.yaml|plan\\.json|octodns\\.yaml|(old|new|live|live-[^.]+)\\..+");
        if (name.equals("octodns.yaml")) {
          assertThat(mode).as(name + " is for check mode").isEqualTo("check");
        }
        if (name.startsWith("live")) {
          assertThat(mode).as(name + " is for live mode").isEqualTo("live");
        }
      }
    }
    String format = text(expected, "format", plan ? "terraform" : formatOf(one(dir, "new")));
    assertThat(FORMATS).as("format").contains(format);
    assertThat(format.equals("terraform")).as("format terraform is a plan.json, and only it").isEqualTo(plan);
    if (plan) {
      assertThat(mode).as("a Terraform plan is judged by zonegate terraform (mode diff)").isEqualTo("diff");
    }
    if (!mode.equals("live")) {
      assertThat(expected.has("live")).as("live: is for live mode").isFalse();
    }
    return mode.equals("diff") ? diff(dir, expected, format, plan) : check(dir, expected, format, mode.equals("live"), tmp);
  }

  /** {@code zonegate diff OLD NEW} or {@code zonegate terraform plan.json}. */
  static Cli diff(Path dir, JsonNode expected, String format, boolean plan) throws IOException {
    List<String> args = plan
        ? new ArrayList<>(List.of("terraform", dir.resolve("plan.json").toString(), "--format", "json"))
        : new ArrayList<>(List.of("diff", one(dir, "old").toString(), one(dir, "new").toString(), "--format", "json"));
    if (!plan && expected.has("format")) {
      args.addAll(List.of("--format-in", format));
    }
    if (Files.exists(dir.resolve("rules.yaml"))) {
      // A scenario pack layers on the default pack, as a project's own pack would.
      args.addAll(List.of("--rules", "rules/default.yaml", "--rules", dir.resolve("rules.yaml").toString()));
    }
    args.addAll(args(expected));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> args(JsonNode expected) {
    List<String> args = new ArrayList<>();
    for (JsonNode a : expected.path("args")) {
      args.add(a.asString());
    }
    return args;
  }

  /**
   * {@code zonegate check} on a repository built from the scenario: base holds the config,
   * {@code old.*} (and the live snapshot), head {@code new.*}.
   */
  static Cli check(Path dir, JsonNode expected, String format, boolean live, Path tmp) throws Exception {
    if (Files.exists(dir.resolve("octodns.yaml"))) {
      return checkOctoDns(dir, expected, tmp);
    }
    String stem = ZONE.substring(0, ZONE.length() - 1);
    Path old = one(dir, "old");
    String file = "zones/" + stem + extension(old);
    GitFixture git = GitFixture.init(tmp.resolve(dir.getFileName().toString()).resolve("repo"));
    StringBuilder config = new StringBuilder("zones:\n  - name: " + ZONE + "\n    file: " + file + "\n");
    if (expected.has("format")) {
      config.append("    format: ").append(format).append('\n');
    }
    List<NamedServer> servers = new ArrayList<>();
    try {
      if (live) {
        config.append("    live:\n").append(liveSource(dir, expected, stem, old, git, servers));
      }
      if (Files.exists(dir.resolve("rules.yaml"))) {
        put(git, "rules/scenario.yaml", dir.resolve("rules.yaml"));
        config.append("rules: [rules/scenario.yaml]\n");
      }
      git.write("zonegate.yaml", config.toString());
      put(git, file, old);
      String base = git.commit("base: as deployed");
      put(git, file, one(dir, "new"));
      git.commit("head: proposed");
      List<String> args = new ArrayList<>(List.of("check", "--repo", git.dir().toString(), "--base", base, "--format", "json"));
      args.addAll(args(expected));
      return Cli.run(Map.of(), "", args.toArray(String[]::new));
    } finally {
      for (NamedServer s : servers) {
        s.close();
      }
    }
  }

  /**
   * {@code zonegate check --octodns-config} on a repository of the scenario's octoDNS main config
   * ({@code octodns.yaml} as {@code config/production.yaml}, its YamlProvider's directory
   * {@code ./config}): base holds {@code old.yaml} as {@code config/example.com.yaml}, head
   * {@code new.yaml}; judged against base ({@code --live none}).
   */
  static Cli checkOctoDns(Path dir, JsonNode expected, Path tmp) throws Exception {
    GitFixture git = GitFixture.init(tmp.resolve(dir.getFileName().toString()).resolve("repo"));
    String file = "config/" + ZONE + "yaml";
    put(git, "config/production.yaml", dir.resolve("octodns.yaml"));
    put(git, file, one(dir, "old"));
    String base = git.commit("base: as deployed");
    put(git, file, one(dir, "new"));
    git.commit("head: proposed");
    List<String> args = new ArrayList<>(List.of("check", "--repo", git.dir().toString(), "--octodns-config",
        git.dir().resolve("config/production.yaml").toString(), "--live", "none", "--base", base, "--format", "json"));
    args.addAll(args(expected));
    return Cli.run(Map.of(), "", args.toArray(String[]::new));
  }

  /** The zone's {@code live:} entry (indented under it); writes the snapshot or starts the servers. */
  private static String liveSource(Path dir, JsonNode expected, String stem, Path old, GitFixture git,
      List<NamedServer> servers) throws Exception {
    String kind = text(expected, "live", "snapshot");
    if (kind.equals("query")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.getFileName().toString().startsWith("live-")).sorted().toList();
      }
      assertThat(files).as("live-*.zone files, one per server, in " + dir).isNotEmpty()
          .allMatch(p -> p.getFileName().toString().endsWith(".zone"));
      List<String> addresses = new ArrayList<>();
      for (Path f : files) {
        NamedServer s = NamedServer.builder().zone(ZONE, Files.readString(f)).build();
        servers.add(s);
        addresses.add("\"" + s.start().address() + "\"");
      }
      return "      query:\n        servers: [" + String.join(", ", addresses) + "]\n        timeout: 3\n";
    }
    assertThat(kind).as("live: snapshot or query").isEqualTo("snapshot");
    List<Path> snapshot;
    try (Stream<Path> s = Files.list(dir)) {
      snapshot = s.filter(p -> p.getFileName().toString().startsWith("live")).toList();
    }
    assertThat(snapshot).as("a snapshot scenario has at most one live.* file: " + snapshot).hasSizeLessThan(2);
    assertThat(snapshot).as("the snapshot is live.*").allMatch(p -> p.getFileName().toString().startsWith("live."));
    String path = "live/" + stem + extension(snapshot.isEmpty() ? old : snapshot.get(0));
    if (!snapshot.isEmpty()) {
      put(git, path, snapshot.get(0));
    }
    return "      snapshot: " + path + "\n";
  }

  /** Copies a scenario file into the repository byte for byte (a garbage file stays garbage). */
  private static void put(GitFixture git, String path, Path from) throws IOException {
    Path to = git.dir().resolve(path);
    Files.createDirectories(to.getParent());
    Files.write(to, Files.readAllBytes(from));
  }

  /** The report's findings as severity to the rule ids reporting at it (allowed findings too). */
  static Map<String, Set<String>> fired(JsonNode report) {
    Map<String, Set<String>> fired = new TreeMap<>();
    for (JsonNode f : report.get("findings")) {
      fired.computeIfAbsent(f.get("severity").asString(), k -> new TreeSet<>()).add(f.get("rule").asString());
    }
    return fired;
  }

  /** expected.yaml's {@code fires}: a map from severity to rule ids, every severity listed non-empty. */
  static Map<String, Set<String>> fires(JsonNode expected) {
    JsonNode fires = expected.get("fires");
    assertThat(fires.isObject()).as("fires is a map {block: [..], warn: [..], info: [..]}, not " + fires).isTrue();
    Map<String, Set<String>> want = new TreeMap<>();
    for (String severity : fires.propertyNames()) {
      assertThat(SEVERITIES).as("a severity in fires").contains(severity);
      JsonNode ids = fires.get(severity);
      assertThat(ids.isArray() && !ids.isEmpty()).as("fires." + severity + ": a non-empty list (leave an empty severity out)").isTrue();
      Set<String> set = new TreeSet<>();
      for (JsonNode id : ids) {
        assertThat(set.add(id.asString())).as("fires." + severity + " lists " + id + " twice").isTrue();
      }
      want.put(severity, set);
    }
    return want;
  }
}
