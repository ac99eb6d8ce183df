package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WildcardChangeTest {
  private static final RuleType T = WildcardChange.TYPE;

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("wildcard-change");
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.name()).isEqualTo("*.example.com.");
      assertThat(x.message()).contains("wildcard *.example.com. A added", "every name below example.com.");
    });
  }

  @Test
  void changesAndDeletesOfDeeperWildcardsFire() {
    assertThat(RuleFixture.run(T, "*.dev A 93.184.216.34\n", "*.dev A 93.184.216.35\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("*.dev.example.com. A changed", "below dev.example.com."));
    assertThat(RuleFixture.run(T, "*.dev TXT \"x\"\n", "")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("deleted"));
  }

  @Test
  void ordinaryNamesAndAnUntouchedWildcardAreQuiet() {
    assertThat(RuleFixture.run(T, "* A 93.184.216.34\nwww A 93.184.216.34\n", "* A 93.184.216.34\nwww A 93.184.216.35\n"))
        .isEmpty();
    assertThat(RuleFixture.run(T, "", "a.*.b TXT \"not a wildcard\"\n")).isEmpty();
  }
  @Test
  void aTtlOnlyUpdateIsQuiet() {
    assertThat(RuleFixture.run(T, "*.apps 3600 CNAME lb.example.net.\n", "*.apps 300 CNAME lb.example.net.\n")).isEmpty();
    assertThat(RuleFixture.run(T, "*.apps 3600 CNAME lb.example.net.\n", "*.apps 300 CNAME lb2.example.net.\n"))
        .hasSize(1);
  }

  @Test
  void aRootZoneWildcardAnswersBelowTheRoot() {
    // In the root zone '*.' is the wildcard: it answers for every name below '.'.
    Zone before = Zone.empty(".");
    Zone after = new Zone(".", List.of(new RRset(
        RRsetKey.of("*.", "A"), 300, List.of("192.0.2.1"), null)), List.of());
    RuleSpec spec = RuleFixture.spec(T, Map.of());
    RuleInput in = new RuleInput(".", before, after, ZoneDiff.diff(before, after), List.of(),
        ZoneFormat.MASTER, null, null);
    List<Finding> out = new ArrayList<>();
    T.factory().apply(spec).check(in, new Findings(spec, ".", out::add));
    assertThat(out).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("wildcard *. A added: it answers for every name below . that has no records of its own (RFC 4592)"));
  }
}
