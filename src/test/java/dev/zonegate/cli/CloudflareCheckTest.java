package dev.zonegate.cli;

import static dev.zonegate.testing.FakeCloudflareApi.record;
import static dev.zonegate.testing.FakeCloudflareApi.withPriority;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.FakeCloudflareApi;
import dev.zonegate.testing.FakeCloudflareApi.Fault;
import dev.zonegate.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * check, snapshot and verify with Cloudflare as the live source ({@code live: cloudflare:}),
 * against a local stand-in for the API v4 ({@link FakeCloudflareApi}; no Cloudflare emulator
 * exists) answering in the documented shapes, three records a page. The head is octoDNS YAML, as a
 * repository deploying to Cloudflare writes it. Every output is searched for the token at the end.
 */
class CloudflareCheckTest extends LiveCliTest {
  static final String ENV = "ZONEGATE_TEST_CF_TOKEN";
  static final List<String> said = new ArrayList<>();
  static final List<String> tokens = new ArrayList<>();

  static final String NEW = "new:\n  ttl: 300\n  type: A\n  value: 93.184.215.99\n";

  static String yaml(boolean proxied, String api) {
    return yaml(proxied, api, "");
  }

  /** The zone with {@code extra} (names between mx1 and www) in octoDNS's natural order. */
  static String yaml(boolean proxied, String api, String extra) {
    return "---\n"
        + "'':\n"
        + "  - ttl: 3600\n    type: MX\n    value: {exchange: mx1.example.com., preference: 10}\n"
        + "  - ttl: 300\n    type: TXT\n    value: v=spf1 -all\n"
        + "api:\n  ttl: 300\n  type: CNAME\n  value: " + api + "\n"
        + "mx1:\n  ttl: 300\n  type: A\n  value: 93.184.215.25\n"
        + extra
        + "www:\n" + (proxied ? "  octodns:\n    cloudflare:\n      proxied: true\n" : "")
        + "  ttl: 300\n  type: A\n  values: [93.184.215.14, 93.184.215.15]\n";
  }

  static final String V1 = yaml(true, "www.example.com.");

  /** V1 as Cloudflare lists it (proxied records have TTL 1, "automatic"). */
  static List<ObjectNode> v1(boolean proxied, String api) {
    return List.of(
        withPriority(record("example.com", "MX", "mx1.example.com", 3600, false), 10),
        record("example.com", "TXT", "v=spf1 -all", 300, false),
        record("api.example.com", "CNAME", api, 300, false),
        record("mx1.example.com", "A", "93.184.215.25", 300, false),
        record("www.example.com", "A", "93.184.215.14", proxied ? 1 : 300, proxied),
        record("www.example.com", "A", "93.184.215.15", proxied ? 1 : 300, proxied));
  }

  @TempDir Path tmp;
  FakeCloudflareApi cf;
  String id;

  String config() {
    return "zones:\n  - name: example.com.\n    file: zones/example.com.yaml\n    live:\n"
        + "      cloudflare:\n        tokenEnv: " + ENV + "\n        url: \"" + cf.url() + "\"\n        timeout: 5\n";
  }

  @BeforeEach
  void repo() throws Exception {
    cf = new FakeCloudflareApi().pageSize(3);
    tokens.add(cf.token());
    id = cf.zone("example.com");
    cf.records(id, v1(true, "www.example.com"));
    git = GitFixture.init(tmp.resolve("repo"));
    git.write("zonegate.yaml", config()).write("zones/example.com.yaml", V1);
    base = git.commit("as deployed");
  }

  @AfterEach
  void stop() {
    cf.close();
  }

  Map<String, String> env() {
    return Map.of(ENV, cf.token());
  }

  @Override
  List<String> said() {
    return said;
  }

  void propose(String text) throws Exception {
    propose("zones/example.com.yaml", text);
  }

