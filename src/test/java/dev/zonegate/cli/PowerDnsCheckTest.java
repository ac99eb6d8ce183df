package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.PdnsServer;
import dev.zonegate.testing.PdnsServer.Set;
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
 * check, snapshot and verify with a real PowerDNS as the live source ({@code live: powerdns:}),
 * started by the test (skipped with the reason without pdns, failed in CI). Every output, every
 * report format included, is kept and searched for the API key at the end.
 */
class PowerDnsCheckTest extends LiveCliTest {
  static final String ZONE = "example.com.";
  static final String ENV = "ZONEGATE_TEST_PDNS_KEY";

  @RegisterExtension static final PdnsServer pdns = new PdnsServer();

  static final List<String> said = new ArrayList<>();

  static String zone(String www) {
    return "$ORIGIN example.com.\n$TTL 300\n"
        + "@ SOA ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300\n"
        + "@ NS ns1.example.net.\n@ NS ns2.example.org.\n"
        + "@ MX 10 mx1\nmx1 A 93.184.215.25\n"
        + "www A " + www + "\n"
        + "api 60 A 93.184.215.20\napi 60 A 93.184.215.21\n"
        + "blog CNAME www\n";
  }

  static final String V1 = zone("93.184.215.14");

  /** V1, as PowerDNS is given it. */
  static List<Set> v1() {
    return List.of(
        new Set(ZONE, "SOA", 300, "ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300"),
        new Set(ZONE, "NS", 300, "ns1.example.net.", "ns2.example.org."),
        new Set(ZONE, "MX", 300, "10 mx1.example.com."),
        new Set("mx1." + ZONE, "A", 300, "93.184.215.25"),
        new Set("www." + ZONE, "A", 300, "93.184.215.14"),
        new Set("api." + ZONE, "A", 60, "93.184.215.20", "93.184.215.21"),
        new Set("blog." + ZONE, "CNAME", 300, "www.example.com."));
  }

  @TempDir Path tmp;

  String config(String live) {
    return "zones:\n  - name: example.com.\n    file: zones/example.com.zone\n    live:\n" + live;
  }

  String powerdns() {
    return "      powerdns:\n        url: \"" + pdns.url() + "\"\n        server: localhost\n        apiKeyEnv: " + ENV
        + "\n        timeout: 5\n";
  }

  @BeforeEach
  void repo() throws Exception {
    if (pdns.running()) {
      pdns.deleteZone(ZONE);
      pdns.createZone(ZONE, v1());
    }
    git = GitFixture.init(tmp.resolve("repo"));
    git.write("zonegate.yaml", config(powerdns())).write("zones/example.com.zone", V1);
    base = git.commit("as deployed");
  }

  Map<String, String> env() {
    return Map.of(ENV, pdns.apiKey());
  }

  @Override
  List<String> said() {
    return said;
  }

  void propose(String text) throws Exception {
    propose("zones/example.com.zone", text);
  }

