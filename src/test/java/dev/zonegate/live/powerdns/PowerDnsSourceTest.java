package dev.zonegate.live.powerdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Bounded;
import dev.zonegate.testing.PdnsServer.Set;
import dev.zonegate.testing.PdnsServer;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PowerDNS live source against a real pdns_server (skipped with the reason without one,
 * failed in CI), and, for answers a healthy pdns never gives (throttling, a stall, a broken body,
 * a LUA record), against a scripted local HTTP server.
 */
class PowerDnsSourceTest {
  static final String ZONE = "example.com.";
  static final String ENV = "ZONEGATE_TEST_PDNS_KEY";

  @RegisterExtension static final PdnsServer pdns = new PdnsServer();

  /** Every message and description a test produced, checked for the key at the end. */
  static final List<String> said = new ArrayList<>();

  static final String SSHFP = "1 1 " + "ab".repeat(20);
  static final String TLSA = "3 1 1 " + "cd".repeat(32);
  static final String DS = "12345 13 2 " + "ef".repeat(32);

  /** The zone as a master file says it; pdns is given the same through its API. */
  static final String MASTER =
      "$ORIGIN example.com.\n$TTL 300\n"
          + "@ 3600 SOA ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300\n"
          + "@ 3600 NS ns1.example.net.\n@ 3600 NS ns2.example.org.\n"
          + "@ MX 10 Mail.Example.COM.\n"
          + "@ TXT \"v=spf1 -all\" \"Mixed Case\"\n"
          + "@ CAA 0 issue \"letsencrypt.org\"\n"
          + "www 600 A 192.0.2.10\nwww 600 A 192.0.2.11\n"
          + "www AAAA 2001:db8:0:0::1\n"
          + "api CNAME www\n"
          + "_sip._tcp SRV 10 5 5060 sip\n"
          + "child NS ns1.child\nns1.child A 192.0.2.99\nchild DS " + DS + "\n"
          + "host SSHFP " + SSHFP + "\n"
          + "_443._tcp.www TLSA " + TLSA + "\n"
          + "naptr NAPTR 100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .\n";

