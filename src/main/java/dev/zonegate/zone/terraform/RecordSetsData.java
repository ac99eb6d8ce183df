package dev.zonegate.zone.terraform;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data source {@code aws_route53_records} (hashicorp/aws): the record sets of a hosted zone as
 * Route 53 lists them, read during plan. They are the zone's records that the plan does not
 * manage, so they stand unchanged on both sides as context: a CNAME to one of them is not "not
 * in the plan". Its {@code resource_record_sets} are the API's record sets in snake case; they are
 * turned back into the API's shape for the Route 53 reader's own conversion.
 */
final class RecordSetsData {
  static final String TYPE = "aws_route53_records";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RecordSetsData() {}

  /** One element of {@code resource_record_sets} in the API's shape. */
  static ObjectNode apiShape(JsonNode rs) {
    ObjectNode set = F.objectNode();
    copy(rs, set, Map.of("name", "Name", "type", "Type", "set_identifier", "SetIdentifier", "weight", "Weight",
        "region", "Region", "failover", "Failover", "multi_value_answer", "MultiValueAnswer", "health_check_id", "HealthCheckId"));
    JsonNode alias = first(rs.get("alias_target"));
    if (alias != null) {
      ObjectNode t = set.putObject("AliasTarget");
      copy(alias, t, Map.of("dns_name", "DNSName", "hosted_zone_id", "HostedZoneId", "evaluate_target_health", "EvaluateTargetHealth"));
    } else {
      if (rs.hasNonNull("ttl")) {
        set.set("TTL", rs.get("ttl"));
      }
      ArrayNode records = set.putArray("ResourceRecords");
      for (JsonNode r : rs.path("resource_records")) {
        if (r.hasNonNull("value")) {
          records.addObject().set("Value", r.get("value"));
        }
      }
    }
    JsonNode geo = first(rs.get("geo_location"));
    if (geo != null) {
      copy(geo, set.putObject("GeoLocation"),
          Map.of("continent_code", "ContinentCode", "country_code", "CountryCode", "subdivision_code", "SubdivisionCode"));
    }
    JsonNode cidr = first(rs.get("cidr_routing_config"));
    if (cidr != null) {
      copy(cidr, set.putObject("CidrRoutingConfig"), Map.of("collection_id", "CollectionId", "location_name", "LocationName"));
    }
    JsonNode prox = first(rs.get("geo_proximity_location"));
    if (prox != null) {
      ObjectNode p = set.putObject("GeoProximityLocation");
      copy(prox, p, Map.of("aws_region", "AWSRegion", "local_zone_group", "LocalZoneGroup", "bias", "Bias"));
      JsonNode xy = first(prox.get("coordinates"));
      if (xy != null) {
        copy(xy, p.putObject("Coordinates"), Map.of("latitude", "Latitude", "longitude", "Longitude"));
      }
    }
    return set;
  }

  /** A nested block: the first object of a list, or the object itself. */
  private static JsonNode first(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.size() > 0 && n.get(0).isObject() ? n.get(0) : null;
    }
    return n.isObject() ? n : null;
  }

  private static void copy(JsonNode from, ObjectNode to, Map<String, String> names) {
    names.forEach((snake, api) -> {
      JsonNode v = from.get(snake);
      if (v != null && v.isValueNode() && !v.isNull() && !(v.isString() && v.asString().isEmpty())) {
        to.set(api, v);
      }
    });
  }
}
