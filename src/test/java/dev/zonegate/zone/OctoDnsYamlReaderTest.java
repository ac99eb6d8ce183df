package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.testing.Bounded;
import dev.zonegate.testing.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Master;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class OctoDnsYamlReaderTest {
  private static final String ORIGIN = "example.com.";
  private static final Path RESOURCES = Path.of("src/test/resources/octodns");
  private static final Path FORMATS = Path.of("testdata/formats");

  @TempDir Path dir;

  private final OctoDnsYamlReader reader = new OctoDnsYamlReader();

  // ---------------------------------------------------------------- value conversion

  /**
   * Every RRset of all-types.yaml, with its TTL and the master-file rdata it must equal once both
   * are canonical: the YAML reader must give what the master-file reader gives for the same data.
   */
  @Test
  void everyTypeGivesTheRdataOfTheSameMasterFileRecord() throws Exception {
    Zone zone = reader.read(new DirectoryTree(RESOURCES), "all-types.yaml", ORIGIN);

    Map<String, Expected> want = new HashMap<>();
    expect(want, "ip", "A", 3600, "192.0.2.1", "192.0.2.2");
    expect(want, "ip", "AAAA", 3600, "2001:db8::1");
    expect(want, "@", "CAA", 3600, "0 issue \"letsencrypt.org\"", "128 iodef \"mailto:security@example.com\"");
    expect(want, "@", "MX", 300, "10 mx1.example.com.", "20 mx2.example.com.");
    expect(want, "@", "NS", 3600, "ns1.example.net.", "ns2.example.net.");
    expect(want, "@", "TXT", 3600, "\"v=spf1 -all\"", "\"v=DKIM1;k=rsa;p=abc\"", "\"say \\\"hi\\\"\"");
    expect(want, "*", "A", 3600, "192.0.2.99");
    expect(want, "_443._tcp.www", "TLSA", 3600,
        "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6");
    expect(want, "_ftp._tcp", "URI", 3600, "10 1 \"ftp://ftp1.example.com/public\"");
    expect(want, "_sip._tcp", "SRV", 3600, "10 60 5060 sip.example.com.", "0 0 0 .");
    expect(want, "dev", "DS", 3600,
        "60485 8 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a");
    expect(want, "dev", "NS", 3600, "ns1.dev.example.com.");
    expect(want, "dname", "DNAME", 3600, "example.net.");
    expect(want, "geo", "A", 3600, "192.0.2.50");
    expect(want, "host", "SSHFP", 3600, "1 1 bf6b6825d2977c511a475bbefb88aad54a92ac73",
        "4 2 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6");
    expect(want, "https", "HTTPS", 3600, "1 . alpn=h2,h3 ipv4hint=192.0.2.1 port=443");
    expect(want, "legacy-ds", "DS", 3600,
        "60485 8 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a");
    expect(want, "loc", "LOC", 3600, "31 58 52.1 S 115 49 11.7 E 20m 10m 10m 2m");
    expect(want, "openpgp", "OPENPGPKEY", 3600, "dGVzdCBrZXkgbWF0ZXJpYWw=");
    expect(want, "ptr", "PTR", 3600, "host.example.net.");
    expect(want, "sip", "NAPTR", 3600, "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.",
        "100 20 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .");
    expect(want, "spf", "SPF", 3600, "\"v=spf1 include:_spf.example.net -all\"");
    expect(want, "sub.www", "A", 3600, "192.0.2.7");
    expect(want, "svc", "SVCB", 3600, "0 svc-alias.example.net.",
        "2 svc.example.net. alpn=h2 no-default-alpn port=8443");
    expect(want, "www", "CNAME", 300, "example.com.");

    for (Map.Entry<String, Expected> e : want.entrySet()) {
      Expected x = e.getValue();
      RRset got = zone.get(x.owner, x.type);
      assertThat(got).as(e.getKey()).isNotNull();
      assertThat(got.ttl()).as(e.getKey() + " ttl").isEqualTo(x.ttl);
      assertThat(got.rdata()).as(e.getKey()).containsExactlyElementsOf(x.rdata);
    }
    // The two types dnsjava does not know, and nothing else.
    assertThat(zone.get(ORIGIN, "ALIAS").rdata()).containsExactly("lb.example.net.");
    assertThat(zone.get("urlfwd." + ORIGIN, "URLFWD").rdata())
        .containsExactly("\"/\" \"https://www.example.com/\" 301 2 0");
    assertThat(zone.rrsets()).hasSize(want.size() + 2);
  }

  @Test
  void canonicalFormsAreTheMasterFileOnes() throws Exception {
    Zone zone = reader.read(new DirectoryTree(RESOURCES), "all-types.yaml", ORIGIN);
    assertThat(zone.get(ORIGIN, "MX").rdata()).contains("10 mx1.example.com.");
    assertThat(zone.get(ORIGIN, "TXT").rdata()).contains("\"v=spf1 -all\"");
    assertThat(zone.get(ORIGIN, "CAA").rdata()).contains("0 issue \"letsencrypt.org\"");
    assertThat(zone.get("ip." + ORIGIN, "AAAA").rdata()).containsExactly("2001:db8::1");
    assertThat(zone.get("www." + ORIGIN, "CNAME").rdata()).containsExactly("example.com.");
    assertThat(zone.get("sip." + ORIGIN, "NAPTR").rdata().get(0)).contains("\"S\""); // flags upper-cased
  }

  @Test
  void txtUnescapesSemicolonsAndEscapesQuotes() throws Exception {
    Zone zone = read("_dmarc:\n  type: TXT\n  value: v=DMARC1\\; p=reject\n"
        + "q:\n  type: TXT\n  value: 'a \"quoted\" word'\n");
    assertThat(zone.get("_dmarc." + ORIGIN, "TXT").rdata()).containsExactly("\"v=DMARC1; p=reject\"");
    assertThat(zone.get("q." + ORIGIN, "TXT").rdata()).containsExactly("\"a \\\"quoted\\\" word\"");
  }

  @Test
  void longTxtIsChunkedAt255LikeOctoDns() throws Exception {
    String key = "A".repeat(600);
    Zone zone = read("dkim:\n  type: TXT\n  value: " + key + "\n");
    String expected = canonical("dkim", "TXT",
        "\"" + "A".repeat(255) + "\" \"" + "A".repeat(255) + "\" \"" + "A".repeat(90) + "\"");
    assertThat(zone.get("dkim." + ORIGIN, "TXT").rdata()).containsExactly(expected);
  }

  @Test
  void chunksAre255OctetsOfTheUnescapedTextAndAQuotedChunkListIsJoinedFirst() throws Exception {
    // octoDNS 1.22 (to_rrset) turns \\; into ; first, then cuts the text into 255-octet strings.
    String value = "x".repeat(254) + "\\;y";
    Zone zone = read("a:\n  type: TXT\n  value: '" + value + "'\n"
        + "b:\n  type: TXT\n  value: '\"abc\" \"def\"'\n");
    assertThat(zone.get("a." + ORIGIN, "TXT").rdata())
        .containsExactly(canonical("a", "TXT", "\"" + "x".repeat(254) + ";\" \"y\""));
    // _ChunkedValue.process joins a pre-chunked value; short, it goes out as one string.
    assertThat(zone.get("b." + ORIGIN, "TXT").rdata()).containsExactly("\"abcdef\"");
  }

  @Test
  void txtTextIsLiteralExceptTheEscapedSemicolon() throws Exception {
    // to_rdata_text renders the text through dnspython: a backslash is a backslash.
    Zone zone = read("t:\n  type: TXT\n  value: 'back\\slash \\; semi'\n");
    assertThat(zone.get("t." + ORIGIN, "TXT").rdata()).containsExactly("\"back\\\\slash ; semi\"");
  }

  @Test
  void aLongValueAlreadyChunkedAt255KeepsItsChunks() throws Exception {
    String one = "k".repeat(255);
    String two = "m".repeat(20);
    Zone zone = read("dkim:\n  type: TXT\n  value: '\"" + one + "\" \"" + two + "\"'\n");
    assertThat(zone.get("dkim." + ORIGIN, "TXT").rdata())
        .containsExactly(canonical("dkim", "TXT", "\"" + one + "\" \"" + two + "\""));
  }

  @Test
  void unescapedSemicolonIsAnErrorUnlessLenient() throws Exception {
    assertThatThrownBy(() -> read("_dmarc:\n  type: TXT\n  value: v=DMARC1; p=reject\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:3: '_dmarc' TXT: unescaped ;");
    Zone zone = read("_dmarc:\n  octodns:\n    lenient: true\n  type: TXT\n  value: v=DMARC1; p=reject\n");
    assertThat(zone.get("_dmarc." + ORIGIN, "TXT").rdata()).containsExactly("\"v=DMARC1; p=reject\"");
  }

  // ---------------------------------------------------------------- records and names

  @Test
  void defaultTtlIs3600() throws Exception {
    Zone zone = read("www:\n  type: A\n  value: 192.0.2.1\nmail:\n  ttl: 60\n  type: A\n  value: 192.0.2.2\n");
    assertThat(zone.get("www." + ORIGIN, "A").ttl()).isEqualTo(3600);
    assertThat(zone.get("mail." + ORIGIN, "A").ttl()).isEqualTo(60);
  }

  @Test
  void providerKeysArePartOfTheRecordAndMarkersAreNot() throws Exception {
    Zone plain = read("www:\n  type: A\n  value: 192.0.2.1\n");
    Zone meta = read("www:\n  octodns:\n    excluded: [route53]\n    healthcheck: {protocol: TCP, port: 443}\n"
        + "    cloudflare: {proxied: true}\n  type: A\n  value: 192.0.2.1\n");
    assertThat(meta).isNotEqualTo(plain);
    assertThat(meta.get("www." + ORIGIN, "A").extras().lines())
        .containsExactly("cloudflare.proxied: true", "excluded: [route53]", "healthcheck.port: 443", "healthcheck.protocol: TCP");
    assertThat(meta.notices()).isEmpty();
    Zone marked = read("www:\n  octodns:\n    lenient: true\n  type: A\n  value: 192.0.2.1\n");
    assertThat(marked).isEqualTo(plain);
    assertThat(marked.marks().lenient("www." + ORIGIN, "A")).isEqualTo(new Location("example.com.yaml", 1));
  }

  @Test
  void anIgnoredRecordIsKeptForTheRulesButMarkedNotCompared() throws Exception {
    Zone zone = read("www:\n  octodns:\n    ignored: true\n  type: A\n  value: 192.0.2.1\n");
    assertThat(zone.get("www." + ORIGIN, "A").rdata()).containsExactly("192.0.2.1");
    assertThat(zone.marks().ignored()).hasSize(1);
    assertThat(zone.marks().isIgnored(RRsetKey.of("www." + ORIGIN, "A"))).isTrue();
    assertThat(zone.notices()).isEmpty();
  }

  /**
   * {@code octodns: {excluded: [..]}} and {@code included: [..]}: the targets octoDNS deploys a
   * record to, tested as octoDNS's planning tests them ({@code target.id in x}): a list's items, a
   * map's keys, a string's substrings; an empty included list means every target. A value octoDNS
   * cannot test ({@code excluded: 3}) makes it fail planning every target: refused, with its line.
   */
  @Test
  void excludedAndIncludedSayWhichTargetsARecordIsDeployedTo() throws Exception {
    Zone zone = read("a:\n  octodns:\n    excluded: [route53, 7]\n  type: A\n  value: 192.0.2.1\n"
        + "b:\n  octodns:\n    included: [internal]\n  type: A\n  value: 192.0.2.2\n"
        + "c:\n  octodns:\n    excluded: route53-public\n  type: A\n  value: 192.0.2.3\n"
        + "d:\n  octodns:\n    included: []\n    excluded: {pdns: true}\n  type: A\n  value: 192.0.2.4\n"
        + "e:\n  type: A\n  value: 192.0.2.5\n");
    Map<RRsetKey, ZoneMarks.Targets> t = zone.marks().targets();
    assertThat(t).hasSize(4);
    BiFunction<String, String, Boolean> to =
        (name, target) -> t.get(RRsetKey.of(name + "." + ORIGIN, "A")).deployedTo(target);
    assertThat(to.apply("a", "route53")).isFalse();
    assertThat(to.apply("a", "pdns")).isTrue();
    assertThat(to.apply("b", "internal")).isTrue();
    assertThat(to.apply("b", "route53")).isFalse();
    assertThat(to.apply("c", "route53")).isFalse(); // 'route53' in 'route53-public'
    assertThat(to.apply("c", "53")).isFalse();
    assertThat(to.apply("c", "pdns")).isTrue();
    assertThat(to.apply("d", "pdns")).isFalse();
    assertThat(to.apply("d", "route53")).isTrue();
    // Compared with route53's live state: a and c are left alone there, as ignored records are.
    ZoneMarks atRoute53 = zone.marks().at("route53");
    assertThat(atRoute53.ignored().keySet()).extracting(RRsetKey::name)
        .containsExactly("a." + ORIGIN, "b." + ORIGIN, "c." + ORIGIN);
    assertThat(atRoute53.ignored().get(RRsetKey.of("a." + ORIGIN, "A")).message())
        .isEqualTo("'a' A: octodns.excluded: octoDNS does not deploy it to route53, the live source, so it is not compared");
    assertThat(zone.marks().at(null)).isSameAs(zone.marks());
    assertThat(zone.marks().ignored()).isEmpty();
    assertThatThrownBy(() -> read("a:\n  octodns:\n    excluded: 3\n  type: A\n  value: 192.0.2.1\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("example.com.yaml:1:")
        .hasMessageContaining("octodns.excluded is 3, not a list of provider names; octoDNS fails planning every target with it");
  }

  @Test
  void dynamicPoolsAndRulesAreReadAsRouting() throws Exception {
    Zone zone = read("www:\n  dynamic:\n    pools:\n      eu:\n        values:\n          - value: 198.51.100.2\n"
        + "            weight: 3\n          - value: 198.51.100.1\n            status: down\n        fallback: us\n"
        + "      us:\n        values:\n          - value: 203.0.113.1\n"
        + "    rules:\n      - geos: [EU-FR, EU-DE]\n        pool: eu\n      - pool: us\n  type: A\n  values:\n    - 192.0.2.1\n");
    var www = zone.get("www." + ORIGIN, "A");
    assertThat(www.rdata()).containsExactly("192.0.2.1");
    assertThat(www.extras().lines()).containsExactly(
        "pool eu: 198.51.100.1 weight=1 status=down",
        "pool eu: 198.51.100.2 weight=3 status=obey",
        "pool eu fallback: us",
        "pool us: 203.0.113.1 weight=1 status=obey",
        "rule 1: pool=eu geos=EU-DE,EU-FR",
        "rule 2: pool=us");
    assertThat(www.extras().routing().pool("eu").serving()).containsExactly("198.51.100.2");
    assertThat(zone.notices()).isEmpty();
  }

  @Test
  void geoAnswersAreAPoolAndARulePerCode() throws Exception {
    Zone zone = read("www:\n  geo:\n    NA-US: [198.51.100.1]\n    NA-US-CA: [198.51.100.2, 198.51.100.3]\n"
        + "  type: A\n  value: 192.0.2.1\n");
    assertThat(zone.get("www." + ORIGIN, "A").extras().lines()).containsExactly(
        "pool geo:NA-US: 198.51.100.1 weight=1 status=obey",
        "pool geo:NA-US-CA: 198.51.100.2 weight=1 status=obey",
        "pool geo:NA-US-CA: 198.51.100.3 weight=1 status=obey",
        "rule 1: pool=geo:NA-US-CA geos=NA-US-CA",
        "rule 2: pool=geo:NA-US geos=NA-US");
  }

  @Test
  void dynamicThatOctoDnsRefusesIsAnErrorWithItsLine() throws Exception {
    for (String dynamic : List.of(
        "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n    rules:\n      - pool: us\n",
        "    pools:\n      eu:\n        fallback: us\n        values:\n          - value: 198.51.100.1\n    rules:\n      - pool: eu\n",
        "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            weight: 7\n    rules:\n      - pool: eu\n",
        "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            weight: 101\n"
            + "          - value: 198.51.100.2\n    rules:\n      - pool: eu\n",
        "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n      us:\n        values:\n"
            + "          - value: 198.51.100.9\n    rules:\n      - pool: eu\n")) {
      Throwable t = Assertions.catchThrowable(
          () -> read("www:\n  dynamic:\n" + dynamic + "  type: A\n  value: 192.0.2.1\n"));
      assertThat(t).as(dynamic).isInstanceOf(ZoneReadException.class);
      assertThat(((ZoneReadException) t).location().line()).as(dynamic).isEqualTo(1);
      assertThat(t.getMessage()).as(dynamic).contains("'www' A: dynamic: ");
    }
  }

  @Test
  void aListOfRecordsAtTheApex() throws Exception {
    Zone zone = read("'':\n  - type: A\n    value: 192.0.2.1\n  - type: MX\n    value:\n"
        + "      exchange: mx.example.com.\n      preference: 10\n");
    assertThat(zone.get(ORIGIN, "A").rdata()).containsExactly("192.0.2.1");
    assertThat(zone.get(ORIGIN, "MX").rdata()).containsExactly("10 mx.example.com.");
    assertThat(zone.get(ORIGIN, "A").location().line()).isEqualTo(2);
    assertThat(zone.get(ORIGIN, "MX").location().line()).isEqualTo(4);
    assertThat(zone.rrsets()).hasSize(2);
  }

  @Test
  void originComesFromTheFileNameWhenNotGiven() throws Exception {
    Files.writeString(dir.resolve("Example.ORG.yml"), "www:\n  type: A\n  value: 192.0.2.1\n");
    Zone zone = reader.read(new DirectoryTree(dir), "Example.ORG.yml", null);
    assertThat(zone.origin()).isEqualTo("example.org.");
    assertThat(zone.get("www.example.org.", "A")).isNotNull();
  }

  @Test
  void namesAreLowerCasedAndInternationalNamesPunycoded() throws Exception {
    Zone zone = read("WWW:\n  type: A\n  value: 192.0.2.1\nbücher:\n  type: CNAME\n  value: www.example.com.\n");
    assertThat(zone.get("www." + ORIGIN, "A")).isNotNull();
    assertThat(zone.get("xn--bcher-kva." + ORIGIN, "CNAME")).isNotNull();
  }

  @Test
  void anchorsAndAliasesExpandAsInPyYaml() throws Exception {
    Zone zone = read("a: &web\n  type: A\n  values: [192.0.2.1, 192.0.2.2]\nb: *web\n"
        + "c:\n  <<: *web\n  ttl: 60\n");
    assertThat(zone.get("b." + ORIGIN, "A").ttl()).isEqualTo(3600);
    assertThat(zone.get("b." + ORIGIN, "A").rdata()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(zone.get("c." + ORIGIN, "A").ttl()).isEqualTo(60);
    assertThat(zone.get("c." + ORIGIN, "A").rdata()).containsExactly("192.0.2.1", "192.0.2.2");
  }

  @Test
  void aMergeKeyIsReplacedByItsPairsWhereItStandsAsOctoDnsFlattensIt() throws Exception {
    // octoDNS's flatten_mapping puts the merged pairs where the << is: later keys win.
    Zone zone = read("a: &web\n  type: A\n  value: 192.0.2.1\n"
        + "b:\n  <<: *web\n  value: 192.0.2.2\n"
        + "c:\n  value: 192.0.2.3\n  <<: *web\n");
    assertThat(zone.get("b." + ORIGIN, "A").rdata()).containsExactly("192.0.2.2");
    assertThat(zone.get("c." + ORIGIN, "A").rdata()).containsExactly("192.0.2.1");
    assertThat(zone.notices()).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8AreAnError() throws Exception {
    Files.write(dir.resolve("example.com.yaml"), new byte[] {'w', ':', ' ', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> reader.read(new DirectoryTree(dir), "example.com.yaml", ORIGIN))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:1: is not UTF-8 text");
  }

  // ---------------------------------------------------------------- empty and non-map documents

  @ParameterizedTest
  @ValueSource(strings = {"", "---\n", "# nothing here yet\n", "---\n# comment\n", "{}\n"})
  void anEmptyDocumentIsAnEmptyZone(String yaml) throws Exception {
    Zone zone = read(yaml);
    assertThat(zone.rrsets()).isEmpty();
    assertThat(zone.origin()).isEqualTo(ORIGIN);
  }

  @Test
  void theOctoDnsEmptyFileIsAnEmptyZone() throws Exception {
    Path corpus = Require.corpus("octodns-tests-config/empty.yaml").getParent();
    assertThat(reader.read(new DirectoryTree(corpus), "empty.yaml", "empty.").rrsets()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "- www\\n- api\\n | 1 | must be a map of names to records, not a list",
        "just a string\\n | 1 | not a single value \"just a string\"",
        "---\\n42\\n | 2 | not a single value 42",
        "yes\\n | 1 | not a single value True",
      })
  void aDocumentThatIsNotAMapIsAnError(String yaml, int line, String message) {
    assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:" + line + ": ")
        .hasMessageContaining(message);
  }

  // ---------------------------------------------------------------- errors with file and line

  @Test
  void aDuplicateNameKeepsItsLastRecordAsPyYamlDoesAndSaysSoNamingBothLines() throws Exception {
    Zone zone = read("www:\n  type: A\n  value: 192.0.2.1\napi:\n  type: A\n  value: 192.0.2.2\n"
        + "www:\n  type: A\n  value: 192.0.2.3\n");
    assertThat(zone.get("www." + ORIGIN, "A").rdata()).containsExactly("192.0.2.3");
    assertThat(zone.get("www." + ORIGIN, "A").location().line()).isEqualTo(7);
    assertThat(zone.notices()).singleElement().satisfies(n -> {
      assertThat(n.location().line()).isEqualTo(7);
      assertThat(n.message()).isEqualTo(
          "the key 'www' is given twice (lines 1 and 7); octoDNS, like YAML loaders, keeps only the last");
    });
  }

  @Test
  void aDuplicateKeyInARecordKeepsTheLastValue() throws Exception {
    Zone zone = read("www:\n  type: A\n  value: 192.0.2.1\n  value: 192.0.2.2\n");
    assertThat(zone.get("www." + ORIGIN, "A").rdata()).containsExactly("192.0.2.2");
    assertThat(zone.notices()).extracting(Notice::toString)
        .containsExactly("example.com.yaml:4: the key 'value' is given twice (lines 3 and 4); octoDNS, like YAML"
            + " loaders, keeps only the last");
  }

  @Test
  void namesThatOctoDnsMakesEqualAreOneRecordTwiceWhichItRefuses() {
    // WWW and www are one name once lower-cased; two A records there are a duplicate.
    assertThatThrownBy(() -> read("www:\n  type: A\n  value: 192.0.2.1\nWWW:\n  type: A\n  value: 192.0.2.2\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:4: 'WWW' A: a second A record at this name (the first is on line 1)");
  }

  @Test
  void twoRecordsOfOneTypeAtOneNameAreAnError() {
    assertThatThrownBy(() -> read("www:\n  - type: A\n    value: 192.0.2.1\n  - type: A\n    value: 192.0.2.2\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:4: 'www' A: a second A record at this name");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // yaml (\\n for newlines) | line | message after "example.com.yaml:LINE: ": octoDNS's own reasons
        "mx:\\n  type: MX\\n  values:\\n    - preference: 10\\n"
            + " | 4 | 'mx' MX: missing exchange",
        "_sip._tcp:\\n  type: SRV\\n  value:\\n    port: 70000\\n    priority: 1\\n    target: sip.example.com.\\n    weight: 1\\n"
            + " | 4 | '_sip._tcp' SRV: value \"1 1 70000 sip.example.com.\" is not valid SRV data, so no provider can serve it",
        "www:\\n  type: A\\n  values:\\n    - 192.0.2.1\\n    - not-an-ip\\n"
            + " | 5 | 'www' A: invalid IPv4 address \"not-an-ip\"",
        "www:\\n  type: AAAA\\n  value: 192.0.2.1\\n"
            + " | 3 | 'www' AAAA: invalid IPv6 address \"192.0.2.1\"",
        "ok:\\n  type: A\\n  value: 192.0.2.1\\nwww:\\n  type: FOO\\n  value: x\\n"
            + " | 5 | 'www': unknown type \"FOO\" (octoDNS 1.22 has A, AAAA, ALIAS,",
        "www:\\n  value: 192.0.2.1\\n"
            + " | 1 | 'www': Invalid record www.example.com., missing type",
        "www:\\n  type: A\\n"
            + " | 1 | 'www' A: missing value(s)",
        "www:\\n  type: CNAME\\n  values: [example.com.]\\n"
            + " | 1 | 'www' CNAME: missing value",
        "www:\\n  type: A\\n  values: []\\n"
            + " | 1 | 'www' A: missing value(s)",
        "www:\\n  ttl: soon\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 2 | 'www': ttl \"soon\" is not a whole number (octoDNS fails: ValueError: invalid literal for int()",
        "www:\\n  ttl: -1\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 2 | 'www' A: invalid ttl",
        "mx:\\n  type: MX\\n  value:\\n    exchange: mail\\n    preference: 10\\n"
            + " | 4 | 'mx' MX: MX exchange \"mail\" is not a valid FQDN",
        "caa:\\n  type: CAA\\n  value:\\n    tag: issue\\n"
            + " | 4 | 'caa' CAA: missing value",
        "tlsa:\\n  type: TLSA\\n  value:\\n    certificate_association_data: ab\\n    certificate_usage: 4\\n    matching_type: 1\\n    selector: 1\\n"
            + " | 5 | 'tlsa' TLSA: invalid certificate_usage \"4\"",
        "fp:\\n  type: SSHFP\\n  value:\\n    algorithm: 1\\n    fingerprint: xyz\\n    fingerprint_type: 1\\n"
            + " | 5 | 'fp' SSHFP: fingerprint length 3 does not match fingerprint_type 1 (expected 40)",
        "n:\\n  type: NAPTR\\n  value:\\n    flags: Q\\n    order: 1\\n    preference: 1\\n    regexp: ''\\n    replacement: .\\n    service: x\\n"
            + " | 4 | 'n' NAPTR: unrecognized flags \"Q\"",
        "ds:\\n  type: DS\\n  value:\\n    algorithm: 8\\n    digest_type: 2\\n    key_tag: 1\\n"
            + " | 4 | 'ds' DS: missing digest",
        "loc:\\n  type: LOC\\n  value:\\n    altitude: 0\\n    lat_degrees: 91\\n    lat_direction: N\\n    lat_minutes: 0\\n    lat_seconds: 0\\n"
            + "    long_degrees: 0\\n    long_direction: E\\n    long_minutes: 0\\n    long_seconds: 0\\n    precision_horz: 0\\n    precision_vert: 0\\n    size: 0\\n"
            + " | 5 | 'loc' LOC: invalid value for lat_degrees \"91\"",
        "u:\\n  type: URLFWD\\n  value:\\n    code: 307\\n    masking: 0\\n    path: /\\n    query: 0\\n    target: https://x/\\n"
            + " | 4 | 'u' URLFWD: unrecognized return code \"307\"",
        "www: 5\\n"
            + " | 1 | 'www': a record must be a map with type and value(s), not 5",
        "'@':\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 1 | '@' A: invalid name \"@\", use \"\" instead",
        "www.example.com.:\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 1 | 'www.example.com.' A: invalid name, double `.` in \"www.example.com..example.com.\"",
        "www:\\n  type: A\\n  value: 01.2.3.4\\n"
            + " | 3 | 'www' A: invalid IPv4 address \"01.2.3.4\"",
        "www:\\n  type: TXT\\n  value: 5\\n"
            + " | 1 | 'www': octoDNS fails on this record (TypeError: expected string or bytes-like object",
        "www:\\n  - type: A\\n    value: 192.0.2.1\\n  - type: CNAME\\n    value: x.example.com.\\n"
            + " | 4 | 'www' CNAME: a CNAME cannot coexist with other records (A); octoDNS refuses the zone",
        "'':\\n  type: CNAME\\n  value: x.example.com.\\n"
            + " | 1 | '' CNAME: root CNAME not allowed",
      })
  void octoDnsValidationProblemsNameFileLineAndRecord(String yaml, int line, String message) {
    assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:" + line + ": " + message)
        .satisfies(e -> assertThat(((ZoneReadException) e).location().line()).isEqualTo(line))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aYamlSyntaxErrorGivesItsLine() {
    assertThatThrownBy(() -> read("www:\n  type: A\n   value: [192.0.2.1\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:3: YAML syntax error: mapping values are not allowed here");
    assertThatThrownBy(() -> read("www:\n  type: A\n  value: [192.0.2.1\napi:\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:4: YAML syntax error: expected ',' or ']', but got :");
    assertThatThrownBy(() -> read("www:\n\ttype: A\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:2: YAML syntax error: ")
        .hasMessageContaining("TAB");
  }

  @Test
  void aSecondDocumentIsAnError() {
    assertThatThrownBy(() -> read("www:\n  type: A\n  value: 192.0.2.1\n---\napi:\n  type: A\n  value: 192.0.2.2\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:4: a second YAML document");
  }

  // ---------------------------------------------------------------- hostile input

  @ParameterizedTest
  @ValueSource(strings = {
      "www: !!java.net.URL [http://example.com/]\n",
      "www:\n  type: A\n  value: !!javax.script.ScriptEngineManager [192.0.2.1]\n",
      "www:\n  type: A\n  value: !!python/object/apply:os.system [id]\n",
      "www:\n  type: A\n  value: !!set {192.0.2.1}\n",
  })
  void tagsThatPyYamlsSafeLoaderDoesNotConstructAreRefused(String yaml) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageMatching("example\\.com\\.yaml:\\d+: 'www': the YAML tag !!\\S+ .*");
  }

  @Test
  void includeLoadsAFileBesideTheZoneFileAsOctoDnsDoes() throws Exception {
    Files.writeString(dir.resolve("ip.yaml"), "--- 192.0.2.7\n");
    Files.writeString(dir.resolve("rec.yaml"), "type: A\nvalue: 192.0.2.8\n");
    Zone zone = read("api:\n  <<: !include rec.yaml\n  ttl: 60\nwww:\n  type: A\n  value: !include ip.yaml\n");
    assertThat(zone.get("www." + ORIGIN, "A").rdata()).containsExactly("192.0.2.7");
    assertThat(zone.get("api." + ORIGIN, "A").rdata()).containsExactly("192.0.2.8");
    assertThat(zone.get("api." + ORIGIN, "A").ttl()).isEqualTo(60);
    assertThatThrownBy(() -> read("www:\n  type: A\n  value: !include nope.yaml\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:3: 'www': !include nope.yaml: no such file");
    assertThatThrownBy(() -> read("www: !include ../../etc/passwd\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("escapes the repository");
  }

  @Test
  void anAliasBombEndsQuicklyWithAnError() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    Bounded.within(() ->
        assertThatThrownBy(() -> read(bomb.toString()))
            .isInstanceOf(ZoneReadException.class)
            .hasMessageStartingWith("example.com.yaml:"));
  }

  @Test
  void anAliasBombInAValueEndsQuicklyWithAnError() {
    // Aliases are shared, not copied, so loading is cheap; printing the value (CAA value is str())
    // is what would explode, and it is bounded.
    StringBuilder bomb = new StringBuilder("x:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    bomb.append("  type: CAA\n  value:\n    tag: issue\n    value: *a11\n");
    Bounded.within(() ->
        assertThatThrownBy(() -> read(bomb.toString()))
            .isInstanceOf(ZoneReadException.class)
            .hasMessageContaining("expands to more than"));
  }

  @Test
  void aFileAboveSnakeYamlsDefaultSizeCapStillReads() throws Exception {
    // snakeyaml-engine refuses documents over 3 MiB unless told otherwise; real zones get there.
    String padding = ("# " + "-".repeat(1000) + "\n").repeat(3500);
    Zone zone = read(padding + "www:\n  type: A\n  value: 192.0.2.1\n");
    assertThat(zone.get("www." + ORIGIN, "A").location().line()).isEqualTo(3501);
  }

  // ---------------------------------------------------------------- real files

  /** octoDNS's own test zone: 25 RRsets once geo is dropped and the ignored record is kept. */
  @Test
  void octoDnsUnitTestsZone() throws Exception {
    Path corpus = Require.corpus("octodns-tests-config/unit.tests.yaml").getParent();
    Zone zone = reader.read(new DirectoryTree(corpus), "unit.tests.yaml", "unit.tests.");

    assertThat(zone.rrsets()).hasSize(25);
    assertThat(zone.recordCount()).isEqualTo(40);
    assertThat(zone.get("unit.tests.", "A").ttl()).isEqualTo(300);
    assertThat(zone.get("unit.tests.", "A").rdata()).containsExactly("1.2.3.4", "1.2.3.5");
    assertThat(zone.get("unit.tests.", "NS").ttl()).isEqualTo(3600);
    assertThat(zone.get("mx.unit.tests.", "MX").rdata()).containsExactly(
        "10 smtp-4.unit.tests.", "20 smtp-2.unit.tests.", "30 smtp-3.unit.tests.", "40 smtp-1.unit.tests.");
    assertThat(zone.get("txt.unit.tests.", "TXT").rdata())
        .contains("\"v=DKIM1;k=rsa;s=email;h=sha256;p=A/kinda+of/long/string+with+numb3rs\"");
    assertThat(zone.get("_srv._tcp.unit.tests.", "SRV").rdata())
        .containsExactly("10 20 30 foo-1.unit.tests.", "12 20 30 foo-2.unit.tests.");
    assertThat(zone.get("loc.unit.tests.", "LOC").rdata())
        .contains("31 58 52.100 S 115 49 11.700 E 20m 10m 10m 2m");
    assertThat(zone.get("naptr.unit.tests.", "NAPTR").rdata())
        .contains("10 100 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@bar.example.com!\" .");
    assertThat(zone.get("ignored.unit.tests.", "A").rdata()).containsExactly("9.9.9.9");
    assertThat(zone.get("urlfwd.unit.tests.", "URLFWD").rdata()).hasSize(2);
    assertThat(zone.get("www.sub.unit.tests.", "A").location().line()).isEqualTo(200);
    assertThat(zone.notices()).isEmpty();
    assertThat(zone.marks().ignored()).hasSize(1);
    assertThat(zone.get("unit.tests.", "A").extras().routing().pools()).hasSize(4);
    assertThat(zone.get("excluded.unit.tests.", "CNAME").extras().lines()).containsExactly("excluded: [test]");
  }

  /** The YAML twin of example.com.zone gives exactly the records dnsjava reads from the master file. */
  @Test
  void exampleComYamlIsTheTwinOfTheMasterFile() throws Exception {
    Zone yaml = reader.read(new DirectoryTree(FORMATS), "example.com.yaml", null);
    assertThat(yaml.origin()).isEqualTo(ORIGIN);

    Map<String, Expected> want = new HashMap<>();
    try (Master master = new Master(FORMATS.resolve("example.com.zone").toString())) {
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        String owner = Canonical.name(r.getName());
        String type = Type.string(r.getType());
        long ttl = r.getTTL();
        want.computeIfAbsent(owner + " " + type, k -> new Expected(owner, type, ttl))
            .rdata.add(Canonical.rdata(r));
      }
    }
    assertThat(want).hasSize(23);
    assertThat(yaml.rrsets()).hasSize(want.size());
    for (Expected x : want.values()) {
      RRset got = yaml.get(x.owner, x.type);
      assertThat(got).as(x.owner + " " + x.type).isNotNull();
      assertThat(got.ttl()).as(x.owner + " " + x.type + " ttl").isEqualTo(x.ttl);
      assertThat(got.rdata()).as(x.owner + " " + x.type).containsExactlyElementsOf(x.rdata);
    }
    assertThat(yaml.notices()).isEmpty();
  }

  // ---------------------------------------------------------------- YAML 1.1 as PyYAML reads it

  /** A key names the record str() of what PyYAML made of it, lower-cased. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "~ | none", "null | none", "NULL | none", "yes | true", "Off | false", "on | true", "y | y", "n | n",
        "1.0 | 1.0", "1.5 | 1.5", "0x1f | 31", "017 | 15", "0o17 | 0o17", "09 | 09", "0b101 | 5", "1_000 | 1000",
        "1:30 | 90", "1:30.5 | 90.5", "1e3 | 1e3", "1.0e+3 | 1000.0", "2002-12-14 | 2002-12-14", "'yes' | yes",
        "! 12 | 12", "!!str 12 | 12", "-.inf | -inf",
      })
  void aKeyNamesTheRecordAsOctoDnsNamesIt(String key, String name) throws Exception {
    Zone zone = read(key + ":\n  type: A\n  value: 192.0.2.1\n");
    assertThat(zone.rrsets().keySet()).extracting(k -> k.name()).containsExactly(name + "." + ORIGIN);
  }

  @Test
  void keysPythonHoldsEqualAreOneKey() throws Exception {
    // 1, 1.0 and true are one dict key in Python: the first spelling names it, the last value wins
    Zone zone = read("1:\n  type: A\n  value: 192.0.2.1\n1.0:\n  type: A\n  value: 192.0.2.2\n"
        + "true:\n  type: A\n  value: 192.0.2.3\n");
    assertThat(zone.get("1." + ORIGIN, "A").rdata()).containsExactly("192.0.2.3");
    assertThat(zone.rrsets()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {"0x3c | 60", "074 | 60", "0b111100 | 60", "1:00 | 60", "60.9 | 60", "'60' | 60", "' 60 ' | 60",
        "'6_0' | 60", "yes | 1", "2147483647 | 2147483647"})
  void aTtlIsWhatPythonsIntMakesOfIt(String ttl, long seconds) throws Exception {
    Zone zone = read("www:\n  ttl: " + ttl + "\n  type: A\n  value: 192.0.2.1\n");
    assertThat(zone.get("www." + ORIGIN, "A").ttl()).isEqualTo(seconds);
  }

  @Test
  void numbersInValuesAreYaml11Numbers() throws Exception {
    Zone zone = read("mx:\n  type: MX\n  values:\n    - exchange: a.example.com.\n      preference: 010\n"
        + "    - exchange: b.example.com.\n      preference: '010'\n    - exchange: c.example.com.\n      preference: 20.7\n"
        + "t:\n  type: TXT\n  value: 'yes'\n");
    // 010 is octal 8; the string '010' is int('010') = 10; 20.7 is int(20.7) = 20
    assertThat(zone.get("mx." + ORIGIN, "MX").rdata())
        .containsExactlyInAnyOrder("8 a.example.com.", "10 b.example.com.", "20 c.example.com.");
    assertThat(zone.get("t." + ORIGIN, "TXT").rdata()).containsExactly("\"yes\"");
    // an unquoted yes is a bool, which octoDNS's TXT validator fails on
    assertThatThrownBy(() -> read("t:\n  type: TXT\n  value: yes\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:1: 't': octoDNS fails on this record (TypeError:");
  }

  // ---------------------------------------------------------------- legacy validators

  @Test
  void aTargetWithoutTrailingDotLoadsAsOctoDnsLoadsItAndIsServedAbsolute() throws Exception {
    Zone zone = read("www:\n  type: CNAME\n  value: target.example.com\n"
        + "mx:\n  type: MX\n  value:\n    exchange: Mail.Example.NET\n    preference: 10\n"
        + "_sip._tcp:\n  type: SRV\n  value:\n    port: 5060\n    priority: 1\n    target: sip.example.com\n    weight: 1\n");
    assertThat(zone.get("www." + ORIGIN, "CNAME").rdata()).containsExactly("target.example.com.");
    assertThat(zone.get("mx." + ORIGIN, "MX").rdata()).containsExactly("10 mail.example.net.");
    assertThat(zone.get("_sip._tcp." + ORIGIN, "SRV").rdata()).containsExactly("1 1 5060 sip.example.com.");
    assertThat(zone.notices()).hasSize(3).allSatisfy(n -> assertThat(n.message()).contains("has no trailing dot"));
    assertThat(zone.notices().get(0).toString()).isEqualTo(
        "example.com.yaml:3: 'www' CNAME: \"target.example.com\" has no trailing dot; octoDNS's default validators"
            + " accept it and providers such as Route 53 and Cloudflare serve it as \"target.example.com.\", which is"
            + " what zonegate compares (some providers refuse it)");
  }

  @Test
  void aTargetMustStillBeANameOfTwoLabels() {
    assertThatThrownBy(() -> read("www:\n  type: CNAME\n  value: localhost.\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:3: 'www' CNAME: CNAME value \"localhost.\" is not a valid FQDN");
  }

  @Test
  void aHealthcheckWithAnUnknownProtocolIsRefusedAsOctoDnsRefusesIt() {
    assertThatThrownBy(() -> read("www:\n  octodns:\n    healthcheck:\n      protocol: BOGUS\n  type: A\n  value: 192.0.2.1\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:4: 'www' A: invalid healthcheck protocol");
  }

  @Test
  void anAliasBesideAnAddressIsRefusedAsZoneValidateRefusesIt() {
    assertThatThrownBy(() -> read("'':\n  - type: A\n    value: 192.0.2.1\n  - type: ALIAS\n    value: lb.example.net.\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:4: '' ALIAS: an ALIAS cannot coexist with A or AAAA records; octoDNS refuses the zone");
  }

  // ---------------------------------------------------------------- provider options

  @Test
  void enforceOrderHoldsEveryMapToNaturalOrSimpleOrder() throws Exception {
    String yaml = "host2:\n  type: A\n  value: 192.0.2.1\nhost12:\n  type: A\n  value: 192.0.2.2\n";
    assertThat(read(yaml, OctoDnsOptions.DEFAULTS).rrsets()).hasSize(2);
    assertThatThrownBy(() -> read(yaml, new OctoDnsOptions(true, "simple", 3600, true, false, false)))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:4: keys out of order: 'host12' comes after 'host2' (octoDNS enforce_order,"
            + " simple order: sort the keys, or set enforce_order: false on the provider)");
    assertThatThrownBy(() -> read("www:\n  value: 192.0.2.1\n  type: A\n", OctoDnsOptions.DEFAULTS))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:3: 'www': keys out of order: 'type' comes after 'value'");
    assertThat(read("www:\n  value: 192.0.2.1\n  type: A\n", OctoDnsOptions.UNORDERED).rrsets()).hasSize(1);
  }

  @Test
  void defaultTtlIsTheProvidersDefaultTtl() throws Exception {
    Zone zone = read(a("www"), new OctoDnsOptions(false, "natural", 60, true, false, false));
    assertThat(zone.get("www." + ORIGIN, "A").ttl()).isEqualTo(60);
  }

  @Test
  void withBareSemicolonsOctoDnsEscapesThemItself() throws Exception {
    OctoDnsOptions bare = new OctoDnsOptions(false, "natural", 3600, false, false, false);
    Zone zone = read("t:\n  type: TXT\n  value: v=DKIM1; p=abc\n", bare);
    assertThat(zone.get("t." + ORIGIN, "TXT").rdata()).containsExactly("\"v=DKIM1; p=abc\"");
    // an already escaped \\; becomes \\\\; there, which octoDNS's validator refuses
    assertThatThrownBy(() -> read("t:\n  type: TXT\n  value: 'v=DKIM1\\; p=abc'\n", bare))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:3: 't' TXT: double escaped ;");
    assertThatThrownBy(() -> read("t:\n  type: TXT\n  value: v=DKIM1; p=abc\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:3: 't' TXT: unescaped ;");
  }

  @Test
  void populateShouldReplaceLetsTheLastRecordOfANameAndTypeWin() throws Exception {
    String yaml = "www:\n  - type: A\n    value: 192.0.2.1\n  - type: A\n    value: 192.0.2.2\n";
    assertThat(read(yaml, new OctoDnsOptions(false, "natural", 3600, true, true, false))
        .get("www." + ORIGIN, "A").rdata()).containsExactly("192.0.2.2");
  }

  // ---------------------------------------------------------------- lenient

  @Test
  void aLenientZoneLoadsWhatTheValidatorsRefuseWithANoticeEach() throws Exception {
    String yaml = "_dmarc:\n  type: TXT\n  value: v=DMARC1; p=reject\n'':\n  type: CNAME\n  value: x.example.com.\n";
    Zone zone = read(yaml, OctoDnsOptions.UNORDERED.withLenient(true));
    assertThat(zone.get("_dmarc." + ORIGIN, "TXT").rdata()).containsExactly("\"v=DMARC1; p=reject\"");
    assertThat(zone.get(ORIGIN, "CNAME").rdata()).containsExactly("x.example.com.");
    assertThat(zone.notices()).extracting(Notice::toString).containsExactly(
        "example.com.yaml:3: '_dmarc' TXT: unescaped ; in \"v=DMARC1; p=reject\" (loaded anyway: lenient)",
        "example.com.yaml:4: '' CNAME: root CNAME not allowed (loaded anyway: lenient)");
  }

  @Test
  void readLenientSkipsWhatCannotBeReadAndKeepsTheRestWithNotices() throws Exception {
    String yaml = "bad:\n  type: A\n  value: 1.2.3\n"
        + "big:\n  type: MX\n  value:\n    exchange: mx.example.com.\n    preference: 70000\n"
        + "dup:\n  - type: A\n    value: 192.0.2.1\n  - type: A\n    value: 192.0.2.2\n"
        + "ok:\n  type: A\n  value: 192.0.2.9\n"
        + "t:\n  type: TXT\n  value: 5\n";
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(ZoneReadException.class);
    Files.write(dir.resolve("example.com.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    Zone zone = reader.readLenient(new DirectoryTree(dir), "example.com.yaml", ORIGIN);
    assertThat(zone.get("ok." + ORIGIN, "A").rdata()).containsExactly("192.0.2.9");
    assertThat(zone.get("dup." + ORIGIN, "A").rdata()).containsExactly("192.0.2.1");
    assertThat(zone.rrsets()).hasSize(2);
    assertThat(zone.notices()).extracting(Notice::toString).containsExactly(
        "example.com.yaml:3: 'bad' A: invalid IPv4 address \"1.2.3\" (loaded anyway: lenient)",
        "example.com.yaml:1: 'bad': octoDNS fails on this record (ValueError: '1.2.3' does not appear to be an"
            + " IPv4 address); skipped",
        "example.com.yaml:12: 'dup' A: a second A record at this name (the first is on line 10); octoDNS refuses"
            + " duplicates, so merge their values into one; skipped",
        "example.com.yaml:17: 't': octoDNS fails on this record (TypeError: expected string or bytes-like object,"
            + " got 'int'); skipped",
        "example.com.yaml:7: 'big' MX: value \"70000 mx.example.com.\" is not valid MX data, so no provider can"
            + " serve it (expected an 16 bit unsigned integer); skipped");
  }

  @Test
  void readLenientThrowsOnlyWhenTheDocumentCannotBeLoaded() throws Exception {
    Files.writeString(dir.resolve("example.com.yaml"), "www:\n  type: A\n   value: [192.0.2.1\n");
    assertThatThrownBy(() -> reader.readLenient(new DirectoryTree(dir), "example.com.yaml", ORIGIN))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:3: YAML syntax error: mapping values are not allowed here");
    Files.writeString(dir.resolve("example.com.yaml"), "- a\n");
    assertThatThrownBy(() -> reader.readLenient(new DirectoryTree(dir), "example.com.yaml", ORIGIN))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("must be a map of names to records");
  }

  @Test
  void aRecordMarkedLenientIsLoadedDespiteItsReasons() throws Exception {
    Zone zone = read("t:\n  octodns:\n    lenient: true\n  type: TXT\n  value: a;b\n");
    assertThat(zone.get("t." + ORIGIN, "TXT").rdata()).containsExactly("\"a;b\"");
    assertThatThrownBy(() -> read("t:\n  octodns:\n    lenient: 'yes'\n  type: TXT\n  value: a\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("TypeError: unsupported operand type(s) for |=");
  }

  /**
   * What a lenient zone loads as written but no provider can serve (a routing answer that is no
   * address, an ALIAS that is no name, a SvcParam DNS does not define) is refused when read, and
   * the message says so, as for every other such value (found by OctoDnsDifferentialFuzzTest).
   */
  @Test
  void aLenientZoneStillRefusesWhatNoProviderCanServeAndSaysSo() {
    String lenient = "  octodns:\n    lenient: true\n";
    assertThatThrownBy(() -> read("geo:\n  geo:\n    EU:\n      - 198WWW.51.100.1\n" + lenient + "  type: A\n  value: 192.0.2.50\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("a routing value \"198WWW.51.100.1\" is not A data, so no provider can serve it");
    assertThatThrownBy(() -> read("https:\n" + lenient + "  type: HTTPS\n  value:\n    svcparams:\n      pozt: 443\n"
            + "    svcpriority: 1\n    targetname: .\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("example.com.yaml:7:")
        .hasMessageContaining("SvcParam 'pozt' is no SvcParam key DNS defines, so no provider can serve it");
    assertThatThrownBy(() -> read("lb:\n" + lenient + "  type: ALIAS\n  value: LB.Exampl\\\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageContaining("is not a valid name, so no provider can serve it");
  }

  // ---------------------------------------------------------------- helpers

  private Zone read(String yaml) throws IOException, ZoneReadException {
    Files.write(dir.resolve("example.com.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    return reader.read(new DirectoryTree(dir), "example.com.yaml", ORIGIN);
  }

  private Zone read(String yaml, OctoDnsOptions options) throws IOException, ZoneReadException {
    Files.write(dir.resolve("example.com.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    return new OctoDnsYamlReader(options).read(new DirectoryTree(dir), "example.com.yaml", ORIGIN);
  }

  private static String a(String name) {
    return name + ":\n  type: A\n  value: 192.0.2.1\n";
  }

  private static String canonical(String relative, String type, String masterText) throws IOException {
    String owner = relative.equals("@") ? ORIGIN : relative + "." + ORIGIN;
    return Canonical.rdata(owner, type, masterText, ORIGIN);
  }

  private static final class Expected {
    final String owner;
    final String type;
    final long ttl;
    final TreeSet<String> rdata = new TreeSet<>();

    Expected(String owner, String type, long ttl) {
      this.owner = owner;
      this.type = type;
      this.ttl = ttl;
    }
  }

  private static void expect(Map<String, Expected> want, String relative, String type, long ttl,
      String... masterTexts) throws IOException {
    String owner = relative.equals("@") ? ORIGIN : relative + "." + ORIGIN;
    Expected x = new Expected(owner, type, ttl);
    for (String t : masterTexts) {
      x.rdata.add(canonical(relative, type, t));
    }
    want.put(relative + " " + type, x);
  }
}