  static List<Set> sets() {
    return List.of(
        new Set(ZONE, "SOA", 3600, "ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300"),
        new Set(ZONE, "NS", 3600, "ns1.example.net.", "ns2.example.org."),
        new Set(ZONE, "MX", 300, "10 Mail.Example.COM."),
        new Set(ZONE, "TXT", 300, "\"v=spf1 -all\" \"Mixed Case\""),
        new Set(ZONE, "CAA", 300, "0 issue \"letsencrypt.org\""),
        new Set("www." + ZONE, "A", 600, "192.0.2.10", "192.0.2.11").withDisabled("192.0.2.12"),
        new Set("www." + ZONE, "AAAA", 300, "2001:db8:0:0::1"),
        new Set("api." + ZONE, "CNAME", 300, "www.example.com."),
        new Set("_sip._tcp." + ZONE, "SRV", 300, "10 5 5060 sip.example.com."),
        new Set("child." + ZONE, "NS", 300, "ns1.child.example.com."),
        new Set("ns1.child." + ZONE, "A", 300, "192.0.2.99"),
        new Set("child." + ZONE, "DS", 300, DS),
        new Set("host." + ZONE, "SSHFP", 300, SSHFP),
        new Set("_443._tcp.www." + ZONE, "TLSA", 300, TLSA),
        new Set("naptr." + ZONE, "NAPTR", 300, "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" ."),
        new Set("gone." + ZONE, "A", 300, List.of(), List.of("192.0.2.77")));
  }

  @BeforeAll
  static void zone() throws Exception {
    if (!pdns.running()) {
      return; // every test is reported skipped with the reason
    }
    pdns.createZone(ZONE, sets());
  }

  static Zone fromFile(String text) throws Exception {
    MemoryTree tree = new MemoryTree(Map.of("z.zone", text.getBytes(StandardCharsets.UTF_8)));
    return new MasterFileReader().read(tree, "z.zone", ZONE);
  }

  Map<String, String> env() {
    return Map.of(ENV, pdns.apiKey());
  }

  static LiveConfig.PowerDns config(String url, String server, int timeout) {
    return new LiveConfig.PowerDns(url, server, ENV, timeout);
  }

  LiveRead read(LiveConfig config, Map<String, String> env, String zone) throws LiveException {
    LiveSource source = LiveSources.of(zone, config, env, null);
    said.add(source.describe());
    return source.read(zone, List.of());
  }

  LiveException failure(LiveConfig config, Map<String, String> env, String zone) {
    LiveException e = catchThrowableOfType(LiveException.class, () -> read(config, env, zone));
    assertThat(e).as("expected a LiveException").isNotNull();
    said.add(e.getMessage());
    assertThat(e.getMessage()).startsWith("zone " + zone.toLowerCase(Locale.ROOT)).doesNotContain("\n");
    return e;
  }

  @Test
  void theZoneReadsAsTheSameMasterFileGives() throws Exception {
    LiveRead live = read(config(pdns.url(), "localhost", 5), env(), ZONE);
    Zone expected = fromFile(MASTER);
    List<String> got = new ArrayList<>();
    List<String> want = new ArrayList<>();
    live.zone().sets().forEach(s -> got.add(line(s)));
    expected.sets().forEach(s -> want.add(line(s)));
    assertThat(got).containsExactlyElementsOf(want);
    assertThat(live.zone().get(ZONE, "TXT").rdata()).containsExactly("\"v=spf1 -all\" \"Mixed Case\"");
    assertThat(live.zone().get("www." + ZONE, "AAAA").rdata()).containsExactly("2001:db8::1");
  }

  /** One set as text; the SOA serial is PowerDNS's to set (its soa_edit_api), so it is left out. */
  static String line(RRset s) {
    String text = s.key() + " " + s.ttl() + " " + s.rdata();
    return s.type().equals("SOA") ? text.replaceAll("hostmaster\\.example\\.com\\. \\d+ ", "hostmaster.example.com. - ") : text;
  }

  @Test
  void disabledRecordsAreNotServedSoNotRead() throws Exception {
    Zone z = read(config(pdns.url(), "localhost", 5), env(), ZONE).zone();
    assertThat(z.get("www." + ZONE, "A").rdata()).containsExactly("192.0.2.10", "192.0.2.11");
    assertThat(z.get("gone." + ZONE, "A")).isNull();
    // The API does hold them: the source is what leaves them out.
    assertThat(pdns.zone(ZONE).toString()).contains("192.0.2.12").contains("192.0.2.77");
  }

  @Test
  void theZoneNameMayBeWrittenWithoutTheDotAndInAnyCase() throws Exception {
    Zone z = read(config(pdns.url() + "/", "localhost", 5), env(), "Example.COM").zone();
    assertThat(z.origin()).isEqualTo(ZONE);
    assertThat(z.get("www." + ZONE, "A")).isNotNull();
  }

  @Test
  void anAliasKeepsItsTargetAsOctoDnsModelsIt() throws Exception {
    pdns.createZone("alias.test.", List.of(new Set("www.alias.test.", "ALIAS", 300, "Target.Example.NET.")));
    Zone z = read(config(pdns.url(), "localhost", 5), env(), "alias.test.").zone();
    assertThat(z.get("www.alias.test.", "ALIAS").rdata()).containsExactly("target.example.net.");
  }

  @Test
  void aWrongKeyFailsClosedNamingZoneAndProvider() {
    LiveException e = failure(config(pdns.url(), "localhost", 5), Map.of(ENV, "not-the-key"), ZONE);
    assertThat(e.getMessage())
        .isEqualTo("zone example.com.: PowerDNS API " + pdns.url() + " (server localhost): the zone: "
            + "the credential was refused (HTTP 401 Unauthorized)");
  }

  @Test
  void aZoneTheServerDoesNotHaveFailsClosed() {
    LiveException e = failure(config(pdns.url(), "localhost", 5), env(), "absent.example.");
    assertThat(e.getMessage()).contains("PowerDNS API").contains("the zone is not on the server (HTTP 404)");
  }

  @Test
  void aMissingKeyVariableFailsClosedNamingIt() {
    LiveException e = failure(config(pdns.url(), "localhost", 5), Map.of(), ZONE);
    assertThat(e.getMessage()).isEqualTo("zone example.com.: the PowerDNS API key variable " + ENV + " is not set");
  }

  @Test
  void aServerThatIsDownFailsClosed() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    LiveException e = failure(config("http://127.0.0.1:" + dead, "localhost", 2), env(), ZONE);
    assertThat(e.getMessage()).endsWith("connection refused");
  }

