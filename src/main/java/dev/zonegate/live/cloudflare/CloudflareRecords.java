package dev.zonegate.live.cloudflare;

import dev.zonegate.live.LiveException;
import dev.zonegate.live.http.JsonApi;
import dev.zonegate.live.http.ProviderZones;
import dev.zonegate.model.CharacterStrings;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import tools.jackson.databind.JsonNode;

/**
 * Cloudflare's DNS records (API v4 shapes) as RRsets, the way octodns-cloudflare 1.2 reads them:
 *
 * <ul>
 *   <li>Names and targets come without the trailing dot; they are absolute.
 *   <li>A CNAME at the apex is an ALIAS (Cloudflare flattens it; octoDNS models it so).
 *   <li>MX, SRV and URI take their priority from {@code priority} (SRV from {@code data} when
 *       given); CAA, NAPTR, TLSA, LOC, SRV and URI are built from {@code data} when it is there,
 *       the rest from {@code content}, read by dnsjava as presentation text.
 *   <li>TXT and SPF: quoted content is presentation text; unquoted content is the text itself,
 *       cut into 255-octet strings, as octoDNS renders a TXT value.
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
    JsonNode data = r.path("data");
    String content = r.path("content").isString() ? r.get("content").asString() : null;
    String text;
    try {
      switch (type) {
        case "ALIAS":
          return Canonical.name(Name.fromString(absolute(need(content)), Name.root));
        case "CNAME":
        case "NS":
        case "PTR":
        case "DNAME":
          text = absolute(need(content));
          break;
        case "MX":
          text = integer(r.path("priority")) + " " + absolute(need(content));
          break;
        case "TXT":
        case "SPF":
          text = txt(need(content));
          break;
        case "SRV":
          text = data.isObject()
              ? integer(data.path("priority")) + " " + integer(data.path("weight")) + " " + integer(data.path("port"))
                  + " " + absolute(str(data.path("target")))
              : integer(r.path("priority")) + " " + need(content);
          break;
        case "URI":
          text = data.isObject()
              ? integer(r.path("priority")) + " " + integer(data.path("weight")) + " " + quote(str(data.path("target")))
              : integer(r.path("priority")) + " " + need(content);
          break;
        case "CAA":
          text = data.isObject()
              ? integer(data.path("flags")) + " " + str(data.path("tag")) + " " + quote(str(data.path("value")))
              : need(content);
          break;
        case "NAPTR":
          text = data.isObject()
              ? integer(data.path("order")) + " " + integer(data.path("preference")) + " " + quote(str(data.path("flags")))
                  + " " + quote(str(data.path("service"))) + " " + quote(str(data.path("regex"))) + " "
                  + absolute(str(data.path("replacement")))
              : need(content);
          break;
        case "TLSA":
        case "SMIMEA":
          text = data.isObject() && data.has("certificate")
              ? integer(data.path("usage")) + " " + integer(data.path("selector")) + " "
                  + integer(data.path("matching_type")) + " " + str(data.path("certificate"))
              : need(content);
          break;
        case "LOC":
          text = data.isObject() && data.has("lat_degrees") ? loc(data) : need(content);
          break;
        default:
          if (Type.value(type) < 0) {
            throw api.fail("the DNS records: " + owner + " holds a " + ProviderZones.show(type)
                + " record, a type zonegate cannot read or compare");
          }
          text = need(content);
      }
      return Canonical.rdata(owner, type, text, ".");
    } catch (Missing e) {
      throw api.fail("the DNS records: a " + owner + " " + type + " record lacks its " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw api.fail("the DNS records: a " + owner + " " + type + " record does not read as " + type + " data");
    }
  }

  /** TXT content: presentation text when quoted, else the text itself in 255-octet strings. */
  static String txt(String content) {
    if (content.startsWith("\"")) {
      return content;
    }
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    if (b.length == 0) {
      return "\"\"";
    }
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < b.length; i += 255) {
      chunks.add(CharacterStrings.quote(b, i, Math.min(b.length, i + 255)));
    }
    return String.join(" ", chunks);
  }

  private static String loc(JsonNode d) throws Missing {
    return integer(d.path("lat_degrees")) + " " + integer(d.path("lat_minutes")) + " " + number(d.path("lat_seconds"))
        + " " + str(d.path("lat_direction")) + " " + integer(d.path("long_degrees")) + " "
        + integer(d.path("long_minutes")) + " " + number(d.path("long_seconds")) + " " + str(d.path("long_direction"))
        + " " + number(d.path("altitude")) + "m " + number(d.path("size")) + "m " + number(d.path("precision_horz"))
        + "m " + number(d.path("precision_vert")) + "m";
  }

  /** Field absent: said by the field's name. */
  private static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;

    Missing(String what) {
      super(what, null, false, false);
    }
  }

  private static String need(String content) throws Missing {
    if (content == null) {
      throw new Missing("content");
    }
    return content;
  }

  private static String integer(JsonNode n) throws Missing {
    if (n.canConvertToLong() && n.isIntegralNumber()) {
      return Long.toString(n.asLong());
    }
    if (n.isString() && n.asString().strip().matches("\\d{1,10}")) {
      return n.asString().strip();
    }
    throw new Missing("number");
  }

  private static String number(JsonNode n) throws Missing {
    if (n.isNumber()) {
      return n.asString();
    }
    if (n.isString() && n.asString().strip().matches("-?\\d+(\\.\\d+)?")) {
      return n.asString().strip();
    }
    throw new Missing("number");
  }

  private static String str(JsonNode n) throws Missing {
    if (n.isString()) {
      return n.asString();
    }
    if (n.isNumber()) {
      return n.asString();
    }
    throw new Missing("field");
  }

  /** A character-string holding {@code s} literally. */
  static String quote(String s) {
    return CharacterStrings.quote(s);
  }
}
