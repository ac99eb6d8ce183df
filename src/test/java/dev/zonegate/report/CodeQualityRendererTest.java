package dev.zonegate.report;

import static dev.zonegate.report.MachineFormatsFixture.COM_FILE;
import static dev.zonegate.report.MachineFormatsFixture.containsEach;
import static dev.zonegate.report.MachineFormatsFixture.containsNone;
import static dev.zonegate.report.MachineFormatsFixture.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CodeQualityRendererTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  final CodeQualityRenderer renderer = new CodeQualityRenderer();

  static JsonNode issue(JsonNode issues, String checkName, String descriptionPart) {
    for (JsonNode i : issues) {
      if (i.get("check_name").asString().equals(checkName) && i.get("description").asString().contains(descriptionPart)) {
        return i;
      }
    }
    throw new AssertionError("no issue " + checkName + " " + descriptionPart);
  }

  static List<String> fingerprints(JsonNode issues) {
    List<String> out = new ArrayList<>();
    issues.forEach(i -> out.add(i.get("fingerprint").asString()));
    return out;
  }

  @Test
  void oneIssuePerOpenFindingWithTheFieldsGitLabNeeds() throws Exception {
    String json = render(renderer, MachineFormatsFixture.report());
    assertThat(json).startsWith("[").endsWith("]\n"); // no BOM, one trailing newline
    JsonNode issues = JSON.readTree(json);
    assertThat(issues.isArray()).isTrue();
    // Six findings, one allowed (critical-endpoint): left out.
    assertThat(issues).hasSize(5);
    assertThat(issues).extracting(i -> i.get("check_name").asString()).doesNotContain("critical-endpoint");
    for (JsonNode i : issues) {
      assertThat(i.get("description").asString()).isNotBlank().doesNotContain("\n");
      assertThat(i.get("fingerprint").asString()).matches("[0-9a-f]{64}");
      assertThat(i.get("severity").asString()).isIn("blocker", "major", "info");
      assertThat(i.at("/location/path").asString()).isNotEmpty().doesNotStartWith("./").doesNotStartWith("/");
      assertThat(i.at("/location/lines/begin").asInt()).isGreaterThanOrEqualTo(1);
    }
    assertThat(fingerprints(issues)).doesNotHaveDuplicates();

    JsonNode located = issue(issues, "address-emptied", "api.example.com.");
    assertThat(located.get("description").asString())
        .isEqualTo("address-emptied: api.example.com. A: all addresses of api.example.com. are replaced");
    assertThat(located.get("severity").asString()).isEqualTo("blocker");
    assertThat(located.at("/location/path").asString()).isEqualTo(COM_FILE);
    assertThat(located.at("/location/lines/begin").asInt()).isEqualTo(12);

    // A deleted record has no location: its zone's file, line 1.
    JsonNode deleted = issue(issues, "address-emptied", "old.example.com.");
    assertThat(deleted.at("/location/path").asString()).isEqualTo(COM_FILE);
    assertThat(deleted.at("/location/lines/begin").asInt()).isEqualTo(1);
    // Line 0 (unknown) becomes 1.
    assertThat(issue(issues, "soa-serial", "").at("/location/lines/begin").asInt()).isEqualTo(1);

    JsonNode warning = issue(issues, "ttl-guard", "");
    assertThat(warning.get("severity").asString()).isEqualTo("major");
    assertThat(warning.at("/location/path").asString()).isEqualTo("zones/example.net.zone");

    // A zone with nothing located anywhere: the zone name stands in for the path.
    JsonNode note = issue(issues, "change-threshold", "");
    assertThat(note.get("severity").asString()).isEqualTo("info");
    assertThat(note.at("/location/path").asString()).isEqualTo("example.org.");
  }

  @Test
  void fingerprintsAreStableAcrossRunsAndIgnoreTheMessage() throws Exception {
    List<String> first = fingerprints(JSON.readTree(render(renderer, MachineFormatsFixture.report("12"))));
    List<String> again = fingerprints(JSON.readTree(render(renderer, MachineFormatsFixture.report("12"))));
    // The change-threshold message carries a count; the finding is the same.
    List<String> otherCount = fingerprints(JSON.readTree(render(renderer, MachineFormatsFixture.report("13"))));
    assertThat(again).isEqualTo(first);
    assertThat(otherCount).isEqualTo(first);
  }

  @Test
  void sameRuleNameAndTypeTwiceStillGetsTwoFingerprints() {
    var a = MachineFormatsFixture.finding("cname-conflict", Severity.BLOCK, "example.com.",
        "a.example.com.", "CNAME", "first", List.of(), List.of(), null);
    var b = MachineFormatsFixture.finding("cname-conflict", Severity.BLOCK, "example.com.",
        "a.example.com.", "CNAME", "second", List.of(), List.of(), null);
    var c = MachineFormatsFixture.finding("cname-conflict", Severity.BLOCK, "example.com.",
        "b.example.com.", "CNAME", "first", List.of(), List.of(), null);
    assertThat(FindingIds.fingerprints(List.of(a, b, c))).doesNotHaveDuplicates();
    // Field boundaries matter: "a|b" + "c" is not "a" + "b|c".
    var d = MachineFormatsFixture.finding("r", Severity.INFO, "z", "a|b", "c", "m", null, null, null);
    var e = MachineFormatsFixture.finding("r", Severity.INFO, "z", "a", "b|c", "m", null, null, null);
    assertThat(FindingIds.fingerprints(List.of(d))).isNotEqualTo(FindingIds.fingerprints(List.of(e)));
  }

  @Test
  void hostileDataParsesAndIsInert() throws Exception {
    String json = render(renderer, MachineFormatsFixture.hostile());
    JsonNode issues = JSON.readTree(json);
    assertThat(issues).hasSize(2); // the allowed one is left out
    for (JsonNode i : issues) {
      for (String field : List.of("/description", "/check_name", "/location/path")) {
        String v = i.at(field).asString();
        assertThat(v.chars().allMatch(c -> c >= 0x20 && c != 0x7f)).as("%s is printable", field).isTrue();
        containsNone(v, "\ufffe", "\ud800", "\u202e");
      }
    }
    String description = issue(issues, "address-emptied", "").get("description").asString();
    containsEach(description, "<script>alert(1)</script> ]]> & \" ' ` |", "\\027[31mred", "\\000", "y".repeat(4000));
    assertThat(issue(issues, "address-emptied", "").at("/location/path").asString()).isEqualTo("zones/a b\\027.zone");
  }

  @Test
  void sameReportSameBytes() throws Exception {
    Report report = MachineFormatsFixture.report();
    assertThat(render(renderer, report)).isEqualTo(render(renderer, report));
    // A report built anew from the same input, not just the same object rendered twice.
    assertThat(render(renderer, MachineFormatsFixture.report())).isEqualTo(render(renderer, report));
    Report hostile = MachineFormatsFixture.hostile();
    assertThat(render(renderer, hostile)).isEqualTo(render(renderer, MachineFormatsFixture.hostile()));
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(renderer.format()).isEqualTo("codequality");
    assertThat(renderer.fileName()).isEqualTo("zonegate-codequality.json");
  }
}
