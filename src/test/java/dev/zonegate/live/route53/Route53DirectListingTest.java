package dev.zonegate.live.route53;

import static dev.zonegate.live.route53.Route53Stub.NS;
import static dev.zonegate.live.route53.Route53Stub.NS_SET;
import static dev.zonegate.live.route53.Route53Stub.SOA;
import static dev.zonegate.live.route53.Route53Stub.hostedZone;
import static dev.zonegate.live.route53.Route53Stub.page;
import static dev.zonegate.live.route53.Route53Stub.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSources;
import dev.zonegate.zone.ZoneWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;

/**
 * The direct listing ({@link DirectListing}, {@link RecordSetXml}) against the SDK's own, on the
 * same answers from a scripted Route 53: the same zone, or the same failure in the same words.
 * Answers in every form the XML allows that a plain page does not use (entities, CDATA, a
 * namespace prefix, unknown elements, whitespace in values) either read alike or go to the SDK.
 */
class Route53DirectListingTest {
  static final String ZONE = "example.com.";
  static final String ID = "ZSTUB123";

  @AfterEach
  void back() {
    Route53Source.direct = true;
  }

  /** What a read gives: the zone as a zone file, or the failure's words. */
  static String outcome(Route53Stub stub, boolean direct) {
    Route53Source.direct = direct;
    try {
      LiveConfig.Route53 c = new LiveConfig.Route53(ID, stub.endpoint(), null, null, null, null, 5);
      LiveRead live = LiveSources.of(ZONE, c, Route53Fixture.env(), null).read(ZONE, List.of());
      return ZoneWriter.write(live.zone()) + live.zone().notices();
    } catch (LiveException e) {
      return "failed: " + e.getMessage();
    } finally {
      Route53Source.direct = true;
    }
  }

  static Route53Stub stub(Function<Route53Stub.Request, Route53Stub.Response> listing) throws Exception {
    return new Route53Stub(r -> r.isListing() ? listing.apply(r) : hostedZone(ID, ZONE));
  }

  /** One page holding {@code sets} besides the SOA and NS sets. */
  static Route53Stub onePage(String... sets) throws Exception {
    List<String> all = new ArrayList<>(List.of(SOA, NS_SET));
    all.addAll(List.of(sets));
    return stub(r -> page(all));
  }

  /** Read both ways: the same outcome; returns it, and how many pages the direct way read. */
  static String same(Route53Stub stub) {
    String sdk = outcome(stub, false);
    int before = DirectListing.PAGES.get();
    String direct = outcome(stub, true);
    assertThat(direct).isEqualTo(sdk);
    return direct + "\npages read directly: " + (DirectListing.PAGES.get() - before);
  }

