package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApexNsChangeTest {
  private static final RuleType T = ApexNsChange.TYPE;
  private static final String NS2 = "@ NS ns1.example.net.\n@ NS ns2.example.net.\n";

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("apex-ns-change");
  }

  @Test
  void replacingAServerNamesWhatWentAndCame() {
    List<Finding> f = RuleFixture.run(T, NS2, "@ NS ns1.example.net.\n@ NS ns3.example.org.\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("NS");
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.message()).contains("removes ns2.example.net.", "adds ns3.example.org.");
      assertThat(x.message()).doesNotContain("remain");
      assertThat(x.location()).isNotNull();
    });
  }

  @Test
  void fewerThanMinNsLeftIsSaid() {
    List<Finding> f = RuleFixture.run(T, NS2, "@ NS ns1.example.net.\n");
    assertThat(f).singleElement().satisfies(x ->
        assertThat(x.message()).contains("removes ns2.example.net.", "only 1 name server remains", "at least 2"));
  }

  @Test
  void deletingTheApexNsFires() {
    List<Finding> f = RuleFixture.run(T, NS2 + "www A 93.184.216.34\n", "www A 93.184.216.34\n");
    assertThat(f).singleElement().satisfies(x ->
        assertThat(x.message()).contains("apex NS set deleted", "only 0 name servers remain"));
  }

  @Test
  void minNsIsAParam() {
    String three = NS2 + "@ NS ns3.example.net.\n";
    List<Finding> f = RuleFixture.run(T, Map.of("minNs", 4L), List.of(), three, NS2 + "@ NS ns4.example.org.\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("only 3 name servers remain"));
  }

  @Test
  void aTtlOnlyChangeOfTheApexNsIsQuiet() {
    assertThat(RuleFixture.run(T, "@ 300 NS ns1.example.net.\n@ 300 NS ns2.example.net.\n",
        "@ 86400 NS ns1.example.net.\n@ 86400 NS ns2.example.net.\n")).isEmpty();
  }

  @Test
  void unrelatedChangesAndDelegationsBelowTheApexAreQuiet() {
    assertThat(RuleFixture.run(T, NS2 + "www A 93.184.216.34\n",
        NS2 + "www A 93.184.216.35\ndev NS ns9.example.org.\n")).isEmpty();
  }

  @Test
  void anOldSingleServerApexIsNotThisChangesProblem() {
    assertThat(RuleFixture.run(T, "@ NS ns1.example.net.\nwww A 93.184.216.34\n",
        "@ NS ns1.example.net.\nwww A 93.184.216.35\n")).isEmpty();
  }

  @Test
  void soaMnameChangeFires() {
    List<Finding> f = RuleFixture.run(T,
        "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n" + NS2,
        "@ SOA ns9.example.org. hostmaster 2 7200 900 1209600 300\n" + NS2);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("SOA");
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.message()).contains("MNAME", "ns1.example.com.", "ns9.example.org.");
    });
  }

  @Test
  void soaSerialRnameOrTimerChangesAreQuiet() {
    assertThat(RuleFixture.run(T,
        "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n" + NS2,
        "@ SOA ns1 dns-admin 2 3600 900 1209600 60\n" + NS2)).isEmpty();
  }

  @Test
  void soaOnOneSideOnlyIsQuiet() {
    assertThat(RuleFixture.run(T, "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n" + NS2, NS2)).isEmpty();
  }

  @Test
  void aNewZonesFirstNameServersAreNotAMove() {
    assertThat(RuleFixture.run(ApexNsChange.TYPE, "", "@ NS ns1.example.net.\n@ NS ns2.example.org.\n")).isEmpty();
  }

  @Test
  void anEmptySoaSetFromAProviderNamesNoPrimary() {
    // A live source may hand over an SOA set without records: there is no MNAME to compare.
    RRsetKey soa = RRsetKey.of("example.com.", "SOA");
    Zone before = new Zone("example.com.",
        List.of(new RRset(soa, 300, List.of(), null)), List.of());
    Zone after = new Zone("example.com.", List.of(new RRset(
        soa, 300, List.of("ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300"), null)), List.of());
    assertThat(RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), before, after)).isEmpty();
  }
}
