package dev.zonegate.report;

import static dev.zonegate.report.MachineFormatsFixture.COM_FILE;
import static dev.zonegate.report.MachineFormatsFixture.containsEach;
import static dev.zonegate.report.MachineFormatsFixture.containsNone;
import static dev.zonegate.report.MachineFormatsFixture.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SarifRendererTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The official OASIS schema (src/test/resources/sarif/README.md), read from the test classpath
   * so the test runs offline. The file declares draft-04, which the validator honours; the default
   * dialect only matters for schemas that declare none. Formats (uri, date-time) are asserted.
   */
  static final Schema SARIF = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
          b -> b.schemaRegistryConfig(
              SchemaRegistryConfig.builder().locale(Locale.ENGLISH).formatAssertionsEnabled(true).build()))
      .getSchema(SchemaLocation.of("classpath:sarif/sarif-schema-2.1.0.json"));

  final SarifRenderer renderer = new SarifRenderer("1.2.3");

  static JsonNode valid(String sarif) {
    JsonNode doc = JSON.readTree(sarif);
    List<Error> errors = SARIF.validate(doc);
    assertThat(errors).as("schema errors").isEmpty();
    return doc;
  }

  static JsonNode result(JsonNode results, String ruleId, String messagePart) {
    for (JsonNode r : results) {
      if (r.get("ruleId").asString().equals(ruleId) && r.at("/message/text").asString().contains(messagePart)) {
        return r;
      }
    }
    throw new AssertionError("no result " + ruleId + " " + messagePart);
  }

  @Test
  void validatesAgainstTheOfficialSchema() throws Exception {
    JsonNode doc = valid(render(renderer, MachineFormatsFixture.report()));
    assertThat(doc.get("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(doc.get("version").asString()).isEqualTo("2.1.0");
    assertThat(doc.get("runs")).hasSize(1);
    JsonNode driver = doc.at("/runs/0/tool/driver");
    assertThat(driver.get("name").asString()).isEqualTo("zonegate");
    assertThat(driver.get("version").asString()).isEqualTo("1.2.3");
    assertThat(driver.get("semanticVersion").asString()).isEqualTo("1.2.3");
  }

  @Test
  void resourceAddressesAreLogicalLocationsThatValidate() throws Exception {
    // A Terraform plan's findings and notices have no file and line: a resource address.
    Location address = Location.address("module.dns.aws_route53_record.db[\"us-east-1\"]");
    Finding f = new Finding("address-emptied", Severity.BLOCK, "example.com.",
        "db.example.com.", "A", "emptied", List.of("52.94.236.248"), List.of(), address, true, null);
    Report r = new Report(Outcome.BLOCK, List.of("example.com."), List.of(), List.of(f), Map.of("address-emptied", "x"),
        List.of(new Notice(Location.address("aws_route53_zone.old"), "the plan deletes this DNS zone")));
    JsonNode doc = valid(render(renderer, r));
    JsonNode loc = doc.at("/runs/0/results/0/locations/0");
    assertThat(loc.has("physicalLocation")).isFalse();
    assertThat(loc.at("/logicalLocations/0/fullyQualifiedName").asString()).isEqualTo("module.dns.aws_route53_record.db[\"us-east-1\"]");
    assertThat(loc.at("/logicalLocations/0/kind").asString()).isEqualTo("resource");
    assertThat(doc.at("/runs/0/invocations/0/toolExecutionNotifications/0/locations/0/logicalLocations/0/fullyQualifiedName").asString())
        .isEqualTo("aws_route53_zone.old");
  }

  @Test
  void theValidatorDoesRejectBrokenSarif() throws Exception {
    // Guards the guard: a schema that failed to load or a validator that accepts anything would
    // make the other tests pass for nothing.
    ObjectNode doc = (ObjectNode) JSON.readTree(render(renderer, MachineFormatsFixture.report()));
    ((ObjectNode) doc.at("/runs/0/results/0")).put("level", "fatal");
    ((ObjectNode) doc.at("/runs/0/results/1/locations/0/physicalLocation/region")).put("startLine", 0);
    assertThat(SARIF.validate(doc)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void listsEveryRuleAndEveryFinding() throws Exception {
    JsonNode run = valid(render(renderer, MachineFormatsFixture.report())).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    // Every rule that ran, sorted, plus soa-serial which reported without a description.
    assertThat(rules).extracting(r -> r.get("id").asString()).containsExactly(
        "address-emptied", "change-threshold", "critical-endpoint", "dnssec-change", "soa-serial", "ttl-guard");
    JsonNode emptied = rules.get(0);
    assertThat(emptied.at("/shortDescription/text").asString()).isEqualTo("A name loses its last address.");
    assertThat(emptied.at("/fullDescription/text").asString())
        .isEqualTo("A name loses its last address. Clients get NXDOMAIN or NODATA.");
    assertThat(emptied.at("/help/text").asString()).contains("Zonegate-Allow: address-emptied");
    assertThat(emptied.at("/defaultConfiguration/level").asString()).isEqualTo("error");
    assertThat(rules.get(3).has("defaultConfiguration")).isFalse(); // dnssec-change reported nothing

    JsonNode results = run.get("results");
    assertThat(results).hasSize(6); // allowed ones included
    for (JsonNode r : results) {
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asString()).isEqualTo(r.get("ruleId").asString());
      String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asString();
      assertThat(uri).isNotEmpty().doesNotStartWith("./").doesNotStartWith("/").doesNotContain("\\");
      assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(r.at("/partialFingerprints/zonegate~1v1").asString()).matches("[0-9a-f]{64}");
    }

    JsonNode located = result(results, "address-emptied", "api.example.com.");
    assertThat(located.get("level").asString()).isEqualTo("error");
    assertThat(located.at("/message/text").asString())
        .startsWith("api.example.com. A: all addresses of api.example.com. are replaced")
        .contains("[192.0.2.1] → [192.0.2.9]", "Zonegate-Allow: address-emptied:api.example.com.");
    assertThat(located.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo(COM_FILE);
    assertThat(located.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(12);
    assertThat(located.has("suppressions")).isFalse();

    JsonNode deleted = result(results, "address-emptied", "old.example.com.");
    assertThat(deleted.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo(COM_FILE);
    assertThat(deleted.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);

    JsonNode allowed = result(results, "critical-endpoint", "");
    assertThat(allowed.get("level").asString()).isEqualTo("error");
    assertThat(allowed.at("/suppressions/0/kind").asString()).isEqualTo("external");
    assertThat(allowed.at("/suppressions/0/justification").asString())
        .isEqualTo("commit 0123abc by Ann (planned migration)");

    JsonNode warning = result(results, "ttl-guard", "");
    assertThat(warning.get("level").asString()).isEqualTo("warning");
    assertThat(warning.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
        .isEqualTo("zones/example.net.zone");

    JsonNode note = result(results, "change-threshold", "");
    assertThat(note.get("level").asString()).isEqualTo("note");
    assertThat(note.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("example.org.");
  }

  @Test
  void fingerprintsMatchTheCodeQualityReport() throws Exception {
    JsonNode sarif = valid(render(renderer, MachineFormatsFixture.report()));
    JsonNode cq = JSON.readTree(render(new CodeQualityRenderer(), MachineFormatsFixture.report()));
    for (JsonNode issue : cq) {
      boolean found = false;
      for (JsonNode r : sarif.at("/runs/0/results")) {
        found |= r.at("/partialFingerprints/zonegate~1v1").asString().equals(issue.get("fingerprint").asString());
      }
      assertThat(found).as("SARIF result for %s", issue.get("description")).isTrue();
    }
  }

  @Test
  void hostileDataValidatesAndIsInert() throws Exception {
    String sarif = render(renderer, MachineFormatsFixture.hostile());
    JsonNode doc = valid(sarif);
    JsonNode results = doc.at("/runs/0/results");
    assertThat(results).hasSize(3);
    for (JsonNode r : results) {
      String text = r.at("/message/text").asString();
      assertThat(text.chars().allMatch(c -> c >= 0x20 || c == '\n')).as("message is printable").isTrue();
      containsNone(text, "\ufffe", "\ud800", "\u202e");
    }
    JsonNode emptied = result(results, "address-emptied", "");
    containsEach(emptied.at("/message/text").asString(),
        "<script>alert(1)</script> ]]> & \" ' ` |", "\\027[31mred", "\\000", "y".repeat(4000));
    // A path with a space and an ESC is still a valid uri-reference.
    assertThat(emptied.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
        .isEqualTo("zones/a%20b%1B.zone");
    // The hostile zone name, standing in for a path, is percent-encoded too.
    assertThat(result(results, "critical-endpoint", "").at("/locations/0/physicalLocation/artifactLocation/uri")
        .asString()).isEqualTo("%3Czone%3E&%00.");
    assertThat(result(results, "critical-endpoint", "").at("/suppressions/0/justification").asString())
        .doesNotContain("\u0000", "\u001b");
  }

  @Test
  void uriKeepsPathCharactersAndEncodesTheRest() {
    assertThat(SarifRenderer.uri("zones/example.com.zone")).isEqualTo("zones/example.com.zone");
    assertThat(SarifRenderer.uri("c:zones/ä #1?.zone")).isEqualTo("c%3Azones/%C3%A4%20%231%3F.zone");
  }

  @Test
  void sameReportSameBytes() throws Exception {
    Report report = MachineFormatsFixture.report();
    assertThat(render(renderer, report)).isEqualTo(render(renderer, report));
    // A report built anew from the same input, not just the same object rendered twice.
    assertThat(render(renderer, MachineFormatsFixture.report())).isEqualTo(render(renderer, report));
    Report hostile = MachineFormatsFixture.hostile();
    assertThat(render(renderer, hostile)).isEqualTo(render(renderer, MachineFormatsFixture.hostile()));
    // Without a jar manifest (tests run from classes) the version is "dev", so bytes do not depend on the build.
    assertThat(JSON.readTree(render(new SarifRenderer(), MachineFormatsFixture.report()))
        .at("/runs/0/tool/driver/version").asString()).isEqualTo("dev");
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(renderer.format()).isEqualTo("sarif");
    assertThat(renderer.fileName()).isEqualTo("zonegate-report.sarif");
  }
}