  @Test
  void everyFieldOfARecordSetReadsAsTheSdkReadsIt() throws Exception {
    String[] sets = {
      "<ResourceRecordSet><Name>w.example.com.</Name><Type>A</Type><SetIdentifier>blue &amp; green</SetIdentifier>"
          + "<Weight>10</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord>"
          + "</ResourceRecords><HealthCheckId>hc-1</HealthCheckId></ResourceRecordSet>",
      "<ResourceRecordSet><Name>g.example.com.</Name><Type>A</Type><SetIdentifier>eu</SetIdentifier>"
          + "<GeoLocation><ContinentCode>EU</ContinentCode></GeoLocation><TTL>60</TTL><ResourceRecords><ResourceRecord>"
          + "<Value>192.0.2.2</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
      "<ResourceRecordSet><Name>g.example.com.</Name><Type>A</Type><SetIdentifier>us-ca</SetIdentifier>"
          + "<GeoLocation><CountryCode>US</CountryCode><SubdivisionCode>CA</SubdivisionCode></GeoLocation><TTL>60</TTL>"
          + "<ResourceRecords><ResourceRecord><Value>192.0.2.3</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
      "<ResourceRecordSet><Name>f.example.com.</Name><Type>CNAME</Type><SetIdentifier>p</SetIdentifier><Failover>PRIMARY</Failover>"
          + "<TTL>30</TTL><ResourceRecords><ResourceRecord><Value>db-1.example.net.</Value></ResourceRecord></ResourceRecords>"
          + "</ResourceRecordSet>",
      "<ResourceRecordSet><Name>l.example.com.</Name><Type>A</Type><SetIdentifier>use1</SetIdentifier><Region>us-east-1</Region>"
          + "<TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.4</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
      "<ResourceRecordSet><Name>m.example.com.</Name><Type>A</Type><SetIdentifier>one</SetIdentifier><MultiValueAnswer>true"
          + "</MultiValueAnswer><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.5</Value></ResourceRecord>"
          + "</ResourceRecords></ResourceRecordSet>",
      "<ResourceRecordSet><Name>app.example.com.</Name><Type>A</Type><AliasTarget><HostedZoneId>Z35SXDOTRQ7X7K</HostedZoneId>"
          + "<DNSName>dualstack.elb.amazonaws.com.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>"
          + "</ResourceRecordSet>",
      "<ResourceRecordSet><Name>c.example.com.</Name><Type>A</Type><SetIdentifier>office</SetIdentifier><CidrRoutingConfig>"
          + "<CollectionId>c-1</CollectionId><LocationName>office</LocationName></CidrRoutingConfig><TTL>60</TTL><ResourceRecords>"
          + "<ResourceRecord><Value>192.0.2.6</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
      "<ResourceRecordSet><Name>p.example.com.</Name><Type>A</Type><SetIdentifier>near</SetIdentifier><GeoProximityLocation>"
          + "<Coordinates><Latitude>49.22</Latitude><Longitude>-74.01</Longitude></Coordinates><Bias>-20</Bias>"
          + "</GeoProximityLocation><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.7</Value></ResourceRecord>"
          + "</ResourceRecords></ResourceRecordSet>",
      "<ResourceRecordSet><Name>p.example.com.</Name><Type>A</Type><SetIdentifier>region</SetIdentifier><GeoProximityLocation>"
          + "<AWSRegion>us-west-2</AWSRegion><Bias>5</Bias></GeoProximityLocation><TTL>60</TTL><ResourceRecords><ResourceRecord>"
          + "<Value>192.0.2.8</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
      set("\\052.dev.example.com.", "TXT", 300, "\"a &lt;b&gt; &quot;c&quot;\" \"&#233;t&#xE9;\""),
      set("mx.example.com.", "MX", 300, "10 mail.example.com.", "20 mail2.example.com."),
    };
    try (Route53Stub stub = onePage(sets)) {
      String out = same(stub);
      assertThat(out).contains("blue & green").contains("pages read directly: 1");
    }
  }

