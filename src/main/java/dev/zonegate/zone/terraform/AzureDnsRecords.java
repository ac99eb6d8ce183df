package dev.zonegate.zone.terraform;

import dev.zonegate.model.CharacterStrings;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.CloudflareRdata;
import dev.zonegate.zone.ZoneReadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * {@code azurerm_dns_{a,aaaa,cname,mx,ns,ptr,srv,txt,caa}_record} (hashicorp/azurerm): each
 * resource is one RRset; the type is in the resource type, the zone in zone_name (with
 * resource_group_name, the zone's id).
 *
 * <p>Modelled: name (relative to the zone, "@" the apex), zone_name, ttl, and the data: records
 * (A, AAAA, NS, PTR), record (CNAME: a name; MX: preference and exchange; SRV: priority, weight,
 * port, target; TXT: value; CAA: flags, tag, value). An alias to an Azure resource
 * (target_resource_id on A, AAAA, CNAME) is a value naming that resource, never an empty set.
 * Ignored: tags, fqdn and id (derived).
 */
final class AzureDnsRecords implements RecordResource {
  private final String type;

  AzureDnsRecords(String resourceType) {
    String t = resourceType.substring("azurerm_dns_".length(), resourceType.length() - "_record".length());
    this.type = t.toUpperCase(Locale.ROOT);
  }

  static final List<String> TYPES = List.of("a", "aaaa", "cname", "mx", "ns", "ptr", "srv", "txt", "caa");

  @Override
  public ZoneRef zone(Attrs a) {
    String zone = a.str("zone_name");
    String group = a.plain("resource_group_name");
    if (zone == null || zone.equals(Masks.UNKNOWN)) {
      return new ZoneRef("azurerm_dns_zone", Masks.UNKNOWN, null);
    }
    String name = zone.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name : name + ".";
    return new ZoneRef("azurerm_dns_zone", (group == null ? "" : group.toLowerCase(Locale.ROOT) + "/") + name, name);
  }

  @Override
  public void add(Attrs a, ZoneSide side, Location at) throws ZoneReadException, Unplaced {
    String name = a.identity("name", at);
    String n = name.toLowerCase(Locale.ROOT);
    String owner = n.equals("@") ? side.origin() : n + "." + side.origin();
    if (side.origin().equals(".")) {
      owner = n.equals("@") ? "." : n + ".";
    }
    long ttl = a.ttl("ttl", 3600, at);
    RRsetKey key;
    try {
      key = RRsetKey.of(Canonical.name(Name.fromString(owner, Name.root)), type);
    } catch (TextParseException e) {
      throw new ZoneReadException(at, "name " + PlanFile.shown(name) + " is not a domain name");
    }
    for (String v : values(a)) {
      side.add(key, ttl, v, at);
    }
  }

  /** The set's values as presentation text (stand-ins as they are). */
  private List<String> values(Attrs a) {
    List<String> out = new ArrayList<>();
    String target = a.str("target_resource_id");
    if (target != null && !target.equals(Masks.UNKNOWN)) {
      out.add(Masks.azureAlias(target));
      return out;
    }
    switch (type) {
      case "CNAME": {
        String r = a.str("record");
        if (r != null) {
          out.add(Masks.isStandIn(r) ? r : absolute(r));
        } else if (a.isUnknown("target_resource_id")) {
          out.add(Masks.UNKNOWN);
        }
        return out;
      }
      case "MX":
        return blocks(a, b -> b.str("preference") + " " + absolute(b.str("exchange")));
      case "SRV":
        return blocks(a, b -> b.str("priority") + " " + b.str("weight") + " " + b.str("port") + " " + absolute(b.str("target")));
      case "TXT":
        return blocks(a, b -> CloudflareRdata.txt(String.valueOf(b.str("value"))));
      case "CAA":
        return blocks(a, b -> b.str("flags") + " " + b.str("tag") + " " + CharacterStrings.quote(String.valueOf(b.str("value"))));
      case "NS":
      case "PTR":
        for (String v : a.strings("records")) {
          out.add(Masks.isStandIn(v) ? v : absolute(v));
        }
        return out;
      default:
        out.addAll(a.strings("records"));
        if (out.isEmpty() && a.isUnknown("target_resource_id")) {
          out.add(Masks.UNKNOWN);
        }
        return out;
    }
  }

  private static List<String> blocks(Attrs a, Function<Attrs, String> text) {
    List<String> out = new ArrayList<>();
    if (a.anyUnknown("record")) {
      out.add(Masks.UNKNOWN);
      return out;
    }
    for (Attrs b : a.blocks("record")) {
      String t = text.apply(b);
      // A field the plan does not show makes the whole value one stand-in, never a half-value.
      Matcher m = STAND_IN.matcher(t);
      out.add(m.find() ? m.group() : t);
    }
    return out;
  }

  private static final Pattern STAND_IN =
      Pattern.compile("\\(known after apply\\)|\\(sensitive value \\d+\\)");

  private static String absolute(String name) {
    return name == null ? "" : Masks.isStandIn(name) || name.endsWith(".") ? name : name + ".";
  }
}