  @Test
  void aBenignChangePassesAgainstTheCloudflareStandIn() throws Exception {
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(env(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("new.example.com.").contains("cloudflare " + cf.url());
    // Three records a page: the listing took two pages, after the look-up of the zone id by name.
    assertThat(cf.paths()).hasSize(3);
  }

  @Test
  void unchangedHeadMatchesTheStandInExactly() throws Exception {
    propose(V1 + "# no change\n");
    Cli r = check(env(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"changes\" : [ ]");
  }

  @Test
  void aProxiedFlipInTheHeadIsAChangeTheReportShows() throws Exception {
    propose(yaml(false, "www.example.com."));
    Cli r = check(env(), "--format", "json");
    assertThat(r.out()).contains("\"name\" : \"www.example.com.\"").contains("cloudflare.proxied: true");
    Cli text = check(env());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("0 adds, 0 deletes, 1 update")
        .contains("~ update www.example.com. A ttl 300  -{cloudflare.proxied: true}");
  }

  /**
   * octodns-cloudflare plans no TTL change where Cloudflare has none to make: a proxied set (TTL
   * "automatic") whose file says 3600, and a TTL under the provider's min_ttl (120), which
   * Cloudflare holds as 120. Neither is a change; a TTL octoDNS would change still is.
   */
  @Test
  void cloudflareTtlsOctoDnsDoesNotChangeAreNoChange() throws Exception {
    cf.records(id, List.of(
        withPriority(record("example.com", "MX", "mx1.example.com", 3600, false), 10),
        record("example.com", "TXT", "v=spf1 -all", 300, false),
        record("api.example.com", "CNAME", "www.example.com", 300, false),
        record("mx1.example.com", "A", "93.184.215.25", 120, false),
        record("www.example.com", "A", "93.184.215.14", 1, true),
        record("www.example.com", "A", "93.184.215.15", 1, true)));
    String file = V1.replace("mx1:\n  ttl: 300", "mx1:\n  ttl: 60").replace("  ttl: 300\n  type: A\n  values:", "  ttl: 3600\n  type: A\n  values:");
    git.write("zones/example.com.yaml", file);
    base = git.commit("TTLs as written");
    propose(file + "# no change\n");
    Cli same = check(env(), "--format", "json");
    assertThat(same.exit()).as(same.err() + same.out()).isZero();
    assertThat(same.out()).contains("\"changes\" : [ ]");
    // A TTL octoDNS does change: api's 300 to 3600.
    propose(file.replace("api:\n  ttl: 300", "api:\n  ttl: 3600"));
    Cli changed = check(env());
    assertThat(changed.exit()).as(changed.err()).isZero();
    assertThat(changed.out()).contains("0 adds, 0 deletes, 1 update").contains("~ update api.example.com. CNAME ttl 300->3600");
  }

  @Test
  void aProxiedFlipOnCloudflareOutOfBandIsDriftRevert() throws Exception {
    cf.records(id, v1(false, "www.example.com"));
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(env());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   drift-revert www.example.com. A");
  }

  @Test
  void anEmptiedEndpointBlocks() throws Exception {
    propose(V1.substring(0, V1.indexOf("www:\n")));
    Cli r = check(env());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   address-emptied www.example.com.");
  }

  @Test
  void aRecordChangedOnCloudflareOutOfBandIsDriftRevert() throws Exception {
    cf.records(id, v1(true, "elsewhere.example.net"));
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(env());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   drift-revert api.example.com. CNAME").contains("elsewhere.example.net.");
  }

  @Test
  void verifyPassesWhileLiveHoldsAndFailsOnceItMoves() throws Exception {
    propose(yaml(true, "www.example.com.", NEW));
    Path out = tmp.resolve("reports");
    Cli r = check(env(), "--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path report = out.resolve("zonegate-report.json");
    Cli same = run(env(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(same.exit()).as(same.err()).isZero();
    cf.records(id, v1(false, "www.example.com")); // only the proxied flag moved
    Cli moved = run(env(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(moved.exit()).isEqualTo(1);
    assertThat(moved.out()).contains("zone example.com.: live state moved since the report");
  }

  @Test
  void aSnapshotKeepsTheProxiedFlag() throws Exception {
    Cli s = run(env(), "snapshot", "--repo", git.dir().toString(), "--zone", "example.com");
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.out()).contains("; www.example.com. 300 IN A extras cloudflare.proxied: true")
        .contains("api.example.com. 300 IN CNAME www.example.com.");
  }

  @Test
  void aRefusedTokenFailsClosedWithOneLine() throws Exception {
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(Map.of(ENV, "not-the-token"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: zone example.com.: Cloudflare API " + cf.url()
        + ": the look-up of the zone id by name: the credential may not read this (HTTP 403 Forbidden)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void throttlingPastTheRetriesFailsClosed() throws Exception {
    cf.fault(Fault.THROTTLE_ALWAYS);
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(env());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("zone example.com.: Cloudflare API").contains("HTTP 429");
  }

  @Test
  void aPageThatFailsMidListingFailsClosed() throws Exception {
    cf.fault(Fault.FAIL_PAGE_TWO);
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(env());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("page 2 of the DNS records: the API answered HTTP 500");
  }

  @Test
  void aMissingTokenVariableFailsClosedNamingIt() throws Exception {
    propose(yaml(true, "www.example.com.", NEW));
    Cli r = check(Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("the Cloudflare API token variable " + ENV + " is not set");
  }

  @Test
  void noOutputOrReportFormatCarriesTheToken() throws Exception {
    cf.records(id, v1(false, "elsewhere.example.net"));
    propose(yaml(true, "www.example.com.", NEW));
    Path out = tmp.resolve("all");
    Cli r = check(env(), "--out", out.toString(), "--format", "text", "--format", "markdown", "--format", "json",
        "--format", "junit", "--format", "codequality", "--format", "sarif", "--format", "html");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) {
        said.add(Files.readString(f));
      }
    }
    assertThat(said).anyMatch(t -> t.contains("drift-revert"));
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
