package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftRevertTest {
  private static final RuleType T = DriftRevert.TYPE;

  /** The rule on a three-way input: base (what the change was written against), live, head. */
  private static List<Finding> run(String base, String live, String head) {
    Zone b = RuleFixture.zone(base);
    Zone l = RuleFixture.zone(live);
    Zone h = RuleFixture.zone(head);
    RuleSpec spec = RuleFixture.spec(T, Map.of());
    RuleInput in =
        new RuleInput("example.com.", l, h, ZoneDiff.effective(b, l, h), List.of(), ZoneFormat.MASTER,
                new Location("example.com.zone", 0), null)
            .withBase(b, List.of());
    List<Finding> out = new ArrayList<>();
    T.factory().apply(spec).check(in, new Findings(spec, "example.com.", out::add));
    return out;
  }

  @Test
  void theMessageSaysWhetherHeadPutsBaseBackOrReplacesTheLiveValue() {
    // Untouched by the author, deploying restores base; edited, it overwrites the hotfix with
    // a value written without knowing it. Either way the live value is named as lost.
    assertThat(run("www A 192.0.2.14\n", "www A 192.0.2.15\n", "www A 192.0.2.14\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("; deploying puts base's value back: [192.0.2.14] ttl 300;"));
    assertThat(run("www A 192.0.2.14\n", "www A 192.0.2.15\n", "www A 192.0.2.16\n")).singleElement()
        .satisfies(x -> assertThat(x.message())
            .contains("; deploying this change, written against base, replaces it with [192.0.2.16] ttl 300;"));
  }

  @Test
  void recordsUpTo200CharactersAreShownWhole() {
    String txt200 = "\"" + "a".repeat(198) + "\"";
    assertThat(txt200).hasSize(200);
    assertThat(run("t TXT \"base\"\n", "t TXT " + txt200 + "\n", "t TXT \"base\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("live has [" + txt200 + "] ttl 300"));
  }

  @Test
  void aRecordAddedOnlyOnTheLiveServersIsDeletedByDeploying() {
    assertThat(run("www A 192.0.2.14\n", "www A 192.0.2.14\nx A 192.0.2.1\n", "www A 192.0.2.14\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("(base has nothing, live has [192.0.2.1] ttl 300); deploying puts"
            + " base's value back: nothing; the live value [192.0.2.1] ttl 300 would be lost"));
  }
}
