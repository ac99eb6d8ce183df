package dev.zonegate.zone.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan's DNS resources as (before, after) zones, read as each provider reads its attributes. */
class TerraformPlanReaderTest {
  static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";

  /** A plan with the example.com. hosted zone in prior state and {@code changes} as resource_changes. */
  static String plan(String changes) {
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\","
        + "\"prior_state\":{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":["
        + "{\"address\":\"aws_route53_zone.main\",\"mode\":\"managed\",\"type\":\"aws_route53_zone\",\"name\":\"main\","
        + "\"values\":{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"example.com\"}}]}}},"
        + "\"resource_changes\":[" + changes + "]}";
  }

  static String change(String address, String actions, String before, String after) {
    return change(address, "aws_route53_record", actions, before, after, "{}", "{}");
  }

  static String change(String address, String type, String actions, String before, String after, String unknown, String sensitive) {
    return "{\"address\":" + q(address) + ",\"mode\":\"managed\",\"type\":\"" + type + "\",\"name\":\"x\","
        + "\"change\":{\"actions\":" + actions + ",\"before\":" + before + ",\"after\":" + after
        + ",\"after_unknown\":" + unknown + ",\"before_sensitive\":{},\"after_sensitive\":" + sensitive + "}}";
  }

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String a(String name, String type, int ttl, String records) {
    return "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"ttl\":" + ttl
        + ",\"records\":" + records + ",\"alias\":[],\"weighted_routing_policy\":[],\"set_identifier\":\"\"}";
  }

  static TerraformPlanReader.Read read(String json) throws ZoneReadException {
    return TerraformPlanReader.read(json.getBytes(StandardCharsets.UTF_8), "plan.json", Map.of());
  }

  static TerraformPlanReader.PlanZone only(String json) throws ZoneReadException {
    TerraformPlanReader.Read r = read(json);
    assertThat(r.zones()).hasSize(1);
    return r.zones().get(0);
  }

  @Test
  void recordsGroupIntoTheZoneTheHostedZoneResourceNames() throws Exception {
    TerraformPlanReader.PlanZone z = only(plan(change("aws_route53_record.www", "[\"create\"]", "null",
        a("www", "A", 300, "[\"52.94.236.248\"]"))));
    assertThat(z.label()).isEqualTo("example.com.");
    assertThat(z.before().isEmpty()).isTrue();
    RRset www = z.after().get("www.example.com.", "A");
    assertThat(www.rdata()).containsExactly("52.94.236.248");
    assertThat(www.location().logical()).isTrue();
    assertThat(www.location().path()).isEqualTo("aws_route53_record.www");
    assertThat(z.after().marks().isPartial()).isTrue();
    assertThat(z.live()).contains("prior state").contains("only the 1 record resource the plan holds");
  }

  @Test
  void namesAreMadeAbsoluteAsTheAwsProviderDoes() {
    assertThat(Route53Records.expandRecordName("www", "example.com")).isEqualTo("www.example.com");
    assertThat(Route53Records.expandRecordName("WWW.Example.com.", "example.com")).isEqualTo("www.example.com");
    assertThat(Route53Records.expandRecordName("", "example.com")).isEqualTo("example.com");
    // The provider's test is a plain suffix, not a label boundary: it is read the same way.
    assertThat(Route53Records.expandRecordName("myexample.com", "example.com")).isEqualTo("myexample.com");
    assertThat(Route53Records.expandRecordName("www.example.org", null)).isEqualTo("www.example.org");
  }

  @Test
  void aReplacementIsOneUpdateAndNoOpStandsOnBothSides() throws Exception {
    String changes = change("aws_route53_record.www", "[\"delete\",\"create\"]", a("www", "A", 300, "[\"52.94.236.248\"]"),
            a("www", "A", 300, "[\"54.239.28.85\"]"))
        + "," + change("aws_route53_record.api", "[\"no-op\"]", a("api", "CNAME", 300, "[\"www.example.com\"]"),
            a("api", "CNAME", 300, "[\"www.example.com\"]"));
    TerraformPlanReader.PlanZone z = only(plan(changes));
    assertThat(z.before().get("www.example.com.", "A").rdata()).containsExactly("52.94.236.248");
    assertThat(z.after().get("www.example.com.", "A").rdata()).containsExactly("54.239.28.85");
    assertThat(z.before().get("api.example.com.", "CNAME")).isEqualTo(z.after().get("api.example.com.", "CNAME"));
  }

  @Test
  void txtValuesAreQuotedAsTheProviderSendsThem() throws Exception {
    TerraformPlanReader.PlanZone z = only(plan(change("aws_route53_record.spf", "[\"create\"]", "null",
        a("", "TXT", 300, "[\"v=spf1 include:_spf.example.net -all\"]"))));
    assertThat(z.after().get("example.com.", "TXT").rdata()).containsExactly("\"v=spf1 include:_spf.example.net -all\"");
  }

  @Test
  void weightedMembersAreKeyedAsTheRoute53ReaderKeysThem() throws Exception {
    String member = "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"db\",\"type\":\"A\",\"ttl\":60,\"records\":[\"52.94.236.248\"],"
        + "\"set_identifier\":\"blue\",\"weighted_routing_policy\":[{\"weight\":10}],\"alias\":[]}";
    TerraformPlanReader.PlanZone z = only(plan(change("aws_route53_record.db[\"blue\"]", "[\"create\"]", "null", member)));
    assertThat(z.after().rrsets()).containsKey(new RRsetKey("db.example.com.", "A", "blue weight=10"));
  }

  @Test
  void anAliasKeepsItsTargetAndAnUnknownOneIsNeverEmpty() throws Exception {
    String alias = "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"www\",\"type\":\"A\",\"ttl\":null,\"records\":null,"
        + "\"alias\":[{\"name\":\"DualStack.LB-1.us-east-1.elb.amazonaws.com\",\"zone_id\":\"Z35SXDOTRQ7X7K\",\"evaluate_target_health\":true}]}";
    String unknown = "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"app\",\"type\":\"A\",\"ttl\":null,\"records\":null,"
        + "\"alias\":[{\"zone_id\":\"Z35SXDOTRQ7X7K\",\"evaluate_target_health\":true}]}";
    Zone after = only(plan(change("aws_route53_record.www", "[\"create\"]", "null", alias) + ","
        + change("aws_route53_record.app", "aws_route53_record", "[\"create\"]", "null", unknown,
            "{\"alias\":[{\"name\":true}]}", "{}"))).after();
    assertThat(after.get("www.example.com.", "ALIAS").rdata()).containsExactly("A dualstack.lb-1.us-east-1.elb.amazonaws.com.");
    assertThat(after.get("app.example.com.", "ALIAS").rdata()).containsExactly("A (known after apply)");
  }

  @Test
  void valuesKnownOnlyAfterApplyAreNeverEmpty() throws Exception {
    String after = "{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"web\",\"type\":\"A\",\"ttl\":300,\"alias\":[]}";
    Zone z = only(plan(change("aws_route53_record.web", "aws_route53_record", "[\"create\"]", "null", after,
        "{\"records\":true}", "{}"))).after();
    assertThat(z.get("web.example.com.", "A").rdata()).containsExactly("(known after apply)");
  }

  @Test
  void sensitiveValuesAreStandInsThatStillCompare() throws Exception {
    String before = a("dkim", "TXT", 300, "[\"k=rsa; p=OLDSECRET\"]");
    String after = a("dkim", "TXT", 300, "[\"k=rsa; p=NEWSECRET\"]");
    String rc = "{\"address\":\"aws_route53_record.dkim\",\"mode\":\"managed\",\"type\":\"aws_route53_record\",\"name\":\"dkim\","
        + "\"change\":{\"actions\":[\"update\"],\"before\":" + before + ",\"after\":" + after
        + ",\"after_unknown\":{},\"before_sensitive\":{\"records\":true},\"after_sensitive\":{\"records\":[true]}}}";
    TerraformPlanReader.PlanZone z = only(plan(rc));
    String was = z.before().get("dkim.example.com.", "TXT").rdata().get(0);
    String now = z.after().get("dkim.example.com.", "TXT").rdata().get(0);
    assertThat(was).startsWith("(sensitive value ").doesNotContain("SECRET");
    assertThat(now).startsWith("(sensitive value ").doesNotContain("SECRET").isNotEqualTo(was);
  }

  @Test
  void aZoneWithoutAZoneResourceIsNamedByIdOrByTheFlag() throws Exception {
    String json = "{\"format_version\":\"1.2\",\"resource_changes\":[" + change("aws_route53_record.www", "[\"create\"]", "null",
        "{\"zone_id\":\"ZOTHER\",\"name\":\"www.example.org\",\"type\":\"A\",\"ttl\":300,\"records\":[\"52.94.236.248\"],\"alias\":[]}") + "]}";
    assertThat(read(json).zones().get(0).label()).isEqualTo("ZOTHER");
    TerraformPlanReader.Read named = TerraformPlanReader.read(json.getBytes(StandardCharsets.UTF_8), "plan.json", Map.of("ZOTHER", "example.org."));
    assertThat(named.zones().get(0).label()).isEqualTo("example.org.");
    assertThat(named.zones().get(0).after().get("www.example.org.", "A")).isNotNull();
  }

  static String zoned(String zoneResource, String changes) {
    return "{\"format_version\":\"1.2\",\"prior_state\":{\"values\":{\"root_module\":{\"resources\":[" + zoneResource
        + "]}}},\"resource_changes\":[" + changes + "]}";
  }

  @Test
  void cloudflareRecordsOfOneNameAndTypeAreOneSetAndProxiedIsPartOfIt() throws Exception {
    String zone = "{\"address\":\"cloudflare_zone.z\",\"mode\":\"managed\",\"type\":\"cloudflare_zone\",\"values\":{\"id\":\"cf1\",\"zone\":\"example.com\"}}";
    String r1 = "{\"zone_id\":\"cf1\",\"name\":\"www\",\"type\":\"A\",\"content\":\"52.94.236.248\",\"ttl\":1,\"proxied\":true,\"data\":[]}";
    String r2 = "{\"zone_id\":\"cf1\",\"name\":\"www.example.com\",\"type\":\"A\",\"value\":\"54.239.28.85\",\"ttl\":1,\"proxied\":true}";
    String mx = "{\"zone_id\":\"cf1\",\"name\":\"@\",\"type\":\"MX\",\"content\":\"mx1.example.com\",\"priority\":10,\"ttl\":3600}";
    String srv = "{\"zone_id\":\"cf1\",\"name\":\"_sip._tcp\",\"type\":\"SRV\",\"ttl\":3600,"
        + "\"data\":[{\"service\":\"_sip\",\"proto\":\"_tcp\",\"name\":\"example.com\",\"priority\":10,\"weight\":5,\"port\":5060,\"target\":\"sip.example.com\"}]}";
    String caa = "{\"zone_id\":\"cf1\",\"name\":\"example.com\",\"type\":\"CAA\",\"ttl\":3600,\"data\":{\"flags\":0,\"tag\":\"issue\",\"value\":\"letsencrypt.org\"}}";
    String changes = change("cloudflare_record.a", "cloudflare_record", "[\"create\"]", "null", r1, "{}", "{}") + ","
        + change("cloudflare_record.b", "cloudflare_record", "[\"create\"]", "null", r2, "{}", "{}") + ","
        + change("cloudflare_record.mx", "cloudflare_record", "[\"create\"]", "null", mx, "{}", "{}") + ","
        + change("cloudflare_record.srv", "cloudflare_record", "[\"create\"]", "null", srv, "{}", "{}") + ","
        + change("cloudflare_dns_record.caa", "cloudflare_dns_record", "[\"create\"]", "null", caa, "{}", "{}");
    Zone z = only(zoned(zone, changes)).after();
    RRset www = z.get("www.example.com.", "A");
    assertThat(www.rdata()).containsExactly("52.94.236.248", "54.239.28.85");
    assertThat(www.ttl()).isEqualTo(300);
    assertThat(www.extras().attributes()).containsEntry("cloudflare.proxied", "true");
    assertThat(z.get("example.com.", "MX").rdata()).containsExactly("10 mx1.example.com.");
    assertThat(z.get("_sip._tcp.example.com.", "SRV").rdata()).containsExactly("10 5 5060 sip.example.com.");
    assertThat(z.get("example.com.", "CAA").rdata()).containsExactly("0 issue \"letsencrypt.org\"");
  }

  @Test
  void googleRecordSetsAreNamedByTheirManagedZoneAndRoutingValuesCount() throws Exception {
    String zone = "{\"address\":\"google_dns_managed_zone.z\",\"mode\":\"managed\",\"type\":\"google_dns_managed_zone\","
        + "\"values\":{\"name\":\"example-zone\",\"dns_name\":\"example.com.\"}}";
    String wrr = "{\"managed_zone\":\"example-zone\",\"name\":\"api.example.com.\",\"type\":\"A\",\"ttl\":60,\"rrdatas\":[],"
        + "\"routing_policy\":[{\"wrr\":[{\"weight\":0.8,\"rrdatas\":[\"52.94.236.248\"]},{\"weight\":0.2,\"rrdatas\":[\"54.239.28.85\"]}],\"geo\":[],\"enable_geo_fencing\":false}]}";
    Zone z = only(zoned(zone, change("google_dns_record_set.api", "google_dns_record_set", "[\"create\"]", "null", wrr, "{}", "{}"))).after();
    RRset api = z.get("api.example.com.", "A");
    assertThat(api.rdata()).containsExactly("52.94.236.248", "54.239.28.85");
    assertThat(api.extras().attributes().get("google.routing_policy")).contains("wrr weight=0.8").contains("wrr weight=0.2");
  }

  @Test
  void azureRecordsTakeTheirTypeFromTheResourceAndTheirZoneFromZoneName() throws Exception {
    String a = "{\"name\":\"www\",\"zone_name\":\"example.com\",\"resource_group_name\":\"dns\",\"ttl\":300,\"records\":[\"52.94.236.248\"]}";
    String mx = "{\"name\":\"@\",\"zone_name\":\"example.com\",\"resource_group_name\":\"dns\",\"ttl\":3600,"
        + "\"record\":[{\"preference\":10,\"exchange\":\"mx1.example.com\"}]}";
    String txt = "{\"name\":\"@\",\"zone_name\":\"example.com\",\"resource_group_name\":\"dns\",\"ttl\":3600,"
        + "\"record\":[{\"value\":\"v=spf1 -all\"}]}";
    String alias = "{\"name\":\"cdn\",\"zone_name\":\"example.com\",\"resource_group_name\":\"dns\",\"ttl\":300,"
        + "\"records\":null,\"target_resource_id\":\"/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/publicIPAddresses/ip\"}";
    String json = "{\"format_version\":\"1.2\",\"resource_changes\":["
        + change("azurerm_dns_a_record.www", "azurerm_dns_a_record", "[\"create\"]", "null", a, "{}", "{}") + ","
        + change("azurerm_dns_mx_record.mx", "azurerm_dns_mx_record", "[\"create\"]", "null", mx, "{}", "{}") + ","
        + change("azurerm_dns_txt_record.spf", "azurerm_dns_txt_record", "[\"create\"]", "null", txt, "{}", "{}") + ","
        + change("azurerm_dns_a_record.cdn", "azurerm_dns_a_record", "[\"create\"]", "null", alias, "{}", "{}") + "]}";
    TerraformPlanReader.PlanZone pz = only(json);
    assertThat(pz.label()).isEqualTo("example.com.");
    Zone z = pz.after();
    assertThat(z.get("www.example.com.", "A").rdata()).containsExactly("52.94.236.248");
    assertThat(z.get("example.com.", "MX").rdata()).containsExactly("10 mx1.example.com.");
    assertThat(z.get("example.com.", "TXT").rdata()).containsExactly("\"v=spf1 -all\"");
    assertThat(z.get("cdn.example.com.", "A").rdata()).singleElement().asString().startsWith("(alias to Azure resource /subscriptions/");
  }

  @Test
  void recordSetsADataSourceReadAreContextAndThePlanWinsWhereItManagesOne() throws Exception {
    String data = "{\"address\":\"data.aws_route53_records.all\",\"mode\":\"data\",\"type\":\"aws_route53_records\",\"name\":\"all\","
        + "\"values\":{\"zone_id\":\"" + ZONE_ID + "\",\"name_regex\":null,\"resource_record_sets\":["
        + "{\"name\":\"db.example.com.\",\"type\":\"A\",\"ttl\":60,\"resource_records\":[{\"value\":\"52.94.236.248\"}],"
        + "\"alias_target\":null,\"set_identifier\":null,\"geo_location\":null},"
        + "{\"name\":\"www.example.com.\",\"type\":\"A\",\"ttl\":300,\"resource_records\":[{\"value\":\"13.248.118.1\"}]},"
        + "{\"name\":\"cdn.example.com.\",\"type\":\"A\",\"alias_target\":[{\"dns_name\":\"d1.cloudfront.net.\",\"hosted_zone_id\":\"Z2FDTNDATAQYW2\",\"evaluate_target_health\":false}]}]}}";
    String json = "{\"format_version\":\"1.2\",\"prior_state\":{\"values\":{\"root_module\":{\"resources\":["
        + "{\"address\":\"aws_route53_zone.main\",\"mode\":\"managed\",\"type\":\"aws_route53_zone\",\"name\":\"main\","
        + "\"values\":{\"zone_id\":\"" + ZONE_ID + "\",\"name\":\"example.com\"}}," + data + "]}}},\"resource_changes\":["
        + change("aws_route53_record.www", "[\"update\"]", a("www", "A", 300, "[\"13.248.118.1\"]"), a("www", "A", 300, "[\"54.239.28.85\"]")) + "]}";
    TerraformPlanReader.PlanZone z = only(json);
    assertThat(z.before().get("db.example.com.", "A").rdata()).containsExactly("52.94.236.248");
    assertThat(z.after().get("db.example.com.", "A")).isEqualTo(z.before().get("db.example.com.", "A"));
    assertThat(z.after().get("cdn.example.com.", "ALIAS").rdata()).containsExactly("A d1.cloudfront.net.");
    assertThat(z.after().get("www.example.com.", "A").rdata()).containsExactly("54.239.28.85");
    assertThat(z.live()).contains("only the 1 record resource the plan holds and the 3 record sets its data sources read");
  }

  @Test
  void otherResourcesAreCountedNotJudged() throws Exception {
    String json = "{\"format_version\":\"1.2\",\"resource_changes\":["
        + change("aws_instance.web", "aws_instance", "[\"create\"]", "null", "{}", "{}", "{}") + ","
        + change("aws_s3_bucket.logs", "aws_s3_bucket", "[\"update\"]", "{}", "{}", "{}", "{}") + ","
        + change("aws_s3_bucket.same", "aws_s3_bucket", "[\"no-op\"]", "{}", "{}", "{}", "{}") + "]}";
    TerraformPlanReader.Read r = read(json);
    assertThat(r.zones()).isEmpty();
    assertThat(r.dnsResources()).isZero();
    assertThat(r.notices()).singleElement().extracting(n -> n.message())
        .isEqualTo("2 changes to resources that are not DNS records, not judged: aws_instance (1), aws_s3_bucket (1)");
  }

  @Test
  void aRecordWhoseNameIsKnownOnlyAfterApplyIsSaidNotPlacedAndWhatItReplacesIsStillJudged() throws Exception {
    String after = "{\"zone_id\":\"" + ZONE_ID + "\",\"type\":\"A\",\"ttl\":300,\"records\":[\"52.94.236.248\"],\"alias\":[]}";
    TerraformPlanReader.Read r = read(plan(change("aws_route53_record.web", "aws_route53_record", "[\"delete\",\"create\"]",
        a("web", "A", 300, "[\"54.239.28.85\"]"), after, "{\"name\":true}", "{}")));
    assertThat(r.notices()).singleElement().satisfies(n -> {
      assertThat(n.location().path()).isEqualTo("aws_route53_record.web");
      assertThat(n.message()).startsWith("its name is known only after apply").contains("(what it replaces is)");
    });
    TerraformPlanReader.PlanZone z = r.zones().get(0);
    assertThat(z.before().get("web.example.com.", "A")).isNotNull();
    assertThat(z.after().get("web.example.com.", "A")).isNull();
  }

  @Test
  void whatTerraformCouldNotHaveWrittenIsRefusedWithItsLine() {
    assertThatThrownBy(() -> read("{\"format_version\":\"1.2\",\n\"resource_changes\":[],\n\"resource_changes\":[]}"))
        .isInstanceOf(ZoneReadException.class).hasMessageContaining("plan.json:3").hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("is not a Terraform plan");
    assertThatThrownBy(() -> read("{\"format_version\":\"2.0\"}")).hasMessageContaining("zonegate reads format 1.x");
    assertThatThrownBy(() -> read("{\"format_version\":\"1.2\",\"resource_changes\":[" + "[".repeat(2000)))
        .hasMessageContaining("is not a Terraform plan in JSON");
    byte[] bad = "{\"format_version\":\"1.2\",\"x\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> TerraformPlanReader.read(bad, "plan.json", Map.of())).hasMessageContaining("is not a Terraform plan in JSON");
  }
}
