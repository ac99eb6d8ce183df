package dev.zonegate.live.powerdns;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.live.Progress;
import dev.zonegate.live.ProviderScope;
import dev.zonegate.live.http.JsonApi;
import dev.zonegate.live.http.ProviderZones;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.schema.JsonTree;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.ZoneBuilder;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * A zone as a PowerDNS Authoritative server holds it, read from its HTTP API
 * ({@code GET /api/v1/servers/{server}/zones/{zone}}, key in {@code X-API-Key}): every RRset with
 * its TTL and the records that are not disabled (a disabled record is not served; a set whose
 * records are all disabled is not there). Comments are not records and are ignored. Each content,
 * in the presentation form PowerDNS prints, is read by dnsjava into the canonical rdata a master
 * file gives; ALIAS (PowerDNS's own type) keeps its target name, as octoDNS models it. Any other
 * type dnsjava does not know (LUA) cannot be compared, so the read fails rather than leave it out.
 *
 * <p>The answer is parsed one RRset at a time, so a large zone is held once, in the model.
 */
final class PowerDnsSource implements LiveSource {
  /**
   * What octoDNS manages on PowerDNS (octodns-powerdns 1.2 {@code PowerDnsBaseProvider}): its
   * {@code SUPPORTS} types, root NS, no settings of its own under {@code octodns:}, no dynamic
   * records (those need its LUA mode, which zonegate does not read).
   */
  static final ProviderScope SCOPE =
      new ProviderScope(
          Set.of("A", "AAAA", "ALIAS", "CAA", "CNAME", "DS", "LOC", "MX", "NAPTR", "NS", "PTR", "SSHFP", "SRV",
              "TLSA", "TXT", "HTTPS", "SVCB", "URI"),
          true, null, false);

  static final String DEFAULT_SERVER = "localhost";

  private final LiveConfig.PowerDns config;
  private final Map<String, String> env;

  PowerDnsSource(LiveConfig.PowerDns config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  private String server() {
    return config.server() == null || config.server().isBlank() ? DEFAULT_SERVER : config.server();
  }

  @Override
  public String describe() {
    return "powerdns " + ProviderZones.base(config.url()) + " server " + server();
  }

  @Override
  public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
    String origin = ProviderZones.origin(zone);
    String key = ProviderZones.secret(origin, "the PowerDNS API key", config.apiKeyEnv(), env);
    Duration timeout = ProviderZones.timeout(config.timeoutSeconds());
    String base = ProviderZones.base(config.url());
    try (JsonApi api = new JsonApi(origin, "PowerDNS API " + base + " (server " + server() + ")", base, timeout,
        Map.of("X-API-Key", key))) {
      URI uri;
      try {
        uri = URI.create(base + "/api/v1/servers/" + encode(server()) + "/zones/" + encode(origin));
      } catch (IllegalArgumentException e) {
        throw api.fail("the url " + base + " is not a valid URL");
      }
      JsonApi.Response r = api.get(uri, "the zone", 404, 422);
      if (r.status() == 404 || r.status() == 422) {
        // 4.2 and later answer 404 for a zone they do not have; older ones 422 "Could not find domain".
        throw api.fail("the zone is not on the server (HTTP " + r.status() + ")");
      }
      ZoneBuilder builder = new ZoneBuilder(origin);
      long t = System.nanoTime();
      try (JsonParser p = JsonTree.parser(r.body())) {
        read(p, origin, builder, api);
      } catch (JacksonException e) {
        throw api.fail("the zone: the answer is not valid JSON");
      }
      Timings.add("live.records", t);
      return LiveRead.of(LiveSources.placeNotices(builder.build(), describe()), SCOPE);
    }
  }

  /** Walks the zone object: its name must be the zone's, its {@code rrsets} are read one at a time. */
  private static void read(JsonParser p, String origin, ZoneBuilder builder, JsonApi api) throws LiveException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw api.fail("the zone: the answer is not a JSON object");
    }
    boolean sawSets = false;
    String name = null;
    long records = 0;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("name") && t == JsonToken.VALUE_STRING) {
        name = p.getString();
      } else if (field.equals("rrsets") && t == JsonToken.START_ARRAY) {
        sawSets = true;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          JsonNode set = JsonTree.value(p);
          records = rrset(set, origin, builder, api, records);
        }
      } else {
        p.skipChildren();
      }
    }
    if (name == null || !ProviderZones.origin(name).equals(origin)) {
      throw api.fail("the zone: the answer is for " + (name == null ? "no zone" : "the zone " + ProviderZones.show(name)));
    }
    if (!sawSets) {
      throw api.fail("the zone: the answer has no rrsets");
    }
  }

  /** One RRset; returns the count of records read so far, for progress. */
  private static long rrset(JsonNode set, String origin, ZoneBuilder builder, JsonApi api, long count)
      throws LiveException {
    JsonNode n = set.get("name");
    JsonNode t = set.get("type");
    JsonNode ttl = set.get("ttl");
    JsonNode records = set.get("records");
    if (n == null || !n.isString() || t == null || !t.isString() || records == null || !records.isArray()) {
      throw api.fail("the zone: an RRset lacks its name, type or records");
    }
    String type = t.asString().toUpperCase(Locale.ROOT);
    String owner;
    try {
      owner = Canonical.name(Name.fromString(n.asString(), Name.root));
    } catch (TextParseException e) {
      throw api.fail("the zone: the owner " + ProviderZones.show(n.asString()) + " is not a domain name");
    }
    boolean any = false;
    for (JsonNode rec : records) {
      if (rec.path("disabled").asBoolean(false)) {
        continue; // not served
      }
      any = true;
      break;
    }
    if (!any) {
      return count;
    }
    if (ttl == null || !ttl.canConvertToLong() || ttl.asLong() < 0 || ttl.asLong() > 0x7fffffffL) {
      throw api.fail("the zone: " + owner + " " + type + " has no valid TTL");
    }
    if (!type.equals("ALIAS") && Type.value(type) < 0) {
      throw api.fail("the zone: " + owner + " holds a " + ProviderZones.show(type)
          + " RRset, a type zonegate cannot read or compare");
    }
    RRsetKey key = RRsetKey.of(owner, type);
    for (JsonNode rec : records) {
      if (rec.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode content = rec.get("content");
      if (content == null || !content.isString()) {
        throw api.fail("the zone: a record of " + owner + " " + type + " has no content");
      }
      String rdata = rdata(owner, type, content.asString(), api);
      try {
        builder.add(key, ttl.asLong(), rdata, null);
      } catch (ZoneReadException e) {
        throw api.fail("the zone: " + e.problem());
      }
      if ((++count & 0x3fff) == 0) {
        Progress.get().records(origin, count);
      }
    }
    return count;
  }

  /** Canonical rdata of one content as PowerDNS prints it (absolute names). */
  static String rdata(String owner, String type, String content, JsonApi api) throws LiveException {
    try {
      if (type.equals("ALIAS")) {
        return Canonical.name(Name.fromString(content.strip(), Name.root));
      }
      String a = type.equals("A") ? Canonical.plainA(content) : null;
      return a != null ? a : Canonical.rdata(owner, type, content, ".");
    } catch (IOException | RuntimeException e) {
      throw api.fail("the zone: the content of a " + owner + " " + type + " record does not read as " + type + " data");
    }
  }

  /**
   * A name in the URL path as PowerDNS's zone ids write it: characters other than letters, digits,
   * {@code .}, {@code -} and {@code _} as {@code =XX} (what octodns-powerdns sends; PowerDNS 4.7
   * does not take {@code %XX} for them).
   */
  static String encode(String name) {
    StringBuilder sb = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
        sb.append((char) c);
      } else {
        sb.append('=').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }
}