  @Test
  void aBenignChangePassesAgainstPowerDns() throws Exception {
    propose(V1 + "new A 93.184.215.99\n");
    Cli r = check(env(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("new.example.com.").contains("powerdns " + pdns.url() + " server localhost");
  }

  @Test
  void anEmptiedEndpointBlocks() throws Exception {
    propose(V1.replace("www A 93.184.215.14\n", ""));
    Cli r = check(env());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   address-emptied www.example.com.");
  }

  @Test
  void aRecordChangedOnPowerDnsOutOfBandIsDriftRevert() throws Exception {
    pdns.replace(ZONE, new Set("www." + ZONE, "A", 300, "93.184.215.77"));
    propose(V1 + "new A 93.184.215.99\n");
    Cli r = check(env());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   drift-revert www.example.com. A").contains("93.184.215.77").contains("(undoes a live change)");
  }

  @Test
  void verifyPassesWhileLiveHoldsAndFailsOnceItMoves() throws Exception {
    propose(V1 + "new A 93.184.215.99\n");
    Path out = tmp.resolve("reports");
    Cli r = check(env(), "--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path report = out.resolve("zonegate-report.json");
    Cli same = run(env(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.out()).contains("live unchanged since the report for example.com.");
    pdns.replace(ZONE, new Set("api." + ZONE, "A", 60, "93.184.215.20"));
    Cli moved = run(env(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(moved.exit()).isEqualTo(1);
    assertThat(moved.out()).contains("zone example.com.: live state moved since the report");
    Cli blind = run(Map.of(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(blind.exit()).isEqualTo(2);
    assertThat(blind.err()).contains(ENV);
  }

  @Test
  void aSnapshotOfPowerDnsIsTheZoneAsWritten() throws Exception {
    Path snap = tmp.resolve("live.zone");
    Cli s = run(env(), "snapshot", "--repo", git.dir().toString(), "--zone", "example.com", "-o", snap.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    Files.writeString(tmp.resolve("served.zone"), V1);
    Cli d = run(Map.of(), "diff", snap.toString(), tmp.resolve("served.zone").toString(), "--origin", ZONE);
    assertThat(d.exit()).as(d.out()).isZero();
    assertThat(d.out()).contains("0 adds, 0 deletes, 0 updates");
    // ZONEGATE_TIMINGS splits the listing: waiting for the API, and the rest.
    Cli timed = run(Map.of(ENV, pdns.apiKey(), "ZONEGATE_TIMINGS", "1"), "snapshot", "--repo", git.dir().toString(), "--zone", "example.com");
    assertThat(timed.exit()).as(timed.err()).isZero();
    assertThat(timed.out()).isEqualTo(Files.readString(snap));
    assertThat(timed.err()).containsPattern("zonegate: timings: .*live \\d+\\.\\d\\d s \\[client \\d+\\.\\d\\d s, api \\d+\\.\\d\\d s, records \\d+\\.\\d\\d s\\]");
  }

  @Test
  void aWrongKeyFailsClosedWithOneLine() throws Exception {
    propose(V1 + "new A 93.184.215.99\n");
    Cli r = check(Map.of(ENV, "wrong-key"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: zone example.com.: PowerDNS API " + pdns.url()
        + " (server localhost): the zone: the credential was refused (HTTP 401 Unauthorized)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingKeyVariableFailsClosedNamingIt() throws Exception {
    propose(V1 + "new A 93.184.215.99\n");
    Cli r = check(Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("the PowerDNS API key variable " + ENV + " is not set").doesNotContain("\tat ");
  }

  @Test
  void aZoneMissingOnPowerDnsFailsClosed() throws Exception {
    pdns.deleteZone(ZONE);
    propose(V1 + "new A 93.184.215.99\n");
    Cli r = check(env());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("zone example.com.: PowerDNS API").contains("the zone is not on the server (HTTP 404)");
  }

  @Test
  void noOutputOrReportFormatCarriesTheKey() throws Exception {
    pdns.replace(ZONE, new Set("www." + ZONE, "A", 300, "93.184.215.66"));
    propose(V1 + "new A 93.184.215.99\n");
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

  /** testdata/octodns-repo's example.com. as octoDNS deploys it to PowerDNS, with an SOA pdns keeps. */
  static List<Set> octoDnsDeployed() {
    return List.of(
        new Set(ZONE, "SOA", 3600, "ns1.example.net. hostmaster.example.com. 1 7200 900 1209600 300"),
        new Set(ZONE, "NS", 3600, "ns-1021.awsdns-63.net.", "ns-1609.awsdns-09.co.uk.", "ns-312.awsdns-39.com.", "ns-734.awsdns-27.org."),
        new Set(ZONE, "MX", 3600, "10 mx1.example.com.", "20 mx2.example.com."),
        new Set(ZONE, "TXT", 3600, "\"v=spf1 ip4:93.184.215.0/24 include:_spf.mail.example.net -all\""),
        new Set("_dmarc." + ZONE, "TXT", 3600, "\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\""),
        new Set("api." + ZONE, "A", 60, "93.184.215.20", "93.184.215.21", "93.184.215.22"),
        new Set("api." + ZONE, "AAAA", 60, "2606:2800:21f:cb07:6820:80da:af6b:8b20", "2606:2800:21f:cb07:6820:80da:af6b:8b21"),
        new Set("mx1." + ZONE, "A", 300, "93.184.215.25"),
        new Set("mx2." + ZONE, "A", 300, "93.184.215.26"),
        new Set("status." + ZONE, "CNAME", 3600, "example-status.statuspage.io."),
        new Set("www." + ZONE, "CNAME", 300, "api.example.com."));
  }

  /** An octoDNS config filling example.com. from ./config (with {@code settings}) and deploying it to this PowerDNS. */
  static String octoDnsConfig(String settings) {
    return "---\nproviders:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: ./config\n" + settings
        + "  pdns:\n    class: octodns_powerdns.PowerDnsProvider\n"
        + "    host: 127.0.0.1\n    port: " + pdns.apiPort() + "\n    api_key: env/" + ENV + "\n"
        + "zones:\n  example.com.:\n    sources:\n      - config\n    targets:\n      - pdns\n";
  }

  @Test
  void anOctoDnsRepositoryIsJudgedAgainstItsPowerDnsTarget() throws Exception {
    // --live auto with an octoDNS config: the zone's first target is a PowerDnsProvider, read with
    // its own host, port and env/VAR key; check, snapshot and verify all go through it.
    pdns.deleteZone(ZONE);
    pdns.createZone(ZONE, octoDnsDeployed());
    GitFixture repo = GitFixture.init(tmp.resolve("octodns")).copy(Path.of("testdata/octodns-repo"));
    repo.write("config/production.yaml", octoDnsConfig("    default_ttl: 3600\n    enforce_order: true\n"));
    String deployed = repo.commit("octoDNS zones as deployed");
    String yaml = Files.readString(repo.dir().resolve("config/example.com.yaml"));
    repo.write("config/example.com.yaml", yaml.replace("status:\n", "new:\n  type: A\n  value: 93.184.215.99\nstatus:\n"));
    repo.commit("add a host");
    String cfg = repo.dir().resolve("config/production.yaml").toString();
    String dir = repo.dir().toString();
    // A type octoDNS does not manage on PowerDNS, added out of band: octoDNS leaves it, so does the gate.
    pdns.replace(ZONE, new Set("old." + ZONE, "HINFO", 300, "\"PC\" \"Linux\""));

    Path out = tmp.resolve("octodns-reports");
    Cli r = run(env(), "check", "--repo", dir, "--octodns-config", cfg, "--base", deployed, "--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String report = Files.readString(out.resolve("zonegate-report.json"));
    assertThat(report).contains("\"live\" : \"powerdns " + pdns.url() + " server localhost\"").contains("new.example.com.")
        .doesNotContain("HINFO");

    Cli snap = run(env(), "snapshot", "--repo", dir, "--octodns-config", cfg, "--zone", "example.com");
    assertThat(snap.exit()).as(snap.err()).isZero();
    assertThat(snap.out()).contains("HINFO").contains("api").contains("93.184.215.22");

    Cli same = run(env(), "verify", out.resolve("zonegate-report.json").toString(), "--repo", dir, "--octodns-config", cfg);
    assertThat(same.exit()).as(same.err() + same.out()).isZero();
    pdns.replace(ZONE, new Set("api." + ZONE, "A", 60, "93.184.215.20", "93.184.215.21"));
    Cli moved = run(env(), "verify", out.resolve("zonegate-report.json").toString(), "--repo", dir, "--octodns-config", cfg);
    assertThat(moved.exit()).isEqualTo(1);
    Cli drift = run(env(), "check", "--repo", dir, "--octodns-config", cfg, "--base", deployed);
    assertThat(drift.exit()).as(drift.err()).isEqualTo(1);
    assertThat(drift.out()).contains("drift-revert api.example.com. A");
    Cli none = run(Map.of(), "check", "--repo", dir, "--octodns-config", cfg, "--base", deployed);
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains(ENV).hasLineCount(1);
    Cli explicit = run(Map.of(), "check", "--repo", dir, "--octodns-config", cfg, "--base", deployed, "--live", "none");
    assertThat(explicit.exit()).as(explicit.err()).isZero();
  }

  /**
   * A record octoDNS does not deploy to the live target ({@code octodns: {excluded: [pdns]}}, or
   * {@code included} naming only another target) is left alone there by octoDNS, so the gate does
   * not compare it: PowerDNS keeps its own db and vpn, the internal addresses are not a change to
   * it (and no reserved-address block for an address PowerDNS will never serve); listed once.
   */
  @Test
  void recordsOctoDnsDoesNotDeployToTheLiveTargetAreNotCompared() throws Exception {
    List<Set> served = new ArrayList<>(octoDnsDeployed());
    served.add(new Set("db." + ZONE, "A", 300, "93.184.215.50"));
    pdns.deleteZone(ZONE);
    pdns.createZone(ZONE, served);
    GitFixture repo = GitFixture.init(tmp.resolve("octodns-excluded")).copy(Path.of("testdata/octodns-repo"));
    repo.write("config/production.yaml", octoDnsConfig(""));
    String deployed = repo.commit("octoDNS zones as deployed");
    String yaml = Files.readString(repo.dir().resolve("config/example.com.yaml"));
    String internal = "db:\n  octodns:\n    excluded: [pdns]\n  ttl: 300\n  type: A\n  value: 10.0.0.5\n";
    String vpn = "vpn:\n  octodns:\n    included: [internal]\n  type: A\n  value: 10.0.0.6\n";
    repo.write("config/example.com.yaml", yaml.replace("mx1:\n", internal + "mx1:\n").replace("www:\n", vpn + "www:\n"));
    repo.commit("internal addresses, for the internal target only");
    String cfg = repo.dir().resolve("config/production.yaml").toString();
    Cli r = run(env(), "check", "--repo", repo.dir().toString(), "--octodns-config", cfg, "--base", deployed, "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("\"verdict\" : \"pass\"").doesNotContain("10.0.0.5").doesNotContain("reserved-address")
        .contains("'db' A: octodns.excluded: octoDNS does not deploy it to pdns, the live source, so it is not compared")
        .contains("'vpn' A: octodns.included: octoDNS does not deploy it to pdns, the live source, so it is not compared");
    // Without a live source (base to head), the change to the repository is judged as written.
    Cli none = run(Map.of(), "check", "--repo", repo.dir().toString(), "--octodns-config", cfg, "--base", deployed, "--live", "none");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.out()).contains("reserved-address db.example.com. A");
  }

  @AfterAll
  static void theKeyNeverAppears() {
    if (pdns.apiKey() == null) {
      return;
    }
    for (String s : said) {
      assertThat(s).doesNotContain(pdns.apiKey());
    }
  }
}
