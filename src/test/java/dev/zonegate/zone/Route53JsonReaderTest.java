package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Route53JsonReaderTest {
  private final Route53JsonReader reader = new Route53JsonReader();

  @TempDir Path dir;

  private static Zone resource(String file, String origin) throws Exception {
    Path root =
        Paths.get(Route53JsonReaderTest.class.getResource("/route53/" + file).toURI()).getParent();
    return new Route53JsonReader().read(new DirectoryTree(root), file, origin);
  }

  private Zone inline(String json, String origin) throws Exception {
    Files.writeString(dir.resolve("example.com.json"), json, StandardCharsets.UTF_8);
    return reader.read(new DirectoryTree(dir), "example.com.json", origin);
  }

  private ZoneReadException failure(String json) throws IOException {
    Files.writeString(dir.resolve("example.com.json"), json, StandardCharsets.UTF_8);
    DirectoryTree tree = new DirectoryTree(dir);
    ZoneReadException e =
        catchThrowableOfType(
            ZoneReadException.class, () -> reader.read(tree, "example.com.json", "example.com."));
    assertThat(e).as("expected a ZoneReadException").isNotNull();
    assertThat(e.location().path()).isEqualTo("example.com.json");
    return e;
  }

  @Test
  void plainTypesAreCanonicalAndOriginComesFromTheSoa() throws Exception {
    Zone z = resource("plain.json", null);

    assertThat(z.origin()).isEqualTo("example.org.");
    assertThat(z.get("example.org.", "SOA").rdata())
        .containsExactly("ns-2048.awsdns-64.net. hostmaster.example.org. 1 7200 900 1209600 86400");
    assertThat(z.get("example.org.", "SOA").ttl()).isEqualTo(900);
    assertThat(z.get("example.org.", "NS").rdata())
        .containsExactly("ns-0.awsdns-00.com.", "ns-2048.awsdns-64.net.");
    assertThat(z.get("example.org.", "A").rdata()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(z.get("example.org.", "AAAA").rdata()).containsExactly("2001:db8::1");
    // Route 53 names in values are fully qualified even without the final dot.
    assertThat(z.get("example.org.", "MX").rdata()).containsExactly("10 mail.example.org.");
    assertThat(z.get("www.example.org.", "CNAME").rdata()).containsExactly("example.org.");
    assertThat(z.get("example.org.", "TXT").rdata())
        .containsExactly("\"part one \" \"Part Two\"", "\"v=spf1 -all\"");
    assertThat(z.get("example.org.", "CAA").rdata()).containsExactly("0 issue \"amazon.com\"");
    assertThat(z.get("_sip._tcp.example.org.", "SRV").rdata())
        .containsExactly("10 60 5060 sip.example.org.");
    assertThat(z.get("1.2.0.192.in-addr.example.org.", "PTR").rdata())
        .containsExactly("host.example.org.");
    RRset a = z.get("example.org.", "A");
    assertThat(a.ttl()).isEqualTo(300);
    assertThat(a.location().path()).isEqualTo("plain.json");
    assertThat(a.location().line()).isEqualTo(22);
    assertThat(z.notices()).isEmpty();
  }

  @Test
  void octalEscapeBecomesAWildcard() throws Exception {
    Zone z = resource("plain.json", "example.org.");
    assertThat(z.get("*.dev.example.org.", "A").rdata()).containsExactly("192.0.2.9");
    // \100 is Route 53's octal for @, which dnsjava prints escaped.
    assertThat(Route53JsonReader.absoluteName("\\100home.example.org"))
        .isEqualTo("\\@home.example.org.");
    assertThat(Route53JsonReader.octalToDecimal("\\052.x\\.y\\\\")).isEqualTo("\\042.x\\.y\\\\");
  }

  @Test
  void aliasesOfTwoTypesAreOneAliasSet() throws Exception {
    Zone z = resource("routing.json", "example.com.");
    RRset alias = z.get("app.example.com.", "ALIAS");
    assertThat(alias.ttl()).isZero();
    assertThat(alias.rdata())
        .containsExactly(
            "A dualstack.my-elb-123.us-east-1.elb.amazonaws.com.",
            "AAAA dualstack.my-elb-123.us-east-1.elb.amazonaws.com.");
    assertThat(z.get("app.example.com.", "A")).isNull();
    assertThat(alias.location().line()).isEqualTo(2);
  }

  @Test
  void routingSetsAreKeptApart() throws Exception {
    Zone z = resource("routing.json", "example.com.");
    RRset blue = z.rrsets().get(new RRsetKey("api.example.com.", "A", "blue weight=10"));
    RRset green = z.rrsets().get(new RRsetKey("api.example.com.", "A", "green weight=90"));
    assertThat(blue.rdata()).containsExactly("192.0.2.10");
    assertThat(green.rdata()).containsExactly("192.0.2.20");
    assertThat(z.get("api.example.com.", "A")).isNull();

    assertThat(
            z.rrsets()
                .get(
                    new RRsetKey(
                        "db.example.com.", "CNAME", "primary failover=PRIMARY healthcheck=abc"))
                .rdata())
        .containsExactly("db-1.example.net.");
    assertThat(
            z.rrsets()
                .get(new RRsetKey("db.example.com.", "CNAME", "secondary failover=SECONDARY"))
                .rdata())
        .containsExactly("db-2.example.net.");
    assertThat(z.rrsets())
        .containsKey(
            new RRsetKey("geo.example.com.", "A", "us-ca geo.country=US geo.subdivision=CA"));
  }

  @Test
  void exampleTwinOfTheMasterFile() throws Exception {
    Path testdata = Paths.get("testdata/formats");
    Zone z = new Route53JsonReader().read(new DirectoryTree(testdata), "example.com.json", null);
    assertThat(z.origin()).isEqualTo("example.com.");
    assertThat(z.rrsets()).hasSize(23);
    assertThat(z.recordCount()).isEqualTo(29);
    assertThat(z.get("example.com.", "NS").rdata())
        .containsExactly("ns1.example.net.", "ns2.example.net.");
    assertThat(z.get("example.com.", "NS").ttl()).isEqualTo(3600);
    assertThat(z.get("api.example.com.", "A").ttl()).isEqualTo(60);
    assertThat(z.get("sip.example.com.", "NAPTR").rdata())
        .containsExactly("100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.");
    assertThat(z.get("example.com.", "SOA")).isNull();
  }

  @Test
  void bareArrayAndFileNameOrigin() throws Exception {
    Zone z =
        inline(
            "[{\"Name\": \"www.example.com\", \"Type\": \"a\", \"TTL\": 1,"
                + " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}]",
            null);
    assertThat(z.origin()).isEqualTo("example.com.");
    assertThat(z.get("www.example.com.", "A").rdata()).containsExactly("192.0.2.1");
  }

  @Test
  void truncatedListingIsRefused() throws Exception {
    ZoneReadException e =
        failure(
            """
            {
              "ResourceRecordSets": [],
              "IsTruncated": true,
              "NextRecordName": "m.example.com."
            }
            """);
    assertThat(e.problem()).contains("truncated").contains("fetch all pages");
    assertThat(e.location().line()).isEqualTo(3);

    ZoneReadException token = failure("{\"ResourceRecordSets\": [], \"NextToken\": \"eyJ=\"}");
    assertThat(token.problem()).contains("truncated");
  }

  @Test
  void truncatedJsonNamesTheLine() throws Exception {
    ZoneReadException e =
        failure(
            """
            {
              "ResourceRecordSets": [
                {
                  "Name": "www.example.com.",
                  "Type": "A",
                  "TTL": 300,
            """);
    assertThat(e.problem()).startsWith("is not valid JSON").contains("end-of-input");
    assertThat(e.location().line()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void duplicateKeysAreRefused() throws Exception {
    ZoneReadException e =
        failure(
            """
            [{"Name": "www.example.com.", "Type": "A",
              "TTL": 300, "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}]
            """);
    assertThat(e.problem()).contains("Duplicate").contains("TTL");
    assertThat(e.location().line()).isEqualTo(2);
  }

  @Test
  void wrongTypeNamesTheRecordSetAndItsLine() throws Exception {
    ZoneReadException e =
        failure(
            """
            {
              "ResourceRecordSets": [
                {
                  "Name": "example.com.", "Type": "A", "TTL": 300,
                  "ResourceRecords": [{"Value": "192.0.2.1"}]
                },
                {
                  "Name": "www.example.com.",
                  "Type": "A",
                  "TTL": "300",
                  "ResourceRecords": [{"Value": "192.0.2.1"}]
                }
              ]
            }
            """);
    assertThat(e.location().line()).isEqualTo(7);
    assertThat(e.problem()).startsWith("www.example.com. A: TTL: ").contains("integer");
    assertThat(e.problem()).doesNotContain("\n");
  }

  @Test
  void missingNameIsASchemaError() throws Exception {
    ZoneReadException e =
        failure(
            "[\n{\"Type\": \"A\", \"TTL\": 1,"
                + " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}]");
    assertThat(e.location().line()).isEqualTo(2);
    assertThat(e.problem()).startsWith("record set 1 A: ").contains("Name");
  }

  @Test
  void recordSetWithoutRecordsOrAliasIsAnError() throws Exception {
    ZoneReadException e =
        failure(
            """
            [
              {"Name": "www.example.com.", "Type": "A", "TTL": 300}
            ]
            """);
    assertThat(e.location().line()).isEqualTo(2);
    assertThat(e.problem())
        .isEqualTo("www.example.com. A: has neither ResourceRecords nor AliasTarget");
  }

  @Test
  void unparseableValueIsAnError() throws Exception {
    ZoneReadException e =
        failure(
            """
            [
              {"Name": "mx.example.com.", "Type": "MX", "TTL": 300,
               "ResourceRecords": [{"Value": "mail.example.com."}]}
            ]
            """);
    assertThat(e.location().line()).isEqualTo(2);
    assertThat(e.problem())
        .isEqualTo(
            "mx.example.com. MX: cannot parse value 'mail.example.com.': expected an integer");
  }

  @Test
  void outOfZoneNameIsAnError() throws Exception {
    ZoneReadException e =
        failure(
            """
            [
              {"Name": "example.com.", "Type": "A", "TTL": 300,
               "ResourceRecords": [{"Value": "192.0.2.1"}]},
              {"Name": "www.example.net.", "Type": "A", "TTL": 300,
               "ResourceRecords": [{"Value": "192.0.2.1"}]}
            ]
            """);
    assertThat(e.location().line()).isEqualTo(4);
    assertThat(e.problem())
        .isEqualTo("www.example.net. A: the name is outside the zone example.com.");
  }

  @Test
  void emptyAndNonListingDocumentsAreErrors() throws Exception {
    assertThat(failure("").problem()).startsWith("is empty");
    assertThat(failure("{\"Changes\": []}").problem()).contains("ResourceRecordSets");
    assertThat(failure("\"hello\"").problem()).startsWith("does not match the Route 53 format");
  }

  @Test
  void badOctalEscapeIsAnError() throws Exception {
    ZoneReadException e =
        failure(
            "[{\"Name\": \"\\\\089.example.com.\", \"Type\": \"A\", \"TTL\": 1,"
                + " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}]");
    assertThat(e.problem()).contains("is not a domain name").contains("octal");
  }

  @Test
  void unknownRecordSetKeyIsRefused() throws Exception {
    ZoneReadException e =
        failure(
            "[{\"Name\": \"www.example.com.\", \"Type\": \"A\", \"TTL\": 1, \"Wieght\": 5,"
                + " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}]");
    assertThat(e.problem()).startsWith("www.example.com. A: ").contains("Wieght");
  }

  @Test
  void aRepeatedRecordSetIsMergedWithANotice() throws Exception {
    Zone z =
        inline(
            """
            [
              {"Name": "www.example.com.", "Type": "A", "TTL": 60,
               "ResourceRecords": [{"Value": "192.0.2.1"}]},
              {"Name": "WWW.example.com.", "Type": "A", "TTL": 60,
               "ResourceRecords": [{"Value": "192.0.2.2"}]}
            ]
            """,
            "example.com.");
    assertThat(z.get("www.example.com.", "A").rdata()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(z.notices()).singleElement().asString().contains("line 2").contains("merged");
  }
}
