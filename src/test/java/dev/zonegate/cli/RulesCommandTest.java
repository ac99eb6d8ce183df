package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.rules.RuleCatalog;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
  @TempDir Path dir;

  @Test
  void listShowsEveryDefaultRule() {
    Cli r = Cli.run("rules", "list");
    assertThat(r.exit()).isZero();
    for (String type : RuleCatalog.types().keySet()) {
      if (!type.equals("expression")) {
        assertThat(r.out()).as(type).containsPattern("(?m)^" + type + " +" + type + " +(block|warn|info) ");
      }
    }
  }

  @Test
  void explainDocumentsEveryRuleWithAnExampleThatFires() {
    for (String type : RuleCatalog.types().keySet()) {
      if (type.equals("expression")) {
        continue;
      }
      Cli r = Cli.run("rules", "explain", type);
      assertThat(r.exit()).as(type + ": " + r.err()).isZero();
      assertThat(r.out()).as(type).startsWith(type + " (type " + type).contains("Fires when").contains("Example");
      assertThat(r.out()).as(type + " example must fire").doesNotContain("finds:\n    nothing");
    }
  }

  @Test
  void explainShowsAnExpressionRuleFromAPack() throws Exception {
    Path pack = dir.resolve("p.yaml");
    Files.writeString(pack, "- id: tiny-ttl\n  type: expression\n  params:\n    when: 'has(change.ttlAfter) && change.ttlAfter < 30'\n    message: 'TTL ${change.ttlAfter} on ${change.name}'\n");
    Cli r = Cli.run("rules", "explain", "tiny-ttl", "--rules", pack.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("tiny-ttl (type expression").contains("TTL 5 on api.example.com.");
  }

  @Test
  void explainOfAnUnknownIdExitsTwo() {
    Cli r = Cli.run("rules", "explain", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: no rule 'nope' (zonegate rules list shows the ids)\n");
  }

  @Test
  void validateSaysWhichPacksAreValid() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "- id: x\n  type: expression\n  params:\n    when: 'change.nmae == \"a\"'\n    message: m\n");
    Cli ok = Cli.run("rules", "validate", "rules/default.yaml");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEqualTo("rules/default.yaml: 21 rules, valid\n");
    Cli r = Cli.run("rules", "validate", "rules/default.yaml", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    // The expression's own line in the pack, not the rule's first line.
    assertThat(r.err()).startsWith("zonegate: error: " + bad + ":4: rule 'x': when: column 7: ").contains("nmae");
  }

  @Test
  void validateListsEveryProblemAtItsOwnLineCelIncluded(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path pack = dir.resolve("pack.yaml");
    Files.writeString(pack, String.join("\n",
        "- id: fine",
        "  type: ttl-guard",
        "- id: cel-block",
        "  type: expression",
        "  severity: block",
        "  params:",
        "    when: |",
        "      change.rrtype == \"A\" &&",
        "      change.name ==== 'x'",
        "    message: m",
        "- id: cel-inline",
        "  type: expression",
        "  params: { when: 'change.nope == 1', message: m }",
        "- id: typo",
        "  type: nosuchtype",
        "- id: fine",
        "  type: ttl-guard",
        "- id: badsev",
        "  type: ttl-guard",
        "  severity: sometimes",
        // The id of a rule with a schema error still counts: its twin is a problem of its own.
        "- id: badsev",
        "  type: ttl-guard",
        ""));
    Cli r = Cli.run("rules", "validate", pack.toString());
    assertThat(r.exit()).isEqualTo(1);
    List<String> lines = r.err().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(5)).isEqualTo("zonegate: error: " + pack + ":21: rule 'badsev': the id is used twice in this pack");
    assertThat(lines.get(0)).startsWith("zonegate: error: " + pack + ":9: rule 'cel-block': when: line 2, column 15: ");
    assertThat(lines.get(1)).startsWith("zonegate: error: " + pack + ":13: rule 'cel-inline': when: ").contains("nope");
    assertThat(lines.get(2)).startsWith("zonegate: error: " + pack + ":15: rule 'typo': unknown rule type 'nosuchtype'");
    assertThat(lines.get(3)).isEqualTo("zonegate: error: " + pack + ":16: rule 'fine': the id is used twice in this pack");
    assertThat(lines.get(4)).startsWith("zonegate: error: " + pack + ":20: rule 'badsev': severity: ");
  }

  @Test
  void rulesWithoutASubcommandIsAUsageError() {
    assertThat(Cli.run("rules").exit()).isEqualTo(2);
    assertThat(Cli.run("rules", "validate").exit()).isEqualTo(2);
  }

  @Test
  void aliasesAndBadBytesGetPlainMessages() throws Exception {
    Path pack = dir.resolve("alias.yaml");
    Files.writeString(pack, "- id: a\n  type: ttl-guard\n  params: &p { minTtl: 5 }\n- id: b\n  type: ttl-guard\n  params: *p\n");
    Cli r = Cli.run("rules", "validate", pack.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("zonegate: error: " + pack + ":6: YAML aliases (*name) are not supported in rule packs; write the value out\n");
    Path bad = dir.resolve("bad.yaml");
    Files.write(bad, new byte[] {'-', ' ', 'i', 'd', ':', ' ', (byte) 0xbb, '\n'});
    Cli b = Cli.run("rules", "validate", bad.toString());
    assertThat(b.exit()).isEqualTo(1);
    assertThat(b.err()).contains("not valid UTF-8").doesNotContain("java.").doesNotContain("Exception");
  }

  // ---- RulePack: where and how pack problems are reported ------------------------------------

  private static String parseError(String yaml) {
    try {
      RulePack.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    } catch (RulePackException e) {
      return e.getMessage();
    }
    throw new AssertionError("pack loaded: " + yaml);
  }

  private static List<String> problems(String yaml) {
    return RulePack.problems("p.yaml", yaml.getBytes(StandardCharsets.UTF_8))
        .stream().map(Exception::getMessage).toList();
  }

  @Test
  void schemaErrorsSayHowManyMoreThereAre() {
    // The first schema problem is reported, with a count of the others (singular for one).
    assertThat(parseError("- id: a\n  type: ttl-guard\n  severity: nope\n  enabled: 3\n"))
        .startsWith("p.yaml:").endsWith("(and 1 more problem)");
    assertThat(parseError("- id: a\n  type: ttl-guard\n  severity: nope\n  enabled: 3\n  overridable: 4\n"))
        .endsWith("(and 2 more problems)");
    assertThat(parseError("- id: a\n  type: ttl-guard\n  severity: nope\n"))
        .doesNotContain("(and ").contains("rule 'a': severity: ");
    // A problem of the rule itself names no property.
    assertThat(parseError("- id: a\n")).contains("rule 'a': ").doesNotContain("rule 'a': : ");
  }

  @Test
  void aProblemOfThePackAsAWholeIsReported() {
    String many = "- {id: a, type: ttl-guard}\n".repeat(10_001);
    assertThat(parseError(many)).startsWith("p.yaml:1: must have at most 10000 items");
    assertThat(problems(many).get(0)).startsWith("p.yaml:1: must have at most 10000 items");
  }

  @Test
  void validateReportsAYamlErrorAndEachRulesProblemWithoutACount() {
    assertThat(problems("- id: [\n")).hasSize(1).allSatisfy(m -> assertThat(m).contains("not valid YAML"));
    assertThat(problems("")).isEmpty();
    assertThat(problems("- id: a\n  type: ttl-guard\n  severity: nope\n  enabled: 3\n"))
        .hasSize(1).allSatisfy(m -> assertThat(m).doesNotContain("more problem"));
  }

  @Test
  void aCelErrorInABlockScalarOnTheLastLinesIsPlacedAtItsLine() {
    // No newline at the end: the `when: |` key is on line 5, the expression on line 6.
    assertThat(problems("- id: x\n  type: expression\n  params:\n    message: m\n    when: |\n      change.ttlAfter <"))
        .singleElement().asString().startsWith("p.yaml:6: rule 'x': when: column ");
  }

  @Test
  void aRuleThatCannotBeBuiltIsNamedOnce() throws Exception {
    // The rule's own error already starts with "rule 'x': "; the pack error does not say it twice.
    assertThat(problems("- id: x\n  type: expression\n  params:\n    when: ' '\n    message: m\n"))
        .containsExactly("p.yaml:1: rule 'x': when: a CEL expression (a string) is required");
    RulePack pack = RulePack.parse(
        "p.yaml", "- id: x\n  type: expression\n  params:\n    when: 'change.nope'\n    message: m\n".getBytes(StandardCharsets.UTF_8));
    Assertions.assertThatThrownBy(() -> RuleSet.of(List.of(pack)))
        .hasMessage("p.yaml:1: rule 'x': when: column 7: change has no field 'nope' (it has "
            + String.join(", ", List.of("zone", "name", "relativeName", "rrtype", "action", "ttlBefore", "ttlAfter",
                "before", "after", "added", "removed")) + ")");
  }

  @Test
  void aPacksScopeAndParamsAreRead() throws Exception {
    // Scope lists and param values of every YAML kind reach the rule as written.
    RulePack pack = RulePack.parse("p.yaml",
        ("- id: x\n  type: expression\n  scope:\n    zones: [example.com.]\n    names: [www]\n    types: [A]\n"
            + "  params:\n    when: 'true'\n    message: m\n").getBytes(StandardCharsets.UTF_8));
    assertThat(pack.path()).isEqualTo("p.yaml");
    assertThat(pack.rules()).singleElement().satisfies(r -> {
      assertThat(r.scope()).isEqualTo(new Scope(List.of("example.com."), List.of("www"), List.of("A")));
      assertThat(r.params()).containsEntry("when", "true").containsEntry("message", "m");
    });
    assertThat(RulePack.parse("p.yaml", new byte[0]).rules()).isEmpty();
  }

  @Test
  void aBadScopeGlobIsAPackError() {
    assertThat(parseError("- id: x\n  type: ttl-guard\n  scope:\n    names: ['a..b']\n"))
        .isEqualTo("p.yaml:1: rule 'x': scope: name glob 'a..b' has an empty label");
    assertThat(parseError("- id: x\n  type: ttl-guard\n  scope:\n    zones: ['a b.']\n"))
        .isEqualTo("p.yaml:1: rule 'x': scope: name glob 'a b.' has the character ' ', which names do not hold");
  }

  @Test
  void enabledAndOverridableAreReadFromThePack() throws Exception {
    // Both default to true; a pack can switch them off.
    RulePack pack = RulePack.parse("p.yaml",
        "- id: a\n  type: ttl-guard\n  enabled: false\n  overridable: false\n- id: b\n  type: ttl-guard\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(pack.rules()).extracting(r -> r.enabled() + "/" + r.overridable()).containsExactly("false/false", "true/true");
  }
}
