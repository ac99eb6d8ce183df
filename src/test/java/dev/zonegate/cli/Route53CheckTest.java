package dev.zonegate.cli;

import static dev.zonegate.live.route53.Route53Fixture.alias;
import static dev.zonegate.live.route53.Route53Fixture.failover;
import static dev.zonegate.live.route53.Route53Fixture.simple;
import static dev.zonegate.live.route53.Route53Fixture.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.live.route53.Route53Fixture;
import dev.zonegate.live.route53.Route53Stub;
import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * check, snapshot and verify against Route 53, played by a real moto: the zone is set up through
 * the AWS SDK as a deploy tool would, exported into the repository as {@code aws route53
 * list-resource-record-sets} prints it, and changed there or on "Route 53". Listings are paged two
 * sets at a time, so pages end inside the weighted and failover groups. Every output and report
 * is kept and searched for the credentials at the end.
 */
class Route53CheckTest extends LiveCliTest {
  static final String ZONE = "example.com.";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension static final MotoServer moto = new MotoServer();

  static final List<String> said = new ArrayList<>();

  @TempDir Path tmp;
  Route53Fixture aws;
  String id;

  @BeforeEach
  void deployed() throws Exception {
    moto.reset();
    aws = new Route53Fixture(moto.endpoint());
    Route53Fixture.pageSize(2);
    id = aws.createZone(ZONE);
    aws.upsert(id,
        simple("example.com.", "MX", 300, "10 mail.example.com."),
        simple("mail.example.com.", "A", 300, "93.184.215.25"),
        simple("www.example.com.", "A", 300, "93.184.215.10", "93.184.215.11"),
        simple("blog.example.com.", "CNAME", 300, "www.example.com."),
        weighted("api.example.com.", "A", 60, "a-blue", 10, "93.184.215.20"),
        weighted("api.example.com.", "A", 60, "b-green", 90, "93.184.215.21"),
        weighted("api.example.com.", "A", 60, "c-canary", 1, "93.184.215.22"),
        failover("db.example.com.", "CNAME", 30, "primary", "PRIMARY", "db-1.example.net."),
        failover("db.example.com.", "CNAME", 30, "secondary", "SECONDARY", "db-2.example.net."),
        alias("app.example.com.", "A", "Z35SXDOTRQ7X7K", "dualstack.lb-1.us-east-1.elb.amazonaws.com.", true));
    git = GitFixture.init(tmp.resolve("repo"));
    git.write("zonegate.yaml", config(route53(id)))
        .write("zones/example.com.json", Route53Fixture.export(moto.endpoint(), id, 100));
    base = git.commit("as deployed");
  }

  @AfterEach
  void close() {
    aws.close();
    Route53Fixture.pageSize(0);
  }

  static String config(String live) {
    return "zones:\n  - name: example.com.\n    file: zones/example.com.json\n    live:\n" + live;
  }

  static String route53(String zoneId, String endpoint) {
    return "      route53:\n        hostedZoneId: " + zoneId + "\n        endpoint: \"" + endpoint + "\"\n        timeout: 5\n";
  }

  String route53(String zoneId) {
    return route53(zoneId, moto.endpoint());
  }

  @Override
  List<String> said() {
    return said;
  }

  Cli check(String... extra) {
    return check(Route53Fixture.env(), extra);
  }

