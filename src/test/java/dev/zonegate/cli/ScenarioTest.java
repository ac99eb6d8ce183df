package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every directory under {@code testdata/scenarios/} is one case run through the real CLI:
 * {@code old.*} and {@code new.*} zone files ({@code zonegate diff}), or a Terraform plan
 * {@code plan.json} ({@code zonegate terraform}), an optional {@code rules.yaml} (merged over the
 * default pack), and {@code expected.yaml} with {@code verdict} and {@code fires}: the exact set of
 * rule ids that report at each severity, {@code {block: [..], warn: [..], info: [..]}} (a
 * severity with none left out; {@code {}} is no finding at all), so a spurious extra finding
 * fails the case. Optionally {@code args}, {@code exit} and {@code changes} (how many changes the
 * report lists).
 */
class ScenarioTest {
  static final Path ROOT = Path.of("testdata/scenarios");

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
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(stem + ".")).toList();
      assertThat(found).as(stem + ".* in " + dir).hasSize(1);
      return found.get(0);
    }
  }

  static void run(Path dir) throws IOException {
    JsonNode expected = YAMLMapper.builder().build().readTree(dir.resolve("expected.yaml").toFile());
    assertThat(KEYS).as("keys of expected.yaml").containsAll(expected.propertyNames());
    List<String> args = Files.exists(dir.resolve("plan.json"))
        ? new ArrayList<>(List.of("terraform", dir.resolve("plan.json").toString(), "--format", "json"))
        : new ArrayList<>(List.of("diff", one(dir, "old").toString(), one(dir, "new").toString(), "--format", "json"));
    if (Files.exists(dir.resolve("rules.yaml"))) {
      // A scenario pack layers on the default pack, as a project's own pack would.
      args.addAll(List.of("--rules", "rules/default.yaml", "--rules", dir.resolve("rules.yaml").toString()));
    }
    for (JsonNode a : expected.path("args")) {
      args.add(a.asString());
    }
    Cli r = Cli.run(args.toArray(String[]::new));
    String verdict = expected.get("verdict").asString();
    int exit = expected.has("exit") ? expected.get("exit").asInt() : verdict.equals("block") ? 1 : 0;
    assertThat(r.exit()).as("exit code; stderr: " + r.err() + "\nstdout: " + r.out()).isEqualTo(exit);
    if (exit == 2) {
      return;
    }
    JsonNode report = JsonMapper.builder().build().readTree(r.out());
    assertThat(report.get("verdict").asString()).as("verdict; findings: " + report.get("findings")).isEqualTo(verdict);
    assertThat(fired(report)).as("rules that fired, by severity; findings: " + report.get("findings")).isEqualTo(fires(expected));
    if (expected.has("changes")) {
      assertThat(report.get("changes").size()).as("changes: " + report.get("changes")).isEqualTo(expected.get("changes").asInt());
    }
  }

  /** What expected.yaml may say; anything else (a typo, the old {@code quiet}) fails the case. */
  static final List<String> KEYS = List.of("verdict", "fires", "args", "exit", "changes");

  static final List<String> SEVERITIES = List.of("block", "warn", "info");

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
    assertThat(fires).as("fires: a map from severity to rule ids ({} for none)").isNotNull();
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
