package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneReadException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The DNS part of a Terraform plan ({@code terraform show -json PLANFILE}) as (before, after)
 * zone pairs: {@code change.before} is the prior state, refreshed from the provider, so it stands
 * for live; {@code change.after} is what apply will make. One more zone reader, for plans.
 *
 * <ul>
 *   <li>Record resources ({@code aws_route53_record}, {@code cloudflare_record},
 *       {@code cloudflare_dns_record}, {@code google_dns_record_set},
 *       {@code azurerm_dns_*_record}) group into zones by zone id, named from the plan's zone
 *       resources and data sources, or by {@code zoneNames} ({@code --zone ID=NAME}).
 *   <li>Actions: a replacement ({@code ["delete","create"]} either way) is one update; no-op
 *       resources stand on both sides unchanged; {@code read} is no change.
 *   <li>A plan holds only the records Terraform manages, so every zone is partial
 *       ({@link dev.zonegate.model.ZoneMarks#partial}); records of the zone in {@code prior_state}
 *       that the plan does not change (a {@code -target} plan) are added to both sides.
 *   <li>Values known only after apply, and sensitive values, are stand-ins ({@link Masks}).
 *   <li>Every other resource is counted, not judged; a zone resource that is deleted or replaced
 *       is said.
 * </ul>
 */
public final class TerraformPlanReader {
  /** One zone of the plan: its label (its name, else its id), both sides, and what they are. */
  public record PlanZone(String label, Zone before, Zone after, String live) {}

  /** What a plan holds for the gate. */
  public record Read(List<PlanZone> zones, List<Notice> notices, int dnsResources, String terraformVersion) {}

  static final Map<String, RecordResource> RESOURCES = resources();

  private static Map<String, RecordResource> resources() {
    Map<String, RecordResource> m = new HashMap<>();
    m.put("aws_route53_record", new Route53Records());
    m.put("cloudflare_record", new CloudflareDnsRecords());
    m.put("cloudflare_dns_record", new CloudflareDnsRecords());
    m.put("google_dns_record_set", new GoogleRecordSets());
    for (String t : AzureDnsRecords.TYPES) {
      String type = "azurerm_dns_" + t + "_record";
      m.put(type, new AzureDnsRecords(type));
    }
    return Map.copyOf(m);
  }

  private TerraformPlanReader() {}

  /**
   * Reads plan {@code bytes}; {@code path} names it in messages and reports. {@code zoneNames}
   * names zones by id where the plan does not ({@code --zone ID=NAME}).
   */
  public static Read read(byte[] bytes, String path, Map<String, String> zoneNames) throws ZoneReadException {
    JsonNode root = PlanFile.read(bytes, path);
    Masks masks = new Masks();
    ZoneNames names = new ZoneNames(root, zoneNames);
    Map<String, ZoneSide[]> sides = new TreeMap<>();
    Map<String, Set<String>> managed = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    Map<String, Integer> others = new TreeMap<>();
    List<Notice> notices = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dns = 0;
    Location planFile = new Location(path, 0);
    for (JsonNode rc : root.path("resource_changes")) {
      String address = rc.path("address").asString("");
      String type = rc.path("type").asString("");
      if (address.isEmpty() || type.isEmpty() || !rc.path("change").isObject()) {
        throw new ZoneReadException(planFile, "is not a Terraform plan: a resource change has no address, type or change");
      }
      seen.add(address);
      if (!rc.path("mode").asString("managed").equals("managed")) {
        continue; // data sources are read, never changed
      }
      List<String> actions = new ArrayList<>();
      for (JsonNode a : rc.path("change").path("actions")) {
        actions.add(a.asString(""));
      }
      RecordResource kind = RESOURCES.get(type);
      if (kind == null) {
        if (ZoneNames.ZONE_TYPES.contains(type)) {
          dns++;
          if (actions.contains("delete")) {
            notices.add(new Notice(Location.address(address), "the plan " + (actions.contains("create") ? "replaces" : "deletes")
                + " this DNS zone" + (actions.contains("create") ? ": a new zone gets new name servers, which the parent must delegate to" : "")));
          }
        } else if (!actions.equals(List.of("no-op")) && !actions.equals(List.of("read"))) {
          others.merge(type, 1, Integer::sum);
        }
        continue;
      }
      dns++;
      if (actions.equals(List.of("read"))) {
        continue;
      }
      JsonNode change = rc.get("change");
      Location at = Location.address(address);
      boolean hasBefore = !actions.equals(List.of("create"));
      boolean hasAfter = !actions.equals(List.of("delete"));
      try {
        if (hasBefore && change.path("before").isObject()) {
          Attrs before = new Attrs(change.get("before"), null, change.get("before_sensitive"), masks);
          add(kind, before, 0, rc, names, sides, managed, labels, at);
        }
        if (hasAfter && change.path("after").isObject()) {
          Attrs after = new Attrs(change.get("after"), change.get("after_unknown"), change.get("after_sensitive"), masks);
          add(kind, after, 1, rc, names, sides, managed, labels, at);
        }
      } catch (RecordResource.Unplaced u) {
        notices.add(new Notice(at, "its " + u.getMessage() + " is known only after apply, so the record it plans cannot be"
            + " placed in its zone and is not judged" + (hasBefore ? " (what it replaces is)" : "")
            + "; zonegate judges it in a plan where it is known"));
      } catch (ZoneReadException e) {
        throw new ZoneReadException(planFile, address + ": " + e.problem());
      }
    }
    // Records of a zone the plan does not change (a -target plan): unchanged on both sides.
    for (JsonNode r : ZoneNames.resources(root.path("prior_state").path("values"))) {
      String address = r.path("address").asString("");
      RecordResource kind = RESOURCES.get(r.path("type").asString(""));
      if (kind == null || seen.contains(address) || !r.path("mode").asString("managed").equals("managed")) {
        continue;
      }
      Location at = Location.address(address);
      try {
        Attrs a = new Attrs(r.get("values"), null, r.get("sensitive_values"), masks);
        add(kind, a, 0, r, names, sides, managed, labels, at);
        add(kind, a, 1, r, names, sides, managed, labels, at);
      } catch (RecordResource.Unplaced u) {
        throw new ZoneReadException(planFile, address + ": its " + u.getMessage() + " is unknown in the prior state");
      } catch (ZoneReadException e) {
        throw new ZoneReadException(planFile, address + ": " + e.problem());
      }
    }
    // Record sets of a zone that a data source read (aws_route53_records): context on both sides.
    for (JsonNode r : ZoneNames.resources(root.path("prior_state").path("values"))) {
      if (!r.path("mode").asString("").equals("data") || !r.path("type").asString("").equals(RecordSetsData.TYPE)) {
        continue;
      }
      String address = r.path("address").asString("");
      String zoneId = r.path("values").path("zone_id").asString("");
      if (zoneId.isEmpty()) {
        continue;
      }
      ZoneNames.Zone zone = names.zone(new RecordResource.ZoneRef("aws_route53_zone", zoneId, null), r);
      ZoneSide[] pair = sides.computeIfAbsent(zone.key(), k -> new ZoneSide[] {new ZoneSide(zone.name()), new ZoneSide(zone.name())});
      labels.putIfAbsent(zone.key(), zone.label());
      managed.computeIfAbsent(zone.key(), k -> new HashSet<>());
      Location at = Location.address(address);
      try {
        for (JsonNode rs : r.path("values").path("resource_record_sets")) {
          if (rs.isObject()) {
            pair[0].context(RecordSetsData.apiShape(rs), at);
            pair[1].context(RecordSetsData.apiShape(rs), at);
          }
        }
      } catch (ZoneReadException e) {
        throw new ZoneReadException(planFile, address + ": " + e.problem());
      }
    }
    if (!others.isEmpty()) {
      List<String> kinds = new ArrayList<>();
      int n = 0;
      for (Map.Entry<String, Integer> e : others.entrySet()) {
        kinds.add(e.getKey() + " (" + e.getValue() + ")");
        n += e.getValue();
      }
      notices.add(new Notice(planFile, n + (n == 1 ? " change to a resource" : " changes to resources")
          + (n == 1 ? " that is not a DNS record" : " that are not DNS records") + ", not judged: " + String.join(", ", kinds)));
    }
    List<PlanZone> zones = new ArrayList<>();
    for (Map.Entry<String, ZoneSide[]> e : sides.entrySet()) {
      ZoneSide[] s = e.getValue();
      int n = managed.get(e.getKey()).size();
      if (n == 0) {
        continue; // only read by a data source: nothing of it is planned
      }
      int read = s[0].contextSets();
      String partial = "only the " + n + (n == 1 ? " record resource" : " record resources") + " the plan holds"
          + (read > 0 ? " and the " + read + (read == 1 ? " record set" : " record sets") + " its data sources read" : "")
          + ", not the whole zone";
      zones.add(new PlanZone(labels.get(e.getKey()), s[0].build(partial), s[1].build(partial),
          "Terraform plan " + path + ": prior state (" + partial + ")"));
    }
    zones.sort(Comparator.comparing(PlanZone::label));
    return new Read(zones, notices, dns, root.path("terraform_version").asString(""));
  }

  private static void add(
      RecordResource kind,
      Attrs a,
      int side,
      JsonNode resource,
      ZoneNames names,
      Map<String, ZoneSide[]> sides,
      Map<String, Set<String>> managed,
      Map<String, String> labels,
      Location at)
      throws ZoneReadException, RecordResource.Unplaced {
    RecordResource.ZoneRef ref = kind.zone(a);
    ZoneNames.Zone zone = names.zone(ref, resource);
    ZoneSide[] pair = sides.computeIfAbsent(zone.key(), k -> new ZoneSide[] {new ZoneSide(zone.name()), new ZoneSide(zone.name())});
    labels.putIfAbsent(zone.key(), zone.label());
    managed.computeIfAbsent(zone.key(), k -> new HashSet<>()).add(at.path());
    kind.add(a, pair[side], at);
  }

  /** The resource types this reader judges, for help and reports. */
  public static List<String> recordTypes() {
    List<String> t = new ArrayList<>(RESOURCES.keySet());
    t.sort(null);
    return t;
  }
}
