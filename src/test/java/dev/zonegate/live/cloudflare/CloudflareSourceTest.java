package dev.zonegate.live.cloudflare;

import static dev.zonegate.testing.FakeCloudflareApi.record;
import static dev.zonegate.testing.FakeCloudflareApi.withData;
import static dev.zonegate.testing.FakeCloudflareApi.withPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Bounded;
import dev.zonegate.testing.FakeCloudflareApi.Fault;
import dev.zonegate.testing.FakeCloudflareApi;
import dev.zonegate.zone.CloudflareRdata;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.OctoDnsYamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Cloudflare live source against a local stand-in for the API v4 ({@link FakeCloudflareApi}:
 * no Cloudflare emulator exists), answering in the documented shapes, pages included.
 */
class CloudflareSourceTest {
  static final String ZONE = "example.com.";
  static final String ENV = "ZONEGATE_TEST_CF_TOKEN";
  static final List<String> said = new ArrayList<>();
  static final List<String> tokens = new ArrayList<>();

  FakeCloudflareApi api;
  String id;

  @BeforeEach
  void start() throws Exception {
    api = new FakeCloudflareApi();
    tokens.add(api.token());
    id = api.zone("example.com");
    api.records(id, records());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** One record of each shape, as Cloudflare lists them (names and targets without the dot). */
  static List<ObjectNode> records() {
    return new ArrayList<>(List.of(
        record("example.com", "CNAME", "lb.example.net", 1, true),
        record("example.com", "TXT", "v=spf1 include:_spf.example.net -all", 300, false),
        record("example.com", "TXT", "\"v=DKIM1; k=rsa\"", 300, false),
        withPriority(record("example.com", "MX", "mx1.example.net", 3600, false), 10),
        withPriority(record("example.com", "MX", "mx2.example.net", 3600, false), 20),
        withData(record("example.com", "CAA", "0 issue \"letsencrypt.org\"", 3600, false),
            map("flags", 0, "tag", "issue", "value", "letsencrypt.org")),
        record("www.example.com", "A", "192.0.2.10", 1, true),
        record("www.example.com", "A", "192.0.2.11", 1, true),
        record("www.example.com", "AAAA", "2001:db8:0:0::1", 1, false),
        record("api.example.com", "CNAME", "www.example.com", 600, false),
        withData(withPriority(record("_sip._tcp.example.com", "SRV", "5 5060 sip.example.com", 3600, false), 10),
            map("priority", 10, "weight", 5, "port", 5060, "target", "sip.example.com")),
        record("sub.example.com", "NS", "ns1.example.org", 3600, false),
        withData(record("_443._tcp.www.example.com", "TLSA", "3 1 1 " + "ab".repeat(32), 3600, false),
            map("usage", 3, "selector", 1, "matching_type", 1, "certificate", "ab".repeat(32))),
        withData(record("naptr.example.com", "NAPTR", "", 3600, false),
            map("order", 100, "preference", 10, "flags", "U", "service", "E2U+sip", "regex", "!^.*$!sip:info@example.com!", "replacement", "."))));
  }

  /** The same zone as an octoDNS YAML head writes it. */
  static final String YAML =
      "---\n"
          + "'':\n"
          + "  - type: ALIAS\n    value: lb.example.net.\n    ttl: 300\n    octodns:\n      cloudflare:\n        proxied: true\n"
          + "  - type: CAA\n    ttl: 3600\n    value: {flags: 0, tag: issue, value: letsencrypt.org}\n"
          + "  - type: MX\n    ttl: 3600\n    values:\n      - {preference: 10, exchange: mx1.example.net.}\n      - {preference: 20, exchange: mx2.example.net.}\n"
          + "  - type: TXT\n    ttl: 300\n    values:\n      - v=spf1 include:_spf.example.net -all\n      - v=DKIM1\\; k=rsa\n"
          + "_443._tcp.www:\n  type: TLSA\n  ttl: 3600\n  value: {certificate_usage: 3, selector: 1, matching_type: 1, certificate_association_data: " + "ab".repeat(32) + "}\n"
          + "_sip._tcp:\n  type: SRV\n  ttl: 3600\n  value: {priority: 10, weight: 5, port: 5060, target: sip.example.com.}\n"
          + "api:\n  type: CNAME\n  ttl: 600\n  value: www.example.com.\n"
          + "naptr:\n  type: NAPTR\n  ttl: 3600\n  value: {order: 100, preference: 10, flags: U, service: E2U+sip, regexp: '!^.*$!sip:info@example.com!', replacement: .}\n"
          + "sub:\n  type: NS\n  ttl: 3600\n  value: ns1.example.org.\n"
          + "www:\n"
          + "  - type: A\n    ttl: 300\n    values: [192.0.2.10, 192.0.2.11]\n    octodns:\n      cloudflare:\n        proxied: true\n"
          + "  - type: AAAA\n    ttl: 300\n    value: 2001:db8::1\n    octodns:\n      cloudflare:\n        auto-ttl: true\n";

  LiveConfig.Cloudflare config(String zoneId, int timeout) {
    return new LiveConfig.Cloudflare(zoneId, ENV, api.url(), timeout);
  }

  Map<String, String> env() {
    return Map.of(ENV, api.token());
  }

  Zone read(LiveConfig config, Map<String, String> env) throws LiveException {
    LiveSource s = LiveSources.of(ZONE, config, env, null);
    said.add(s.describe());
    return s.read(ZONE, List.of()).zone();
  }

  LiveException failure(LiveConfig config, Map<String, String> env) {
    LiveException e = catchThrowableOfType(LiveException.class, () -> read(config, env));
    assertThat(e).as("expected a LiveException").isNotNull();
    said.add(e.getMessage());
    assertThat(e.getMessage()).startsWith("zone example.com.: ").doesNotContain("\n");
    return e;
  }

  static List<String> lines(Zone z) {
    List<String> out = new ArrayList<>();
    for (RRset s : z.sets()) {
      out.add(s.key() + " " + s.ttl() + " " + s.rdata() + " " + s.extras());
    }
    return out;
  }

  @Test
  void theListingEqualsTheOctoDnsYamlThatDeploysIt() throws Exception {
    Zone live = read(config(id, 5), env());
    Zone head = new OctoDnsYamlReader()
        .read(new MemoryTree(Map.of("example.com.yaml", YAML.getBytes(StandardCharsets.UTF_8))), "example.com.yaml", ZONE);
    assertThat(lines(live)).containsExactlyElementsOf(lines(head));
    assertThat(live.get("www." + ZONE, "A").extras().attributes()).containsExactly(Map.entry("cloudflare.proxied", "true"));
    assertThat(live.get(ZONE, "ALIAS").rdata()).containsExactly("lb.example.net.");
  }

  @Test
  void everyPageIsReadToTheEnd() throws Exception {
    api.pageSize(3);
    Zone z = read(config(id, 5), env());
    assertThat(z.recordCount()).isEqualTo(records().size());
    assertThat(api.paths()).contains("/zones/" + id + "/dns_records?page=5&per_page=" + CloudflareSource.PER_PAGE)
        .doesNotContain("/zones/" + id + "/dns_records?page=6&per_page=" + CloudflareSource.PER_PAGE);
  }

  @Test
  void theZoneIdIsLookedUpByNameWhenNotGiven() throws Exception {
    Zone z = read(config(null, 5), env());
    assertThat(z.get("www." + ZONE, "A")).isNotNull();
    assertThat(api.paths().get(0)).startsWith("/zones?name=example.com");
  }

  @Test
  void noZoneOfThatNameFailsClosed() {
    api.records(id, List.of());
    FakeCloudflareApi other = api;
    other.zone("example.org");
    LiveException e = catchThrowableOfType(LiveException.class,
        () -> LiveSources.of("example.net.", config(null, 5), env(), null).read("example.net.", List.of()));
    said.add(e.getMessage());
    assertThat(e.getMessage()).isEqualTo("zone example.net.: Cloudflare API " + api.url()
        + ": no zone of that name is visible to this token; set zoneId or check the token's zones");
  }

  @Test
  void severalZonesOfThatNameFailClosed() {
    api.zone("example.com");
    LiveException e = failure(config(null, 5), env());
    assertThat(e.getMessage()).endsWith("2 zones have that name (in different accounts); set zoneId to the one meant");
  }

  @Test
  void aProxiedFlipIsADifferentRRset() throws Exception {
    Zone before = read(config(id, 5), env());
    List<ObjectNode> flipped = records();
    flipped.set(6, record("www.example.com", "A", "192.0.2.10", 300, false));
    flipped.set(7, record("www.example.com", "A", "192.0.2.11", 300, false));
    api.records(id, flipped);
    Zone after = read(config(id, 5), env());
    assertThat(after.get("www." + ZONE, "A").rdata()).isEqualTo(before.get("www." + ZONE, "A").rdata());
    assertThat(after.get("www." + ZONE, "A").extras()).isNull();
    assertThat(after.get("www." + ZONE, "A")).isNotEqualTo(before.get("www." + ZONE, "A"));
  }

  @Test
  void proxiedCountsOnlyWhereCloudflareCanProxy() throws Exception {
    api.records(id, List.of(withPriority(record("example.com", "MX", "mx1.example.net", 3600, true), 10)));
    assertThat(read(config(id, 5), env()).get(ZONE, "MX").extras()).isNull();
  }

  @Test
  void aRefusedTokenFailsClosed() {
    api.fault(Fault.FORBIDDEN);
    assertThat(failure(config(id, 5), env()).getMessage())
        .isEqualTo("zone example.com.: Cloudflare API " + api.url()
            + ": page 1 of the DNS records: the credential may not read this (HTTP 403 Forbidden)");
    api.fault(Fault.UNAUTHORIZED);
    assertThat(failure(config(id, 5), env()).getMessage()).endsWith("the credential was refused (HTTP 401 Unauthorized)");
  }

  @Test
  void aWrongTokenFailsClosed() {
    assertThat(failure(config(id, 5), Map.of(ENV, "wrong-token")).getMessage()).endsWith("(HTTP 403 Forbidden)");
  }

  @Test
  void aMissingTokenVariableFailsClosedNamingIt() {
    assertThat(failure(config(id, 5), Map.of()).getMessage())
        .isEqualTo("zone example.com.: the Cloudflare API token variable " + ENV + " is not set");
  }

  @Test
  void throttlingPastTheRetriesFailsClosed() {
    api.fault(Fault.THROTTLE_ALWAYS);
    assertThat(failure(config(id, 5), env()).getMessage()).endsWith("throttled (HTTP 429 Too Many Requests) on all 4 tries");
    assertThat(api.requests()).isEqualTo(4);
  }

  @Test
  void throttlingThatPassesIsWaitedOut() throws Exception {
    api.fault(Fault.THROTTLE_ONCE);
    assertThat(read(config(id, 5), env()).recordCount()).isEqualTo(records().size());
  }

  @Test
  void aPageThatFailsMidListingFailsClosed() {
    api.fault(Fault.FAIL_PAGE_TWO);
    assertThat(failure(config(id, 5), env()).getMessage()).endsWith("page 2 of the DNS records: the API answered HTTP 500");
  }

  @Test
  void aPageThatDoesNotParseFailsClosed() {
    api.fault(Fault.TRUNCATE_PAGE_TWO);
    assertThat(failure(config(id, 5), env()).getMessage()).endsWith("page 2 of the DNS records: the answer is not valid JSON");
  }

  @Test
  void aPageThatSaysItFailedFailsClosed() {
    api.fault(Fault.UNSUCCESSFUL_PAGE_TWO);
    assertThat(failure(config(id, 5), env()).getMessage()).endsWith("page 2 of the DNS records: the answer says it failed (error 1000)");
  }

  @Test
  void aListingThatChangesWhileReadFailsClosed() {
    api.fault(Fault.TOTAL_CHANGES);
    assertThat(failure(config(id, 5), env()).getMessage()).contains("the zone changed while it was listed");
  }

  @Test
  void anApiThatNeverAnswersIsATimeout() {
    api.fault(Fault.STALL); // held until the api is closed: only the client's own 1 s timeout ends the read
    assertThat(Bounded.within(() -> failure(config(id, 1), env())).getMessage()).endsWith("no answer within 1 s (timeout)");
  }

  @Test
  void anUnknownZoneIdFailsClosed() {
    assertThat(failure(config("0123456789abcdef0123456789abcdef", 5), env()).getMessage())
        .endsWith("zone id 0123456789abcdef0123456789abcdef is not found (HTTP 404)");
  }

  @Test
  void aTypeZonegateCannotReadFailsClosed() {
    api.records(id, List.of(record("x.example.com", "WEIRD", "1 2 3", 300, false)));
    assertThat(failure(config(id, 5), env()).getMessage()).endsWith("x.example.com. holds a 'WEIRD' record, a type zonegate cannot read or compare");
  }

  @Test
  void theDescriptionNamesTheUrlAndZoneOnly() {
    assertThat(LiveSources.of(ZONE, new LiveConfig.Cloudflare("abc123", ENV, null, 5), env(), null).describe())
        .isEqualTo("cloudflare https://api.cloudflare.com/client/v4 zone abc123");
  }

  @Test
  void longUnquotedTextIsCutAsOctoDnsCutsIt() {
    String text = "a".repeat(300);
    assertThat(CloudflareRdata.txt(text)).isEqualTo("\"" + "a".repeat(255) + "\" \"" + "a".repeat(45) + "\"");
    assertThat(CloudflareRdata.txt("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
  }

  @AfterAll
  static void theTokenNeverAppears() {
    for (String s : said) {
      for (String t : tokens) {
        assertThat(s).doesNotContain(t);
      }
    }
  }
}
