package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TtlGuardTest {
  private static final RuleType T = TtlGuard.TYPE;

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("ttl-guard");
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.name()).isEqualTo("api.example.com.");
      assertThat(x.message()).contains("raised from 60 to 86400", "maxRaiseFactor 10");
    });
  }

  @Test
  void lowerAndUpperBoundsApplyToAddedAndUpdatedSets() {
    assertThat(RuleFixture.run(T, "", "api 5 A 93.184.216.34\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("TTL 5 is below minTtl 30"));
    assertThat(RuleFixture.run(T, "txt 3600 TXT \"a\"\n", "txt 1209600 TXT \"a\"\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("TTL 1209600 is above maxTtl 604800"));
  }

  @Test
  void boundsAreParams() {
    assertThat(RuleFixture.run(T, Map.of("minTtl", 300L), List.of(), "", "api 60 A 93.184.216.34\n")).hasSize(1);
    assertThat(RuleFixture.run(T, Map.of("minTtl", 5L), List.of(), "", "api 5 A 93.184.216.34\n")).isEmpty();
  }

  @Test
  void loweringIsFine() {
    assertThat(RuleFixture.run(T, "api 86400 A 93.184.216.34\n", "api 60 A 93.184.216.34\n")).isEmpty();
  }

  @Test
  void aRaiseUpToTheFactorIsFine() {
    assertThat(RuleFixture.run(T, "api 60 A 93.184.216.34\n", "api 600 A 93.184.216.35\n")).isEmpty();
    assertThat(RuleFixture.run(T, "api 60 A 93.184.216.34\n", "api 601 A 93.184.216.35\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("raised from 60 to 601 together with new records"));
  }

  @Test
  void raisingBackToAnHourWithTheSameRecordsEndsAMigration() {
    // Lowered to 60 before the move, raised back after it: the answer has been live all along.
    assertThat(RuleFixture.run(T, "api 60 A 93.184.216.34\n", "api 3600 A 93.184.216.34\n")).isEmpty();
    assertThat(RuleFixture.run(T, "api 300 A 93.184.216.34\n", "api 3600 A 93.184.216.34\n")).isEmpty();
    // Past an hour it warns, records changed or not.
    assertThat(RuleFixture.run(T, "api 300 A 93.184.216.34\n", "api 7200 A 93.184.216.34\n")).hasSize(1);
  }

  @Test
  void onlyAddressTypesAreGuardedAgainstRaises() {
    assertThat(RuleFixture.run(T, "@ 60 MX 10 mx1.example.net.\n", "@ 86400 MX 10 mx1.example.net.\n")).isEmpty();
    assertThat(RuleFixture.run(T, "www 60 CNAME cdn.example.net.\n", "www 3600 CNAME cdn2.example.net.\n")).hasSize(1);
    assertThat(RuleFixture.run(T, "v6 60 AAAA 2606:2800:220:1::1\n", "v6 86400 AAAA 2606:2800:220:1::1\n")).hasSize(1);
  }

  @Test
  void attributeLeavesAreNotGuardedAgainstRaises() {
    assertThat(RuleFixture.run(T, "_acme-challenge 60 CNAME a1.acme-dns.example.net.\n",
        "_acme-challenge 86400 CNAME b2.acme-dns.example.net.\n")).isEmpty();
  }

  @Test
  void boundsJudgeOnlyATtlTheChangeSets() {
    // A CDN name kept at 20 s gets a new address: its TTL is not this change's.
    assertThat(RuleFixture.run(T, "cdn 20 A 93.184.216.34\n", "cdn 20 A 93.184.216.35\n")).isEmpty();
    assertThat(RuleFixture.run(T, "cdn 60 A 93.184.216.34\n", "cdn 20 A 93.184.216.35\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("TTL 20 is below minTtl 30"));
  }

  @Test
  void deletesAndUntouchedSetsAreQuiet() {
    assertThat(RuleFixture.run(T, "api 5 A 93.184.216.34\nold 5 A 93.184.216.35\n", "api 5 A 93.184.216.34\n")).isEmpty();
  }

  @Test
  void aTtlOfExactlyMaxTtlIsAccepted() {
    assertThat(RuleFixture.run(T, "", "api 604800 A 93.184.216.34\n")).isEmpty();
    assertThat(RuleFixture.run(T, "", "api 604801 A 93.184.216.34\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo("A TTL 604801 is above maxTtl 604800"));
  }
}
