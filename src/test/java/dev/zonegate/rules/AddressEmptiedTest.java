package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressEmptiedTest {
  private static final RuleType T = AddressEmptied.TYPE;

  private static List<Finding> run(String before, String after) {
    return RuleFixture.run(T, before, after);
  }

  @Test
  void exampleFires() {
    assertThat(run(T.example().before(), T.example().after())).hasSize(1);
  }

  @Test
  void singleUnreferencedHostRetiredIsRoutine() {
    assertThat(run("old A 192.0.2.1\nwww A 192.0.2.2\n", "www A 192.0.2.2\n")).isEmpty();
  }

  @Test
  void poolEmptiedWhileCnamesPointAtItFiresAndNamesThem() {
    StringBuilder pool = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      pool.append("db.us-east-1 A 192.0.2.").append(i).append('\n');
    }
    String refs = "api CNAME db.us-east-1\nreports CNAME db.us-east-1\n";
    List<Finding> f = run(pool + refs, refs);
    assertThat(f).hasSize(1);
    Finding x = f.get(0);
    assertThat(x.rule()).isEqualTo("address-emptied");
    assertThat(x.name()).isEqualTo("db.us-east-1.example.com.");
    assertThat(x.type()).isEqualTo("A");
    assertThat(x.before()).hasSize(8);
    assertThat(x.message())
        .startsWith("db.us-east-1.example.com. no longer resolves: its 8 addresses are removed and 2 CNAMEs still point at it (")
        .contains("api.example.com.", "reports.example.com.")
        .contains("load-balanced");
    // The line that still points at the name, since the deleted one has none.
    assertThat(x.location()).isNotNull();
  }

  @Test
  void aAndAaaaVanishingTogetherGiveOneFinding() {
    List<Finding> f = run("api A 192.0.2.1\napi AAAA 2001:db8::1\nwww CNAME api\n", "www CNAME api\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.before()).containsExactlyInAnyOrder("192.0.2.1", "2001:db8::1");
      assertThat(x.message()).contains("its 2 addresses are removed").contains("1 CNAME still points at it (www.example.com.)");
    });
  }

  @Test
  void nameKeepingOtherRecordsFires() {
    List<Finding> f = run("host A 192.0.2.1\nhost TXT \"v=1\"\n", "host TXT \"v=1\"\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message())
        .contains("its address 192.0.2.1 is removed").contains("keeps its other records (TXT)"));
  }

  @Test
  void mxTargetLosingItsAddressFires() {
    List<Finding> f = run("@ MX 10 mail\nmail A 192.0.2.25\n", "@ MX 10 mail\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("1 MX still points at it (example.com.)"));
  }

  @Test
  void criticalSingleHostFires() {
    List<Finding> f = RuleFixture.run(T, Map.of(), List.of("login"), "login A 192.0.2.1\n", "\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("critical"));
  }

  @Test
  void minPoolIsAParameter() {
    String before = "db A 192.0.2.1\ndb A 192.0.2.2\n";
    assertThat(RuleFixture.run(T, Map.of("minPool", 3L), List.of(), before, "\n")).isEmpty();
    assertThat(RuleFixture.run(T, Map.of("minPool", 2L), List.of(), before, "\n")).hasSize(1);
  }

  @Test
  void switchingBetweenAddressesAndAliasIsQuiet() {
    assertThat(run("db A 192.0.2.1\ndb A 192.0.2.2\n", "db CNAME lb.example.net.\n")).isEmpty();
    assertThat(run("db CNAME lb.example.net.\nwww CNAME db\n", "db A 192.0.2.1\nwww CNAME db\n")).isEmpty();
  }

  @Test
  void removedCnameStillReferencedFires() {
    List<Finding> f = run("db CNAME lb.example.net.\nwww CNAME db\n", "www CNAME db\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("CNAME");
      assertThat(x.message()).contains("its CNAME to lb.example.net. is removed");
    });
  }

  @Test
  void anEmptiedSetAsAProviderCanLeaveItFires() {
    // The 2025 outage: the record set stayed, with no records in it.
    RRsetKey k = RRsetKey.of("db.example.com.", "A");
    Zone before = new Zone("example.com.", List.of(new RRset(k, 60, List.of("192.0.2.1", "192.0.2.2"), null)), List.of());
    Zone after = new Zone("example.com.", List.of(new RRset(k, 60, List.of(), null)), List.of());
    List<Finding> f = RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), before, after);
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("no longer resolves"));
  }

  @Test
  void weightedSetsCountTogether() {
    Zone before =
        new Zone(
            "example.com.",
            List.of(
                new RRset(new RRsetKey("db.example.com.", "A", "east"), 60, List.of("192.0.2.1"), null),
                new RRset(new RRsetKey("db.example.com.", "A", "west"), 60, List.of("192.0.2.2"), null)),
            List.of());
    List<Finding> f = RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), before, Zone.empty("example.com."));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("its 2 addresses"));
  }
  @Test
  void anAcmeCnameSwappedForATxtIsQuiet() {
    // The false alarm from a real octoDNS repository: the name keeps a TXT, but nobody resolves
    // _acme-challenge to an address.
    assertThat(run("_acme-challenge CNAME x1.acme-dns.example.net.\n", "_acme-challenge TXT \"token\"\n")).isEmpty();
    assertThat(run("_acme-challenge.www CNAME x1.acme-dns.example.net.\nwww A 192.0.2.1\n",
        "_acme-challenge.www TXT \"token\"\nwww A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void aDkimSelectorMovedFromCnameToTxtIsQuiet() {
    assertThat(run("s1._domainkey CNAME s1.dkim.example.net.\n", "s1._domainkey TXT \"v=DKIM1; p=MIGf\"\n")).isEmpty();
  }

  @Test
  void aHostCnameSwappedForATxtStillFires() {
    // The same edit at a host name empties it while it keeps data: the rule's own case.
    List<Finding> f = run("app CNAME lb.example.net.\n", "app TXT \"token\"\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("keeps its other records (TXT)"));
  }

  @Test
  void aDualStackHostRetiredWholeIsRoutine() {
    assertThat(run("old A 192.0.2.1\nold AAAA 2001:db8::1\nwww A 192.0.2.2\n", "www A 192.0.2.2\n")).isEmpty();
  }

  @Test
  void aPoolIsCountedPerFamily() {
    List<Finding> f = run("db A 192.0.2.1\ndb A 192.0.2.2\ndb AAAA 2001:db8::1\n", "\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("its 3 addresses", "load-balanced"));
    assertThat(run("db AAAA 2001:db8::1\ndb AAAA 2001:db8::2\n", "\n")).hasSize(1);
  }

  @Test
  void glueOfARetiredDelegationIsQuiet() {
    // The root zone's shape: a child zone retired with its servers' glue.
    String child = "shop NS ns1.shop\nshop NS ns2.shop\nns1.shop A 192.0.2.53\nns1.shop AAAA 2001:db8::53\n"
        + "ns2.shop A 192.0.2.54\nns2.shop A 192.0.2.55\n";
    assertThat(run(child + "www A 192.0.2.1\n", "www A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void namesBelowAKeptDelegationAreTheChildsBusiness() {
    String cut = "dev NS ns1.example.net.\ndev NS ns2.example.net.\n";
    assertThat(run(cut + "db.dev A 192.0.2.1\ndb.dev A 192.0.2.2\n", cut)).isEmpty();
    // Turning a host into a delegated child: the child answers for it now.
    assertThat(run("dev A 192.0.2.1\ndev A 192.0.2.2\n", cut)).isEmpty();
  }

  @Test
  void anIpv6AddressWrittenWithALeadingDoubleColonCountsAsIpv6() {
    // '::2' is IPv6 like any other literal with a colon: with one A it is a dual-stack host.
    assertThat(run("old A 192.0.2.1\nold AAAA ::2\nwww A 192.0.2.2\n", "www A 192.0.2.2\n")).isEmpty();
  }

  @Test
  void theFindingIsPlacedOnWhatStaysAtTheNameOrPointsAtItOrTheFile() {
    // Kept records: the first of them. Referenced: the record that still points. Else the file.
    assertThat(run("x TXT \"x\"\napp A 192.0.2.1\n", "x TXT \"x\"\napp TXT \"token\"\n")).singleElement()
        .satisfies(x -> assertThat(x.location().line()).isEqualTo(4));
    assertThat(run("x TXT \"x\"\napp A 192.0.2.1\nwww CNAME app\n", "x TXT \"x\"\nwww CNAME app\n")).singleElement()
        .satisfies(x -> assertThat(x.location().line()).isEqualTo(4));
    assertThat(run(T.example().before(), T.example().after())).singleElement().satisfies(x -> {
      assertThat(x.location().path()).isEqualTo("example.com.zone");
      assertThat(x.location().line()).isZero();
    });
  }
}
