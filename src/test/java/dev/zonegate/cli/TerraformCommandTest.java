package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code zonegate terraform PLAN.json} end to end through {@link Main}, with its exit codes. */
class TerraformCommandTest {
  static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
  static final String SECRET = "p=MIIBIjANBgkqSECRETDKIMKEY";

  @TempDir Path tmp;

  static String rc(String address, String actions, String before, String after, String beforeSensitive, String afterSensitive) {
    return "{\"address\":\"" + address.replace("\"", "\\\"") + "\",\"mode\":\"managed\",\"type\":\"aws_route53_record\",\"name\":\"x\","
        + "\"change\":{\"actions\":" + actions + ",\"before\":" + before + ",\"after\":" + after
        + ",\"after_unknown\":{},\"before_sensitive\":" + beforeSensitive + ",\"after_sensitive\":" + afterSensitive + "}}";
  }

  static String rec(String name, String type, String records) {
    return "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"ttl\":300,\"records\":" + records
        + ",\"alias\":[],\"set_identifier\":\"\"}";
  }

  static String plan(String... changes) {
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"prior_state\":{\"format_version\":\"1.0\",\"values\":"
        + "{\"root_module\":{\"child_modules\":[{\"address\":\"module.dns\",\"resources\":[{\"address\":\"module.dns.aws_route53_zone.main\","
        + "\"mode\":\"managed\",\"type\":\"aws_route53_zone\",\"name\":\"main\",\"values\":{\"zone_id\":\"" + ZONE_ID
        + "\",\"name\":\"example.com\"}}]}]}}},\"resource_changes\":[" + String.join(",", changes) + "]}";
  }

