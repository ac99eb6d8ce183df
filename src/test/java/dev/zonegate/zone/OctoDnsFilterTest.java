package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.OctoDnsFilter.Action;
import dev.zonegate.zone.OctoDnsFilter.Record;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * octoDNS's filter processors as {@code octodns/processor/filter.py} (1.22) writes them, record by
 * record. Whole zones against octoDNS itself: {@code OctoDnsConfigDifferentialTest} (the sources'
 * side) and {@code OctoDnsPowerDnsParityTest} (both sides, against a real PowerDNS).
 */
class OctoDnsFilterTest {
  static final Location AT = new Location("config.yaml", 3);
  static final String ZONE = "example.com.";

  static Record rec(String name, String type, String... values) {
    return new Record(name, type, List.of(values));
  }

  @Test
  void typeListsKeepOrRemoveByType() {
    OctoDnsFilter allow = OctoDnsFilter.types("t", "T", AT, true, Set.of("A", "CNAME"), true);
    OctoDnsFilter reject = OctoDnsFilter.types("t", "T", AT, false, Set.of("A", "CNAME"), true);
    assertThat(allow.onSource(ZONE, rec("www", "A", "192.0.2.1"))).isEqualTo(Action.KEEP);
    assertThat(allow.onSource(ZONE, rec("", "MX", "10 mx.example.com."))).isEqualTo(Action.REMOVE);
    assertThat(reject.onSource(ZONE, rec("www", "A", "192.0.2.1"))).isEqualTo(Action.REMOVE);
    assertThat(reject.onSource(ZONE, rec("", "MX", "10 mx.example.com."))).isEqualTo(Action.KEEP);
  }

  @Test
  void includeTargetDecidesWhetherTheTargetIsFilteredAndSoWhatIsLeftAlone() {
    OctoDnsFilter both = OctoDnsFilter.types("t", "T", AT, false, Set.of("TXT"), true);
    OctoDnsFilter sourcesOnly = OctoDnsFilter.types("t", "T", AT, false, Set.of("TXT"), false);
    Record txt = rec("", "TXT", "\"v=spf1 -all\"");
    assertThat(both.onTarget(ZONE, txt)).isEqualTo(Action.REMOVE);
    assertThat(both.leavesAlone(ZONE, txt)).isTrue();
    assertThat(sourcesOnly.onSource(ZONE, txt)).isEqualTo(Action.REMOVE);
    assertThat(sourcesOnly.onTarget(ZONE, txt)).isEqualTo(Action.KEEP);
    assertThat(sourcesOnly.leavesAlone(ZONE, txt)).isFalse();
  }

  @Test
  void namesMatchExactlyOrByRegexSearch() {
    OctoDnsFilter f = OctoDnsFilter.names("n", "N", AT, false, Set.of("www", ""), List.of(Pattern.compile("acme")), true);
    assertThat(f.onSource(ZONE, rec("www", "A"))).isEqualTo(Action.REMOVE);
    assertThat(f.onSource(ZONE, rec("", "NS"))).isEqualTo(Action.REMOVE);
    assertThat(f.onSource(ZONE, rec("_acme-challenge.api", "TXT"))).as("search, not match").isEqualTo(Action.REMOVE);
    assertThat(f.onSource(ZONE, rec("WWW", "A"))).as("exact, as written").isEqualTo(Action.KEEP);
    assertThat(f.onSource(ZONE, rec("www2", "A"))).isEqualTo(Action.KEEP);
  }

