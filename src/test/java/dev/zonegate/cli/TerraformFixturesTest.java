package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every plan in {@code testdata/terraform/} (written to Terraform's JSON format 1.2, one per
 * provider's resources; see its README) judged from the CLI in every report format: its verdict,
 * exactly the changes it makes (action, name, type, values), machine formats that parse, and no
 * sensitive value in any of them. The hostile plans are exit 2 in one line.
 */
class TerraformFixturesTest {
  static final Path DIR = Path.of("testdata/terraform");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> FORMATS = List.of("text", "markdown", "json", "junit", "codequality", "sarif", "html");

  @TempDir Path tmp;

  /** The report's changes as {@code action name type [setId] before -> after}, sorted. */
  List<String> run(String fixture, int exit, String verdict) throws Exception {
    Path out = tmp.resolve(fixture);
    List<String> args = new ArrayList<>(List.of("terraform", DIR.resolve(fixture).toString(), "--out", out.toString()));
    FORMATS.forEach(f -> args.addAll(List.of("--format", f)));
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(fixture + ": " + r.err()).isEqualTo(exit);
    JsonNode report = JSON.readTree(out.resolve("zonegate-report.json").toFile());
    assertThat(report.get("verdict").asString()).isEqualTo(verdict);
    JSON.readTree(out.resolve("zonegate-report.sarif").toFile());
    JSON.readTree(out.resolve("zonegate-codequality.json").toFile());
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    xml.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(out.resolve("zonegate-junit.xml")))));
    for (JsonNode z : report.get("zones")) {
      assertThat(z.get("partial").asString()).as("every plan zone is partial").contains("record resource");
    }
    TreeSet<String> changes = new TreeSet<>();
    for (JsonNode c : report.get("changes")) {
      changes.add(c.get("action").asString() + " " + c.get("name").asString() + " " + c.get("rrtype").asString()
          + (c.has("setId") ? " [" + c.get("setId").asString() + "]" : "") + " " + c.get("before") + " -> " + c.get("after"));
    }
    return new ArrayList<>(changes);
  }

  @Test
  void route53() throws Exception {
    List<String> c = run("aws-route53.json", 1, "block");
    assertThat(c).contains(
        "update www.example.com. A [\"52.94.236.248\"] -> [\"52.94.236.248\",\"54.239.28.85\"]",
        "update example.com. ALIAS [\"A d111111abcdef8.cloudfront.net.\"] -> [\"A d111111abcdef8.cloudfront.net.\",\"AAAA d111111abcdef8.cloudfront.net.\"]",
        "delete app.example.com. A [green weight=10] [\"76.223.10.1\"] -> []",
        "add app.example.com. A [green weight=20] [] -> [\"76.223.10.1\"]",
        "add status.example.com. A [secondary failover=SECONDARY] [] -> [\"15.197.142.173\"]",
        "add edge.example.com. A [eu-west-1 region=eu-west-1] [] -> [\"34.240.0.10\"]",
        "add geo.example.com. A [de geo.country=DE] [] -> [\"3.120.0.10\"]",
        "delete ftp.example.com. CNAME [\"www.example.com.\"] -> []",
        "add ftp.example.com. A [] -> [\"54.239.28.85\"]",
        "add bastion.example.com. A [] -> [\"(known after apply)\"]",
        "add staging.example.com. NS [] -> [\"(known after apply)\"]",
        "add www.staging.example.com. A [] -> [\"52.94.236.249\"]",
        "add www.example.org. A [] -> [\"76.76.21.21\"]",
        "add partner.example.net. A [] -> [\"13.248.118.2\"]");
    assertThat(c).hasSize(22).noneMatch(s -> s.contains(" api.example.com."));
    JsonNode report = JSON.readTree(tmp.resolve("aws-route53.json/zonegate-report.json").toFile());
    assertThat(report.get("zones").findValuesAsString("name"))
        .containsExactly("Z9876543210ZYXWVUTSRQ", "example.com.", "example.org.", "staging.example.com.");
    assertThat(report.get("findings").findValuesAsString("rule")).containsExactly("change-threshold");
  }

  @Test
  void cloudflareV4() throws Exception {
    assertThat(run("cloudflare-v4.json", 0, "pass")).containsExactly(
        "add _sip._tcp.example.com. SRV [] -> [\"10 60 5060 sip.example.com.\"]",
        "add assets.example.com. CNAME [] -> [\"d2abcdefgh1234.cloudfront.net.\"]",
        "add developer.example.com. CNAME [] -> [\"hosting.gitbook.io.\"]",
        "delete docs.example.com. CNAME [\"hosting.gitbook.io.\"] -> []",
        "delete legacy.example.com. CNAME [\"legacy-app.herokudns.com.\"] -> []",
        "update example.com. CAA [\"0 issue \\\"letsencrypt.org\\\"\"] -> [\"0 issue \\\"pki.goog\\\"\"]",
        "update example.com. MX [\"24 route2.mx.cloudflare.net.\",\"86 route1.mx.cloudflare.net.\"] -> "
            + "[\"2 route3.mx.cloudflare.net.\",\"24 route2.mx.cloudflare.net.\",\"86 route1.mx.cloudflare.net.\"]",
        "update www.example.com. A [\"104.16.132.229\"] -> [\"104.16.132.229\"]");
  }

  @Test
  void cloudflareV5() throws Exception {
    assertThat(run("cloudflare-v5.json", 0, "pass")).containsExactly(
        "add _xmpp-client._tcp.example.com. SRV [] -> [\"5 0 5222 xmpp.example.com.\"]",
        "add example.com. CAA [] -> [\"0 issue \\\"digicert.com\\\"\"]",
        "add store.example.com. CNAME [] -> [\"shops.myshopify.com.\"]",
        "delete legacy.example.com. CNAME [\"legacy-app.herokudns.com.\"] -> []",
        "delete shop.example.com. CNAME [\"shops.myshopify.com.\"] -> []",
        "update _dmarc.example.com. TXT [\"\\\"v=DMARC1; p=none; rua=mailto:dmarc@example.com\\\"\"] -> "
            + "[\"\\\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\\\"\"]",
        "update api.example.com. A [\"34.117.59.81\"] -> [\"34.117.59.83\"]",
        "update example.com. MX [\"10 mx1.mail.example.net.\"] -> [\"10 mx1.mail.example.net.\",\"20 mx2.mail.example.net.\"]",
        "update www.example.com. A [\"104.16.132.229\"] -> [\"104.16.132.229\"]");
  }

  @Test
  void google() throws Exception {
    assertThat(run("google.json", 0, "pass")).containsExactly(
        "add geo.example.com. A [] -> [\"34.76.1.1\",\"34.86.1.1\"]",
        "add lb.example.com. A [] -> [\"(known after apply)\",\"34.120.5.5\"]",
        "add news.example.com. CNAME [] -> [\"ghs.googlehosted.com.\"]",
        "delete blog.example.com. CNAME [\"ghs.googlehosted.com.\"] -> []",
        "delete legacy.example.com. CNAME [\"legacy-app.herokudns.com.\"] -> []",
        "update app.example.com. A [\"34.111.10.1\",\"35.190.20.2\"] -> [\"34.111.10.1\",\"35.190.20.2\"]",
        "update example.com. TXT [\"\\\"v=spf1 include:_spf.google.com ~all\\\"\"] -> [\"\\\"v=spf1 include:_spf.google.com -all\\\"\"]");
  }

  @Test
  void azure() throws Exception {
    List<String> c = run("azure.json", 0, "pass");
    assertThat(c).contains(
        "add 10.2.50.20.in-addr.arpa. PTR [] -> [\"www.example.com.\"]",
        "update example.com. MX [\"0 example-com.mail.protection.outlook.com.\"] -> [\"0 example-com.mail.protection.outlook.com.\"]",
        "delete _sip._tls.example.com. SRV [\"100 1 443 sipdir.online.lync.com.\"] -> []",
        "update shop.example.com. CNAME [\"shops.myshopify.com.\"] -> [\"example.myshopify.com.\"]",
        "update www.example.com. A [\"20.50.2.10\"] -> [\"20.50.2.10\",\"20.50.2.11\"]",
        "add www.example.com. AAAA [] -> [\"2603:1030:20e:3::23c\"]");
    assertThat(c).hasSize(11).anyMatch(s -> s.startsWith("add example.com. A [] -> [\"(alias to Azure resource /subscriptions/"))
        .noneMatch(s -> s.contains(" CAA "));
  }

  @Test
  void noDnsPassesSayingSo() throws Exception {
    assertThat(run("no-dns.json", 0, "pass")).isEmpty();
    assertThat(Files.readString(tmp.resolve("no-dns.json/zonegate-report.md"))).contains("the plan has 0 DNS changes");
  }

  @Test
  void unknownAndSensitiveValues() throws Exception {
    assertThat(run("unknown-sensitive.json", 0, "pass")).containsExactly(
        "add app.example.com. A [] -> [\"(known after apply)\"]",
        "add google._domainkey.example.com. TXT [] -> [\"(sensitive value 1)\"]",
        "add www.example.net. A [] -> [\"52.94.236.250\"]",
        "update _verify.acme.example.com. TXT [\"(sensitive value 2)\"] -> [\"(sensitive value 3)\"]",
        "update api.example.com. A [\"52.94.236.248\"] -> [\"(known after apply)\"]");
    try (Stream<Path> files = Files.list(tmp.resolve("unknown-sensitive.json"))) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")
            .doesNotContain("acme-verification=").contains("preview");
      }
    }
  }

  @Test
  void hostilePlansAreExit2InOneLineInEveryFormat() throws Exception {
    Map<String, String> why = Map.of(
        "deep-nesting.json", "nesting depth",
        "not-utf8.json", "UTF-8",
        "duplicate-keys.json", "Duplicate",
        "truncated.json", "end-of-input",
        "not-a-plan.json", "is not a Terraform plan");
    for (Map.Entry<String, String> e : why.entrySet()) {
      for (String format : FORMATS) {
        Cli r = Cli.run("terraform", DIR.resolve("hostile").resolve(e.getKey()).toString(), "--format", format);
        assertThat(r.exit()).as(e.getKey() + " " + format + ": " + r.err() + r.out()).isEqualTo(2);
        assertThat(r.err()).as(e.getKey()).startsWith("zonegate: error: ").hasLineCount(1).contains(e.getValue()).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
      }
    }
  }

  @Test
  void aHugeRecordSetIsReadUpToTheRecordLimit() throws Exception {
    // Terraform could write this one (a TXT set of 200,000 strings): it is judged, within limits.
    Path plan = DIR.resolve("hostile/huge-array.json");
    Cli r = Cli.run("terraform", plan.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    Cli limited = Cli.run("terraform", plan.toString(), "--limit", "maxRecords=100000");
    assertThat(limited.exit()).isEqualTo(2);
    assertThat(limited.err()).contains("maxRecords").hasLineCount(1);
  }
}
