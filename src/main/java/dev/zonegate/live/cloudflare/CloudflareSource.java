package dev.zonegate.live.cloudflare;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.live.Progress;
import dev.zonegate.live.ProviderScope;
import dev.zonegate.live.http.JsonApi;
import dev.zonegate.live.http.ProviderZones;
import dev.zonegate.model.Extras;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.ZoneBuilder;
import dev.zonegate.zone.ZoneReadException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Cloudflare zone read through the API v4 ({@code GET /zones/{id}/dns_records}, paged to the
 * end, token as {@code Authorization: Bearer}); the zone id is looked up by name
 * ({@code GET /zones?name=}) when the config has none. Records are read as octoDNS's Cloudflare
 * provider (octodns-cloudflare 1.2) reads them (see {@link CloudflareRecords}), so a head written
 * for octoDNS and the zone it deployed compare equal.
 *
 * <p>Fails closed on anything short of a complete listing: a refused token, throttling past the
 * retries, a page that fails or does not parse, an answer that says it failed, a listing whose
 * total changes between pages or that ends short of its total.
 */
final class CloudflareSource implements LiveSource {
  /**
   * What octoDNS manages on Cloudflare (octodns-cloudflare 1.2 {@code CloudflareProvider}): its
   * {@code SUPPORTS} types, no root NS, its own {@code cloudflare.} settings, no dynamic records.
   */
  static final ProviderScope SCOPE =
      new ProviderScope(
          Set.of("ALIAS", "A", "AAAA", "CAA", "CNAME", "DS", "LOC", "MX", "NAPTR", "NS", "PTR", "SSHFP", "SRV",
              "TLSA", "TXT", "HTTPS", "SVCB"),
          false, "cloudflare.", false);

  static final String DEFAULT_URL = "https://api.cloudflare.com/client/v4";
  /** Records a page: few requests for a large zone, well under the API's maximum. */
  static final int PER_PAGE = 1000;
  /** A bound on pages, against a server that never says it is done. */
  static final int MAX_PAGES = 100_000;
  private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  private final LiveConfig.Cloudflare config;
  private final Map<String, String> env;

  CloudflareSource(LiveConfig.Cloudflare config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  private String base() {
    return ProviderZones.base(config.url() == null || config.url().isBlank() ? DEFAULT_URL : config.url());
  }

  @Override
  public String describe() {
    return "cloudflare " + base() + (config.zoneId() == null ? "" : " zone " + config.zoneId());
  }

  @Override
  public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
    String origin = ProviderZones.origin(zone);
    String token = ProviderZones.secret(origin, "the Cloudflare API token", config.tokenEnv(), env);
    Duration timeout = ProviderZones.timeout(config.timeoutSeconds());
    try (JsonApi api = new JsonApi(origin, "Cloudflare API " + base(), base(), timeout, Map.of("Authorization", "Bearer " + token))) {
      String id = config.zoneId() != null ? config.zoneId() : lookUp(api, origin);
      if (!ZONE_ID.matcher(id).matches()) {
        throw api.fail("the zone id is not a Cloudflare zone id");
      }
      // Records of one name and type are one RRset; their order in the listing does not matter.
      Map<RRsetKey, CloudflareRecords.Set> sets = new LinkedHashMap<>();
      long total = -1;
      long seen = 0;
      for (int page = 1; ; page++) {
        String what = "page " + page + " of the DNS records";
        JsonNode body = page(api, id, page, what);
        JsonNode result = body.get("result");
        JsonNode info = body.get("result_info");
        if (!result.isArray() || info == null || !info.isObject()) {
          throw api.fail(what + ": the answer has no result list and result_info");
        }
        long pageTotal = info.path("total_count").asLong(-1);
        if (total < 0) {
          total = pageTotal;
        } else if (pageTotal != total) {
          throw api.fail(what + ": the zone changed while it was listed (" + total + " records, then " + pageTotal + ")");
        }
        for (JsonNode r : result) {
          CloudflareRecords.add(sets, r, origin, api);
          if ((++seen & 0x3fff) == 0) {
            Progress.get().records(origin, seen);
          }
        }
        int totalPages = info.path("total_pages").asInt(-1);
        boolean more = totalPages >= 0
            ? page < totalPages
            : result.size() > 0 && result.size() == info.path("per_page").asInt(PER_PAGE);
        if (!more || result.size() == 0) {
          break;
        }
        if (page >= MAX_PAGES) {
          throw api.fail("the listing did not end within " + MAX_PAGES + " pages");
        }
      }
      if (total >= 0 && seen != total) {
        throw api.fail("the listing ended with " + seen + " of its " + total + " records");
      }
      ZoneBuilder builder = new ZoneBuilder(origin);
      for (Map.Entry<RRsetKey, CloudflareRecords.Set> e : sets.entrySet()) {
        CloudflareRecords.Set s = e.getValue();
        try {
          for (CloudflareRecords.Rr rr : s.records()) {
            builder.add(e.getKey(), rr.ttl(), rr.rdata(), null);
          }
        } catch (ZoneReadException x) {
          throw api.fail("the DNS records: " + x.problem());
        }
        builder.extras(e.getKey(), Extras.of(s.attributes(), null));
      }
      return LiveRead.of(LiveSources.placeNotices(builder.build(), describe()), SCOPE.withCloudflareTtls(config.minTtl()));
    }
  }