  @Test
  void networksJudgeOnlyAddressesAndAnyValueInsideMatches() {
    OctoDnsFilter reject = OctoDnsFilter.networks("v", "V", AT, false, List.of("10.0.0.0/8", "2001:db8::/32"));
    OctoDnsFilter allow = OctoDnsFilter.networks("v", "V", AT, true, List.of("10.0.0.0/255.0.0.0"));
    assertThat(reject.onSource(ZONE, rec("db", "A", "192.0.2.5", "10.0.0.5"))).isEqualTo(Action.REMOVE);
    assertThat(reject.onSource(ZONE, rec("db", "A", "192.0.2.5"))).isEqualTo(Action.KEEP);
    assertThat(reject.onSource(ZONE, rec("api", "AAAA", "2001:db8::1"))).isEqualTo(Action.REMOVE);
    assertThat(reject.onSource(ZONE, rec("api", "AAAA", "2001:db9::1"))).isEqualTo(Action.KEEP);
    assertThat(allow.onSource(ZONE, rec("api", "AAAA", "::ffff:10.0.0.1"))).as("v6 is never in a v4 network")
        .isEqualTo(Action.REMOVE);
    assertThat(allow.onSource(ZONE, rec("", "MX", "10 mx.example.com."))).as("other types are left as they are")
        .isEqualTo(Action.KEEP);
    assertThat(allow.onTarget(ZONE, rec("db", "A", "192.0.2.5"))).as("always on the target too").isEqualTo(Action.REMOVE);
    assertThat(allow.leavesAlone(ZONE, rec("db", "A", "192.0.2.5"))).as("decided by value, not by name and type")
        .isFalse();
    assertThat(allow.onSource(ZONE, rec("db", "A", "not-an-address"))).isEqualTo(Action.REFUSE);
  }