  /** Edits the exported record sets in the repository and commits the edit. */
  void propose(Consumer<ArrayNode> edit) throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(git.dir().resolve("zones/example.com.json")));
    edit.accept((ArrayNode) doc.get("ResourceRecordSets"));
    git.write("zones/example.com.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    git.commit("proposed");
  }

  static void add(ArrayNode sets, String name, String type, String value) {
    ObjectNode s = sets.addObject();
    s.put("Name", name).put("Type", type).put("TTL", 300);
    s.putArray("ResourceRecords").addObject().put("Value", value);
  }

  static void remove(ArrayNode sets, String name, String type) {
    for (int i = sets.size() - 1; i >= 0; i--) {
      if (sets.get(i).get("Name").asString().equals(name) && sets.get(i).get("Type").asString().equals(type)) {
        sets.remove(i);
      }
    }
  }

  String label() {
    return "route53 hosted zone " + id + " (endpoint " + moto.endpoint() + ")";
  }

  @Test
  void aBenignChangePassesAgainstRoute53() throws Exception {
    propose(s -> add(s, "new.example.com.", "A", "93.184.215.99"));
    Cli r = check("--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("\"live\" : \"" + label() + "\"").contains("\"liveFingerprint\" : \"sha256:")
        .contains("new.example.com.");
    Cli text = check();
    assertThat(text.out()).startsWith("zonegate: pass").contains("(live: " + label() + ")");
  }

  @Test
  void anEmptiedEndpointBlocks() throws Exception {
    propose(s -> remove(s, "www.example.com.", "A"));
    Cli r = check();
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   address-emptied www.example.com.");
  }

  @Test
  void aChangeMadeOnRoute53OutsideTheRepositoryIsDriftRevert() throws Exception {
    aws.upsert(id, simple("www.example.com.", "A", 300, "93.184.215.77"));
    propose(s -> add(s, "new.example.com.", "A", "93.184.215.99"));
    Cli r = check();
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   drift-revert www.example.com. A").contains("93.184.215.77")
        .contains("(undoes a live change)");
  }

  @Test
  void verifyPassesWhileRoute53HoldsAndFailsOnceItMoves() throws Exception {
    propose(s -> add(s, "new.example.com.", "A", "93.184.215.99"));
    Path out = tmp.resolve("reports");
    Cli r = check("--format", "json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path report = out.resolve("zonegate-report.json");
    Cli same = run(Route53Fixture.env(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.out()).contains("live unchanged since the report for example.com.");

    // A weight changed in the console: the weighted set's key holds the weight, so it moved.
    aws.upsert(id, weighted("api.example.com.", "A", 60, "c-canary", 50, "93.184.215.22"));
    Cli moved = run(Route53Fixture.env(), "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(moved.exit()).as(moved.err()).isEqualTo(1);
    assertThat(moved.out()).contains("zone example.com.: live state moved since the report");

    Cli blind = run(Map.of("HOME", tmp.toString(), "AWS_EC2_METADATA_DISABLED", "true"),
        "verify", report.toString(), "--repo", git.dir().toString());
    assertThat(blind.exit()).isEqualTo(2);
    assertThat(blind.err()).startsWith("zonegate: error: zone example.com.: route53: no AWS credentials");
  }

  @Test
  void aSnapshotFromTheApiIsByteForByteTheSnapshotOfTheExport() throws Exception {
    Map<String, String> timed = new HashMap<>(Route53Fixture.env());
    timed.put("ZONEGATE_TIMINGS", "1");
    Cli api = run(timed, "snapshot", "--repo", git.dir().toString(), "--zone", "example.com");
    assertThat(api.exit()).as(api.err()).isZero();
    // The listing's time split: the SDK's setup, and waiting for the API.
    assertThat(api.err()).containsPattern("zonegate: timings: .*live \\d+\\.\\d\\d s \\[sdk \\d+\\.\\d\\d s, api \\d+\\.\\d\\d s, records \\d+\\.\\d\\d s\\]");
    assertThat(api.out())
        .contains("; api.example.com. 60 IN A [a-blue weight=10] 93.184.215.20")
        .contains("; db.example.com. 30 IN CNAME [secondary failover=SECONDARY] db-2.example.net.")
        .contains("; app.example.com. 0 IN ALIAS A dualstack.lb-1.us-east-1.elb.amazonaws.com.")
        .contains("www.example.com. 300 IN A 93.184.215.11");
    Cli apiJson = check("--format", "json", "--all-zones");

    git.write("zonegate.yaml", config("      snapshot: zones/example.com.json\n"));
    Cli file = run(Map.of(), "snapshot", "--repo", git.dir().toString(), "--zone", "example.com");
    assertThat(file.exit()).as(file.err()).isZero();
    assertThat(api.out()).isEqualTo(file.out());

    git.commit("judge against the export");
    Cli fileJson = check("--format", "json", "--all-zones");
    assertThat(LiveCheckTest.fingerprint(apiJson.out(), "liveFingerprint"))
        .isEqualTo(LiveCheckTest.fingerprint(fileJson.out(), "liveFingerprint"))
        .startsWith("\"liveFingerprint\" : \"sha256:");
  }

  @Test
  void credentialsFromTheVariablesTheConfigNamesAndNoReportCarriesThem() throws Exception {
    git.write("zonegate.yaml", config(route53(id)
        + "        accessKeyIdEnv: DEPLOY_KEY\n        secretAccessKeyEnv: DEPLOY_SECRET\n        sessionTokenEnv: DEPLOY_TOKEN\n"));
    aws.upsert(id, simple("www.example.com.", "A", 300, "93.184.215.66"));
    propose(s -> add(s, "new.example.com.", "A", "93.184.215.99"));
    Map<String, String> env = Map.of("DEPLOY_KEY", Route53Fixture.KEY_ID, "DEPLOY_SECRET", Route53Fixture.SECRET,
        "DEPLOY_TOKEN", Route53Fixture.TOKEN, "AWS_EC2_METADATA_DISABLED", "true");
    Path out = tmp.resolve("all");
    Cli r = check(env, "--out", out.toString(), "--format", "text", "--format", "markdown", "--format", "json",
        "--format", "junit", "--format", "codequality", "--format", "sarif", "--format", "html");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    try (var files = Files.list(out)) {
      List<Path> all = files.toList();
      // Text goes to standard output (kept in said by run()); the six others are files.
      assertThat(all).hasSize(6);
      for (Path f : all) {
        said.add(Files.readString(f));
      }
    }
    assertThat(r.out()).contains("drift-revert www.example.com. A");
    assertThat(said).filteredOn(t -> t.contains("drift-revert")).hasSizeGreaterThanOrEqualTo(7);

    Map<String, String> noSecret = new HashMap<>(env);
    noSecret.remove("DEPLOY_SECRET");
    Cli missing = check(noSecret);
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo(
        "zonegate: error: zone example.com.: route53: the AWS secret access key variable DEPLOY_SECRET is not set\n");
    assertThat(missing.out()).isEmpty();
  }

  @Test
  void aHostedZoneThatIsNotThereIsExit2InOneLine() throws Exception {
    git.write("zonegate.yaml", config(route53("ZNOSUCHZONE1")));
    propose(s -> add(s, "new.example.com.", "A", "93.184.215.99"));
    Cli r = check();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: zone example.com.: route53 hosted zone ZNOSUCHZONE1 (endpoint "
        + moto.endpoint() + "): the hosted zone does not exist (NoSuchHostedZone, HTTP 404); check hostedZoneId\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void stubAnAuthFailureAndThrottlingAreExit2InOneLine() throws Exception {
    propose(s -> add(s, "new.example.com.", "A", "93.184.215.99"));
    try (Route53Stub denied = new Route53Stub(q -> Route53Stub.error(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/ci is not authorized; " + Route53Fixture.KEY_ID))) {
      git.write("zonegate.yaml", config(route53("ZSTUB1", denied.endpoint())));
      git.commit("stubbed");
      Cli r = check();
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("zonegate: error: zone example.com.: route53 hosted zone ZSTUB1 (endpoint "
          + denied.endpoint() + "): access denied to route53:GetHostedZone (AccessDenied, HTTP 403); the credentials need that permission\n");
      assertThat(r.out()).isEmpty();
    }
    try (Route53Stub throttled = new Route53Stub(q -> q.isListing()
        ? Route53Stub.error(400, "Throttling", "Rate exceeded") : Route53Stub.hostedZone("ZSTUB1", ZONE))) {
      git.write("zonegate.yaml", config(route53("ZSTUB1", throttled.endpoint())));
      git.commit("stubbed again");
      Cli r = check();
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("zonegate: error: zone example.com.: route53 hosted zone ZSTUB1")
          .contains("throttled ListResourceRecordSets (Throttling, HTTP 400) and still did after 3 attempts")
          .hasLineCount(1);
    }
  }

  @Test
  void anOctoDnsRepositoryIsJudgedAgainstItsRoute53Target() throws Exception {
    // testdata/octodns-repo pushed to "Route 53" as octoDNS would: its target names no zone id
    // and no endpoint, so the zone is looked up by name and the endpoint comes from the environment.
    moto.reset();
    String zone = aws.createZone(ZONE);
    aws.upsert(zone,
        simple("example.com.", "NS", 3600, "ns-1021.awsdns-63.net.", "ns-1609.awsdns-09.co.uk.", "ns-312.awsdns-39.com.", "ns-734.awsdns-27.org."),
        simple("example.com.", "MX", 3600, "10 mx1.example.com.", "20 mx2.example.com."),
        simple("example.com.", "TXT", 3600, "\"v=spf1 ip4:93.184.215.0/24 include:_spf.mail.example.net -all\""),
        simple("_dmarc.example.com.", "TXT", 3600, "\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\""),
        simple("api.example.com.", "A", 60, "93.184.215.20", "93.184.215.21", "93.184.215.22"),
        simple("api.example.com.", "AAAA", 60, "2606:2800:21f:cb07:6820:80da:af6b:8b20", "2606:2800:21f:cb07:6820:80da:af6b:8b21"),
        simple("mx1.example.com.", "A", 300, "93.184.215.25"),
        simple("mx2.example.com.", "A", 300, "93.184.215.26"),
        simple("status.example.com.", "CNAME", 3600, "example-status.statuspage.io."),
        simple("www.example.com.", "CNAME", 300, "api.example.com."));
    GitFixture repo = GitFixture.init(tmp.resolve("octodns")).copy(Path.of("testdata/octodns-repo"));
    String deployed = repo.commit("octoDNS zones as deployed");
    String yaml = Files.readString(repo.dir().resolve("config/example.com.yaml"));
    repo.write("config/example.com.yaml", yaml.replace("status:\n", "new:\n  type: A\n  value: 93.184.215.99\nstatus:\n"));
    repo.commit("add a host");
    Map<String, String> env = new HashMap<>(Route53Fixture.env());
    env.put("AWS_ENDPOINT_URL_ROUTE_53", moto.endpoint());
    String config = repo.dir().resolve("config/production.yaml").toString();
    Cli r = run(env, "check", "--repo", repo.dir().toString(), "--octodns-config", config, "--base", deployed, "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("\"live\" : \"route53 hosted zone " + zone + " (endpoint " + moto.endpoint() + ")\"");

    aws.upsert(zone, simple("api.example.com.", "A", 60, "93.184.215.20", "93.184.215.21"));
    Cli drift = run(env, "check", "--repo", repo.dir().toString(), "--octodns-config", config, "--base", deployed);
    assertThat(drift.exit()).as(drift.err()).isEqualTo(1);
    assertThat(drift.out()).contains("drift-revert api.example.com. A");
  }

  @AfterAll
  static void theCredentialsNeverAppear() {
    for (String s : said) {
      assertThat(s).doesNotContain(Route53Fixture.KEY_ID).doesNotContain(Route53Fixture.SECRET)
          .doesNotContain(Route53Fixture.SECRET.substring(0, 12)).doesNotContain(Route53Fixture.TOKEN)
          .doesNotContain("123456789012");
    }
  }
}
