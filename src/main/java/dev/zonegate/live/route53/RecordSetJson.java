package dev.zonegate.live.route53;

import java.util.List;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.CidrRoutingConfig;
import software.amazon.awssdk.services.route53.model.Coordinates;
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.GeoProximityLocation;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the record sets the SDK returns as {@code aws route53 list-resource-record-sets} prints
 * them (its keys, in its order), for {@link dev.zonegate.zone.Route53JsonReader.Listing} to check
 * and convert exactly as it does an exported file. A field the answer lacks is left out, never
 * filled in, so the reader's schema judges the answer as it would the file.
 */
final class RecordSetJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RecordSetJson() {}

  static ArrayNode page(List<ResourceRecordSet> sets) {
    ArrayNode out = F.arrayNode(sets.size());
    for (ResourceRecordSet s : sets) {
      out.add(s == null ? F.objectNode() : set(s));
    }
    return out;
  }

  static ObjectNode set(ResourceRecordSet s) {
    ObjectNode o = F.objectNode();
    put(o, "Name", s.name());
    put(o, "Type", s.typeAsString());
    put(o, "SetIdentifier", s.setIdentifier());
    if (s.weight() != null) {
      o.put("Weight", s.weight().longValue());
    }
    put(o, "Region", s.regionAsString());
    GeoLocation geo = s.geoLocation();
    if (geo != null) {
      ObjectNode g = o.putObject("GeoLocation");
      put(g, "ContinentCode", geo.continentCode());
      put(g, "CountryCode", geo.countryCode());
      put(g, "SubdivisionCode", geo.subdivisionCode());
    }
    put(o, "Failover", s.failoverAsString());
    if (s.multiValueAnswer() != null) {
      o.put("MultiValueAnswer", s.multiValueAnswer().booleanValue());
    }
    if (s.ttl() != null) {
      o.put("TTL", s.ttl().longValue());
    }
    if (s.hasResourceRecords()) {
      ArrayNode records = o.putArray("ResourceRecords");
      for (ResourceRecord r : s.resourceRecords()) {
        ObjectNode v = records.addObject();
        if (r != null) {
          put(v, "Value", r.value());
        }
      }
    }
    AliasTarget alias = s.aliasTarget();
    if (alias != null) {
      ObjectNode a = o.putObject("AliasTarget");
      put(a, "HostedZoneId", alias.hostedZoneId());
      put(a, "DNSName", alias.dnsName());
      if (alias.evaluateTargetHealth() != null) {
        a.put("EvaluateTargetHealth", alias.evaluateTargetHealth().booleanValue());
      }
    }
    put(o, "HealthCheckId", s.healthCheckId());
    put(o, "TrafficPolicyInstanceId", s.trafficPolicyInstanceId());
    CidrRoutingConfig cidr = s.cidrRoutingConfig();
    if (cidr != null) {
      ObjectNode c = o.putObject("CidrRoutingConfig");
      put(c, "CollectionId", cidr.collectionId());
      put(c, "LocationName", cidr.locationName());
    }
    GeoProximityLocation prox = s.geoProximityLocation();
    if (prox != null) {
      ObjectNode p = o.putObject("GeoProximityLocation");
      put(p, "AWSRegion", prox.awsRegion());
      put(p, "LocalZoneGroup", prox.localZoneGroup());
      Coordinates xy = prox.coordinates();
      if (xy != null) {
        ObjectNode c = p.putObject("Coordinates");
        put(c, "Latitude", xy.latitude());
        put(c, "Longitude", xy.longitude());
      }
      if (prox.bias() != null) {
        p.put("Bias", prox.bias().intValue());
      }
    }
    return o;
  }

  private static void put(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
