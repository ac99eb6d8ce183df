package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.CloudflareRdata;
import dev.zonegate.zone.ZoneReadException;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cloudflare_record} (cloudflare/cloudflare v4) and {@code cloudflare_dns_record} (v5):
 * each resource is one record; the records of one name and type form its RRset. Their attributes
 * have the API's shape, so the data is read by the same code as the Cloudflare live source
 * ({@link CloudflareRdata}).
 *
 * <p>Modelled: zone_id, name ("@" is the apex; a name not ending with the zone's is relative to
 * it; v4's computed hostname when the name is unknown), type, content (v4: value too), data (v4:
 * a block, v5: an object), priority, ttl (1 is Cloudflare's automatic TTL, read as 300 as
 * octoDNS and the live source read it), proxied (on A, AAAA and CNAME, as {@code
 * cloudflare.proxied}). An apex CNAME is an ALIAS (Cloudflare flattens it). Ignored: comment,
 * tags (not served), allow_overwrite, and computed fields (id, created_on, metadata).
 */
final class CloudflareDnsRecords implements RecordResource {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> PROXIABLE = Set.of("A", "AAAA", "ALIAS", "CNAME");

  @Override
  public ZoneRef zone(Attrs a) {
    String id = a.str("zone_id");
    return new ZoneRef("cloudflare_zone", id == null ? Masks.UNKNOWN : id, null);
  }

  @Override
  public void add(Attrs a, ZoneSide side, Location at) throws ZoneReadException, Unplaced {
    String type = a.identity("type", at);
    type = type.toUpperCase(Locale.ROOT);
    String owner = owner(a, side, at);
    if (type.equals("CNAME") && owner.equals(side.origin())) {
      type = "ALIAS";
    }
    long ttl = a.ttl("ttl", 1, at);
    if (ttl <= 1) {
      ttl = 300; // 1 is Cloudflare's automatic TTL, read as 300 (as octoDNS and the live source read it)
    }
    RRsetKey key = RRsetKey.of(owner, type);
    String content = a.str("content") != null ? a.str("content") : a.str("value");
    if (a.anySensitive("data")) {
      side.add(key, ttl, a.sensitiveWhole("data"), at);
    } else {
      // v4 computes content from data, v5 data from content: the one the plan knows is the record.
      Attrs data = a.anyUnknown("data") ? null : a.block("data");
      boolean contentShown = content != null && !Masks.isStandIn(content);
      if (!contentShown && data == null && content == null && !a.anyUnknown("data")) {
        throw RecordResource.missing(at, "content or data");
      }
      if (!contentShown && data == null || a.isUnknown("priority")) {
        side.add(key, ttl, content != null && !a.isUnknown("priority") ? content : Masks.UNKNOWN, at);
        addProxied(a, side, key, type);
        return;
      }
      ObjectNode api = F.objectNode();
      if (contentShown) {
        api.put("content", content);
      }
      if (data != null) {
        api.set("data", data.values());
      }
      if (a.plain("priority") != null) {
        api.put("priority", a.plain("priority"));
      }
      try {
        side.addCanonical(key, ttl, CloudflareRdata.of(owner, type, api), at);
      } catch (CloudflareRdata.Problem p) {
        throw new ZoneReadException(at, switch (p.kind()) {
          case MISSING -> "a " + type + " record needs its " + p.getMessage();
          case UNKNOWN_TYPE -> "type " + PlanFile.shown(type) + " is not a record type zonegate can read";
          default -> "its data does not read as " + type + " data";
        });
      }
    }
    addProxied(a, side, key, type);
  }

  private static void addProxied(Attrs a, ZoneSide side, RRsetKey key, String type) {
    if (PROXIABLE.contains(type) && a.bool("proxied", false)) {
      side.attribute(key, "cloudflare.proxied", "true");
    }
  }

  /** The record's owner: "@" is the apex; a name not ending with the zone's name is relative to it. */
  private static String owner(Attrs a, ZoneSide side, Location at) throws ZoneReadException, Unplaced {
    String name = a.isUnknown("name") ? null : a.plain("name");
    if (name == null) {
      String host = a.isUnknown("hostname") ? null : a.plain("hostname");
      if (host == null) {
        if (a.isUnknown("name")) {
          throw RecordResource.unknown(at, "name");
        }
        throw RecordResource.missing(at, "name");
      }
      name = host;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    String zone = side.zoneName();
    if (zone != null) {
      String z = zone.toLowerCase(Locale.ROOT);
      if (n.equals("@") || n.isEmpty()) {
        n = z;
      } else if (!n.equals(z) && !n.endsWith("." + z)) {
        n = n + "." + z;
      }
    }
    try {
      return Canonical.name(Name.fromString(n + ".", Name.root));
    } catch (TextParseException e) {
      throw new ZoneReadException(at, "name " + PlanFile.shown(name) + " is not a domain name");
    }
  }
}