  @Test
  void formsAPlainPageDoesNotUseReadAlikeOrGoToTheSdk() throws Exception {
    List<String> odd = List.of(
        // whitespace around a value, inside it, and between elements
        "<ResourceRecordSet>\n  <Name> ws.example.com. </Name>\n  <Type>A</Type>\n  <TTL>\n60\n</TTL>\n  <ResourceRecords>\n"
            + "    <ResourceRecord>\n      <Value> 192.0.2.9 </Value>\n    </ResourceRecord>\n  </ResourceRecords>\n</ResourceRecordSet>",
        // CDATA, an element the model does not know, a comment, a processing instruction
        "<ResourceRecordSet><Name><![CDATA[cd.example.com.]]></Name><Type>A</Type><Future>x<y>z</y></Future><!-- c --><?pi x?>"
            + "<TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.10</Value><Extra/></ResourceRecord></ResourceRecords>"
            + "</ResourceRecordSet>",
        // booleans as the SDK reads them, a weight with a sign
        "<ResourceRecordSet><Name>b.example.com.</Name><Type>A</Type><SetIdentifier>b</SetIdentifier><Weight>+7</Weight>"
            + "<MultiValueAnswer>TRUE</MultiValueAnswer><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.11</Value>"
            + "</ResourceRecord></ResourceRecords></ResourceRecordSet>",
        // a number that is not one
        "<ResourceRecordSet><Name>n.example.com.</Name><Type>A</Type><TTL>sixty</TTL><ResourceRecords><ResourceRecord>"
            + "<Value>192.0.2.12</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
        // a value with a child element
        "<ResourceRecordSet><Name>v.example.com.</Name><Type>A</Type><TTL>60</TTL><ResourceRecords><ResourceRecord>"
            + "<Value>192.0.2.<b>13</b></Value></ResourceRecord></ResourceRecords></ResourceRecordSet>",
        // no records at all, and an empty Value
        "<ResourceRecordSet><Name>e.example.com.</Name><Type>A</Type><TTL>60</TTL></ResourceRecordSet>",
        "<ResourceRecordSet><Name>e2.example.com.</Name><Type>TXT</Type><TTL>60</TTL><ResourceRecords><ResourceRecord><Value/>"
            + "</ResourceRecord></ResourceRecords></ResourceRecordSet>");
    for (String set : odd) {
      try (Route53Stub stub = onePage(set)) {
        same(stub);
      }
    }
    // The whole answer in another form: a namespace prefix, another root, no IsTruncated, an
    // XML declaration in another encoding, a DOCTYPE.
    List<String> bodies = List.of(
        "<?xml version=\"1.0\"?><r:ListResourceRecordSetsResponse xmlns:r=\"" + NS + "\"><r:ResourceRecordSets>" + SOA.replace("<", "<r:")
            .replace("<r:/", "</r:") + "</r:ResourceRecordSets><r:IsTruncated>false</r:IsTruncated></r:ListResourceRecordSetsResponse>",
        "<?xml version=\"1.0\"?><ListHostedZonesResponse xmlns=\"" + NS + "\"><IsTruncated>false</IsTruncated></ListHostedZonesResponse>",
        "<?xml version=\"1.0\"?><ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>" + SOA + NS_SET
            + "</ResourceRecordSets></ListResourceRecordSetsResponse>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>" + SOA
            + NS_SET + "</ResourceRecordSets><IsTruncated>false</IsTruncated></ListResourceRecordSetsResponse>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"192.0.2.1\">]><ListResourceRecordSetsResponse xmlns=\"" + NS
            + "\"><ResourceRecordSets>" + SOA + NS_SET + "</ResourceRecordSets><IsTruncated>false</IsTruncated>"
            + "</ListResourceRecordSetsResponse>");
    for (String body : bodies) {
      try (Route53Stub stub = stub(r -> Route53Stub.Response.ok(body))) {
        same(stub);
      }
    }
  }

  @Test
  void pagesAreFollowedAlikeAndTheirTailsReadAheadAreRight() throws Exception {
    // Three pages, the second ending inside a weighted group whose identifiers need escaping in
    // XML and in the query, the third found by name, type and identifier.
    String group = "a &amp; b &lt;c&gt;"; // as XML writes "a & b <c>"
    try (Route53Stub stub = stub(r -> {
      String name = r.query().get("name");
      if (name == null) {
        return page(List.of(SOA, NS_SET), "www.example.com.", "A", "one " + group);
      }
      if ("one a & b <c>".equals(r.query().get("identifier"))) {
        return page(List.of(weighted("one " + group, 1, "192.0.2.1")), "www.example.com.", "A", "two " + group);
      }
      if ("two a & b <c>".equals(r.query().get("identifier"))) {
        return page(List.of(weighted("two " + group, 2, "192.0.2.2")));
      }
      return Route53Stub.error(400, "InvalidInput", "unexpected start " + r.query());
    })) {
      String out = same(stub);
      assertThat(out).contains("pages read directly: 3").contains("one a & b <c>").contains("two a & b <c>");
      assertThat(stub.listings()).hasSize(6); // three for the SDK, three for the direct listing
    }
  }

