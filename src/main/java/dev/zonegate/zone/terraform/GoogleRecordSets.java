package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.ZoneReadException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * {@code google_dns_record_set} (hashicorp/google): each resource is one RRset of a managed zone.
 *
 * <p>Modelled: managed_zone (with project, the zone's id), name (absolute, as Cloud DNS requires),
 * type, ttl, rrdatas, and routing_policy: the values of its wrr items, geo items and
 * primary_backup targets are the set's values (what the name can answer), and the policy itself
 * is the attribute {@code google.routing_policy} (items, weights, locations), so a change of
 * weight or location is a change. Ignored: health_checked_targets' load balancer details beyond
 * their presence, enable_geo_fencing's effect on answers (kept in the attribute), project when
 * absent.
 */
final class GoogleRecordSets implements RecordResource {
  @Override
  public ZoneRef zone(Attrs a) {
    String zone = a.str("managed_zone");
    String project = a.plain("project");
    String id = zone == null ? Masks.UNKNOWN : project == null ? zone : project + "/" + zone;
    return new ZoneRef("google_dns_managed_zone", id, null);
  }

  @Override
  public void add(Attrs a, ZoneSide side, Location at) throws ZoneReadException, Unplaced {
    String name = a.identity("name", at);
    String type = a.identity("type", at);
    type = type.toUpperCase(Locale.ROOT);
    String owner;
    try {
      owner = Canonical.name(Name.fromString(name.endsWith(".") ? name : name + ".", Name.root));
    } catch (TextParseException e) {
      throw new ZoneReadException(at, "name " + PlanFile.shown(name) + " is not a domain name");
    }
    long ttl = a.ttl("ttl", 300, at);
    RRsetKey key = RRsetKey.of(owner, type);
    Set<String> values = new LinkedHashSet<>(a.strings("rrdatas"));
    Attrs policy = a.block("routing_policy");
    if (policy != null) {
      List<String> described = new ArrayList<>();
      for (Attrs w : policy.blocks("wrr")) {
        List<String> v = w.strings("rrdatas");
        values.addAll(v);
        described.add("wrr weight=" + w.plain("weight") + " " + v);
      }
      for (Attrs g : policy.blocks("geo")) {
        List<String> v = g.strings("rrdatas");
        values.addAll(v);
        described.add("geo " + g.plain("location") + " " + v);
      }
      for (Attrs pb : policy.blocks("primary_backup")) {
        described.add("primary_backup" + (pb.plain("trickle_ratio") != null ? " trickle=" + pb.plain("trickle_ratio") : ""));
        for (Attrs b : pb.blocks("backup_geo")) {
          List<String> v = b.strings("rrdatas");
          values.addAll(v);
          described.add("backup " + b.plain("location") + " " + v);
        }
      }
      if (policy.bool("enable_geo_fencing", false)) {
        described.add("geo fencing");
      }
      if (!described.isEmpty()) {
        side.attribute(key, "google.routing_policy", String.join("; ", described));
      }
    }
    if (a.isUnknown("routing_policy")) {
      values.add(Masks.UNKNOWN);
    }
    for (String v : values) {
      side.add(key, ttl, v, at);
    }
  }
}
