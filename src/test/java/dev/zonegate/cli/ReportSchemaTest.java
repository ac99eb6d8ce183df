package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.report.JsonRenderer;
import dev.zonegate.report.Report;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import dev.zonegate.schema.Schemas;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON report's schema (SPEC §7) is a promise to the tools that read the report, so every
 * report the scenarios produce is checked against it. Every object in the schema is closed, so a
 * field the renderer gains or loses without the schema fails here. Each scenario is run as
 * {@link ScenarioTest} runs it, in its mode: diff, check or live.
 */
class ReportSchemaTest {
  @TempDir Path tmp;

  static final String SCHEMA = "report.schema.json";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TestFactory
  Stream<DynamicTest> everyScenarioReportMatchesTheSchema() throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(ScenarioTest.ROOT)) {
      s.filter(Files::isDirectory).sorted().forEach(dirs::add);
    }
    assertThat(dirs).as("scenario directories").isNotEmpty();
    return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> scenario(d)));
  }

  /** The scenario's command as ScenarioTest runs it, in its mode (diff, check or live) and format. */
  private void scenario(Path dir) throws Exception {
    JsonNode expected = ScenarioTest.expected(dir);
    if (ScenarioTest.undecided(expected)) {
      return; // a usage or input error writes no report
    }
    assertValid(dir.getFileName().toString(), ScenarioTest.invoke(dir, expected, tmp));
  }

  @Test
  void demoReportMatchesTheSchema() throws IOException {
    assertValid("demo", Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--format", "json"));
    // A Terraform plan: findings, changes and notices at resource addresses, a partial zone.
    Path plan = Files.createTempFile("zonegate-plan", ".json");
    try {
      Files.writeString(plan, TerraformCommandTest.EMPTIED);
      assertValid("terraform", Cli.run("terraform", plan.toString(), "--format", "json"));
    } finally {
      Files.deleteIfExists(plan);
    }
  }

  /**
   * What the scenarios may not reach: fingerprints, drift, a routing set id, a trailer allowance
   * with a reason, a change without a location and a reader notice.
   */
  @Test
  void everyOptionalPartMatchesTheSchema() throws IOException {
    String zone = "example.com.";
    Location at = new Location("zones/example.com.zone", 4);
    RRset before = new RRset(new RRsetKey("www." + zone, "A", "eu-west"), 60, List.of("192.0.2.1"), at);
    RRset after = new RRset(new RRsetKey("www." + zone, "A", "eu-west"), 300, List.of("192.0.2.2"), at);
    RRset gone = new RRset(RRsetKey.of("old." + zone, "AAAA"), 60, List.of("2001:db8::1"), null);
    Finding allowed = new Finding("address-emptied", Severity.BLOCK, zone, "old." + zone, "AAAA", "emptied",
        List.of("2001:db8::1"), List.of(), null, true, new Allowance("trailer", "commit abc by a", "planned"));
    Finding zoneWide = new Finding("zone-emptied", Severity.WARN, zone, null, null, "m", null, null, at, false, null);
    Report r = new Report(Outcome.PASS, List.of(zone, "empty.test."),
        List.of(new Change(zone, before, after, true), new Change(zone, gone, null)),
        List.of(allowed, zoneWide), Map.of(), List.of(new Notice(at, "mixed TTLs")))
        .withFingerprints(Map.of(zone, new Report.Fingerprints("sha256:" + "0".repeat(64), null)));
    JsonNode node = render(r);
    assertThat(errors(node)).isEmpty();
    // Sorted: old. before www.; only the routing set carries a setId and a location.
    assertThat(node.get("changes").get(1).get("setId").asString()).isEqualTo("eu-west");
    assertThat(node.get("changes").get(0).has("location")).isFalse();
  }

  /** Proof the schema is closed and strict, not just permissive enough to pass. */
  @Test
  void driftFromTheRendererIsCaught() throws IOException {
    Report r = new Report(Outcome.BLOCK, List.of("example.com."), List.of(), List.of(), Map.of(), List.of());
    ObjectNode extra = (ObjectNode) render(r);
    extra.put("surprise", true);
    assertThat(errors(extra)).isNotEmpty();
    ObjectNode missing = (ObjectNode) render(r);
    missing.remove("notices");
    assertThat(errors(missing)).isNotEmpty();
    ObjectNode badPrint = (ObjectNode) render(r);
    ((ObjectNode) badPrint.get("zones").get(0)).put("liveFingerprint", "md5:abc");
    assertThat(errors(badPrint)).isNotEmpty();
    ObjectNode dated = (ObjectNode) render(r);
    dated.put("generatedAt", "2025-01-02T03:04:05Z");
    assertThat(errors(dated)).as("generatedAt is allowed").isEmpty();
  }

  @Test
  void docsCopyIsTheShippedSchema() throws IOException {
    byte[] shipped = Files.readAllBytes(Path.of("src/main/resources/dev/zonegate/schema", SCHEMA));
    byte[] docs = Files.readAllBytes(Path.of("docs", SCHEMA));
    assertThat(docs).as("docs/" + SCHEMA + " must be a copy of the shipped schema").isEqualTo(shipped);
  }

  private static void assertValid(String name, Cli r) {
    assertThat(r.exit()).as(name + ": exit; stderr: " + r.err()).isIn(0, 1);
    JsonNode report = JSON.readTree(r.out());
    List<Error> errs = errors(report);
    assertThat(errs).as(name + ": report does not match " + SCHEMA + ": "
        + errs.stream().limit(5).map(e -> e.getInstanceLocation() + " " + Schemas.message(e)).toList()).isEmpty();
  }

  private static List<Error> errors(JsonNode node) {
    return Schemas.validate(SCHEMA, node);
  }

  private static JsonNode render(Report r) throws IOException {
    StringWriter w = new StringWriter();
    new JsonRenderer().render(r, w);
    return JSON.readTree(w.toString());
  }
}
