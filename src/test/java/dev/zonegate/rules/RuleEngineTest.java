package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * From {@link RuleEngine#PARALLEL_CHANGES} changes on, the rules of a zone run on every core; the
 * findings must be the very list the rules give one after another, in rule order.
 */
class RuleEngineTest {
  /** Many records of every kind the default rules look at, with problems sprinkled in. */
  private static String body(Random r, int n, boolean moved) {
    StringBuilder sb = new StringBuilder("@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n");
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(10);
      String h = "h" + i;
      if (moved && r.nextInt(3) == 0) {
        continue; // gone on one side: deletes that leave references dangling
      }
      switch (k) {
        case 0 -> sb.append(h).append(" CNAME h").append(r.nextInt(n)).append('\n');
        case 1 -> sb.append(h).append(" MX 10 h").append(r.nextInt(n)).append('\n');
        case 2 -> sb.append("_sip._tcp.").append(h).append(" SRV 0 0 5060 h").append(r.nextInt(n)).append('\n');
        case 3 -> sb.append(h).append(" A 10.0.").append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('\n');
        case 4 -> sb.append(h).append(" 5 TXT \"v=spf1 -all\"\n");
        default -> sb.append(h).append(" A 198.51.100.").append(r.nextInt(256)).append('\n');
      }
    }
    return sb.toString();
  }

  private static RuleInput input(Zone before, Zone after) {
    return new RuleInput("example.com.", before, after, ZoneDiff.diff(before, after), List.of(),
        ZoneFormat.MASTER, new Location("example.com.zone", 0), null);
  }

  @Test
  void manyChangesGiveTheFindingsOfTheRulesOneByOne() throws Exception {
    RuleSet rules = RuleSet.of(List.of(RulePack.defaults()));
    int n = RuleEngine.PARALLEL_CHANGES + 5_000;
    Zone empty = RuleFixture.zone("@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n");
    Zone a = RuleFixture.zone(body(new Random(9), n, false));
    Zone b = RuleFixture.zone(body(new Random(9), n, true));
    for (Zone[] pair : new Zone[][] {{empty, a}, {a, b}}) {
      RuleInput in = input(pair[0], pair[1]);
      assertThat(in.changes().size()).isGreaterThanOrEqualTo(RuleEngine.PARALLEL_CHANGES);
      List<Finding> all = new RuleEngine(rules).judge(in);
      // The same rules, one after another, each on an input of its own.
      List<Finding> oneByOne = new ArrayList<>();
      RuleInput fresh = input(pair[0], pair[1]);
      for (RuleSet.Active x : rules.active()) {
        if (!x.spec().type().equals(ZoneParseError.TYPE.name())) {
          x.rule().check(fresh.scoped(x.spec().scope()), new Findings(x.spec(), "example.com.", oneByOne::add));
        }
      }
      oneByOne.sort(Finding.ORDER); // the engine gives them in report order
      assertThat(all).hasSizeGreaterThan(100).containsExactlyElementsOf(oneByOne);
      assertThat(all.stream().map(Finding::rule).distinct().count()).isGreaterThan(3);
    }
  }

  // ---- Scope: which zones, names and types a rule's findings may come from -------------------

  @Test
  void scopeListsFilterZonesNamesAndTypes() {
    Scope s = new Scope(List.of("*.com."), List.of("api"), List.of("a"));
    assertThat(s.coversZone("example.com.")).isTrue();
    assertThat(s.coversZone("example.net.")).isFalse();
    assertThat(s.covers("example.net.", "api.example.net.", "A")).isFalse();
    assertThat(s.covers("example.com.", "api.example.com.", "A")).isTrue();
    assertThat(s.covers("example.com.", "www.example.com.", "A")).isFalse();
    assertThat(s.covers("example.com.", "api.example.com.", "MX")).isFalse();
    // A null name or type is not filtered on.
    assertThat(s.covers("example.com.", null, null)).isTrue();
  }

  @Test
  void nullScopeListsMeanEverythingAndGivenListsAreKept() {
    assertThat(new Scope(null, null, null).covers("example.com.", "www.example.com.", "A")).isTrue();
    assertThat(new Scope(List.of("example.net."), null, null).coversZone("example.com.")).isFalse();
    assertThat(new Scope(null, List.of("api"), null).covers("example.com.", "www.example.com.", "A")).isFalse();
    assertThat(new Scope(null, null, List.of("MX")).covers("example.com.", "www.example.com.", "A")).isFalse();
  }

  @Test
  void scopeNameGlobsForApexAndEverything() {
    assertThat(Scope.matchesAny(List.of("@"), "example.com.", "example.com.")).isTrue();
    assertThat(Scope.matchesAny(List.of("@"), "www.example.com.", "example.com.")).isFalse();
    assertThat(Scope.matchesAny(List.of("*"), "www.example.org.", "example.com.")).isTrue();
  }

  @Test
  void scopeGlobProblems() {
    assertThat(Scope.problem(" ")).isEqualTo("empty name glob");
    assertThat(Scope.problem("a..b")).isEqualTo("name glob 'a..b' has an empty label");
    assertThat(Scope.problem(".a")).isEqualTo("name glob '.a' has an empty label");
    assertThat(Scope.problem(".")).isNull();
    assertThat(Scope.problem("a b")).isEqualTo("name glob 'a b' has the character ' ', which names do not hold");
    assertThat(Scope.problem("a!b")).isNull();
    assertThat(Scope.problem("a~b")).isNull(); // ~ is the last printable character names may hold
  }

  @Test
  void aRuleWithANameOrTypeScopeSeesOnlyTheChangesItCovers() {
    Zone before = RuleFixture.zone("www A 192.0.2.1\n");
    Zone after = RuleFixture.zone("www A 192.0.2.2\napi A 192.0.2.3\n@ MX 10 mail\n");
    RuleInput in = input(before, after);
    assertThat(in.scoped(Scope.ALL).changes()).hasSize(3);
    assertThat(in.scoped(new Scope(null, null, List.of("MX"))).changes())
        .extracting(c -> c.type()).containsExactly("MX");
    assertThat(in.scoped(new Scope(null, List.of("api"), null)).changes())
        .extracting(c -> c.name()).containsExactly("api.example.com.");
  }

  private static Finding finding(String rule, Severity s, String name, String type) {
    return new Finding(rule, s, "example.com.", name, type, "m", null, null, null, true, null);
  }

  /**
   * The engine's findings are what a stable sort of all rules' findings (in rule order) gives:
   * rules that report in order, out of order, with several severities, with equal findings, and
   * several rules whose findings of one severity interleave, meet end to end, or do not meet.
   */
  @Test
  void theRulesFindingsComeInReportOrderAsAStableSortPutsThem() {
    Random r = new Random(3);
    String[] names = {"a.example.com.", "b.example.com.", "x.a.example.com.", "example.com.", null, "*.example.com."};
    int unsorted = 0;
    for (int round = 0; round < 400; round++) {
      List<RuleEngine.Found> found = new ArrayList<>();
      List<Finding> all = new ArrayList<>();
      int rules = 1 + r.nextInt(4);
      for (int k = 0; k < rules; k++) {
        List<Finding> these = new ArrayList<>();
        for (int i = r.nextInt(round % 5 == 0 ? 2 : 12); i > 0; i--) {
          Severity s = Severity.values()[r.nextInt(r.nextBoolean() ? 1 : 3)];
          these.add(new Finding("rule" + (round % 3 == 0 ? 0 : k), s, "example.com.", names[r.nextInt(names.length)],
              r.nextBoolean() ? "A" : "MX", "m" + r.nextInt(2), null, null, null, true, null));
        }
        if (r.nextBoolean()) {
          these.sort(Finding.ORDER); // a rule that walks the zone in order
        }
        RuleEngine.Found f = new RuleEngine.Found();
        these.forEach(f::add);
        found.add(f);
        all.addAll(these);
      }
      List<Finding> want = new ArrayList<>(all);
      want.sort(Finding.ORDER);
      unsorted += want.equals(all) ? 0 : 1;
      List<Finding> got = RuleEngine.inOrder(found);
      assertThat(got).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(got.get(i)).as("round %d, finding %d", round, i).isSameAs(want.get(i));
      }
    }
    assertThat(unsorted).isGreaterThan(100);
  }

  @Test
  void theVerdictListsFindingsBlockingFirstThenByNameThenType() {
    // Report order is by severity, zone, name (canonical), type, rule: not the order the rules gave.
    Finding infoApex = finding("a", Severity.INFO, "example.com.", "A");
    Finding wwwA = finding("a", Severity.WARN, "www.example.com.", "A");
    Finding apiMx = finding("z", Severity.WARN, "api.example.com.", "MX");
    Finding apiA = finding("z", Severity.WARN, "api.example.com.", "A");
    Finding zoneWide = finding("z", Severity.WARN, null, null);
    Verdict v = Verdict.decide(List.of(infoApex, wwwA, apiMx, apiA, zoneWide), List.of(), Severity.BLOCK);
    assertThat(v.outcome()).isEqualTo(Outcome.PASS);
    assertThat(v.blocked()).isFalse();
    assertThat(v.findings()).containsExactly(zoneWide, apiA, apiMx, wwwA, infoApex);
    // Given in order they stay so; one pair out of order at the very end is still put right.
    assertThat(Verdict.decide(List.of(zoneWide, apiA, apiMx, wwwA, infoApex), List.of(), Severity.BLOCK).findings())
        .containsExactly(zoneWide, apiA, apiMx, wwwA, infoApex);
    assertThat(Verdict.decide(List.of(zoneWide, apiA, apiMx, infoApex, wwwA), List.of(), Severity.BLOCK).findings())
        .containsExactly(zoneWide, apiA, apiMx, wwwA, infoApex);
    // Told they stand in order (one zone's, from the engine), the verdict does not look again.
    assertThat(Verdict.decide(List.of(zoneWide, apiA, apiMx, wwwA, infoApex), true, List.of(), Severity.BLOCK).findings())
        .containsExactly(zoneWide, apiA, apiMx, wwwA, infoApex);
    // In order and nothing to allow: blocks on the first open finding at or above fail-on, after
    // any allowed ones (a repository's marker), and never on those below it.
    Finding allowedBlock = finding("a", Severity.BLOCK, "a.example.com.", "A").allow(new Allowance("marker", "m", null));
    Finding openBlock = finding("a", Severity.BLOCK, "b.example.com.", "A");
    assertThat(Verdict.decide(List.of(allowedBlock, openBlock, wwwA), true, List.of(), Severity.BLOCK).outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(Verdict.decide(List.of(allowedBlock, wwwA), true, List.of(), Severity.BLOCK).outcome()).isEqualTo(Outcome.PASS);
    assertThat(Verdict.decide(List.of(allowedBlock, wwwA), true, List.of(), Severity.WARN).outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(Verdict.decide(List.of(allowedBlock, infoApex), true, List.of(), Severity.WARN).findings())
        .containsExactly(allowedBlock, infoApex);
    Verdict blocked = Verdict.decide(List.of(wwwA), List.of(), Severity.WARN);
    assertThat(blocked.blocked()).isTrue();
  }

  @Test
  void reportsDescribeTheGatesOwnRuleAndEveryEnabledRule() throws Exception {
    RuleSet rules = RuleSet.of(List.of(RulePack.defaults()));
    assertThat(rules.descriptions()).containsKey(ZoneParseError.ID);
    for (RuleSet.Active a : rules.active()) {
      assertThat(rules.descriptions()).containsEntry(a.spec().id(), a.spec().description());
    }
  }

  @Test
  void aRulesScopeIsKeptAndFindingsOutsideItAreDropped() {
    // A spec keeps the scope it is given (none means everything); Findings drops what it does not cover.
    Scope mx = new Scope(null, null, List.of("MX"));
    RuleSpec spec = new RuleSpec("e", "expression", Severity.WARN, mx, Map.of("when", "true"), true, true, "", null);
    assertThat(spec.scope()).isEqualTo(mx);
    assertThat(new RuleSpec("e", "expression", Severity.WARN, null, Map.of(), true, true, "", null).scope())
        .isEqualTo(Scope.ALL);
    List<Finding> f =
        RuleFixture.run(spec, RuleCatalog.type("expression"), List.of(), RuleFixture.zone(""),
            RuleFixture.zone("www A 192.0.2.1\n@ MX 10 mail\n"));
    assertThat(f).extracting(Finding::type).containsExactly("MX");
  }
}