  /** The 2025 shape: both weighted members of an endpoint go, a CNAME still points at it. */
  static final String EMPTIED = plan(
      rc("module.dns.aws_route53_record.db[\"us-east-1\"]", "[\"delete\"]",
          "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"db\",\"type\":\"A\",\"ttl\":60,\"records\":[\"52.94.236.248\"],"
              + "\"set_identifier\":\"us-east-1\",\"weighted_routing_policy\":[{\"weight\":50}],\"alias\":[]}", "null", "{}", "false"),
      rc("module.dns.aws_route53_record.db[\"us-west-2\"]", "[\"delete\"]",
          "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"db\",\"type\":\"A\",\"ttl\":60,\"records\":[\"54.239.28.85\"],"
              + "\"set_identifier\":\"us-west-2\",\"weighted_routing_policy\":[{\"weight\":50}],\"alias\":[]}", "null", "{}", "false"),
      rc("module.dns.aws_route53_record.api", "[\"no-op\"]", rec("api", "CNAME", "[\"db.example.com\"]"),
          rec("api", "CNAME", "[\"db.example.com\"]"), "{}", "{}"),
      rc("module.dns.aws_route53_record.dkim", "[\"update\"]", rec("dkim._domainkey", "TXT", "[\"v=DKIM1; k=rsa; old\"]"),
          rec("dkim._domainkey", "TXT", "[\"v=DKIM1; k=rsa; " + SECRET + "\"]"), "{\"records\":true}", "{\"records\":true}"),
      rc("module.dns.aws_route53_record.note", "[\"create\"]", "null",
          rec("note", "TXT", "[\"<script>alert(1)</script> | `x` *y*\"]"), "{}", "{}"));

  Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void anEmptiedWeightedEndpointBlocksInEveryFormatAtItsResourceAddress() throws Exception {
    Path plan = write("plan.json", EMPTIED);
    Path out = tmp.resolve("reports");
    Cli r = Cli.run("terraform", plan.toString(), "--out", out.toString(), "--format", "text", "--format", "json", "--format", "sarif",
        "--format", "codequality", "--format", "junit", "--format", "markdown", "--format", "html");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("block   address-emptied db.example.com. A  (module.dns.aws_route53_record.api)")
        .contains("live: Terraform plan " + plan + ": prior state (only the 5 record resources the plan holds, not the whole zone)");
    JsonNode json = JsonMapper.builder().build().readTree(out.resolve("zonegate-report.json").toFile());
    assertThat(json.get("verdict").asString()).isEqualTo("block");
    assertThat(json.get("zones").get(0).get("partial").asString()).contains("not the whole zone");
    assertThat(json.get("findings").get(0).get("location").get("address").asString()).isEqualTo("module.dns.aws_route53_record.api");
    String sarif = Files.readString(out.resolve("zonegate-report.sarif"));
    assertThat(sarif).contains("\"fullyQualifiedName\" : \"module.dns.aws_route53_record.api\"").contains("\"kind\" : \"resource\"");
    String cq = Files.readString(out.resolve("zonegate-codequality.json"));
    assertThat(cq).contains("\"path\" : \"module.dns.aws_route53_record.api\"");
    String html = Files.readString(out.resolve("zonegate-report.html"));
    assertThat(html).doesNotContain("<script>alert(1)</script>");
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET).doesNotContain("k=rsa; old");
      }
    }
    assertThat(r.out() + r.err()).doesNotContain(SECRET);
  }

  @Test
  void standardInputIsReadWithADash() {
    Cli r = Cli.run(Map.of(), EMPTIED, "terraform", "-", "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("\"address\" : \"module.dns.aws_route53_record.api\"").contains("(standard input)");
  }

  @Test
  void anAllowedBlockPasses() throws Exception {
    Path plan = write("plan.json", EMPTIED);
    Cli r = Cli.run("terraform", plan.toString(), "--allow", "address-emptied:db.example.com.", "--allow", "dangling-reference");
    assertThat(r.exit()).as(r.out()).isZero();
  }

  @Test
  void aPlanWithoutDnsResourcesPassesSayingSo() throws Exception {
    Path plan = write("plan.json", "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.web\",\"mode\":\"managed\","
        + "\"type\":\"aws_instance\",\"name\":\"web\",\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{}}}]}");
    Cli r = Cli.run("terraform", plan.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass").contains("the plan has 0 DNS changes")
        .contains("1 change to a resource that is not a DNS record, not judged: aws_instance (1)");
  }

  @Test
  void aPlanThatCannotBeReadIsExit2InOneLine() throws Exception {
    for (String text : List.of("", "[]", "{\"format_version\":\"1.2\",\"resource_changes\":[", "{\"format_version\":\"9.0\"}",
        "{\"format_version\":\"1.2\",\"a\":1,\"a\":2}")) {
      Path plan = write("bad.json", text);
      Cli r = Cli.run("terraform", plan.toString());
      assertThat(r.exit()).as(text + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("zonegate: error: " + plan).hasLineCount(1).doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
    Cli missing = Cli.run("terraform", tmp.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist").hasLineCount(1);
  }

  @Test
  void aZoneFlagWithoutANameIsAUsageError() throws Exception {
    Path plan = write("plan.json", EMPTIED);
    Cli r = Cli.run("terraform", plan.toString(), "--zone", "Z0123");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--zone takes ID=NAME");
  }

  @Test
  void helpNamesTheResourcesItReads() {
    Cli r = Cli.run("terraform", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("aws_route53_record").contains("azurerm_dns_*_record").contains("--zone=ID=NAME");
  }

  @Test
  void aPlanOfExactlyTheSizeLimitIsReadAndOneByteMoreIsRefused() throws Exception {
    // maxFileBytes is the largest plan allowed, from a file and from standard input alike
    Path plan = write("plan.json", EMPTIED);
    String size = String.valueOf(Files.size(plan));
    String less = String.valueOf(Files.size(plan) - 1);
    assertThat(Cli.run("terraform", plan.toString(), "--limit", "maxFileBytes=" + size).exit()).isEqualTo(1);
    assertThat(Cli.run(Map.of(), EMPTIED, "terraform", "-", "--limit", "maxFileBytes=" + size).exit()).isEqualTo(1);
    Cli file = Cli.run("terraform", plan.toString(), "--limit", "maxFileBytes=" + less);
    assertThat(file.exit()).isEqualTo(2);
    assertThat(file.err()).contains("exceeds the limit maxFileBytes of " + less);
    Cli stdin = Cli.run(Map.of(), EMPTIED, "terraform", "-", "--limit", "maxFileBytes=" + less);
    assertThat(stdin.exit()).isEqualTo(2);
    assertThat(stdin.err()).contains("exceeds the limit maxFileBytes of " + less);
  }

  @Test
  void theJudgedPlanNamesTheTerraformVersionOnlyWhenThePlanGivesOne() throws Exception {
    Cli with = Cli.run("terraform", write("plan.json", EMPTIED).toString(), "--format", "json");
    assertThat(JsonMapper.builder().build().readTree(with.out()).get("judged").get("plan").asString())
        .isEqualTo(tmp.resolve("plan.json") + " (terraform 1.9.5)");
    Cli without = Cli.run("terraform", write("old.json", EMPTIED.replace("\"terraform_version\":\"1.9.5\",", "")).toString(),
        "--format", "json");
    assertThat(JsonMapper.builder().build().readTree(without.out()).get("judged").get("plan").asString())
        .isEqualTo(tmp.resolve("old.json").toString());
  }

  @Test
  void aPlanWhoseDnsRecordsAllStayTheSameSaysNothingOfMissingDnsResources() throws Exception {
    // "holds no DNS record resources" is for plans without any; a no-op record is one
    Path plan = write("plan.json", plan(rc("module.dns.aws_route53_record.api", "[\"no-op\"]", rec("api", "CNAME", "[\"db.example.com\"]"),
        rec("api", "CNAME", "[\"db.example.com\"]"), "{}", "{}")));
    Cli r = Cli.run("terraform", plan.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("holds no DNS record resources");
    Cli none = Cli.run("terraform", write("none.json", plan()).toString());
    assertThat(none.out()).contains("the plan has 0 DNS changes (it holds no DNS record resources)");
  }
}
