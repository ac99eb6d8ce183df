package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Bounded;
import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.NamedServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * check, snapshot and verify against a real BIND serving the zone (SPEC §3.3, §9): what turns a
 * linter into a deploy gate. Every output is kept and searched for the TSIG secret at the end.
 */
class LiveCheckTest extends LiveCliTest {
  static final String ZONE = "example.com.";
  static final String ENV = "ZONEGATE_TEST_TSIG";

  static String zone(int serial, String www) {
    return "$ORIGIN example.com.\n$TTL 300\n"
        + "@ SOA ns1.example.net. hostmaster.example.com. " + serial + " 7200 900 1209600 300\n"
        + "@ NS ns1.example.net.\n@ NS ns2.example.org.\n"
        + "@ MX 10 mx1\nmx1 A 93.184.215.25\n"
        + "www A " + www + "\n"
        + "api 60 A 93.184.215.20\napi 60 A 93.184.215.21\n"
        + "blog CNAME www\n";
  }

  static final String V1 = zone(1, "93.184.215.14");

  @RegisterExtension static final NamedServer named = NamedServer.builder().zone(ZONE, V1).build();

  static final List<String> said = new ArrayList<>();

  @TempDir Path tmp;

  String config(String live) {
    return "zones:\n  - name: example.com.\n    file: zones/example.com.zone\n    live:\n" + live;
  }

  String axfr(boolean withKey) {
    return "      axfr:\n        server: 127.0.0.1\n        port: " + named.port() + "\n        timeout: 3\n"
        + (withKey ? "        tsig: { name: " + named.keyName() + ", algorithm: hmac-sha256, secretEnv: " + ENV + " }\n" : "");
  }

  String query() {
    return "      query:\n        servers: [\"127.0.0.1:" + named.port() + "\"]\n        timeout: 3\n"
        + "        tsig: { name: " + named.keyName() + ", secretEnv: " + ENV + " }\n";
  }

  @BeforeEach
  void repo() throws Exception {
    named.replaceZone(ZONE, V1);
    git = GitFixture.init(tmp.resolve("repo"));
    git.write("zonegate.yaml", config(axfr(true))).write("zones/example.com.zone", V1);
    base = git.commit("as deployed");
  }

  Map<String, String> env(String secret) {
    return Map.of(ENV, secret);
  }

  @Override
  List<String> said() {
    return said;
  }

  void propose(String text) throws Exception {
    propose("zones/example.com.zone", text);
  }

  @Test
  void axfrWithTheRightKeyJudgesAgainstLive() throws Exception {
    propose(zone(2, "93.184.215.14") + "new A 93.184.215.99\n");
    Cli r = check(env(named.secret()), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"liveFingerprint\" : \"sha256:").contains("new.example.com.");
  }

