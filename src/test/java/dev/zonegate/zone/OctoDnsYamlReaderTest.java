package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
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
  private static final Path CORPUS = Path.of("../shared/corpus/octodns-tests-config");

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
    expect(want, "@", "A", 3600, "192.0.2.1", "192.0.2.2");
    expect(want, "@", "AAAA", 3600, "2001:db8::1");
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
    assertThat(zone.get(ORIGIN, "AAAA").rdata()).containsExactly("2001:db8::1");
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
  void chunkingNeverSplitsAnEscapeAndAQuotedChunkListIsJoinedFirst() throws Exception {
    // octoDNS cuts its escaped text at 255 characters but backs off from a trailing backslash.
    String value = "x".repeat(254) + "\\;y";
    Zone zone = read("a:\n  type: TXT\n  value: '" + value + "'\n"
        + "b:\n  type: TXT\n  value: '\"abc\" \"def\"'\n");
    assertThat(zone.get("a." + ORIGIN, "TXT").rdata())
        .containsExactly(canonical("a", "TXT", "\"" + "x".repeat(254) + "\" \";y\""));
    // _ChunkedValue.process joins a pre-chunked value; short, it goes out as one string.
    assertThat(zone.get("b." + ORIGIN, "TXT").rdata()).containsExactly("\"abcdef\"");
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
    assertThat(marked.marks().lenient("www." + ORIGIN, "A")).isEqualTo(new dev.zonegate.model.Location("example.com.yaml", 1));
  }

  @Test
  void anIgnoredRecordIsKeptForTheRulesButMarkedNotCompared() throws Exception {
    Zone zone = read("www:\n  octodns:\n    ignored: true\n  type: A\n  value: 192.0.2.1\n");
    assertThat(zone.get("www." + ORIGIN, "A").rdata()).containsExactly("192.0.2.1");
    assertThat(zone.marks().ignored()).hasSize(1);
    assertThat(zone.marks().isIgnored(dev.zonegate.model.RRsetKey.of("www." + ORIGIN, "A"))).isTrue();
    assertThat(zone.notices()).isEmpty();
  }

  @Test
  void dynamicPoolsAndRulesAreReadAsRouting() throws Exception {
    Zone zone = read("www:\n  dynamic:\n    pools:\n      eu:\n        values:\n          - value: 198.51.100.2\n"
        + "            weight: 3\n          - value: 198.51.100.1\n            status: down\n        fallback: us\n"
        + "      us:\n        values:\n          - value: 203.0.113.1\n            weight: 7\n"
        + "    rules:\n      - geos: [EU-FR, EU-DE]\n        pool: eu\n      - pool: us\n  type: A\n  values:\n    - 192.0.2.1\n");
    var www = zone.get("www." + ORIGIN, "A");
    assertThat(www.rdata()).containsExactly("192.0.2.1");
    assertThat(www.extras().lines()).containsExactly(
        "pool eu: 198.51.100.1 weight=1 status=down",
        "pool eu: 198.51.100.2 weight=3 status=obey",
        "pool eu fallback: us",
        "pool us: 203.0.113.1 weight=1 status=obey", // a single-value pool weighs 1, as octoDNS has it
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
        "    pools:\n      eu:\n        values: []\n    rules:\n      - pool: eu\n",
        "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            weight: 101\n"
            + "          - value: 198.51.100.2\n    rules:\n      - pool: eu\n",
        "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n      us:\n        values:\n"
            + "          - value: 198.51.100.9\n    rules:\n      - pool: eu\n")) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(
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
  void aMergeKeyOverriddenInTheSameMapIsReportedNotSilentlyResolved() {
    // PyYAML lets the explicit key win; with duplicate detection on, zonegate says so instead.
    assertThatThrownBy(() -> read("a: &web\n  type: A\n  value: 192.0.2.1\n"
        + "b:\n  <<: *web\n  value: 192.0.2.2\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:6: 'b': duplicate key \"value\"");
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
    Path empty = CORPUS.resolve("empty.yaml");
    Assumptions.assumeTrue(Files.exists(empty), "corpus absent: " + empty);
    assertThat(reader.read(new DirectoryTree(CORPUS), "empty.yaml", "empty.").rrsets()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "- www\\n- api\\n | 1 | must be a map of names to records, not a list",
        "just a string\\n | 1 | not a single value \"just a string\"",
        "---\\n42\\n | 2 | not a single value 42",
      })
  void aDocumentThatIsNotAMapIsAnError(String yaml, int line, String message) {
    assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageStartingWith("example.com.yaml:" + line + ": ")
        .hasMessageContaining(message);
  }

  // ---------------------------------------------------------------- errors with file and line

  @Test
  void aDuplicateNameIsAnErrorAtItsSecondLine() {
    assertThatThrownBy(() -> read("www:\n  type: A\n  value: 192.0.2.1\napi:\n  type: A\n  value: 192.0.2.2\n"
        + "www:\n  type: A\n  value: 192.0.2.3\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:7: the name 'www' appears twice;"
            + " YAML would silently keep only the last one");
  }

  @Test
  void aDuplicateKeyInARecordIsAnError() {
    assertThatThrownBy(() -> read("www:\n  type: A\n  value: 192.0.2.1\n  value: 192.0.2.2\n"))
        .isInstanceOf(ZoneReadException.class)
        .hasMessage("example.com.yaml:4: 'www': duplicate key \"value\";"
            + " YAML would silently keep only the last one");
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
        // yaml (\n for newlines) | line | message after "example.com.yaml:LINE: "
        "mx:\\n  type: MX\\n  values:\\n    - preference: 10\\n"
            + " | 4 | 'mx' MX: values[0] is missing \"exchange\"",
        "_sip._tcp:\\n  type: SRV\\n  value:\\n    port: 70000\\n    priority: 1\\n    target: sip.example.com.\\n    weight: 1\\n"
            + " | 4 | '_sip._tcp' SRV: value.port 70000 is above the maximum 65535",
        "www:\\n  type: A\\n  values:\\n    - 192.0.2.1\\n    - not-an-ip\\n"
            + " | 5 | 'www' A: values[1] \"not-an-ip\" is not a valid IPv4 address",
        "www:\\n  type: AAAA\\n  value: 192.0.2.1\\n"
            + " | 3 | 'www' AAAA: value \"192.0.2.1\" is not a valid IPv6 address",
        "ok:\\n  type: A\\n  value: 192.0.2.1\\nwww:\\n  type: FOO\\n  value: x\\n"
            + " | 5 | 'www' FOO: unknown type \"FOO\" (octoDNS supports A, AAAA, ALIAS,",
        "www:\\n  value: 192.0.2.1\\n"
            + " | 1 | 'www': the record is missing \"type\"",
        "www:\\n  type: A\\n"
            + " | 1 | 'www' A: the record has no \"value\" or \"values\"",
        "www:\\n  type: CNAME\\n  values: [example.com.]\\n"
            + " | 1 | 'www' CNAME: the record has no \"value\" (CNAME takes exactly one value)",
        "www:\\n  type: A\\n  values: []\\n"
            + " | 3 | 'www' A: values is an empty list",
        "www:\\n  ttl: soon\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 2 | 'www' A: ttl must be an integer, not \"soon\"",
        "www:\\n  ttl: -1\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 2 | 'www' A: ttl -1 is below the minimum 0",
        "www:\\n  type: CNAME\\n  value: example.com\\n"
            + " | 3 | 'www' CNAME: value \"example.com\" missing trailing . (names in values must be absolute)",
        "mx:\\n  type: MX\\n  value:\\n    exchange: mail\\n    preference: 10\\n"
            + " | 4 | 'mx' MX: value.exchange \"mail\" missing trailing .",
        "caa:\\n  type: CAA\\n  value:\\n    tag: issue\\n"
            + " | 3 | 'caa' CAA: value is missing \"value\"",
        "tlsa:\\n  type: TLSA\\n  value:\\n    certificate_association_data: ab\\n    certificate_usage: 4\\n    matching_type: 1\\n    selector: 1\\n"
            + " | 5 | 'tlsa' TLSA: value.certificate_usage 4 is above the maximum 3",
        "fp:\\n  type: SSHFP\\n  value:\\n    algorithm: 1\\n    fingerprint: xyz\\n    fingerprint_type: 1\\n"
            + " | 5 | 'fp' SSHFP: value.fingerprint \"xyz\" does not match",
        "n:\\n  type: NAPTR\\n  value:\\n    flags: Q\\n    order: 1\\n    preference: 1\\n    regexp: ''\\n    replacement: .\\n    service: x\\n"
            + " | 4 | 'n' NAPTR: value.flags \"Q\" must be one of",
        "ds:\\n  type: DS\\n  value:\\n    algorithm: 8\\n    digest_type: 2\\n    key_tag: 1\\n"
            + " | 3 | 'ds' DS: value is missing \"digest\"",
        "loc:\\n  type: LOC\\n  value:\\n    altitude: 0\\n    lat_degrees: 91\\n    lat_direction: N\\n    lat_minutes: 0\\n    lat_seconds: 0\\n"
            + "    long_degrees: 0\\n    long_direction: E\\n    long_minutes: 0\\n    long_seconds: 0\\n    precision_horz: 0\\n    precision_vert: 0\\n    size: 0\\n"
            + " | 5 | 'loc' LOC: value.lat_degrees 91 is above the maximum 90",
        "u:\\n  type: URLFWD\\n  value:\\n    code: 307\\n    masking: 0\\n    path: /\\n    query: 0\\n    target: https://x/\\n"
            + " | 4 | 'u' URLFWD: value.code 307 must be one of",
        "www: 5\\n"
            + " | 1 | 'www': a record must be a map with \"type\" and \"value\"/\"values\", not 5",
        "'@':\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 1 | '@': invalid name \"@\"; octoDNS writes the apex as ''",
        "www.example.com.:\\n  type: A\\n  value: 192.0.2.1\\n"
            + " | 1 | 'www.example.com.': names are relative to the zone in octoDNS",
        "www:\\n  type: A\\n  value: 01.2.3.4\\n"
            + " | 3 | 'www' A: value \"01.2.3.4\" is not a valid IPv4 address",
      })
  void schemaAndValueProblemsNameFileLineRecordAndField(String yaml, int line, String message) {
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
        .hasMessageStartingWith("example.com.yaml:5: a second YAML document");
  }

  // ---------------------------------------------------------------- hostile input

  @ParameterizedTest
  @ValueSource(strings = {
      "www: !!java.net.URL [http://example.com/]\n",
      "www:\n  type: A\n  value: !!javax.script.ScriptEngineManager [192.0.2.1]\n",
      "www:\n  type: A\n  value: !!python/object/apply:os.system [id]\n",
      "www:\n  type: A\n  value: !include other.yaml\n",
  })
  void tagsThatConstructObjectsOrIncludeFilesAreRefused(String yaml) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(ZoneReadException.class)
        .hasMessageMatching("example\\.com\\.yaml:\\d+: 'www': .*(not allowed|not supported).*");
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
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> read(bomb.toString()))
            .isInstanceOf(ZoneReadException.class)
            .hasMessageStartingWith("example.com.yaml:"));
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
    Path file = CORPUS.resolve("unit.tests.yaml");
    Assumptions.assumeTrue(Files.exists(file), "corpus absent: " + file);
    Zone zone = reader.read(new DirectoryTree(CORPUS), "unit.tests.yaml", "unit.tests.");

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

  // ---------------------------------------------------------------- helpers

  private Zone read(String yaml) throws IOException, ZoneReadException {
    Files.write(dir.resolve("example.com.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    return reader.read(new DirectoryTree(dir), "example.com.yaml", ORIGIN);
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
