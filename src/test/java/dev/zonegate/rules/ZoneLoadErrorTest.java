package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZoneLoadErrorTest {
  private static final RuleType T = ZoneLoadError.TYPE;
  private static final String SOA = "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n";
  /** A zone named loads: SOA, two NS (one in the zone, with its address), a host. */
  private static final String OK = SOA + "@ NS ns1\n@ NS ns2.example.net.\nns1 A 192.0.2.53\nwww A 192.0.2.10\n";
  private static final String KEY =
      "VXqoNtjhaCmnUrDotGAkXyTRWEyycFlSe+lS69M24YC7ROqm1BlkXbbD5xSoAdxL1Yg1fY4FdsDBNcXK+Gtnag==";
  private static final String DIGEST = "953DC775F82D2D362FFD027FD617F174A270E4B8DC25D23672ACBCDB19602BA6";

  private static List<Finding> run(String before, String after) {
    return RuleFixture.run(T, before, after);
  }

  private static String message(String before, String after) {
    List<Finding> f = run(before, after);
    assertThat(f).as("findings for\n" + after).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("zone-load-error");
    assertThat(f.get(0).severity()).isEqualTo(Severity.BLOCK);
    return f.get(0).message();
  }

  @Test
  void exampleFires() {
    assertThat(RuleFixture.run(T, T.example().before(), T.example().after())).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("NS");
      assertThat(x.message()).isEqualTo("named would not load the zone: the apex NS ns1.example.com. is a CNAME");
      assertThat(x.location()).isNotNull();
    });
  }

  @Test
  void aZoneNamedLoadsIsQuiet() {
    assertThat(run(OK, OK.replace("192.0.2.10", "192.0.2.11"))).isEmpty();
    assertThat(run(OK, OK + "ns1 AAAA 2001:db8::53\n")).isEmpty();
  }

  @Test
  void theSoaOrTheApexNsGoingFires() {
    assertThat(message(OK, OK.replace(SOA, ""))).endsWith("the zone has no SOA record");
    assertThat(message(OK, OK.replace("@ NS ns1\n@ NS ns2.example.net.\n", ""))).endsWith("the zone has no NS records");
    assertThat(message(OK, OK + "@ SOA ns2 hostmaster 1 7200 900 1209600 300\n")).endsWith("the zone has 2 SOA records; it takes one");
  }

  @Test
  void anApexNsNameInTheZoneNeedsAnAddressNamedCanFind() {
    assertThat(message(OK, OK.replace("ns1 A 192.0.2.53\n", ""))).endsWith("the apex NS ns1.example.com. is in the zone and has no address records (A or AAAA)");
    assertThat(message(OK, OK.replace("ns1 A 192.0.2.53\n", "ns1 TXT \"x\"\n"))).contains("has no address records");
    // An empty non-terminal has no address, and a wildcard does not answer for it.
    assertThat(message(OK, OK.replace("ns1 A 192.0.2.53\n", "a.ns1 A 192.0.2.53\n* A 192.0.2.54\n"))).contains("has no address records");
    assertThat(message(OK, OK.replace("ns1 A 192.0.2.53\n", "ns1 CNAME dns.example.net.\n"))).endsWith("the apex NS ns1.example.com. is a CNAME");
    assertThat(message(OK, OK.replace("@ NS ns1\n", "@ NS ns1.d\n") + "d DNAME other.example.\n"))
        .endsWith("the apex NS ns1.d.example.com. is below the DNAME at d.example.com.");
    assertThat(message(OK, OK + "@ DNAME other.example.\n")).endsWith("the apex NS ns1.example.com. is below the DNAME at example.com.");
    assertThat(message(OK, OK.replace("ns1 A 192.0.2.53\n", "* CNAME dns.example.net.\n")))
        .endsWith("the apex NS ns1.example.com. is a CNAME (by the wildcard *.example.com.)");
  }

  @Test
  void anNsNameNamedDoesNotLookUpIsQuiet() {
    // Out of the zone; below or at a delegation (glue); answered by a wildcard; AAAA only.
    String base = SOA + "@ NS ns1.example.net.\n@ NS ns2.example.net.\nwww A 192.0.2.10\n";
    assertThat(run(base, base)).isEmpty();
    assertThat(run(OK, OK.replace("@ NS ns1\n", "@ NS ns.sub\n") + "sub NS ns.sub\n")).isEmpty();
    assertThat(run(OK, OK.replace("@ NS ns1\n", "@ NS sub\n") + "sub NS ns.example.net.\n")).isEmpty();
    assertThat(run(OK, OK.replace("ns1 A 192.0.2.53\n", "* A 192.0.2.54\n"))).isEmpty();
    assertThat(run(OK, OK.replace("ns1 A 192.0.2.53\n", "ns1 AAAA 2001:db8::53\n"))).isEmpty();
    // A delegation above a DNAME makes the name glue; a DNAME beside a delegation is below it.
    assertThat(run(OK, OK.replace("@ NS ns1\n", "@ NS ns1.d.s\n") + "s NS ns.example.net.\nd.s DNAME other.example.\n")).isEmpty();
    assertThat(run(OK, OK.replace("@ NS ns1\n", "@ NS ns1.d\n") + "d NS ns.example.net.\nd DNAME other.example.\n")).isEmpty();
    // A DNAME at the NS name itself redirects only the names below it.
    assertThat(run(OK, OK + "ns1 DNAME other.example.\n")).isEmpty();
  }

  @Test
  void cdsAndCdnskeyNeedAnApexDnskeyOfTheirAlgorithm() {
    String signed = OK + "@ DNSKEY 257 3 13 " + KEY + "\n";
    assertThat(run(signed, signed + "@ CDS 30558 13 2 " + DIGEST + "\n")).isEmpty();
    // named 9.18 matches the algorithm only: another key's digest of that algorithm loads.
    assertThat(run(signed, signed + "@ CDS 1 13 2 " + DIGEST + "\n")).isEmpty();
    assertThat(run(signed, signed + "@ CDNSKEY 257 3 13 " + KEY + "\n")).isEmpty();
    assertThat(message(signed, signed + "@ CDS 30558 8 2 " + DIGEST + "\n"))
        .endsWith("the CDS set names algorithm 8 and no apex DNSKEY has it");
    assertThat(message(OK, OK + "@ CDNSKEY 257 3 13 " + KEY + "\n"))
        .endsWith("the CDNSKEY set names algorithm 13 and no apex DNSKEY has it");
    assertThat(message(signed, signed + "@ CDS 30558 13 2 " + DIGEST + "\n@ CDS 0 0 0 00\n"))
        .endsWith("the CDS delete request (0 0 0 00) is not alone in its set");
    // The delete requests need no key; a CDS below the apex is a child's business.
    assertThat(run(OK, OK + "@ CDS 0 0 0 00\n@ CDNSKEY 0 3 0 AA==\n")).isEmpty();
    assertThat(run(OK, OK + "sub CDS 30558 8 2 " + DIGEST + "\n")).isEmpty();
  }

  @Test
  void anNsec3paramNeedsASupportedHash() {
    assertThat(run(OK, OK + "@ NSEC3PARAM 1 0 0 -\n")).isEmpty();
    assertThat(run(OK, OK + "@ NSEC3PARAM 1 0 0 -\n@ NSEC3PARAM 2 0 0 -\n")).isEmpty();
    assertThat(message(OK, OK + "@ NSEC3PARAM 2 0 0 -\n")).endsWith("no NSEC3PARAM record has a hash algorithm named supports (1, SHA-1)");
  }

  @Test
  void severalDnamesAtOneNameFire() {
    assertThat(message(OK, OK + "d DNAME a.example.net.\nd DNAME b.example.net.\n"))
        .endsWith("d.example.com. has 2 DNAME records; it takes one");
  }

  @Test
  void aProblemTheReplacedZoneHadIsOldNews() {
    // A file without SOA (a zone whose SOA is made elsewhere) stays readable and quiet.
    String noSoa = OK.replace(SOA, "");
    assertThat(run(noSoa, noSoa.replace("192.0.2.10", "192.0.2.11"))).isEmpty();
    String noAddress = OK.replace("ns1 A 192.0.2.53\n", "");
    assertThat(run(noAddress, noAddress + "api A 192.0.2.20\n")).isEmpty();
    // A new problem beside an old one fires for the new one only.
    assertThat(message(noSoa, noSoa.replace("ns1 A 192.0.2.53\n", ""))).contains("ns1.example.com. is in the zone and has no address");
  }

  @Test
  void aNewZoneIsJudgedWhole() {
    assertThat(RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), Zone.empty("example.com."), RuleFixture.zone(OK)))
        .isEmpty();
    assertThat(RuleFixture.run(RuleFixture.spec(T, Map.of()), T, List.of(), Zone.empty("example.com."),
        RuleFixture.zone("@ NS ns1.example.net.\nwww A 192.0.2.10\n")))
        .singleElement().satisfies(x -> assertThat(x.message()).endsWith("the zone has no SOA record"));
  }

  @Test
  void anEmptyProposalIsZoneEmptiedsAndCnamesAreCnameConflicts() {
    assertThat(run(OK, "")).isEmpty();
    assertThat(run(OK, OK + "www CNAME cdn.example.net.\n")).isEmpty();
    assertThat(run(OK, OK + "c CNAME a.example.net.\nc CNAME b.example.net.\n")).isEmpty();
  }

  @Test
  void onlyMasterFilesAreJudged() {
    Zone before = RuleFixture.zone(OK);
    Zone after = RuleFixture.zone(OK.replace(SOA, ""));
    for (ZoneFormat format : ZoneFormat.values()) {
      assertThat(RuleFixture.run(T, before, after, format)).as(format.word()).hasSize(format == ZoneFormat.MASTER ? 1 : 0);
    }
  }

}