  @Test
  void aServerThatNeverAnswersIsATimeout() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      // Accepts (the kernel does) and never answers.
      LiveException e = Bounded.within(() -> failure(config("http://127.0.0.1:" + s.getLocalPort(), "localhost", 1), env(), ZONE));
      assertThat(e.getMessage()).endsWith("no answer within 1 s (timeout)");
    }
  }

  /** A local HTTP server answering every request with what {@code answer} says. */
  static HttpServer scripted(Function<Integer, Object[]> answer) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    AtomicInteger n = new AtomicInteger();
    s.createContext("/", x -> {
      Object[] a = answer.apply(n.incrementAndGet()); // {status, body, retryAfter}
      byte[] b = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
      if (a.length > 2) {
        x.getResponseHeaders().set("Retry-After", (String) a[2]);
      }
      x.sendResponseHeaders((Integer) a[0], b.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(b);
      }
    });
    s.start();
    return s;
  }

  static String url(HttpServer s) {
    return "http://127.0.0.1:" + s.getAddress().getPort();
  }

  static final String SMALL =
      "{\"name\":\"example.com.\",\"rrsets\":[{\"name\":\"www.example.com.\",\"type\":\"A\",\"ttl\":60,"
          + "\"records\":[{\"content\":\"192.0.2.1\",\"disabled\":false}],\"comments\":[]}]}";

  @Test
  void throttlingIsRetriedAFewTimesThenFailsClosed() throws Exception {
    HttpServer s = scripted(i -> new Object[] {429, "Too Many Requests", "0"});
    try {
      LiveException e = failure(config(url(s), "localhost", 5), env(), ZONE);
      assertThat(e.getMessage()).endsWith("throttled (HTTP 429 Too Many Requests) on all 4 tries");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void throttlingThatPassesIsWaitedOut() throws Exception {
    HttpServer s = scripted(i -> i == 1 ? new Object[] {429, "slow down", "0"} : new Object[] {200, SMALL});
    try {
      Zone z = read(config(url(s), "localhost", 5), env(), ZONE).zone();
      assertThat(z.get("www." + ZONE, "A").rdata()).containsExactly("192.0.2.1");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void anAnswerThatDoesNotParseFailsClosed() throws Exception {
    HttpServer s = scripted(i -> new Object[] {200, SMALL.substring(0, SMALL.length() / 2)});
    try {
      LiveException e = failure(config(url(s), "localhost", 5), env(), ZONE);
      assertThat(e.getMessage()).endsWith("the answer is not valid JSON");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void anAnswerForAnotherZoneFailsClosed() throws Exception {
    HttpServer s = scripted(i -> new Object[] {200, SMALL.replace("\"name\":\"example.com.\"", "\"name\":\"example.org.\"")});
    try {
      LiveException e = failure(config(url(s), "localhost", 5), env(), ZONE);
      assertThat(e.getMessage()).endsWith("the answer is for the zone 'example.org.'");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aTypeZonegateCannotReadFailsClosedRatherThanVanish() throws Exception {
    String lua = SMALL.replace("\"type\":\"A\"", "\"type\":\"LUA\"").replace("192.0.2.1", "A \\\"return '192.0.2.1'\\\"");
    HttpServer s = scripted(i -> new Object[] {200, lua});
    try {
      LiveException e = failure(config(url(s), "localhost", 5), env(), ZONE);
      assertThat(e.getMessage()).endsWith("www.example.com. holds a 'LUA' RRset, a type zonegate cannot read or compare");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void contentThatIsNotDataOfItsTypeFailsClosed() throws Exception {
    HttpServer s = scripted(i -> new Object[] {200, SMALL.replace("192.0.2.1", "not-an-address")});
    try {
      LiveException e = failure(config(url(s), "localhost", 5), env(), ZONE);
      assertThat(e.getMessage()).endsWith("the content of a www.example.com. A record does not read as A data");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void theDescriptionNamesUrlAndServerOnly() {
    LiveSource s = LiveSources.of(ZONE, config("http://127.0.0.1:8081", "localhost", 5), env(), null);
    assertThat(s.describe()).isEqualTo("powerdns http://127.0.0.1:8081 server localhost");
  }

  @Test
  void zoneIdsAreEncodedAsPowerDnsWritesThem() {
    assertThat(PowerDnsSource.encode("example.com.")).isEqualTo("example.com.");
    assertThat(PowerDnsSource.encode("0/25.2.0.192.in-addr.arpa.")).isEqualTo("0=2F25.2.0.192.in-addr.arpa.");
  }

  @AfterAll
  static void theKeyNeverAppears() {
    for (String s : said) {
      assertThat(s).doesNotContain(pdns.apiKey() == null ? "\u0000" : pdns.apiKey());
    }
  }
}
