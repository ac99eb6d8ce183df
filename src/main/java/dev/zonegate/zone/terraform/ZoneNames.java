package dev.zonegate.zone.terraform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which zone a record is in, by name: the plan's zone resources and data sources
 * ({@code aws_route53_zone}, {@code cloudflare_zone}, {@code google_dns_managed_zone},
 * {@code azurerm_dns_zone}) in {@code prior_state}, {@code planned_values} and
 * {@code resource_changes} map zone ids to names; {@code --zone ID=NAME} adds or overrides. A
 * record whose zone id is known only after apply (a zone made by the same plan) is placed by the
 * reference in the plan's {@code configuration} ({@code zone_id = aws_route53_zone.main.zone_id}).
 */
final class ZoneNames {
  static final Set<String> ZONE_TYPES =
      Set.of("aws_route53_zone", "cloudflare_zone", "google_dns_managed_zone", "azurerm_dns_zone");

  /** A zone as the reader groups it: key, absolute name (null when unknown), report label. */
  record Zone(String key, String name, String label) {}

  private final Map<String, String> byKey = new HashMap<>();
  private final Map<String, String> byAddress = new HashMap<>();
  private final Map<String, String> given;
  private final JsonNode configuration;

  ZoneNames(JsonNode root, Map<String, String> given) {
    this.given = given;
    this.configuration = root.path("configuration");
    for (JsonNode r : resources(root.path("prior_state").path("values"))) {
      learn(r.path("type").asString(""), r.path("address").asString(""), r.path("values"));
    }
    for (JsonNode r : resources(root.path("planned_values"))) {
      learn(r.path("type").asString(""), r.path("address").asString(""), r.path("values"));
    }
    for (JsonNode rc : root.path("resource_changes")) {
      String type = rc.path("type").asString("");
      learn(type, rc.path("address").asString(""), rc.path("change").path("before"));
      learn(type, rc.path("address").asString(""), rc.path("change").path("after"));
    }
  }

  /** Every resource of a state or planned values document, modules included. */
  static List<JsonNode> resources(JsonNode values) {
    List<JsonNode> out = new ArrayList<>();
    collect(values.path("root_module"), out, 0);
    return out;
  }

  private static void collect(JsonNode module, List<JsonNode> out, int depth) {
    if (!module.isObject() || depth > 64) {
      return;
    }
    for (JsonNode r : module.path("resources")) {
      if (r.isObject()) {
        out.add(r);
      }
    }
    for (JsonNode child : module.path("child_modules")) {
      collect(child, out, depth + 1);
    }
  }

  private void learn(String type, String address, JsonNode v) {
    if (!v.isObject()) {
      return;
    }
    String name = null;
    List<String> ids = new ArrayList<>();
    switch (type) {
      case "aws_route53_zone":
        name = text(v, "name");
        ids.add("aws_route53_zone:" + text(v, "zone_id"));
        ids.add("aws_route53_zone:" + text(v, "id"));
        break;
      case "cloudflare_zone":
        name = text(v, "zone") != null ? text(v, "zone") : text(v, "name");
        ids.add("cloudflare_zone:" + text(v, "id"));
        ids.add("cloudflare_zone:" + text(v, "zone_id"));
        break;
      case "google_dns_managed_zone":
        name = text(v, "dns_name");
        String zone = text(v, "name");
        String project = text(v, "project");
        ids.add("google_dns_managed_zone:" + zone);
        if (project != null) {
          ids.add("google_dns_managed_zone:" + project + "/" + zone);
        }
        break;
      default:
        return;
    }
    if (name == null) {
      return;
    }
    String absolute = absolute(name);
    for (String id : ids) {
      if (!id.endsWith(":null")) {
        byKey.putIfAbsent(id, absolute);
      }
    }
    if (!address.isEmpty()) {
      byAddress.putIfAbsent(address, absolute);
    }
  }

  private static String text(JsonNode v, String key) {
    JsonNode n = v.get(key);
    return n == null || !n.isString() || n.asString().isEmpty() ? null : n.asString();
  }

  static String absolute(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }

  /** The zone of a record whose resource says {@code ref}. */
  Zone zone(RecordResource.ZoneRef ref, JsonNode resource) {
    String id = ref.id();
    if (id.equals(Masks.UNKNOWN) || Masks.isStandIn(id)) {
      String zoneAddress = referencedZone(resource);
      if (zoneAddress != null && byAddress.containsKey(zoneAddress)) {
        String name = byAddress.get(zoneAddress);
        return new Zone("zone:" + name, name, name);
      }
      return new Zone(ref.provider() + ":" + Masks.UNKNOWN, null, "a zone whose id is known only after apply");
    }
    String name = given.get(id);
    if (name == null) {
      name = ref.name() != null ? ref.name() : byKey.get(ref.key());
    }
    if (name == null) {
      // Cloudflare and Google zone ids name no zone: said by id until --zone names it.
      return new Zone(ref.key(), null, id);
    }
    return new Zone("zone:" + absolute(name), absolute(name), absolute(name));
  }

  /**
   * The address of the zone resource the record's {@code zone_id} (or {@code managed_zone},
   * {@code zone_name}) expression refers to in the plan's configuration, or null.
   */
  private String referencedZone(JsonNode resource) {
    String moduleAddress = resource.path("module_address").asString("");
    JsonNode module = configuration.path("root_module");
    if (!moduleAddress.isEmpty()) {
      for (String part : moduleAddress.split("\\.(?=module\\.)")) {
        String call = part.replaceFirst("^module\\.", "").replaceFirst("\\[.*\\]$", "");
        module = module.path("module_calls").path(call).path("module");
      }
    }
    String local = resource.path("type").asString("") + "." + resource.path("name").asString("");
    for (JsonNode r : module.path("resources")) {
      if (!r.path("address").asString("").equals(local)) {
        continue;
      }
      for (String key : List.of("zone_id", "managed_zone", "zone_name")) {
        for (JsonNode ref : r.path("expressions").path(key).path("references")) {
          String s = ref.asString("");
          for (String type : ZONE_TYPES) {
            if (s.startsWith(type + ".")) {
              String[] parts = s.split("\\.");
              String zone = parts[0] + "." + parts[1];
              return moduleAddress.isEmpty() ? zone : moduleAddress + "." + zone;
            }
          }
        }
      }
    }
    return null;
  }
}