  @Test
  void noReportFormatCarriesTheSecret() throws Exception {
    named.replaceZone(ZONE, zone(7, "93.184.215.66"));
    propose(zone(2, "93.184.215.14") + "new A 93.184.215.99\n");
    Path out = tmp.resolve("all");
    Cli r = check(env(named.secret()), "--out", out.toString(), "--format", "text", "--format", "markdown", "--format", "json",
        "--format", "junit", "--format", "codequality", "--format", "sarif", "--format", "html");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) {
        said.add(Files.readString(f));
      }
    }
    assertThat(said).anyMatch(t -> t.contains("drift-revert"));
  }

  @Test
  void aWrongKeyFailsClosed() throws Exception {
    propose(zone(2, "93.184.215.14") + "new A 93.184.215.99\n");
    Cli r = check(env("c2VjcmV0LXRoYXQtaXMtd3Jvbmc="));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: zone example.com.: server 127.0.0.1:" + named.port()).contains("TSIG");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void noKeyWhereOneIsRequiredFailsClosed() throws Exception {
    git.write("zonegate.yaml", config(axfr(false)));
    propose(zone(2, "93.184.215.14"));
    Cli r = check(env(named.secret()));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: zone example.com.: server 127.0.0.1:");
  }

  @Test
  void aServerThatIsDownFailsClosed() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    git.write("zonegate.yaml", config(axfr(true).replace("port: " + named.port(), "port: " + dead)));
    propose(zone(2, "93.184.215.14"));
    // Refused at once, or at worst the configured 3 s timeout: either error, never a hang.
    Cli r = Bounded.within(() -> check(env(named.secret())));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: zone example.com.: server 127.0.0.1:" + dead)
        .containsAnyOf("connection refused", "no answer within 3 s (timeout)");
  }

  @Test
  void aMissingSecretVariableFailsClosed() throws Exception {
    propose(zone(2, "93.184.215.14"));
    Cli r = check(Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(ENV);
  }

  @Test
  void queryModeAgreesWithAxfr() throws Exception {
    propose(zone(2, "93.184.215.14") + "new A 93.184.215.99\n");
    Cli viaAxfr = check(env(named.secret()), "--format", "json");
    git.write("zonegate.yaml", config(query()));
    String head = git.commit("query mode");
    Cli viaQuery = run(env(named.secret()), "check", "--repo", git.dir().toString(), "--base", base, "--head", head, "--format", "json", "--all-zones");
    assertThat(viaQuery.exit()).as(viaQuery.err()).isZero();
    assertThat(fingerprint(viaQuery.out(), "liveFingerprint")).isEqualTo(fingerprint(viaAxfr.out(), "liveFingerprint"));
  }

  static String fingerprint(String json, String key) {
    int i = json.indexOf("\"" + key + "\" : \"");
    return json.substring(i, json.indexOf('"', i + key.length() + 7));
  }

  @Test
  void anOutOfBandChangeOnTheServerIsCaughtAsDriftRevert() throws Exception {
    named.replaceZone(ZONE, zone(5, "93.184.215.77"));
    propose(zone(2, "93.184.215.14") + "new A 93.184.215.99\n");
    Cli r = check(env(named.secret()));
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   drift-revert www.example.com. A").contains("93.184.215.77").contains("(undoes a live change)");
  }

  @Test
  void verifyPassesWhileLiveHoldsAndFailsOnceItMoves() throws Exception {
    propose(zone(2, "93.184.215.14") + "new A 93.184.215.99\n");
    Path out = tmp.resolve("reports");
    Cli r = check(env(named.secret()), "--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path report = out.resolve("zonegate-report.json");
    Cli same = run(env(named.secret()), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.out()).contains("live unchanged since the report for example.com.");
    named.replaceZone(ZONE, zone(6, "93.184.215.15"));
    Cli moved = run(env(named.secret()), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(moved.exit()).isEqualTo(1);
    assertThat(moved.out()).contains("zone example.com.: live state moved since the report");
    Cli blind = run(Map.of(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(blind.exit()).isEqualTo(2);
  }

  @Test
  void aSnapshotRoundTrips() throws Exception {
    Path snap = tmp.resolve("live.zone");
    Cli s = run(env(named.secret()), "snapshot", "--repo", git.dir().toString(), "--zone", "example.com", "-o", snap.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    Files.writeString(tmp.resolve("served.zone"), V1);
    Cli d = run(Map.of(), "diff", snap.toString(), tmp.resolve("served.zone").toString(), "--origin", ZONE);
    assertThat(d.exit()).as(d.out()).isZero();
    assertThat(d.out()).contains("0 adds, 0 deletes, 0 updates");
    Cli again = run(env(named.secret()), "snapshot", "--repo", git.dir().toString(), "--zone", "example.com.");
    assertThat(again.out()).isEqualTo(Files.readString(snap));
  }

  @AfterAll
  static void theSecretNeverAppears() {
    String secret = named.secret();
    if (secret == null) {
      return;
    }
    for (String s : said) {
      assertThat(s).doesNotContain(secret);
    }
  }
}
