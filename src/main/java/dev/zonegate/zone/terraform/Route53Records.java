package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.zone.ZoneReadException;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code aws_route53_record} (hashicorp/aws): each resource is one Route 53 record set, turned
 * into the API's shape and read by the Route 53 JSON reader's own conversion, so a plan, a
 * snapshot and the live API key routing sets and aliases the same way.
 *
 * <p>Modelled: zone_id, name (made absolute as the provider does: a name that does not end with
 * the zone's name gets it appended), type, ttl, records (TXT and SPF values quoted as the provider
 * sends them), alias (name, zone_id, evaluate_target_health), set_identifier and every routing
 * block (weighted, failover, latency, geolocation, geoproximity, cidr, multivalue answer),
 * health_check_id. Ignored: allow_overwrite (how Terraform creates the set, not what it serves),
 * fqdn and id (derived).
 */
final class Route53Records implements RecordResource {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Override
  public ZoneRef zone(Attrs a) {
    String id = a.str("zone_id");
    return new ZoneRef("aws_route53_zone", id == null ? Masks.UNKNOWN : id, null);
  }

  @Override
  public void add(Attrs a, ZoneSide side, Location at) throws ZoneReadException, Unplaced {
    if (a.isUnknown("name")) {
      throw RecordResource.unknown(at, "name");
    }
    // An empty name is the zone's apex, as the provider expands it.
    String name = a.values().path("name").isString() ? a.values().get("name").asString() : null;
    if (name == null) {
      throw RecordResource.missing(at, "name");
    }
    String type = a.identity("type", at);
    type = type.toUpperCase(Locale.ROOT);
    ObjectNode set = F.objectNode();
    set.put("Name", expandRecordName(name, side.zoneName()) + ".");
    set.put("Type", type);
    Attrs alias = a.block("alias");
    if (alias != null) {
      ObjectNode t = set.putObject("AliasTarget");
      String dns = alias.str("name");
      t.put("DNSName", dns == null ? "" : dns.equals(Masks.UNKNOWN) || Masks.isStandIn(dns) ? dns : dns.toLowerCase(Locale.ROOT));
      put(t, "HostedZoneId", alias.str("zone_id"));
      t.put("EvaluateTargetHealth", alias.bool("evaluate_target_health", false));
    } else {
      if (a.isUnknown("ttl")) {
        throw RecordResource.unknown(at, "ttl");
      }
      if (a.plain("ttl") == null) {
        throw RecordResource.missing(at, "ttl (a record set without alias needs one)");
      }
      set.put("TTL", a.ttl("ttl", 0, at));
      ArrayNode records = set.putArray("ResourceRecords");
      for (String v : a.strings("records")) {
        boolean txt = type.equals("TXT") || type.equals("SPF");
        records.addObject().put("Value", txt && !Masks.isStandIn(v) ? "\"" + v + "\"" : v);
      }
    }
    String setId = a.str("set_identifier");
    if (setId != null) {
      set.put("SetIdentifier", setId);
    }
    routing(a, set, at);
    String health = a.str("health_check_id");
    if (health != null) {
      set.put("HealthCheckId", health);
    }
    side.route53().add(set, at);
  }

  /** The routing policy blocks, as the API's fields. */
  private static void routing(Attrs a, ObjectNode set, Location at) throws ZoneReadException {
    Attrs w = a.block("weighted_routing_policy");
    if (w != null && w.plain("weight") != null) {
      set.put("Weight", w.number("weight", 0, 255, at));
    }
    Attrs f = a.block("failover_routing_policy");
    if (f != null && f.plain("type") != null) {
      set.put("Failover", f.plain("type"));
    }
    Attrs l = a.block("latency_routing_policy");
    if (l != null && l.plain("region") != null) {
      set.put("Region", l.plain("region"));
    }
    Attrs g = a.block("geolocation_routing_policy");
    if (g != null) {
      ObjectNode geo = set.putObject("GeoLocation");
      put(geo, "ContinentCode", g.plain("continent"));
      put(geo, "CountryCode", g.plain("country"));
      put(geo, "SubdivisionCode", g.plain("subdivision"));
    }
    Attrs c = a.block("cidr_routing_policy");
    if (c != null) {
      ObjectNode cidr = set.putObject("CidrRoutingConfig");
      put(cidr, "CollectionId", c.plain("collection_id"));
      put(cidr, "LocationName", c.plain("location_name"));
    }
    Attrs p = a.block("geoproximity_routing_policy");
    if (p != null) {
      ObjectNode prox = set.putObject("GeoProximityLocation");
      put(prox, "AWSRegion", p.plain("aws_region"));
      put(prox, "LocalZoneGroup", p.plain("local_zone_group"));
      put(prox, "Bias", p.plain("bias"));
      Attrs xy = p.block("coordinates");
      if (xy != null) {
        ObjectNode co = prox.putObject("Coordinates");
        put(co, "Latitude", xy.plain("latitude"));
        put(co, "Longitude", xy.plain("longitude"));
      }
    }
    if (a.bool("multivalue_answer_routing_policy", false)) {
      set.put("MultiValueAnswer", true);
    }
  }

  private static void put(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  /**
   * The record's name as the AWS provider sends it ({@code expandRecordName}): lower case, no
   * final dot, the zone's name appended when the name does not already end with it (a plain
   * suffix test, as the provider's). Without the zone's name, the name is taken as absolute.
   */
  static String expandRecordName(String name, String zone) {
    String rn = name.toLowerCase(Locale.ROOT);
    if (rn.endsWith(".")) {
      rn = rn.substring(0, rn.length() - 1);
    }
    if (zone == null) {
      return rn;
    }
    String z = zone.toLowerCase(Locale.ROOT);
    if (!rn.endsWith(z)) {
      rn = rn.isEmpty() ? z : rn + "." + z;
    }
    return rn;
  }

  static List<String> types() {
    return List.of("aws_route53_record");
  }
}
