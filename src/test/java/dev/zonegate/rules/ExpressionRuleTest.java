package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionRuleTest {
  private static final RuleType TYPE = RuleCatalog.type("expression");

  private static List<Finding> run(String when, String message, String before, String after) {
    return RuleFixture.run(TYPE, Map.of("when", when, "message", message), List.of(), before, after);
  }

  private static ExpressionRule load(String when, String message) {
    return new ExpressionRule(
        RuleFixture.spec(TYPE, Map.of("when", when, "message", message)));
  }

  @Test
  void firesOnAMatchingChangeWithTheRenderedMessage() {
    List<Finding> f =
        run(
            "change.rrtype == \"MX\" && change.ttlAfter < 300",
            "${change.relativeName} ${change.rrtype} TTL ${change.ttlBefore} -> ${change.ttlAfter} (${change.action})",
            "@ 600 MX 10 mail.example.com.\nwww A 192.0.2.1\n",
            "@ 60 MX 10 mail.example.com.\nwww 60 A 192.0.2.1\n");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("expression");
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARN);
    assertThat(f.get(0).name()).isEqualTo("example.com.");
    assertThat(f.get(0).type()).isEqualTo("MX");
    assertThat(f.get(0).message()).isEqualTo("@ MX TTL 600 -> 60 (update)");
    assertThat(f.get(0).after()).containsExactly("10 mail.example.com.");
  }

  @Test
  void quietWhenFalse() {
    assertThat(
            run(
                "change.rrtype == \"MX\" && change.ttlAfter < 300",
                "low",
                "@ 600 MX 10 mail.example.com.\n",
                "@ 900 MX 10 mail.example.com.\nwww 60 A 192.0.2.1\n"))
        .isEmpty();
  }

  @Test
  void anAbsentTtlMakesTheChangeNotMatchInsteadOfFailing() {
    // A deleted MX has no ttlAfter: the comparison cannot hold, so no finding and no error.
    assertThat(run("change.rrtype == \"MX\" && change.ttlAfter < 300", "x", "@ MX 10 mail.example.com.\n", ""))
        .isEmpty();
    List<Finding> f =
        run("!has(change.ttlAfter)", "gone: ${change.name} ttl ${change.ttlAfter} was ${change.ttlBefore}",
            "www A 192.0.2.1\n", "");
    assertThat(f).extracting(Finding::message).containsExactly("gone: www.example.com. ttl none was 300");
  }

  @Test
  void macrosWork() {
    String before = "a A 192.0.2.1\nb A 192.0.2.2\n";
    String after = "a A 10.0.0.1\na A 192.0.2.1\nb A 192.0.2.9\n";
    assertThat(run("change.after.exists(r, r.startsWith(\"10.\"))", "${change.added}", before, after))
        .extracting(Finding::message)
        .containsExactly("[10.0.0.1]");
    assertThat(run("has(change.ttlBefore) && size(change.removed) > 0 && change.removed.all(r, r.endsWith(\".2\"))", "${change.removed}", before, after))
        .extracting(Finding::name)
        .containsExactly("b.example.com.");
    assertThat(
            run(
                "change.after.filter(r, r.startsWith(\"192.\")).map(r, r + \"!\").size() == 1 && change.action == \"update\"",
                "${change.name}",
                before,
                after))
        .hasSize(2);
  }

  @Test
  void zoneCountsWork() {
    String before = "a A 192.0.2.1\nb A 192.0.2.2\nc A 192.0.2.3\n";
    List<Finding> f =
        run(
            "zone.deletes > 1 && change.action == \"delete\"",
            "${zone.deletes} of ${zone.rrsetsBefore} deleted in ${zone.name}, ${zone.rrsets} left",
            before,
            "c A 192.0.2.3\n");
    assertThat(f).extracting(Finding::message).containsOnly("2 of 3 deleted in example.com., 1 left");
    assertThat(f).hasSize(2);
    assertThat(run("zone.deletes > 1", "x", before, "a A 192.0.2.1\nb A 192.0.2.2\n")).isEmpty();
  }

  @Test
  void templatesTakeFullExpressions() {
    List<Finding> f =
        run(
            "change.action == \"add\"",
            "added ${size(change.after)} record(s) at ${change.name.upperAscii() == '' ? 'x' : change.relativeName.split('.')[0]}, {braces} kept",
            "",
            "www A 192.0.2.1\nwww A 192.0.2.2\n");
    assertThat(f).extracting(Finding::message).containsExactly("added 2 record(s) at www, {braces} kept");
  }

  @Test
  void syntaxErrorNamesRuleAndColumn() {
    assertThatThrownBy(() -> load("change.ttlAfter < ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule 'expression': when: column 19: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void undeclaredVariableIsALoadError() {
    assertThatThrownBy(() -> load("chnage.ttlAfter < 300", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': when: column 1: undeclared reference to 'chnage'");
  }

  @Test
  void unknownFieldIsALoadError() {
    assertThatThrownBy(() -> load("change.ttl < 300", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule 'expression': when: column 7: change has no field 'ttl'");
    assertThatThrownBy(() -> load("zone['delete'] > 1", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zone has no field 'delete'");
    // A comprehension variable that shadows `change` is not a field access.
    load("change.after.exists(change, change.size() > 3)", "x");
  }

  @Test
  void nonBooleanWhenIsALoadError() {
    assertThatThrownBy(() -> load("change.ttlAfter + 1", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': when: the expression must give a boolean, but gives int");
    assertThatThrownBy(() -> load("change.name", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': when: the expression must give a boolean, but change.name is a string");
  }

  @Test
  void nonBooleanResultAtEvaluationIsAnError() {
    assertThatThrownBy(() -> run("change.action == 'add' ? change.name : false", "x", "", "www A 192.0.2.1\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rule 'expression': when failed on add www.example.com. A")
        .hasMessageContaining("not a boolean");
  }

  @Test
  void evaluationErrorsAreNotSilent() {
    assertThatThrownBy(() -> run("zone.adds / zone.deletes > 1", "x", "", "www A 192.0.2.1\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rule 'expression': when failed on add www.example.com. A: ")
        .hasMessageContaining("by zero");
  }

  @Test
  void iterationBudgetIsBounded() {
    String l = "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]";
    String when = l + ".all(a, " + l + ".all(b, " + l + ".all(c, true)))";
    assertThatThrownBy(() -> run(when, "x", "", "www A 192.0.2.1\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("budget");
  }

  @Test
  void unknownTemplateFieldIsALoadError() {
    assertThatThrownBy(() -> load("true", "TTL ${change.ttlAftr}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule 'expression': message: column 13: change has no field 'ttlAftr'");
    assertThatThrownBy(() -> load("true", "TTL ${change.ttlAfter"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not closed");
    assertThatThrownBy(() -> load("true", "TTL ${nope}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': message: column 7: undeclared reference to 'nope'");
  }

  @Test
  void oversizeInputsAreLoadErrors() {
    String longWhen = "true" + " && true".repeat(600);
    assertThatThrownBy(() -> load(longWhen, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit maxExpressionChars of 4096");
    assertThatThrownBy(() -> load("true", "x".repeat(1025)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 1024");
  }

  @Test
  void missingWhenIsALoadError() {
    assertThatThrownBy(() -> load(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule 'expression': when:");
  }

  @Test
  void manyChangesRun() {
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      after.append("h").append(i).append(" 60 A 192.0.2.").append(i % 250 + 1).append('\n');
    }
    List<Finding> f =
        run(
            "change.ttlAfter < 300 && change.after.exists(r, r.endsWith(\".1\")) && zone.adds > 500",
            "${change.relativeName}",
            "",
            after.toString());
    assertThat(f).hasSize(4);
  }

  @Test
  void catalogueExampleFires() {
    RuleType.Example ex = TYPE.example();
    List<Finding> f = run("change.ttlAfter < 30", "TTL ${change.ttlAfter} on ${change.name}", ex.before(), ex.after());
    assertThat(f).extracting(Finding::message).containsExactly("TTL 5 on api.example.com.");
  }

  private static String runError(String when) {
    try {
      run(when, "x", "", "www A 192.0.2.1\n");
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + when);
  }

  @Test
  void limitsAreInclusive() {
    // Exactly maxExpressionChars / 1024 characters is still allowed.
    load("true" + " ".repeat(4092), "x");
    load("true", "y".repeat(1024));
  }

  @Test
  void withoutAMessageTheFindingQuotesTheExpression() {
    // A blank or absent message falls back to "matches <when>", cut after 200 characters.
    assertThat(run("change.action == 'add'", " ", "", "www A 192.0.2.1\n"))
        .extracting(Finding::message)
        .containsExactly("matches change.action == 'add'");
    RuleSpec noMessage =
        new RuleSpec("expression", "expression", Severity.WARN, Scope.ALL, Map.of("when", "true"), true, true, "", null);
    assertThat(RuleFixture.run(noMessage, TYPE, List.of(), RuleFixture.zone(""), RuleFixture.zone("www A 192.0.2.1\n")))
        .extracting(Finding::message)
        .containsExactly("matches true");
    String w200 = "true" + " ".repeat(196);
    assertThat(run(w200, "", "", "www A 192.0.2.1\n"))
        .extracting(Finding::message)
        .containsExactly("matches " + w200);
    String w201 = "true" + " ".repeat(196) + "&& true";
    assertThat(run(w201, "", "", "www A 192.0.2.1\n"))
        .extracting(Finding::message)
        .containsExactly("matches " + w201.substring(0, 200) + "…");
  }

  @Test
  void unknownFieldsAreFoundInsideEveryKindOfSubexpression() {
    // Field checks descend into selects, method targets, lists, maps and macro bodies.
    for (String when :
        List.of(
            "change.nope.x == 1",
            "change.nope.startsWith('a')",
            "size([change.nope]) > 0",
            "size({change.nope: 1}) > 0",
            "size({'a': change.nope}) > 0",
            "change.nope.exists(r, true)",
            "change.after.exists(r, r == change.nope)")) {
      assertThatThrownBy(() -> load(when, "x"))
          .as(when)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("change has no field 'nope'");
    }
  }

  @Test
  void onlyTheVariablesThemselvesHaveCheckedFields() {
    // Selecting from a map literal, or from a comprehension variable named zone, is not a zone field.
    assertThat(run("{'a': 1}.a == 1 && [1][0] == 1", "hit", "", "www A 192.0.2.1\n")).hasSize(1);
    assertThat(run("[{'x': 1}].exists(zone, zone.x == 1)", "hit", "", "www A 192.0.2.1\n")).hasSize(1);
  }

  @Test
  void severalCompileErrorsAreCounted() {
    assertThatThrownBy(() -> load("nope1 && nope2", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': when: column 1: undeclared reference to 'nope1' (and 1 more)");
  }

  @Test
  void aNonBooleanResultIsDescribed() {
    // The error says what the expression gave, its type and (up to 80 characters of) its value.
    assertThat(runError("change.action == 'add' ? change.name : false"))
        .endsWith(": the expression gave a string (www.example.com.), not a boolean");
    assertThat(runError("change.action == 'add' ? dyn(null) : false")).endsWith(": the expression gave null, not a boolean");
    assertThat(runError("change.action == 'add' ? dyn(2) : false")).endsWith(": the expression gave an int (2), not a boolean");
    assertThat(runError("change.action == 'add' ? dyn(1.5) : false")).endsWith(": the expression gave a double (1.5), not a boolean");
    assertThat(runError("change.action == 'add' ? dyn(['a', 'b']) : false")).endsWith(": the expression gave a list ([a, b]), not a boolean");
    assertThat(runError("change.action == 'add' ? dyn({'a': 'b'}) : false")).endsWith(": the expression gave a map ({a: b}), not a boolean");
    String s80 = "x".repeat(80);
    assertThat(runError("change.action == 'add' ? dyn('" + s80 + "') : false")).endsWith("a string (" + s80 + "), not a boolean");
    assertThat(runError("change.action == 'add' ? dyn('" + s80 + "y') : false")).endsWith("a string (" + s80 + "…), not a boolean");
  }

  @Test
  void otherMissingKeysAreErrorsNotMisses() {
    // Only an absent TTL means "does not match"; any other missing key is an evaluation error.
    assertThatThrownBy(() -> run("{'a': 1}[change.rrtype] == 1", "x", "", "www A 192.0.2.1\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rule 'expression': when failed on add www.example.com. A: ");
  }

  @Test
  void templatesFormatNullsListsAndMaps() {
    assertThat(run("true", "${[null, 'a']} ${{'k': 1}} ${zone.updates}", "www A 192.0.2.1\n", "www A 192.0.2.2\n"))
        .extracting(Finding::message)
        .containsExactly("[null, a] {k: 1} 1");
  }

  @Test
  void bracesAndQuotesInsidePlaceholdersDoNotEndThem() {
    // A '}' in a string or in a nested map literal belongs to the expression, and \' does not end a string.
    assertThat(run("true", "<${'}' + change.relativeName}> <${{'a': 'b'}['a']}> <${'x\\'}y'}>", "", "www A 192.0.2.1\n"))
        .extracting(Finding::message)
        .containsExactly("<}www> <b> <x'}y>");
  }

  @Test
  void templateErrorsGiveTheColumnOfThePlaceholder() {
    assertThatThrownBy(() -> load("true", "TTL ${change.ttlAfter"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': message: column 5: '${' is not closed by '}'");
    assertThatThrownBy(() -> load("true", "TTL ${ }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'expression': message: column 5: empty '${}'");
  }
}
