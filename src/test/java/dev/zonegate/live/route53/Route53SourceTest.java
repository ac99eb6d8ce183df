package dev.zonegate.live.route53;

import static dev.zonegate.live.route53.Route53Fixture.alias;
import static dev.zonegate.live.route53.Route53Fixture.failover;
import static dev.zonegate.live.route53.Route53Fixture.geo;
import static dev.zonegate.live.route53.Route53Fixture.latency;
import static dev.zonegate.live.route53.Route53Fixture.multivalue;
import static dev.zonegate.live.route53.Route53Fixture.simple;
import static dev.zonegate.live.route53.Route53Fixture.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.MotoServer;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.Route53JsonReader;
import dev.zonegate.zone.ZoneWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Route 53 source against a real moto (skipped without it, failed in CI without it): every
 * routing kind and alias records, read page by page, must model the zone exactly as the JSON
 * reader models the export botocore (the AWS CLI's library) makes of the same zone.
 */
class Route53SourceTest {
  static final String ZONE = "example.com.";

  @RegisterExtension static final MotoServer moto = new MotoServer();

  /** Every message and description a test produced, searched for the credentials at the end. */
  static final List<String> said = new ArrayList<>();

  Route53Fixture aws;

  @BeforeEach
  void fresh() {
    moto.reset();
    aws = new Route53Fixture(moto.endpoint());
    Route53Fixture.pageSize(0);
  }

  @AfterEach
  void done() {
    aws.close();
    Route53Fixture.pageSize(0);
  }

  LiveConfig.Route53 config(String zoneId) {
    return new LiveConfig.Route53(zoneId, moto.endpoint(), null, null, null, null, 5);
  }

  LiveRead read(LiveConfig.Route53 config, Map<String, String> env) throws LiveException {
    LiveSource s = LiveSources.of(ZONE, config, env, null);
    try {
      return s.read(ZONE, List.of());
    } finally {
      said.add(s.describe());
    }
  }

  LiveException failure(LiveConfig.Route53 config, Map<String, String> env) {
    LiveException e = catchThrowableOfType(LiveException.class, () -> read(config, env));
    assertThat(e).as("expected a LiveException").isNotNull();
    said.add(e.getMessage());
    assertThat(e.getMessage()).startsWith("zone example.com.: ").doesNotContain("\n");
    return e;
  }

  /** A zone with every routing kind, aliases, and a weighted group of five. */
  String everything() {
    String id = aws.createZone(ZONE);
    aws.upsert(id,
        simple("example.com.", "A", 300, "192.0.2.1", "192.0.2.2"),
        simple("example.com.", "MX", 300, "10 mail.example.com.", "20 mail2.example.com"),
        simple("example.com.", "TXT", 300, "\"v=spf1 -all\"", "\"part one \" \"Part Two\""),
        simple("\\052.dev.example.com.", "A", 60, "192.0.2.9"),
        simple("mail.example.com.", "AAAA", 300, "2001:db8:0:0::25"),
        simple("_sip._tcp.example.com.", "SRV", 300, "10 60 5060 sip.example.com."),
        simple("www.example.com.", "CNAME", 300, "example.com"),
        weighted("api.example.com.", "A", 60, "a-blue", 10, "192.0.2.10"),
        weighted("api.example.com.", "A", 60, "b-green", 20, "192.0.2.20"),
        weighted("api.example.com.", "A", 60, "c-red", 30, "192.0.2.30"),
        weighted("api.example.com.", "A", 60, "d-teal", 40, "192.0.2.40"),
        weighted("api.example.com.", "A", 60, "e-gold", 0, "192.0.2.50"),
        failover("db.example.com.", "CNAME", 30, "primary", "PRIMARY", "db-1.example.net."),
        failover("db.example.com.", "CNAME", 30, "secondary", "SECONDARY", "db-2.example.net."),
        latency("lat.example.com.", "A", 60, "use1", "us-east-1", "192.0.2.61"),
        latency("lat.example.com.", "A", 60, "euw1", "eu-west-1", "192.0.2.62"),
        geo("geo.example.com.", "A", 60, "us", null, "US", "192.0.2.71"),
        geo("geo.example.com.", "A", 60, "eu", "EU", null, "192.0.2.72"),
        geo("geo.example.com.", "A", 60, "default", null, "*", "192.0.2.73"),
        multivalue("mv.example.com.", "A", 60, "one", "192.0.2.81"),
        multivalue("mv.example.com.", "A", 60, "two", "192.0.2.82"),
        alias("app.example.com.", "A", "Z35SXDOTRQ7X7K", "dualstack.my-elb-123.us-east-1.elb.amazonaws.com.", true),
        alias("app.example.com.", "AAAA", "Z35SXDOTRQ7X7K", "dualstack.my-elb-123.us-east-1.elb.amazonaws.com", false),
        alias("apex-alias.example.com.", "A", id, "www.example.com.", false));
    return id;
  }

  /** The zone as botocore lists it (every page) and the AWS CLI prints it, read by the JSON reader. */
  static Zone exported(String endpoint, String zoneId, int pageSize) throws Exception {
    byte[] json = Route53Fixture.export(endpoint, zoneId, pageSize).getBytes(StandardCharsets.UTF_8);
    return new Route53JsonReader().read(new MemoryTree(Map.of("example.com.json", json)), "example.com.json", ZONE);
  }

  @Test
  void everyRoutingKindReadsAsTheExportOfTheSameZoneReads() throws Exception {
    String id = everything();
    Route53Fixture.pageSize(4); // pages end inside the weighted group and between failover roles
    int pages = DirectListing.PAGES.get();
    LiveRead live = read(config(id), Route53Fixture.env());
    assertThat(DirectListing.PAGES.get() - pages).as("pages read by the direct listing").isEqualTo(7);
    Zone export = exported(moto.endpoint(), id, 7);
    Route53Source.direct = false; // the SDK's own listing, the direct one's reference
    try {
      assertThat(ZoneWriter.write(read(config(id), Route53Fixture.env()).zone())).isEqualTo(ZoneWriter.write(live.zone()));
    } finally {
      Route53Source.direct = true;
    }

    assertThat(ZoneWriter.write(live.zone())).isEqualTo(ZoneWriter.write(export));
    assertThat(live.zone().rrsets()).isEqualTo(export.rrsets());
    assertThat(live.zone().notices()).isEmpty();
    Zone z = live.zone();
    assertThat(z.get(new RRsetKey("api.example.com.", "A", "c-red weight=30")).rdata()).containsExactly("192.0.2.30");
    assertThat(z.rrsets().keySet()).filteredOn(k -> k.name().equals("api.example.com.")).hasSize(5);
    assertThat(z.get(new RRsetKey("db.example.com.", "CNAME", "secondary failover=SECONDARY")).rdata()).containsExactly("db-2.example.net.");
    assertThat(z.get(new RRsetKey("lat.example.com.", "A", "euw1 region=eu-west-1"))).isNotNull();
    assertThat(z.get(new RRsetKey("geo.example.com.", "A", "default geo.country=*"))).isNotNull();
    assertThat(z.get(new RRsetKey("mv.example.com.", "A", "two multivalue=true"))).isNotNull();
    assertThat(z.get("app.example.com.", "ALIAS").rdata())
        .containsExactly("A dualstack.my-elb-123.us-east-1.elb.amazonaws.com.", "AAAA dualstack.my-elb-123.us-east-1.elb.amazonaws.com.");
    assertThat(z.get("*.dev.example.com.", "A").rdata()).containsExactly("192.0.2.9");
    assertThat(z.get("mail.example.com.", "AAAA").rdata()).containsExactly("2001:db8::25");
    assertThat(z.get(ZONE, "SOA")).isNotNull();
    assertThat(z.get(ZONE, "NS").rdata()).isNotEmpty();
  }

  @Test
  void aPageBoundaryInsideAWeightedGroupIsCrossedWithNextRecordIdentifier() throws Exception {
    String id = aws.createZone(ZONE);
    for (int i = 0; i < 7; i++) {
      aws.upsert(id, weighted("www.example.com.", "A", 60, "set-" + i, i, "192.0.2." + (100 + i)));
    }
    Route53Fixture.pageSize(0);
    Zone whole = read(config(id), Route53Fixture.env()).zone();
    assertThat(whole.rrsets().keySet()).filteredOn(k -> k.name().equals("www.example.com.")).hasSize(7);
    for (int size : new int[] {1, 2, 3, 4}) {
      Route53Fixture.pageSize(size);
      Zone paged = read(config(id), Route53Fixture.env()).zone();
      assertThat(paged.rrsets()).as("page size " + size).isEqualTo(whole.rrsets());
      assertThat(paged.notices()).as("page size " + size).isEmpty();
    }
  }

  @Test
  void theHostedZoneIsFoundByNameAndItsIdSaid() throws Exception {
    String id = aws.createZone(ZONE);
    aws.createZone("example.org.");
    aws.createZone("sub.example.com.");
    LiveSource s = LiveSources.of(ZONE, config(null), Route53Fixture.env(), null);
    assertThat(s.describe()).isEqualTo("route53 hosted zone (looked up by name) (endpoint " + moto.endpoint() + ")");
    LiveRead live = s.read(ZONE, List.of());
    assertThat(live.zone().get(ZONE, "SOA")).isNotNull();
    assertThat(s.describe()).isEqualTo("route53 hosted zone " + id + " (endpoint " + moto.endpoint() + ")");
    said.add(s.describe());

    Zone byPrefixedId = read(config("/hostedzone/" + id), Route53Fixture.env()).zone();
    assertThat(byPrefixedId.rrsets()).isEqualTo(live.zone().rrsets());
  }

  @Test
  void aZoneThatIsNotThereFailsClosed() {
    aws.createZone("example.org.");
    assertThat(failure(config(null), Route53Fixture.env()).getMessage())
        .isEqualTo("zone example.com.: route53 hosted zone (looked up by name) (endpoint " + moto.endpoint()
            + "): no hosted zone is named example.com. for these credentials; set hostedZoneId or check the account");
    assertThat(failure(config("ZNOSUCHZONE1"), Route53Fixture.env()).reason())
        .isEqualTo("route53 hosted zone ZNOSUCHZONE1 (endpoint " + moto.endpoint()
            + "): the hosted zone does not exist (NoSuchHostedZone, HTTP 404); check hostedZoneId");
  }

  @Test
  void twoHostedZonesOfTheNameAreAnErrorNamingBoth() {
    String one = aws.createZone(ZONE);
    String two = aws.createZone(ZONE);
    String reason = failure(config(null), Route53Fixture.env()).reason();
    assertThat(reason).contains("2 hosted zones are named example.com. (").contains(one).contains(two)
        .endsWith("); set hostedZoneId to the one to judge against");
  }

  @Test
  void aHostedZoneIdOfAnotherZoneIsRefused() {
    String other = aws.createZone("example.org.");
    assertThat(failure(config(other), Route53Fixture.env()).reason())
        .endsWith(": the hosted zone is example.org., not example.com.; check hostedZoneId");
  }

  @Test
  void credentialsComeFromTheVariablesTheConfigNames() throws Exception {
    String id = aws.createZone(ZONE);
    LiveConfig.Route53 named = new LiveConfig.Route53(id, moto.endpoint(), null, "ZG_KEY", "ZG_SECRET", "ZG_TOKEN", 5);
    Map<String, String> env = Map.of("ZG_KEY", Route53Fixture.KEY_ID, "ZG_SECRET", Route53Fixture.SECRET,
        "ZG_TOKEN", Route53Fixture.TOKEN, "AWS_EC2_METADATA_DISABLED", "true");
    assertThat(read(named, env).zone().get(ZONE, "SOA")).isNotNull();

    Map<String, String> noSecret = new HashMap<>(env);
    noSecret.remove("ZG_SECRET");
    noSecret.putAll(Route53Fixture.env()); // the standard variables do not stand in for named ones
    assertThat(failure(named, noSecret).getMessage())
        .isEqualTo("zone example.com.: route53: the AWS secret access key variable ZG_SECRET is not set");
    // An octoDNS target may name one variable of the pair only.
    LiveConfig.Route53 half = new LiveConfig.Route53(id, moto.endpoint(), null, "ZG_KEY", null, null, 5);
    assertThat(failure(half, env).reason())
        .isEqualTo("route53: the config names the variable of the AWS access key id but not of the secret access key");
    Map<String, String> noToken = new HashMap<>(env);
    noToken.put("ZG_TOKEN", "  ");
    assertThat(failure(named, noToken).reason()).isEqualTo("route53: the AWS session token variable ZG_TOKEN is not set");
  }

  @Test
  void theDefaultChainIsReadFromTheRunsEnvironment(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
    String id = aws.createZone(ZONE);
    // Half a key pair is said, by name.
    assertThat(failure(config(id), Map.of("AWS_ACCESS_KEY_ID", Route53Fixture.KEY_ID, "AWS_EC2_METADATA_DISABLED", "true")).reason())
        .isEqualTo("route53: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    // Nothing anywhere (no instance metadata is asked for: it is disabled).
    assertThat(failure(config(id), Map.of("HOME", home.toString(), "AWS_EC2_METADATA_DISABLED", "true")).reason())
        .isEqualTo("route53: no AWS credentials found (looked for AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a web identity token,"
            + " the AWS profile, container and instance credentials); set them, or name the variables with accessKeyIdEnv and"
            + " secretAccessKeyEnv");
    // A profile in $HOME/.aws/credentials, chosen with AWS_PROFILE.
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"),
        "[deploy]\naws_access_key_id = " + Route53Fixture.KEY_ID + "\naws_secret_access_key = " + Route53Fixture.SECRET + "\n");
    Map<String, String> profile = Map.of("HOME", home.toString(), "AWS_PROFILE", "deploy", "AWS_EC2_METADATA_DISABLED", "true");
    assertThat(read(config(id), profile).zone().get(ZONE, "SOA")).isNotNull();
  }

  @Test
  void theEndpointComesFromTheConfigElseTheEnvironment() throws Exception {
    String id = aws.createZone(ZONE);
    Map<String, String> env = new HashMap<>(Route53Fixture.env());
    env.put("AWS_ENDPOINT_URL_ROUTE_53", moto.endpoint());
    LiveConfig.Route53 noEndpoint = new LiveConfig.Route53(id, null, null, null, null, null, 5);
    LiveSource s = LiveSources.of(ZONE, noEndpoint, env, null);
    assertThat(s.read(ZONE, List.of()).zone().get(ZONE, "SOA")).isNotNull();
    assertThat(s.describe()).isEqualTo("route53 hosted zone " + id + " (endpoint " + moto.endpoint() + ")");

    env.put("AWS_ENDPOINT_URL_ROUTE_53", "http://127.0.0.1:" + deadPort());
    assertThat(read(config(id), env).zone().get(ZONE, "SOA")).as("the config wins").isNotNull();
    assertThat(failure(noEndpoint, env).reason()).contains("connection refused");

    env.put("AWS_ENDPOINT_URL_ROUTE_53", "ftp://" + Route53Fixture.SECRET + "@example.net/");
    assertThat(failure(noEndpoint, env).reason())
        .isEqualTo("route53: the endpoint in AWS_ENDPOINT_URL_ROUTE_53 is not an http or https URL with a host");
  }

  @Test
  void descriptionsShowNoUserPartOfTheEndpoint() {
    LiveConfig.Route53 c = new LiveConfig.Route53("Z1", "https://me:" + Route53Fixture.KEY_ID + "@route53.example.net:8443/api?x=" + Route53Fixture.KEY_ID, "us-east-1", null, null, null, 5);
    String d = LiveSources.of(ZONE, c, Map.of(), null).describe();
    said.add(d);
    assertThat(d).isEqualTo("route53 hosted zone Z1 (endpoint https://route53.example.net:8443/api)");
  }

  static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @AfterAll
  static void noCredentialIsEverSaid() {
    for (String s : said) {
      assertThat(s).doesNotContain(Route53Fixture.KEY_ID).doesNotContain(Route53Fixture.SECRET)
          .doesNotContain(Route53Fixture.TOKEN).doesNotContain(Route53Fixture.SECRET.substring(0, 12));
    }
  }
}