  @Test
  void aPageWithTwoProblemsSaysTheOneTheSdksListingSays() throws Exception {
    // A record set that cannot be read on a page that also names no next start, or points back:
    // the SDK's listing reads the records first, and so is the records' problem said first.
    String bad = set("www.example.com.", "A", 300, "192.0.2.999");
    for (String[] next : new String[][] {{"", ""}, {"example.com.", "SOA"}}) {
      try (Route53Stub stub = stub(r -> r.query().get("name") == null
          ? page(List.of(SOA, NS_SET), "example.com.", "SOA")
          : page(List.of(bad), next))) {
        assertThat(same(stub)).contains("cannot parse value '192.0.2.999'");
      }
    }
  }

  static String weighted(String id, long weight, String value) {
    return "<ResourceRecordSet><Name>www.example.com.</Name><Type>A</Type><SetIdentifier>" + id + "</SetIdentifier><Weight>" + weight
        + "</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>" + value + "</Value></ResourceRecord></ResourceRecords>"
        + "</ResourceRecordSet>";
  }

  /** Three pages, the second's answer in the form {@code edit} gives it. */
  static Route53Stub threePages(UnaryOperator<String> edit) throws Exception {
    return stub(r -> {
      String name = r.query().get("name");
      if (name == null) {
        return page(List.of(SOA, NS_SET), "a.example.com.", "A");
      }
      if (name.equals("a.example.com.")) {
        return Route53Stub.Response.ok(edit.apply(page(List.of(set("a.example.com.", "A", 60, "192.0.2.1")), "b.example.com.", "A").body()));
      }
      return page(List.of(set("b.example.com.", "A", 60, "192.0.2.2")));
    });
  }

  @Test
  void aPageTheDirectListingCannotReadIsAskedForAgainByTheSdk() throws Exception {
    // Page 2 in a form the direct listing leaves alone (a CDATA tail, a TTL that is not a
    // number): the SDK asks for it again, and its reading fails it, in its own words.
    try (Route53Stub stub = threePages(body -> body
        .replace("<NextRecordName>b.example.com.</NextRecordName>", "<NextRecordName><![CDATA[b.example.com.]]></NextRecordName>")
        .replace("<TTL>60</TTL>", "<TTL>6O</TTL>"))) {
      assertThat(outcome(stub, true)).startsWith("failed: ").contains("ListResourceRecordSets (page 2)");
      List<String> asked = new ArrayList<>();
      for (Route53Stub.Request r : stub.listings()) {
        asked.add((r.authorization().contains("amz-sdk-invocation-id") ? "sdk " : "direct ") + r.query().getOrDefault("name", "-"));
      }
      assertThat(asked).containsExactly("direct -", "direct a.example.com.", "sdk a.example.com.");
    }
    // Page 2 under another root, which the SDK reads: it takes the listing over there and ends it.
    try (Route53Stub stub = threePages(body -> body
        .replace("<ResourceRecordSets>", "<ResourceRecordSets><!-- a tail read ahead would be fine; the page's root is not -->")
        .replace("ListResourceRecordSetsResponse", "ListResourceRecordSetsResponseX"))) {
      same(stub);
      assertThat(stub.listings().stream().filter(r -> r.authorization().contains("amz-sdk-invocation-id"))
          .map(r -> r.query().getOrDefault("name", "-")).toList())
          .as("the SDK alone, then the SDK from page 2 on").containsExactly("-", "a.example.com.", "b.example.com.", "a.example.com.", "b.example.com.");
    }
  }

