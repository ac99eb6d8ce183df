package dev.zonegate.live.route53;

import static dev.zonegate.live.route53.Route53Stub.NS_SET;
import static dev.zonegate.live.route53.Route53Stub.SOA;
import static dev.zonegate.live.route53.Route53Stub.error;
import static dev.zonegate.live.route53.Route53Stub.hostedZone;
import static dev.zonegate.live.route53.Route53Stub.page;
import static dev.zonegate.live.route53.Route53Stub.set;
import static dev.zonegate.live.route53.Route53Stub.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.live.Progress;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.testing.Bounded;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Failures moto cannot produce, from a scripted Route 53 (a JDK HttpServer on 127.0.0.1 answering
 * the service's XML shapes, see {@link Route53Stub}): each must end the read with one sentence
 * naming the zone and the hosted zone, never with a partial zone, and never say a credential,
 * even where the server's own message quotes one.
 */
class Route53FailuresTest {
  static final String ZONE = "example.com.";
  static final String ID = "ZSTUB123";
  static final List<String> said = new ArrayList<>();

  /** A stub that knows hosted zone {@value #ID} as example.com. and answers listings with {@code listing}. */
  static Route53Stub stub(Function<Route53Stub.Request, Route53Stub.Response> listing) throws Exception {
    return new Route53Stub(r -> r.isListing() ? listing.apply(r) : hostedZone(ID, ZONE));
  }

  LiveRead read(Route53Stub stub, int timeout) throws LiveException {
    LiveConfig.Route53 c = new LiveConfig.Route53(ID, stub.endpoint(), null, null, null, null, timeout);
    LiveSource s = LiveSources.of(ZONE, c, Route53Fixture.env(), null);
    said.add(s.describe());
    return s.read(ZONE, List.of());
  }

  String reason(Route53Stub stub) {
    return reason(stub, 5);
  }

  String reason(Route53Stub stub, int timeout) {
    LiveException e = catchThrowableOfType(LiveException.class, () -> read(stub, timeout));
    assertThat(e).as("expected a LiveException").isNotNull();
    said.add(e.getMessage());
    assertThat(e.getMessage())
        .startsWith("zone example.com.: route53 hosted zone " + ID + " (endpoint " + stub.endpoint() + "): ")
        .doesNotContain("\n");
    return e.getMessage().substring(e.getMessage().indexOf("): ") + 3);
  }

  @Test
  void stubPagesAreFollowedByNameTypeAndIdentifierIntoAWeightedGroup() throws Exception {
    try (Route53Stub stub = stub(r -> {
      String start = r.query().get("name");
      if (start == null) {
        return page(List.of(SOA, NS_SET, weighted("www.example.com.", "a", 1, "192.0.2.1")), "www.example.com.", "A", "b");
      }
      if ("b".equals(r.query().get("identifier"))) {
        return page(List.of(weighted("www.example.com.", "b", 2, "192.0.2.2")));
      }
      return error(400, "InvalidInput", "the page did not name identifier b");
    })) {
      LiveRead live = read(stub, 5);
      assertThat(live.zone().rrsets().keySet()).contains(
          new RRsetKey("www.example.com.", "A", "a weight=1"), new RRsetKey("www.example.com.", "A", "b weight=2"));
      assertThat(stub.listings()).hasSize(2);
      assertThat(stub.listings().get(1).query())
          .containsEntry("name", "www.example.com.").containsEntry("type", "A").containsEntry("identifier", "b");
      assertThat(stub.requests()).allMatch(Route53Stub.Request::signed);
    }
  }

  static final String STS_KEY_ID = "ASIAZGSTSISSUED7KEY1";
  static final String WEB_TOKEN = "eyJzgWebIdentityToken.secret-part.signature";

  /** The run's environment of a CI job with OIDC: a token file and a role, no keys. */
  Map<String, String> webIdentityEnv(Route53Stub stub, Path tokenFile) throws Exception {
    Files.writeString(tokenFile, WEB_TOKEN + "\n");
    return Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString(), "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/dns-gate",
        "AWS_ENDPOINT_URL_STS", stub.endpoint(), "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
  }

  static Route53Stub.Response stsCredentials() {
    return Route53Stub.Response.ok("<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>" + STS_KEY_ID + "</AccessKeyId>"
        + "<SecretAccessKey>zgStsSecret/abc</SecretAccessKey><SessionToken>zgStsSession</SessionToken>"
        + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
        + "<SubjectFromWebIdentityToken>ci</SubjectFromWebIdentityToken><AssumedRoleUser>"
        + "<Arn>arn:aws:sts::123456789012:assumed-role/dns-gate/zonegate</Arn><AssumedRoleId>AROAZG:zonegate</AssumedRoleId>"
        + "</AssumedRoleUser></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
        + "</AssumeRoleWithWebIdentityResponse>");
  }

  @Test
  void stubWebIdentityTokenIsExchangedWithStsAndItsCredentialsSign(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    try (Route53Stub stub = new Route53Stub(r -> r.isSts() ? stsCredentials()
        : r.isListing() ? page(List.of(SOA, NS_SET)) : hostedZone(ID, ZONE))) {
      LiveConfig.Route53 c = new LiveConfig.Route53(ID, stub.endpoint(), null, null, null, null, 5);
      LiveRead live = LiveSources.of(ZONE, c, webIdentityEnv(stub, tmp.resolve("token")), null).read(ZONE, List.of());
      assertThat(live.zone().rrsets()).hasSize(2);
      Route53Stub.Request sts = stub.requests().get(0);
      assertThat(sts.isSts()).isTrue();
      assertThat(sts.body()).contains("Action=AssumeRoleWithWebIdentity").contains("RoleArn=arn:aws:iam::123456789012:role/dns-gate")
          .contains("WebIdentityToken=" + WEB_TOKEN).contains("RoleSessionName=zonegate");
      assertThat(stub.requests().subList(1, stub.requests().size()))
          .isNotEmpty().allMatch(r -> r.authorization().contains("Credential=" + STS_KEY_ID + "/"));
    }
  }

  @Test
  void stubWebIdentityRefusedBySts(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    try (Route53Stub stub = new Route53Stub(r -> r.isSts()
        ? error(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity with " + WEB_TOKEN)
        : hostedZone(ID, ZONE))) {
      LiveConfig.Route53 c = new LiveConfig.Route53(ID, stub.endpoint(), null, null, null, null, 5);
      LiveException e = catchThrowableOfType(LiveException.class,
          () -> LiveSources.of(ZONE, c, webIdentityEnv(stub, tmp.resolve("token")), null).read(ZONE, List.of()));
      assertThat(e).isNotNull();
      said.add(e.getMessage());
      assertThat(e.getMessage()).startsWith("zone example.com.: route53: the web identity token in AWS_WEB_IDENTITY_TOKEN_FILE"
          + " could not be exchanged for the credentials of AWS_ROLE_ARN").doesNotContain(WEB_TOKEN).doesNotContain("\n");
      assertThat(stub.requests()).noneMatch(Route53Stub.Request::isListing);
    }
  }

  @Test
  void stub403AccessDeniedFailsClosedWithoutRepeatingTheServersMessage() throws Exception {
    try (Route53Stub stub = stub(r -> error(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/ci is not authorized; Credential=" + Route53Fixture.KEY_ID))) {
      assertThat(reason(stub)).isEqualTo(
          "access denied to route53:ListResourceRecordSets (AccessDenied, HTTP 403); the credentials need that permission");
    }
  }

  @Test
  void stubGetHostedZoneDeniedNamesThatAction() throws Exception {
    try (Route53Stub stub = new Route53Stub(r -> error(403, "AccessDenied", "no"))) {
      assertThat(reason(stub)).startsWith("access denied to route53:GetHostedZone (AccessDenied, HTTP 403)");
    }
  }

  @Test
  void stubInvalidClientTokenIdExpiredTokenAndBadSignatureFailClosed() throws Exception {
    try (Route53Stub stub = stub(r -> error(403, "InvalidClientTokenId", "The security token included in the request is invalid."))) {
      assertThat(reason(stub)).isEqualTo("AWS does not recognise the access key id (InvalidClientTokenId, HTTP 403)");
    }
    try (Route53Stub stub = stub(r -> error(403, "ExpiredToken", "The security token included in the request is expired"))) {
      assertThat(reason(stub)).isEqualTo("the AWS credentials have expired (ExpiredToken, HTTP 403); renew them");
    }
    // AWS quotes the string it expected to be signed, access key id included: never repeated.
    try (Route53Stub stub = stub(r -> error(403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match. Credential=" + Route53Fixture.KEY_ID + "/20260101/us-east-1/route53/aws4_request " + Route53Fixture.SECRET))) {
      assertThat(reason(stub)).isEqualTo("the AWS secret access key does not match the access key id (SignatureDoesNotMatch, HTTP 403)");
    }
  }

  @Test
  void stubThrottlingPastTheSdksRetriesFailsClosed() throws Exception {
    try (Route53Stub stub = stub(r -> error(400, "Throttling", "Rate exceeded"))) {
      assertThat(reason(stub)).isEqualTo(
          "Route 53 throttled ListResourceRecordSets (Throttling, HTTP 400) and still did after 3 attempts; try again later");
      // The direct listing's one request, then the SDK's attempts at the same page.
      assertThat(stub.listings()).hasSize(1 + Route53Source.ATTEMPTS);
      assertThat(stub.listings().get(0).authorization()).doesNotContain("amz-sdk-invocation-id");
      assertThat(stub.listings().subList(1, stub.listings().size()))
          .allMatch(r -> r.authorization().contains("amz-sdk-invocation-id"));
    }
  }

  @Test
  void stubThrottlingThatEndsIsRetriedByTheSdk() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (Route53Stub stub = stub(r -> calls.incrementAndGet() < 3 ? error(400, "Throttling", "Rate exceeded") : page(List.of(SOA, NS_SET)))) {
      assertThat(read(stub, 5).zone().get(ZONE, "SOA")).isNotNull();
      assertThat(stub.listings()).hasSize(3);
    }
  }

  @Test
  void stubPageFailingMidListingFailsClosedNamingThePage() throws Exception {
    try (Route53Stub stub = stub(r -> r.query().get("name") == null
        ? page(List.of(SOA, NS_SET), "www.example.com.", "A")
        : error(500, "InternalFailure", "We encountered an internal error."))) {
      assertThat(reason(stub)).isEqualTo(
          "ListResourceRecordSets (page 2) failed on the server side (InternalFailure, HTTP 500) after 3 attempts");
    }
  }

  @Test
  void stubBodiesThatAreNotRoute53XmlFailClosed() throws Exception {
    try (Route53Stub stub = stub(r -> Route53Stub.Response.ok("this is <not XML at all"))) {
      assertThat(reason(stub)).isEqualTo("the answer to ListResourceRecordSets is not XML Route 53 would send");
    }
    try (Route53Stub stub = stub(r -> Route53Stub.Response.ok("<?xml version=\"1.0\"?><html><body>captive portal</body></html>"))) {
      assertThat(reason(stub)).isEqualTo("the answer to ListResourceRecordSets has no IsTruncated; it is not a Route 53 answer");
    }
    try (Route53Stub stub = stub(r -> new Route53Stub.Response(502, "<html>Bad Gateway</html>", 0))) {
      assertThat(reason(stub)).startsWith("ListResourceRecordSets failed on the server side (").contains("HTTP 502");
    }
    try (Route53Stub stub = stub(r -> page(List.of(SOA, NS_SET, set("www.example.com.", "A", 300, "192.0.2.999"))))) {
      assertThat(reason(stub)).startsWith(
          "the answer to ListResourceRecordSets holds a record set that cannot be read: www.example.com. A: cannot parse value '192.0.2.999'");
    }
    try (Route53Stub stub = stub(r -> page(List.of(SOA, NS_SET,
        "<ResourceRecordSet><Name>x.example.com.</Name><Type>A</Type><TTL>60</TTL><ResourceRecords></ResourceRecords></ResourceRecordSet>")))) {
      assertThat(reason(stub)).startsWith("the answer to ListResourceRecordSets holds a record set that cannot be read: x.example.com. A: ");
    }
  }

  @Test
  void stubListingsThatCannotBeWholeFailClosed() throws Exception {
    try (Route53Stub stub = stub(r -> page(List.of(SOA), "", ""))) {
      assertThat(reason(stub)).contains("is truncated but names no next record");
    }
    try (Route53Stub stub = stub(r -> page(List.of(SOA, NS_SET), "www.example.com.", "A"))) {
      assertThat(reason(stub)).isEqualTo(
          "ListResourceRecordSets (page 2) points back at a record already read (www.example.com. A); the listing would never end");
    }
    try (Route53Stub stub = stub(r -> page(List.of(NS_SET, set("www.example.com.", "A", 300, "192.0.2.1"))))) {
      assertThat(reason(stub)).isEqualTo("the listing has no SOA record for example.com.; it is not a whole hosted zone");
    }
    try (Route53Stub stub = stub(r -> page(List.of(SOA, NS_SET, set("www.example.net.", "A", 300, "192.0.2.1"))))) {
      assertThat(reason(stub)).contains("www.example.net. A: the name is outside the zone example.com.");
    }
  }

  @Test
  void stubSilenceIsATimeout() throws Exception {
    // The stub never answers (until closed): only the client's own 1 s timeout can end the read.
    try (Route53Stub stub = stub(r -> Route53Stub.Response.silence())) {
      assertThat(Bounded.within(() -> reason(stub, 1))).isEqualTo("no answer to ListResourceRecordSets within 1 s (timeout)");
    }
  }

  @Test
  void nothingListeningIsConnectionRefused() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    LiveConfig.Route53 c = new LiveConfig.Route53(ID, "http://127.0.0.1:" + dead, null, null, null, null, 2);
    LiveException e = catchThrowableOfType(LiveException.class, () -> LiveSources.of(ZONE, c, Route53Fixture.env(), null).read(ZONE, List.of()));
    said.add(e.getMessage());
    assertThat(e.getMessage()).isEqualTo(
        "zone example.com.: route53 hosted zone " + ID + " (endpoint http://127.0.0.1:" + dead + "): connection refused (GetHostedZone)");
  }

  @Test
  void stubSlowListingShowsProgressOnATerminal() throws Exception {
    // Six pages of a third of a second each: the listing takes more than the second after which
    // a terminal shows progress (live.Progress, installed by Main only when stderr is a console).
    AtomicInteger pages = new AtomicInteger();
    try (Route53Stub stub = stub(r -> {
      int n = pages.incrementAndGet();
      List<String> sets = n == 1 ? List.of(SOA, NS_SET) : List.of(set("h" + n + ".example.com.", "A", 300, "93.184.215." + n));
      Route53Stub.Response p = n < 6 ? page(sets, "h" + (n + 1) + ".example.com.", "A") : page(sets);
      return new Route53Stub.Response(p.status(), p.body(), 340);
    })) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Progress.set(Progress.terminal(new PrintStream(err, true, StandardCharsets.UTF_8)));
      try {
        assertThat(read(stub, 5).zone().rrsets()).hasSize(7);
        Progress.get().done();
      } finally {
        Progress.set(null);
      }
      String shown = err.toString(StandardCharsets.UTF_8);
      assertThat(shown).matches("(?s)\\r\\u001b\\[Kzonegate: example\\.com\\. [0-9]+ records \\([0-9,]+/s\\).*").endsWith("\r\u001b[K");
    }
  }

  @AfterAll
  static void noCredentialIsEverSaid() {
    assertThat(said).isNotEmpty();
    for (String s : said) {
      assertThat(s).doesNotContain(Route53Fixture.KEY_ID).doesNotContain(Route53Fixture.SECRET)
          .doesNotContain(Route53Fixture.SECRET.substring(0, 12)).doesNotContain("123456789012");
    }
  }
}
