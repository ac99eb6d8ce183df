package dev.zonegate.live.cloudflare;

import dev.zonegate.live.LiveException;
import dev.zonegate.live.http.JsonApi;
import dev.zonegate.live.http.ProviderZones;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.CloudflareRdata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import tools.jackson.databind.JsonNode;

/**
 * Cloudflare's DNS records (API v4 shapes) as RRsets, the way octodns-cloudflare 1.2 reads them:
 *
 * <ul>
 *   <li>Names and targets come without the trailing dot; they are absolute.
 *   <li>A CNAME at the apex is an ALIAS (Cloudflare flattens it; octoDNS models it so).
 *   <li>Record data is read by {@link CloudflareRdata} ({@code content}, {@code data},
 *       {@code priority}), which the Terraform Cloudflare resources share.
 *   <li>TTL 1 is Cloudflare's "automatic": 300, as octoDNS reads it.
 *   <li>{@code proxied} counts only on A, AAAA, CNAME and ALIAS: the attribute
 *       {@code cloudflare.proxied: true} (absent when not proxied, as octoDNS treats a missing key
 *       as false). A record that is not proxied but has TTL 1 carries
 *       {@code cloudflare.auto-ttl: true}, as octoDNS marks it. The two flags are what octoDNS's
 *       Cloudflare provider compares; comments and tags are not records and are left out.
 * </ul>
 */
final class CloudflareRecords {
  private CloudflareRecords() {}

  /** The types proxying applies to (octodns-cloudflare's {@code _PROXIABLE_RECORD_TYPES}). */
  static final java.util.Set<String> PROXIABLE = java.util.Set.of("A", "AAAA", "ALIAS", "CNAME");
  static final long AUTO_TTL = 1;
  static final long AUTO_TTL_READ_AS = 300;

  record Rr(long ttl, String rdata) {}

  /** One RRset's records and the flags its records carry. */
  static final class Set {
    private final List<Rr> records = new ArrayList<>();
    private Boolean proxied;
    private boolean mixedProxied;
    private boolean autoTtl;

    List<Rr> records() {
      return records;
    }

    Map<String, String> attributes() {
      Map<String, String> a = new LinkedHashMap<>();
      if (mixedProxied) {
        a.put("cloudflare.proxied", "mixed");
      } else if (Boolean.TRUE.equals(proxied)) {
        a.put("cloudflare.proxied", "true");
      } else if (autoTtl) {
        a.put("cloudflare.auto-ttl", "true");
      }
      return a;
    }
  }

  /** Adds one record of the listing to its set. */
  static void add(Map<RRsetKey, Set> sets, JsonNode r, String origin, JsonApi api) throws LiveException {
    if (!r.isObject() || !r.path("name").isString() || !r.path("type").isString()) {
      throw api.fail("the DNS records: a record lacks its name or type");
    }
    String owner = name(r.get("name").asString(), api);
    String type = r.get("type").asString().toUpperCase(Locale.ROOT);
    if (type.equals("CNAME") && owner.equals(origin)) {
      type = "ALIAS";
    }
    JsonNode ttlNode = r.get("ttl");
    if (ttlNode == null || !ttlNode.canConvertToLong() || ttlNode.asLong() < 0 || ttlNode.asLong() > 0x7fffffffL) {
      throw api.fail("the DNS records: " + owner + " " + type + " has no valid TTL");
    }
    long ttl = ttlNode.asLong();
    String rdata = rdata(owner, type, r, api);
    Set s = sets.computeIfAbsent(RRsetKey.of(owner, type), k -> new Set());
    boolean proxied = PROXIABLE.contains(type) && r.path("proxied").asBoolean(false);
    if (s.proxied != null && s.proxied != proxied) {
      s.mixedProxied = true;
    }
    s.proxied = proxied;
    if (ttl == AUTO_TTL) {
      s.autoTtl = true;
    }
    s.records.add(new Rr(ttl == AUTO_TTL ? AUTO_TTL_READ_AS : ttl, rdata));
  }

  /** A name as Cloudflare writes it (no trailing dot), canonical and absolute. */
  static String name(String text, JsonApi api) throws LiveException {
    try {
      return Canonical.name(Name.fromString(absolute(text), Name.root));
    } catch (TextParseException e) {
      throw api.fail("the DNS records: " + ProviderZones.show(text) + " is not a domain name");
    }
  }

  private static String absolute(String name) {
    String n = name.strip();
    return n.endsWith(".") ? n : n + ".";
  }

  static String rdata(String owner, String type, JsonNode r, JsonApi api) throws LiveException {
    try {
      return CloudflareRdata.of(owner, type, r);
    } catch (CloudflareRdata.Problem p) {
      switch (p.kind()) {
        case MISSING:
          throw api.fail("the DNS records: a " + owner + " " + type + " record lacks its " + p.getMessage());
        case UNKNOWN_TYPE:
          throw api.fail("the DNS records: " + owner + " holds a " + ProviderZones.show(type)
              + " record, a type zonegate cannot read or compare");
        default:
          throw api.fail("the DNS records: a " + owner + " " + type + " record does not read as " + type + " data");
      }
    }
  }


}