  @Test
  void theGuessedScopeIsWhereTheSdkSendsAndHowItSigns() {
    // The SDK's own endpoint rules, asked without a network: a client of each partition sends
    // GetHostedZone, and the request is taken (and stopped) as it would go out.
    String[][] cases = {
      {"us-east-1", null}, {"eu-west-1", null}, {"ap-southeast-2", null}, {"cn-north-1", null}, {"cn-northwest-1", null},
      {"us-gov-west-1", null}, {"us-gov-east-1", null},
      {"us-east-1", "http://127.0.0.1:5000"}, {"eu-west-1", "https://Route53.Proxy.example:8443/base/"}, {"us-east-1", "http://localhost"},
    };
    for (String[] c : cases) {
      AwsSettings.Endpoint endpoint = c[1] == null ? null : new AwsSettings.Endpoint(URI.create(c[1]), c[1]);
      DirectListing.Scope[] sent = new DirectListing.Scope[1];
      Route53ClientBuilder b = Route53Client.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(Region.of(c[0]))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(Route53Fixture.KEY_ID, Route53Fixture.SECRET)))
          .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context,
                ExecutionAttributes attributes) {
              sent[0] = DirectListing.Scope.of(context.httpRequest());
              throw new IllegalStateException("taken");
            }
          }));
      if (endpoint != null) {
        b.endpointOverride(endpoint.uri());
      }
      try (var client = b.build()) {
        client.getHostedZone(r -> r.id(ID));
      } catch (RuntimeException e) {
        // stopped on purpose
      }
      assertThat(sent[0]).as(String.join(" ", Arrays.toString(c))).isNotNull();
      assertThat(DirectListing.Scope.guess(endpoint, c[0])).as(Arrays.toString(c)).isEqualTo(sent[0]);
    }
    assertThat(DirectListing.Scope.guess(null, "us-iso-east-1")).as("isolated partitions: the SDK's first request says").isNull();
  }

  @Test
  void aWrongGuessCostsTimeNeverTheZone() throws Exception {
    // A scope the SDK does not use (this region signs otherwise): the pages asked for on the guess
    // are dropped, and the listing starts over as the SDK's own request went.
    try (Route53Stub stub = onePage(set("www.example.com.", "A", 60, "192.0.2.1"))) {
      String right = outcome(stub, true);
      DirectListing.Scope.wrongForTests = true;
      try {
        assertThat(outcome(stub, true)).isEqualTo(right);
      } finally {
        DirectListing.Scope.wrongForTests = false;
      }
      assertThat(stub.listings().stream().filter(r -> r.authorization().contains("/eu-central-1/"))).hasSize(1);
    }
  }

  @Test
  void theTailReadAheadTakesOnlyPlainElements() {
    assertThat(RecordSetXml.scan(bytes("<ResourceRecordSets></ResourceRecordSets><IsTruncated>false</IsTruncated>")))
        .isEqualTo(RecordSetXml.Next.END);
    assertThat(RecordSetXml.scan(bytes("<ResourceRecordSets/><IsTruncated>true</IsTruncated><NextRecordName>a.</NextRecordName>"
        + "<NextRecordType>A</NextRecordType><NextRecordIdentifier>x &amp; y &lt;z&gt; &quot;&apos;</NextRecordIdentifier>")))
        .isEqualTo(new RecordSetXml.Next("a.", "A", "x & y <z> \"'"));
    assertThat(RecordSetXml.scan(bytes("</ResourceRecordSets><IsTruncated>true</IsTruncated><NextRecordName>é.</NextRecordName>"
        + "<NextRecordType>A</NextRecordType>"))).isEqualTo(new RecordSetXml.Next("é.", "A", null));
    // Left to the page's reading: CDATA, a numeric reference, a prefix, twice, absent, unclosed.
    for (String tail : List.of(
        "<IsTruncated>true</IsTruncated><NextRecordName><![CDATA[a.]]></NextRecordName><NextRecordType>A</NextRecordType>",
        "<IsTruncated>true</IsTruncated><NextRecordName>a&#46;</NextRecordName><NextRecordType>A</NextRecordType>",
        "<r:IsTruncated>true</r:IsTruncated><NextRecordName>a.</NextRecordName><NextRecordType>A</NextRecordType>",
        "<IsTruncated>true</IsTruncated><NextRecordName>a.</NextRecordName><NextRecordName>b.</NextRecordName><NextRecordType>A</NextRecordType>",
        "<IsTruncated>true</IsTruncated><NextRecordType>A</NextRecordType>",
        "<IsTruncated>true</IsTruncated><NextRecordName>a.</NextRecordName><NextRecordType>A</NextRecordType><NextRecordIdentifier>x",
        "<IsTruncated></IsTruncated>")) {
      assertThat(RecordSetXml.scan(bytes("</ResourceRecordSets>" + tail))).as(tail).isNull();
    }
    assertThat(RecordSetXml.scan(bytes("<IsTruncated>false</IsTruncated>"))).as("no record sets before it").isNull();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void directRequestsCarryAValidSigV4Signature() throws Exception {
    // The signature recomputed here from the request as it arrived (AWS Signature Version 4, as
    // documented), with the fixture's secret: a query the signer saw otherwise than it was sent
    // would not verify, and Route 53 would refuse every direct page.
    try (Route53Stub stub = stub(r -> r.query().get("name") == null
        ? page(List.of(SOA, NS_SET), "w w.example.com.", "A", "id &amp;=/+%")
        : page(List.of(set("x.example.com.", "A", 60, "192.0.2.1"))))) {
      assertThat(outcome(stub, true)).doesNotStartWith("failed");
      List<Route53Stub.Request> direct = stub.listings().stream()
          .filter(r -> !r.authorization().contains("amz-sdk-invocation-id")).toList();
      assertThat(direct).hasSize(2);
      for (Route53Stub.Request r : direct) {
        assertThat(signature(r)).isEqualTo(r.authorization().substring(r.authorization().indexOf("Signature=") + "Signature=".length()));
      }
      assertThat(direct.get(1).query()).containsEntry("name", "w w.example.com.").containsEntry("identifier", "id &=/+%");
    }
  }

  /** SigV4 of a received GET with an empty body, for the fixture's key, from its Authorization header's scope. */
  static String signature(Route53Stub.Request r) throws Exception {
    String auth = r.authorization();
    String credential = auth.substring(auth.indexOf("Credential=") + 11, auth.indexOf(',', auth.indexOf("Credential=")));
    String[] scope = credential.split("/");
    String signed = auth.substring(auth.indexOf("SignedHeaders=") + 14, auth.indexOf(',', auth.indexOf("SignedHeaders=")));
    Map<String, String> query = new TreeMap<>();
    for (String kv : r.rawQuery().isEmpty() ? new String[0] : r.rawQuery().split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8);
      String v = URLDecoder.decode(kv.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
      query.put(uri(k), uri(v));
    }
    StringBuilder canonical = new StringBuilder("GET\n").append(r.path()).append('\n');
    List<String> pairs = new ArrayList<>();
    query.forEach((k, v) -> pairs.add(k + "=" + v));
    canonical.append(String.join("&", pairs)).append('\n');
    for (String h : signed.split(";")) {
      canonical.append(h).append(':').append(r.headers().get(h).trim()).append('\n');
    }
    canonical.append('\n').append(signed).append('\n').append(hex(MessageDigest.getInstance("SHA-256").digest(new byte[0])));
    String date = r.headers().get("x-amz-date");
    String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request\n"
        + hex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] k = hmac(("AWS4" + Route53Fixture.SECRET).getBytes(StandardCharsets.UTF_8), scope[1]);
    k = hmac(k, scope[2]);
    k = hmac(k, scope[3]);
    k = hmac(k, "aws4_request");
    return hex(hmac(k, toSign));
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 asks. */
  static String uri(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
