package dev.zonegate.config;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where an octoDNS zone is live: its first {@code targets:} provider whose class zonegate reads
 * (Route 53, PowerDNS, Cloudflare), with that provider's own settings: the state octoDNS itself
 * plans against. Credentials are only ever the names of environment variables, taken from the
 * config's {@code env/VAR} references; a secret written out in the config is refused, never used.
 * A zone whose targets zonegate reads none of, or whose target it cannot use as written, gets
 * {@link LiveConfig.Unknown}, which fails the check that asks for live ({@code --live none} is the
 * explicit way out); one without targets has no live source (live is base).
 */
final class OctoDnsTargets {
  static final String ROUTE53 = "octodns_route53.Route53Provider";
  static final String POWERDNS = "octodns_powerdns.PowerDnsProvider";
  static final String CLOUDFLARE = "octodns_cloudflare.CloudflareProvider";

  private static final Set<String> KNOWN = Set.of(ROUTE53, POWERDNS, CLOUDFLARE);

  private final ConfigDoc doc;
  private final JsonNode providers;

  OctoDnsTargets(ConfigDoc doc, JsonNode providers) {
    this.doc = doc;
    this.providers = providers;
  }

  /**
   * The id of the target whose live state {@link #live} reads for the zone entry {@code z}: the
   * first whose class zonegate reads; null when none is.
   */
  String liveTarget(JsonNode z) {
    JsonNode targets = z.get("targets");
    if (targets == null || !targets.isArray()) {
      return null;
    }
    for (JsonNode t : targets) {
      String id = t.isString() ? t.asString() : t.toString();
      JsonNode p = providers.get(id);
      if (p != null && p.isObject() && KNOWN.contains(p.path("class").asString(""))) {
        return id;
      }
    }
    return null;
  }

  /** The live source of the zone entry {@code z} at {@code at}, or null when it has no targets. */
  LiveConfig live(String label, JsonNode z, String at) throws ConfigException {
    JsonNode targets = z.get("targets");
    if (targets == null || targets.isNull() || !targets.isArray() || targets.isEmpty()) {
      return null;
    }
    String firstId = null;
    String firstClass = null;
    for (int i = 0; i < targets.size(); i++) {
      String id = targets.get(i).isString() ? targets.get(i).asString() : targets.get(i).toString();
      JsonNode p = providers.get(id);
      String cls = p != null && p.isObject() ? p.path("class").asString("") : "";
      if (firstId == null) {
        firstId = id;
        firstClass = cls.isEmpty() ? "no class" : cls;
      }
      if (KNOWN.contains(cls)) {
        try {
          return of(label, id, cls, p, "/providers" + ConfigDoc.segment(id));
        } catch (ConfigException e) {
          // Only a check that asks this target for live state needs it right: --live none does not.
          return new LiveConfig.Unknown(id, cls, e.getMessage());
        }
      }
    }
    return new LiveConfig.Unknown(firstId, firstClass, "zonegate reads Route 53, PowerDNS and Cloudflare targets");
  }

  private LiveConfig of(String label, String id, String cls, JsonNode p, String at) throws ConfigException {
    switch (cls) {
      case ROUTE53:
        return new LiveConfig.Route53(
            null,
            null,
            null,
            env(label, id, p, at, "access_key_id", false),
            env(label, id, p, at, "secret_access_key", false),
            env(label, id, p, at, "session_token", false),
            LiveConfig.DEFAULT_TIMEOUT_SECONDS);
      case POWERDNS:
        {
          String host = plain(label, id, p, at, "host");
          if (host == null) {
            throw doc.error(at, label + "target provider '" + id + "' names no host");
          }
          String scheme = p.path("scheme").asString("http");
          int port = p.path("port").asInt(8081);
          String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
          return new LiveConfig.PowerDns(
              scheme + "://" + h + ":" + port,
              p.path("server_id").asString("localhost"),
              env(label, id, p, at, "api_key", true),
              p.path("timeout").isNumber() ? Math.max(1, p.get("timeout").asInt()) : LiveConfig.DEFAULT_TIMEOUT_SECONDS);
        }
      default:
        if (p.hasNonNull("email")) {
          throw doc.error(
              at + "/email",
              label + "target provider '" + id + "' signs in with an email and global API key; zonegate reads"
                  + " Cloudflare with an API token only (token: env/VAR, no email)");
        }
        return new LiveConfig.Cloudflare(
            null, env(label, id, p, at, "token", true), null, LiveConfig.DEFAULT_TIMEOUT_SECONDS, minTtl(label, id, p, at));
    }
  }

  /**
   * The environment variable a credential setting names ({@code env/VAR}), or null when absent
   * and not {@code required}. A value written out is a secret in the config: refused, not read.
   */
  private String env(String label, String id, JsonNode p, String at, String key, boolean required)
      throws ConfigException {
    JsonNode v = p.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw doc.error(at, label + "target provider '" + id + "' has no " + key);
      }
      return null;
    }
    String s = v.isString() ? v.asString() : "";
    if (!s.startsWith("env/") || s.length() == 4) {
      throw doc.error(
          at + "/" + key,
          label + "target provider '" + id + "' writes its " + key + " in the config; zonegate reads credentials only"
              + " from environment variables (" + key + ": env/VAR)");
    }
    return s.substring(4);
  }

  private String plain(String label, String id, JsonNode p, String at, String key) throws ConfigException {
    JsonNode v = p.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString() || v.asString().startsWith("env/")) {
      throw doc.error(at + "/" + key, label + "target provider '" + id + "': " + key + " must be written in the config");
    }
    return v.asString();
  }

  /** The Cloudflare provider's {@code min_ttl}: a whole number of seconds, octodns-cloudflare's 120 by default. */
  private long minTtl(String label, String id, JsonNode p, String at) throws ConfigException {
    JsonNode v = p.get("min_ttl");
    if (v == null || v.isNull()) {
      return LiveConfig.Cloudflare.OCTODNS_MIN_TTL;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw doc.error(at + "/min_ttl", label + "target provider '" + id + "' min_ttl is a whole number of seconds");
    }
    return v.asLong();
  }
}
