package dev.zonegate.live.route53;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Sets up hosted zones and record sets in moto through the AWS SDK, as a team's deploy tool would
 * in Route 53; public so that the CLI tests ({@code dev.zonegate.cli}) use it too, and the one way
 * tests reach the source's page size.
 */
public final class Route53Fixture implements AutoCloseable {
  /** Credentials moto accepts (any do); distinctive, so tests can search every output for them. */
  public static final String KEY_ID = "AKIAZGTESTKEY7QX2M4P";
  public static final String SECRET = "zgTestSecret/9f3Kq+Lm2Vw8Rt5Yx1Zp6Nc4Bd7Hj0Gs";
  public static final String TOKEN = "zgTestSessionToken//FwoGZXIvYXdzEXAMPLE+k3yQ9w";

  private final Route53Client client;

  public Route53Fixture(String endpoint) {
    client =
        Route53Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(endpoint))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
            .build();
  }

  /** The environment a user would have: the standard variables, and no instance metadata. */
  public static Map<String, String> env() {
    return Map.of("AWS_ACCESS_KEY_ID", KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_EC2_METADATA_DISABLED", "true");
  }

  /** Record sets per ListResourceRecordSets page (0: the service's default of 300). */
  public static void pageSize(int n) {
    Route53Source.pageSize = n;
  }

  /** Creates a public hosted zone; returns its id without {@code /hostedzone/}. */
  public String createZone(String name) {
    HostedZone hz =
        client.createHostedZone(r -> r.name(name).callerReference(name + System.nanoTime())).hostedZone();
    return Route53Source.bareId(hz.id());
  }

  public void upsert(String zoneId, ResourceRecordSet... sets) {
    change(zoneId, ChangeAction.UPSERT, sets);
  }

  public void delete(String zoneId, ResourceRecordSet... sets) {
    change(zoneId, ChangeAction.DELETE, sets);
  }

  private void change(String zoneId, ChangeAction action, ResourceRecordSet... sets) {
    List<Change> changes = new ArrayList<>();
    for (ResourceRecordSet s : sets) {
      changes.add(Change.builder().action(action).resourceRecordSet(s).build());
    }
    client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)));
  }

  public Route53Client client() {
    return client;
  }

  public static ResourceRecordSet simple(String name, String type, long ttl, String... values) {
    return records(ResourceRecordSet.builder().name(name).type(type).ttl(ttl), values).build();
  }

  public static ResourceRecordSet weighted(String name, String type, long ttl, String id, long weight, String... values) {
    return records(ResourceRecordSet.builder().name(name).type(type).ttl(ttl).setIdentifier(id).weight(weight), values)
        .build();
  }

  public static ResourceRecordSet failover(String name, String type, long ttl, String id, String role, String... values) {
    return records(ResourceRecordSet.builder().name(name).type(type).ttl(ttl).setIdentifier(id).failover(role), values)
        .build();
  }

  public static ResourceRecordSet latency(String name, String type, long ttl, String id, String region, String... values) {
    return records(ResourceRecordSet.builder().name(name).type(type).ttl(ttl).setIdentifier(id).region(region), values)
        .build();
  }

  /** {@code country} "*" is the default location. */
  public static ResourceRecordSet geo(String name, String type, long ttl, String id, String continent, String country, String... values) {
    return records(
            ResourceRecordSet.builder().name(name).type(type).ttl(ttl).setIdentifier(id)
                .geoLocation(g -> g.continentCode(continent).countryCode(country)),
            values)
        .build();
  }

  public static ResourceRecordSet multivalue(String name, String type, long ttl, String id, String... values) {
    return records(
            ResourceRecordSet.builder().name(name).type(type).ttl(ttl).setIdentifier(id).multiValueAnswer(true), values)
        .build();
  }

  public static ResourceRecordSet alias(String name, String type, String targetZone, String target, boolean health) {
    return ResourceRecordSet.builder()
        .name(name)
        .type(type)
        .aliasTarget(AliasTarget.builder().hostedZoneId(targetZone).dnsName(target).evaluateTargetHealth(health).build())
        .build();
  }

  private static ResourceRecordSet.Builder records(ResourceRecordSet.Builder b, String... values) {
    List<ResourceRecord> rr = new ArrayList<>();
    for (String v : values) {
      rr.add(ResourceRecord.builder().value(v).build());
    }
    return b.resourceRecords(rr);
  }

  /**
   * The zone as {@code aws route53 list-resource-record-sets} prints it: listed with botocore's
   * own paginator ({@code src/test/python/route53_export.py}), pages of {@code pageSize}, JSON
   * with an indent of 4. An oracle independent of the Java SDK and of the source under test.
   */
  public static String export(String endpoint, String zoneId, int pageSize) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        "/usr/bin/python3", "src/test/python/route53_export.py", endpoint, zoneId, Integer.toString(pageSize));
    Process p = pb.start();
    byte[] out;
    byte[] err;
    try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
      out = o.readAllBytes();
      err = e.readAllBytes();
    }
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError("route53_export.py failed: " + new String(err, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    client.close();
  }
}
