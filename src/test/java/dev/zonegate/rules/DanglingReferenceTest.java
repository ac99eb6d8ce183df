package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DanglingReferenceTest {
  private static final RuleType T = DanglingReference.TYPE;

  private static List<Finding> run(String before, String after) {
    return RuleFixture.run(T, before, after);
  }

  @Test
  void exampleFires() {
    List<Finding> f = run(T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("dangling-reference");
      assertThat(x.name()).isEqualTo("app.example.com.");
      assertThat(x.message()).contains("www.example.com. CNAME app.example.com.").contains("names nothing");
      assertThat(x.location()).isNotNull(); // the CNAME line that still points
    });
  }

  @Test
  void addedCnameToNothingFires() {
    List<Finding> f = run("app A 192.0.2.1\n", "app A 192.0.2.1\nwww CNAME ap\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("www.example.com.");
      assertThat(x.type()).isEqualTo("CNAME");
      assertThat(x.message()).contains("www.example.com. CNAME points at ap.example.com., which names nothing in the zone");
    });
  }

  @Test
  void outOfZoneTargetsAreNotJudged() {
    assertThat(run("\n", "www CNAME cdn.example.net.\n@ MX 10 mx.example.org.\n")).isEmpty();
  }

  @Test
  void mxTargetWithoutAddressFires() {
    List<Finding> f = run("mail TXT \"x\"\n", "mail TXT \"x\"\n@ MX 10 mail\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("has no address"));
  }

  @Test
  void targetThatIsACnameToSomethingCounts() {
    assertThat(run("host A 192.0.2.1\nmail CNAME host\n", "host A 192.0.2.1\nmail CNAME host\n@ MX 10 mail\n")).isEmpty();
    assertThat(run("\n", "mail CNAME mx.example.net.\n@ MX 10 mail\n")).isEmpty();
  }

  @Test
  void brokenChainIsReported() {
    List<Finding> f = run("\n", "a CNAME b\n@ MX 10 a\n");
    assertThat(f).extracting(Finding::name).containsExactlyInAnyOrder("example.com.", "a.example.com.");
    assertThat(f).anySatisfy(x -> assertThat(x.message()).contains("points at a.example.com., which leads via CNAME to b.example.com., which names nothing"));
  }

  @Test
  void cnameLoopFires() {
    List<Finding> f = run("\n", "a CNAME b\nb CNAME a\n");
    assertThat(f).hasSize(2).allSatisfy(x -> assertThat(x.message()).contains("CNAME loop"));
  }

  @Test
  void oldDanglingReferenceElsewhereIsNotReported() {
    assertThat(run("old CNAME gone\n", "old CNAME gone\nnew A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void keptDanglingRecordInAChangedSetIsReportedAsOldAndWarns() {
    List<Finding> f = run("@ MX 10 gone\n", "@ MX 10 gone\n@ MX 20 mx.example.net.\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("already so before");
      assertThat(x.severity()).isEqualTo(Severity.WARN);
    });
    // octoDNS's own test zone: an SRV whose targets never existed gets a new port.
    f = run("_srv._tcp SRV 10 20 30 foo-1\n", "_srv._tcp SRV 10 20 31 foo-1\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARN));
  }

  @Test
  void aChangedSetWithANewDanglingRecordStillBlocks() {
    List<Finding> f = run("@ MX 10 gone\n", "@ MX 10 gone\n@ MX 20 alsogone\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.message()).contains("alsogone.example.com., which names nothing in the zone", "already so before");
    });
  }

  @Test
  void everyFailingTargetOfASetIsSaidInOneMessage() {
    List<Finding> f = run("@ MX 10 gone\n", "@ MX 10 gone\n@ MX 20 alsogone\n@ MX 30 mx.example.net.\nbare TXT x\n@ MX 40 bare\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).isEqualTo(
        "example.com. MX points at gone.example.com., which names nothing in the zone (already so before this change);"
            + " alsogone.example.com., which names nothing in the zone; bare.example.com., which has no address (A/AAAA)"));
  }

  @Test
  void anAttributeLeafCnameToNothingInTheZoneBlocks() {
    // The DKIM verifier's TXT lookup would fail; out-of-zone and delegated targets are not judged.
    assertThat(run("\n", "s1._domainkey CNAME s1.dkim\n")).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.BLOCK));
    assertThat(run("\n", "_acme-challenge.www CNAME x1.acme-dns.example.net.\n")).isEmpty();
    assertThat(run("auth NS ns.auth\nns.auth A 192.0.2.53\n",
        "auth NS ns.auth\nns.auth A 192.0.2.53\n_acme-challenge.www CNAME 3f5c.auth\n")).isEmpty();
  }

  @Test
  void deletingAnMxTargetFiresOnceAtTheDeletedName() {
    List<Finding> f = run("@ MX 10 mail\nmail A 192.0.2.25\nmail TXT \"x\"\n", "@ MX 10 mail\nmail TXT \"x\"\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("mail.example.com.");
      assertThat(x.type()).isEqualTo("A");
      assertThat(x.message()).contains("example.com. MX 10 mail.example.com.").contains("has no address");
    });
  }

  @Test
  void referrerChangedToo_reportedOnce() {
    List<Finding> f = run("www CNAME app\napp A 192.0.2.1\n", "www CNAME ap\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.name()).isEqualTo("www.example.com."));
  }

  @Test
  void delegationGlueIsRequiredForNsBelowTheCut() {
    List<Finding> f = run("\n", "dev NS ns1.dev\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("no glue"));
    assertThat(run("\n", "dev NS ns1.dev\nns1.dev A 192.0.2.53\n")).isEmpty();
  }

  @Test
  void nonNsTargetsInsideADelegatedChildAreTheChildsBusiness() {
    assertThat(run("dev NS ns.example.net.\n", "dev NS ns.example.net.\nwww CNAME app.dev\n")).isEmpty();
  }

  @Test
  void wildcardAnswersForTheTarget() {
    assertThat(run("* A 192.0.2.1\n", "* A 192.0.2.1\nwww CNAME anything\n")).isEmpty();
  }

  @Test
  void dnameNeedsOnlySomethingBelowItsTarget() {
    assertThat(run("a.old A 192.0.2.1\n", "a.old A 192.0.2.1\nnew DNAME old\n")).isEmpty();
    assertThat(run("\n", "new DNAME old\n")).hasSize(1);
  }

  @Test
  void aLosingNameFindingPointsAtTheReferrersLine() {
    // The reviewer must fix the record that still points, so the finding is placed on its line,
    // not on the deleted address's.
    List<Finding> f = run("app A 192.0.2.1\nx TXT \"x\"\nwww CNAME app\n", "x TXT \"x\"\nwww CNAME app\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("app.example.com.");
      assertThat(x.location().line()).isEqualTo(4); // "www CNAME app", after $ORIGIN and $TTL
    });
  }

  @Test
  void aReferrerWhoseOwnSetChangedIsReportedOnlyForItsSet() {
    // The MX set is edited and its remaining target deleted: one finding on the MX set, none on
    // the deleted name for the same reference.
    List<Finding> f = run("@ MX 10 mail\n@ MX 20 mail2\nmail A 192.0.2.25\nmail2 A 192.0.2.26\n",
        "@ MX 10 mail\nmail2 A 192.0.2.26\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("MX");
    });
  }

  @Test
  void aCnameChainOfSixteenHopsIsFollowedAndALongerOneIsNot() {
    StringBuilder chain = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      chain.append("c").append(i).append(" CNAME c").append(i + 1).append('\n');
    }
    String sixteen = chain + "c15 A 192.0.2.1\n";
    assertThat(run(sixteen, sixteen + "www CNAME c0\n")).isEmpty();
    String seventeen = chain + "c15 CNAME c16\nc16 A 192.0.2.1\n";
    assertThat(run(seventeen, seventeen + "www CNAME c0\n")).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("www.example.com. CNAME points at c0.example.com., which is a CNAME chain longer than 16"));
  }

  @Test
  void aTargetWithoutAddressSaysWhetherItIsReachedThroughACname() {
    assertThat(run("host TXT \"x\"\n", "host TXT \"x\"\n@ MX 10 host\n")).singleElement()
        .satisfies(x -> assertThat(x.message())
            .isEqualTo("example.com. MX points at host.example.com., which has no address (A/AAAA)"));
    assertThat(run("host TXT \"x\"\nalias CNAME host\n", "host TXT \"x\"\nalias CNAME host\n@ MX 10 alias\n"))
        .singleElement().satisfies(x -> assertThat(x.message()).isEqualTo("example.com. MX points at alias.example.com.,"
            + " which leads via CNAME to host.example.com., which has no address (A/AAAA)"));
  }

  @Test
  void theMissingGlueMessageNamesTheDelegation() {
    assertThat(run("\n", "dev NS ns1.dev\n")).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("dev.example.com. NS points at ns1.dev.example.com., which is below the delegation dev.example.com."
            + " and has no glue address (A/AAAA)"));
  }

  @Test
  void anEmptyNonTerminalTargetNamesNothingEvenUnderAWildcard() {
    // RFC 4592 §2.2.2: a wildcard does not answer for a name that exists as an empty non-terminal.
    String zone = "* A 192.0.2.1\nx.b A 192.0.2.2\n";
    assertThat(run(zone, zone + "www CNAME b\n")).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("www.example.com. CNAME points at b.example.com., which names nothing in the zone"));
  }

  private static RRset set(String name, String type, String rdata) {
    return new RRset(RRsetKey.of(name, type), 300, List.of(rdata), null);
  }

  /** The rule on zones built in code, as live sources give them: no file, no line numbers. */
  private static List<Finding> runSets(List<RRset> before, List<RRset> after) {
    return RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(),
        new Zone("example.com.", before, List.of()),
        new Zone("example.com.", after, List.of()));
  }

  @Test
  void aProviderAliasCountsAsAnAddressForAnMxTarget() {
    // An ALIAS (flattened at the provider) answers address queries, so an MX may point at it.
    List<RRset> zone = List.of(set("host.example.com.", "ALIAS", "lb.example.net."));
    List<RRset> withMx = new ArrayList<>(zone);
    withMx.add(set("example.com.", "MX", "10 host.example.com."));
    assertThat(runSets(zone, withMx)).isEmpty();
  }

  @Test
  void anEmptySetAtTheTargetIsNoDataThere() {
    // A provider can list a set with no records (the 2025 outage's emptied endpoint): it answers
    // nothing, so a CNAME to a name holding only that names nothing.
    List<RRset> zone = List.of(
        new RRset(RRsetKey.of("db.example.com.", "A"), 300, List.of(), null),
        set("app.example.com.", "A", "192.0.2.1"));
    List<RRset> withCnames = new ArrayList<>(zone);
    withCnames.add(set("www.example.com.", "CNAME", "db.example.com."));
    withCnames.add(set("api.example.com.", "CNAME", "app.example.com."));
    assertThat(runSets(zone, withCnames)).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("www.example.com. CNAME points at db.example.com., which names nothing in the zone"));
  }

  @Test
  void withoutLineNumbersALosingNameFindingFallsBackToTheFile() {
    List<Finding> f = runSets(List.of(set("app.example.com.", "A", "192.0.2.1"), set("www.example.com.", "CNAME", "app.example.com.")),
        List.of(set("www.example.com.", "CNAME", "app.example.com.")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.location().path()).isEqualTo("example.com.zone");
      assertThat(x.location().line()).isZero();
    });
  }

  @Test
  void theParentOfANameIsItOneLabelUp() {
    // Absolute names without escapes take a short path; the rest split into labels.
    String[][] cases = {
      {"a.b.", "b."}, {"a.", "."}, {".", null}, {"", null}, {"www.example.com.", "example.com."},
      {"a..b.", ".b."}, {"a..", "."}, {".a.", "a."}, {"a\\.b.c.", "c."}, {"a.b", "b."}, {"a", "."},
      {"*.example.", "example."}
    };
    for (String[] c : cases) {
      assertThat(Names.parent(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }
}