  /** The id of the one zone named {@code origin}: none or several is an error. */
  private String lookUp(JsonApi api, String origin) throws LiveException {
    String name = origin.equals(".") ? "" : origin.substring(0, origin.length() - 1);
    String what = "the look-up of the zone id by name";
    JsonNode body = envelope(api, api.getJson(uri(api, "/zones?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&per_page=50"), what), what, true);
    JsonNode result = body.get("result");
    if (!result.isArray()) {
      throw api.fail(what + ": the answer has no result list");
    }
    Map<String, String> ids = new HashMap<>();
    for (JsonNode z : result) {
      if (ProviderZones.origin(z.path("name").asString("")).equals(origin) && z.path("id").isString()) {
        ids.put(z.get("id").asString(), z.get("id").asString());
      }
    }
    if (ids.isEmpty()) {
      throw api.fail("no zone of that name is visible to this token; set zoneId or check the token's zones");
    }
    if (ids.size() > 1) {
      throw api.fail(ids.size() + " zones have that name (in different accounts); set zoneId to the one meant");
    }
    return ids.keySet().iterator().next();
  }

  private URI uri(JsonApi api, String path) throws LiveException {
    try {
      return URI.create(base() + path);
    } catch (IllegalArgumentException e) {
      throw api.fail("the url " + base() + " is not a valid URL");
    }
  }

  /**
   * A page of the listing. An unknown zone id is 404, or 400 with Cloudflare's "could not route"
   * error (7003) or "invalid zone identifier" (7000): the zone is not there.
   */
  private JsonNode page(JsonApi api, String id, int page, String what) throws LiveException {
    JsonApi.Response r = api.get(uri(api, "/zones/" + id + "/dns_records?page=" + page + "&per_page=" + PER_PAGE), what, 400, 404);
    if (r.status() == 404) {
      throw api.fail("zone id " + id + " is not found (HTTP 404)");
    }
    JsonNode body = api.parse(r.body(), what);
    if (r.status() == 400) {
      for (JsonNode e : body.path("errors")) {
        int code = e.path("code").asInt(0);
        if (code == 7003 || code == 7000) {
          throw api.fail("zone id " + id + " is not found (HTTP 400, error " + code + ")");
        }
      }
      throw api.fail(what + ": the API answered HTTP 400");
    }
    return envelope(api, body, what, true);
  }

  /** The body of a v4 answer when it says it succeeded and has a result. */
  private static JsonNode envelope(JsonApi api, JsonNode body, String what, boolean needResult) throws LiveException {
    if (!body.path("success").asBoolean(false)) {
      StringBuilder codes = new StringBuilder();
      for (JsonNode e : body.path("errors")) {
        if (e.path("code").canConvertToInt()) {
          codes.append(codes.length() == 0 ? "" : ", ").append(e.path("code").asInt());
        }
      }
      throw api.fail(what + ": the answer says it failed" + (codes.length() == 0 ? "" : " (error " + codes + ")"));
    }
    if (needResult && body.get("result") == null) {
      throw api.fail(what + ": the answer has no result");
    }
    return body;
  }
}