  @Test
  void aNetworkPythonRefusesIsRefused() {
    assertThatThrownBy(() -> OctoDnsFilter.networks("v", "V", AT, false, List.of("10.0.0.1/8")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("10.0.0.1/8 is not a valid CIDR to use");
    assertThatThrownBy(() -> OctoDnsFilter.networks("v", "V", AT, false, List.of("010.0.0.0/8")))
        .isInstanceOf(IllegalArgumentException.class);
    // ip_network(int): a /32
    OctoDnsFilter one = OctoDnsFilter.networks("v", "V", AT, false, List.of(BigInteger.valueOf(0x0A000001L)));
    assertThat(one.onSource(ZONE, rec("x", "A", "10.0.0.1"))).isEqualTo(Action.REMOVE);
    assertThat(one.onSource(ZONE, rec("x", "A", "10.0.0.2"))).isEqualTo(Action.KEEP);
  }

  @Test
  void rootNsIsTheApexNsOnBothSides() {
    OctoDnsFilter f = OctoDnsFilter.rootNs("r", "R", AT);
    assertThat(f.onSource(ZONE, rec("", "NS", "ns1.example.net."))).isEqualTo(Action.REMOVE);
    assertThat(f.onTarget(ZONE, rec("", "NS", "ns1.example.net."))).isEqualTo(Action.REMOVE);
    assertThat(f.onSource(ZONE, rec("sub", "NS", "ns1.example.net."))).isEqualTo(Action.KEEP);
    assertThat(f.onSource(ZONE, rec("", "A", "192.0.2.1"))).isEqualTo(Action.KEEP);
  }

  @Test
  void rootNsChangesLeaveThePlanButNoZone() {
    OctoDnsFilter f = OctoDnsFilter.rootNsChanges("x", "X", AT);
    Record apexNs = rec("", "NS", "ns1.example.net.");
    assertThat(f.onSource(ZONE, apexNs)).isEqualTo(Action.KEEP);
    assertThat(f.onTarget(ZONE, apexNs)).isEqualTo(Action.KEEP);
    assertThat(f.excludesChange(apexNs)).isTrue();
    assertThat(f.excludesChange(rec("sub", "NS", "ns1.example.net."))).isFalse();
    assertThat(f.excludesChange(rec("", "A", "192.0.2.1"))).isFalse();
    assertThat(OctoDnsFilter.rootNs("r", "R", AT).excludesChange(apexNs)).as("that filter takes the record out").isFalse();
  }

  @Test
  void zoneNameIsASuffixWithOrWithoutTheDot() {
    OctoDnsFilter refuse = OctoDnsFilter.zoneName("z", "Z", AT, true, true);
    OctoDnsFilter remove = OctoDnsFilter.zoneName("z", "Z", AT, false, true);
    assertThat(refuse.onSource(ZONE, rec("www.example.com", "A"))).isEqualTo(Action.REFUSE);
    assertThat(refuse.onSource(ZONE, rec("wwwexample.com", "A"))).as("endswith, not a label match").isEqualTo(Action.REFUSE);
    assertThat(remove.onSource(ZONE, rec("www.example.com", "A"))).isEqualTo(Action.REMOVE);
    assertThat(remove.onSource(ZONE, rec("www", "A"))).isEqualTo(Action.KEEP);
    assertThat(remove.onSource(ZONE, rec("", "A"))).isEqualTo(Action.KEEP);
    assertThat(refuse.refusal(rec("www.example.com", "A"))).contains("ends with the zone's name");
  }

  @Test
  void theTargetsZoneLosesWhatItsFiltersTakeOutAndARefusalFailsThePlan() throws Exception {
    OctoDnsFilter noTxt = OctoDnsFilter.types("no-txt", "TypeRejectlistFilter", AT, false, Set.of("TXT"), true);
    OctoDnsSources sources = new OctoDnsSources(
        ZONE, List.of(new OctoDnsSources.Source("config", "config", OctoDnsOptions.DEFAULTS, null, null, false, false, AT)),
        List.of(), false, AT, Set.of(), false, null, List.of(noTxt));
    Zone live = new Zone(ZONE, List.of(
        new RRset(RRsetKey.of("www.example.com.", "A"), 300, List.of("192.0.2.1"), null),
        new RRset(RRsetKey.of("example.com.", "TXT"), 300, List.of("\"v=spf1 -all\""), null),
        new RRset(RRsetKey.of("example.com.", "SOA"), 300, List.of("ns1.example.net. h.example.com. 1 2 3 4 5"), null)), List.of());
    assertThat(sources.atTarget(live).rrsets().keySet())
        .containsExactlyInAnyOrder(RRsetKey.of("www.example.com.", "A"), RRsetKey.of("example.com.", "SOA"));
    OctoDnsSources none = new OctoDnsSources(ZONE, sources.sources(), List.of(), false, AT, Set.of(), false, null, List.of());
    assertThat(none.atTarget(live)).isSameAs(live);
    OctoDnsFilter zn = OctoDnsFilter.zoneName("zn", "octodns.processor.filter.ZoneNameFilter", AT, true, true);
    OctoDnsSources strict = new OctoDnsSources(ZONE, sources.sources(), List.of(), false, AT, Set.of(), false, null, List.of(zn));
    Zone bad = new Zone(ZONE, List.of(new RRset(RRsetKey.of("www.example.com.example.com.", "A"), 300, List.of("192.0.2.1"), null)),
        List.of());
    assertThatThrownBy(() -> strict.atTarget(bad)).isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("the target's zone example.com. holds www.example.com.example.com. A")
        .hasMessageContaining("so octoDNS fails planning the zone");
  }

  @Test
  void ownershipRecordsAreNamedAndReadAsOctoDnsNamesAndReadsThem() {
    OctoDnsFilter.Ownership o = new OctoDnsFilter.Ownership("_owner", "*octodns*", 60, false, false);
    assertThat(o.recordFor("www", "A")).isEqualTo("_owner.A.www");
    assertThat(o.recordFor("", "NS")).isEqualTo("_owner.NS");
    assertThat(o.recordFor("*.dev", "CNAME")).isEqualTo("_owner.CNAME._wildcard.dev");
    assertThat(o.marked("_owner.a.www")).isEqualTo("www\u0000A");
    assertThat(o.marked("_owner.ns")).isEqualTo("\u0000NS");
    assertThat(o.marked("_owner.cname._wildcard.dev")).isEqualTo("*.dev\u0000CNAME");
    assertThat(o.marked("_owner")).isNull();
    assertThat(o.isOwnership("_owner.a.www", "TXT", List.of("\"*octodns*\""))).isTrue();
    assertThat(o.isOwnership("_owner.a.www", "TXT", List.of("\"other\""))).isFalse();
    assertThat(o.isOwnershipName("_owner.a.www", "TXT")).isTrue();
    assertThat(o.isOwnership("www", "TXT", List.of("\"*octodns*\""))).isFalse();
    assertThat(o.badValue()).isNull();
    assertThat(new OctoDnsFilter.Ownership("_owner", "a;b", 60, false, false).badValue()).startsWith("unescaped ;");
    assertThat(new OctoDnsFilter.Ownership("_owner", "", 60, false, false).badValue()).isEqualTo("missing value(s)");
  }

  @Test
  void underOwnershipTheTargetKeepsOnlyWhatEitherSideMarksAndRefusesATakeOver() throws Exception {
    OctoDnsFilter own = OctoDnsFilter.ownership("own", "octodns.processor.ownership.OwnershipProcessor", AT,
        new OctoDnsFilter.Ownership("_owner", "*octodns*", 60, false, false));
    OctoDnsSources sources = new OctoDnsSources(
        ZONE, List.of(new OctoDnsSources.Source("config", "config", OctoDnsOptions.DEFAULTS, null, null, false, false, AT)),
        List.of(), false, AT, Set.of(), false, null, List.of(own));
    RRset mine = new RRset(RRsetKey.of("www.example.com.", "A"), 300, List.of("192.0.2.1"), null);
    RRset mark = new RRset(RRsetKey.of("_owner.a.www.example.com.", "TXT"), 60, List.of("\"*octodns*\""), null);
    RRset theirs = new RRset(RRsetKey.of("other.example.com.", "A"), 300, List.of("192.0.2.9"), null);
    RRset gone = new RRset(RRsetKey.of("old.example.com.", "A"), 300, List.of("192.0.2.7"), null);
    RRset goneMark = new RRset(RRsetKey.of("_owner.a.old.example.com.", "TXT"), 60, List.of("\"*octodns*\""), null);
    Zone live = new Zone(ZONE, List.of(mine, mark, theirs, gone, goneMark), List.of());
    Zone head = new Zone(ZONE, List.of(mine, mark), List.of());
    assertThat(sources.atTarget(live, head).rrsets().keySet()).as("another tool's host is left alone; what octoDNS marked is judged")
        .containsExactlyInAnyOrder(mine.key(), mark.key(), gone.key(), goneMark.key());
    RRset foreign = new RRset(RRsetKey.of("_owner.a.www.example.com.", "TXT"), 60, List.of("\"other-tool\""), null);
    Zone taken = new Zone(ZONE, List.of(mine, foreign), List.of());
    assertThatThrownBy(() -> sources.atTarget(taken, head)).isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("another owner's mark on www A").hasMessageContaining("allow_takeover is false");
  }

  @Test
  void ttlRestrictionRefusesOutsideItsRangeOrSetButALenientRecord() {
    OctoDnsFilter range = OctoDnsFilter.ttls("t", "TtlRestrictionFilter", AT, new OctoDnsFilter.TtlRange(60, 3600, null, null));
    assertThat(range.onSource(ZONE, new Record("www", "A", List.of("192.0.2.1"), 300, false))).isEqualTo(Action.KEEP);
    assertThat(range.onSource(ZONE, new Record("www", "A", List.of("192.0.2.1"), 30, false))).isEqualTo(Action.REFUSE);
    assertThat(range.onSource(ZONE, new Record("www", "A", List.of("192.0.2.1"), 7200, false))).isEqualTo(Action.REFUSE);
    assertThat(range.onSource(ZONE, new Record("www", "A", List.of("192.0.2.1"), 7200, true))).as("lenient").isEqualTo(Action.KEEP);
    assertThat(range.onTarget(ZONE, new Record("www", "A", List.of("192.0.2.1"), 7200, false))).as("sources only")
        .isEqualTo(Action.KEEP);
    assertThat(range.refusal(new Record("www", "A", List.of(), 7200, false))).startsWith("its TTL 7200 is above max_ttl 3600");
    OctoDnsFilter set = OctoDnsFilter.ttls("t", "TtlRestrictionFilter", AT, new OctoDnsFilter.TtlRange(1, 2, Set.of(300L), null));
    assertThat(set.onSource(ZONE, new Record("www", "A", List.of(), 300, false))).as("the set, not the range").isEqualTo(Action.KEEP);
    assertThat(set.onSource(ZONE, new Record("www", "A", List.of(), 60, false))).isEqualTo(Action.REFUSE);
    OctoDnsFilter broken = OctoDnsFilter.ttls("t", "TtlRestrictionFilter", AT, new OctoDnsFilter.TtlRange(1, 2, null, "min_ttl is a string"));
    assertThat(broken.onSource(ZONE, new Record("www", "A", List.of(), 1, false))).isEqualTo(Action.REFUSE);
  }

  @Test
  void acmeLeavesACertificateClientsChallengeRecordsAlone() throws Exception {
    OctoDnsFilter acme = OctoDnsFilter.acme("acme", "octodns.processor.acme.AcmeManagingProcessor", AT);
    assertThat(acme.acmeRecord(rec("_acme-challenge.www", "TXT"))).isTrue();
    assertThat(acme.acmeRecord(rec("_acme-challenge", "CNAME"))).isFalse();
    assertThat(acme.acmeRecord(rec("www", "TXT"))).isFalse();
    OctoDnsSources sources = new OctoDnsSources(
        ZONE, List.of(new OctoDnsSources.Source("config", "config", OctoDnsOptions.DEFAULTS, null, null, false, false, AT)),
        List.of(), false, AT, Set.of(), false, null, List.of(acme));
    RRset ours = new RRset(RRsetKey.of("_acme-challenge.example.com.", "TXT"), 300, List.of("\"*octoDNS*\"", "\"t\""), null);
    RRset client = new RRset(RRsetKey.of("_acme-challenge.www.example.com.", "TXT"), 60, List.of("\"cert\""), null);
    RRset inHead = new RRset(RRsetKey.of("_acme-challenge.api.example.com.", "TXT"), 60, List.of("\"old\""), null);
    Zone live = new Zone(ZONE, List.of(ours, client, inHead), List.of());
    Zone head = new Zone(ZONE, List.of(new RRset(inHead.key(), 60, List.of("\"*octoDNS*\"", "\"new\""), null)), List.of());
    assertThat(sources.atTarget(live, head).rrsets().keySet()).containsExactlyInAnyOrder(ours.key(), inHead.key());
  }

  @Test
  void clampBringsEachTtlIntoItsRange() {
    OctoDnsFilter clamp = OctoDnsFilter.clamp("c", "TtlClampProcessor", AT, new OctoDnsFilter.TtlRange(300, 86400, null, null));
    assertThat(clamp.clamps()).isTrue();
    assertThat(clamp.clamped(60)).isEqualTo(300);
    assertThat(clamp.clamped(3600)).isEqualTo(3600);
    assertThat(clamp.clamped(604800)).isEqualTo(86400);
    assertThat(OctoDnsFilter.clamp("c", "C", AT, new OctoDnsFilter.TtlRange(0, 0, null, "not numbers")).clamped(60)).isEqualTo(-1);
    assertThat(OctoDnsFilter.rootNs("r", "R", AT).clamped(60)).as("no other filter clamps").isEqualTo(60);
  }
}
