package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.rules.RulePacks;
import dev.zonegate.rules.Scope;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.IncludeDirectory;
import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a repository config: a {@code zonegate.yaml} (docs/configuration.md), or an octoDNS main config
 * standing in for one ({@link OctoDnsConfig}).
 *
 * <p>A {@code zonegate.yaml} is checked in three passes. Plain checks first, for the mistakes whose
 * schema message would be obscure or, for a secret, too late to be kind: a {@code secret} key, an
 * unknown key at the top or in a zone, two live sources at once. Then the shipped JSON Schema
 * {@code zonegate-config.schema.json}, which refuses every key it does not know. Then what a schema
 * cannot say: valid zone names, paths that stay inside the repository, no zone twice, usable globs.
 * Every error is one sentence at {@code file:line}; nothing here reads the environment or the disk.
 */
public final class ConfigLoader {
  private static final String SECRET =
      "secrets never live in config files; name an environment variable with secretEnv";
  private static final Set<String> TOP_KEYS = Set.of("zones", "rules");
  private static final List<String> ZONE_KEYS =
      List.of("name", "file", "format", "critical", "live", "checkNames", "includeDirectory", "serverDirectory");
  private static final List<String> LIVE_KINDS =
      List.of("axfr", "query", "snapshot", "route53", "powerdns", "cloudflare");
  private static final Pattern BRACKETED = Pattern.compile("^\\[([0-9A-Fa-f:.]+)\\](?::(\\d{1,5}))?$");

  private ConfigLoader() {}

  /** A {@code zonegate.yaml}; {@code path} is the file as given, used in messages and the result. */
  public static RepoConfig zonegate(String path, byte[] bytes) throws ConfigException {
    try {
      ConfigDoc doc = ConfigDoc.parse(path, bytes, "a zonegate config", "a zones: list");
      plainChecks(doc);
      ConfigSchema.check(doc);
      return build(doc);
    } catch (RuntimeException | LinkageError e) {
      throw unexpected(path, e);
    }
  }

  /** An octoDNS main config (providers:, zones:) standing in for a {@code zonegate.yaml}. */
  public static RepoConfig octodns(String path, byte[] bytes) throws ConfigException {
    try {
      return OctoDnsConfig.read(ConfigDoc.parse(path, bytes, "an octoDNS config", "providers: and zones:"));
    } catch (RuntimeException | LinkageError e) {
      throw unexpected(path, e);
    }
  }

  /** A bug or a broken install still comes out as one sentence, never a stack trace. */
  private static ConfigException unexpected(String path, Throwable e) {
    String m = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return new ConfigException(
        new Location(path, 0), "cannot be read as a config (" + e.getClass().getSimpleName() + m + ")");
  }

  // ---------------------------------------------------------------- plain checks

  private static void plainChecks(ConfigDoc doc) throws ConfigException {
    findSecret(doc, doc.root, "");
    for (String key : doc.root.propertyNames()) {
      if (!TOP_KEYS.contains(key)) {
        throw doc.error(ConfigDoc.segment(key), unknownTopKey(key));
      }
    }
    JsonNode zones = doc.root.get("zones");
    if (zones == null || !zones.isArray()) {
      return; // the schema says what is wrong
    }
    for (int i = 0; i < zones.size(); i++) {
      JsonNode z = zones.get(i);
      if (!z.isObject()) {
        continue;
      }
      String at = "/zones/" + i;
      for (String key : z.propertyNames()) {
        if (!ZONE_KEYS.contains(key)) {
          throw doc.error(
              at + ConfigDoc.segment(key),
              ConfigSchema.zoneLabel(z, i) + "unknown key '" + key + "' (a zone takes " + String.join(", ", ZONE_KEYS) + ")");
        }
      }
      JsonNode live = z.get("live");
      if (live != null && live.isObject()) {
        List<String> kinds = new ArrayList<>();
        for (String key : live.propertyNames()) {
          if (!LIVE_KINDS.contains(key)) {
            throw doc.error(
                at + "/live" + ConfigDoc.segment(key),
                ConfigSchema.zoneLabel(z, i) + "unknown live source '" + key + "' (one of " + String.join(", ", LIVE_KINDS) + ")");
          }
          kinds.add(key);
        }
        if (kinds.size() != 1) {
          throw doc.error(
              at + "/live",
              ConfigSchema.zoneLabel(z, i)
                  + (kinds.isEmpty()
                      ? "live names no source; give one of " + String.join(", ", LIVE_KINDS) + ", or leave live out"
                      : "live takes exactly one of " + String.join(", ", LIVE_KINDS) + ", not " + String.join(" and ", kinds)));
        }
      }
    }
  }

  /** A {@code secret} key anywhere is refused before anything else is said about the file. */
  private static void findSecret(ConfigDoc doc, JsonNode n, String at) throws ConfigException {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String here = at + ConfigDoc.segment(e.getKey());
        if (e.getKey().equalsIgnoreCase("secret")) {
          throw doc.error(here, ConfigSchema.zoneOf(doc, here) + SECRET);
        }
        findSecret(doc, e.getValue(), here);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        findSecret(doc, n.get(i), at + "/" + i);
      }
    }
  }

  private static String unknownTopKey(String key) {
    if (key.equals("providers") || key.equals("manager")) {
      return "unknown key '" + key + "': this looks like an octoDNS config; pass it with --octodns-config";
    }
    String hint = "";
    String k = key.toLowerCase(Locale.ROOT);
    if (k.startsWith("zone")) {
      hint = "; did you mean 'zones'?";
    } else if (k.startsWith("rule")) {
      hint = "; did you mean 'rules'?";
    }
    return "unknown key '" + key + "' (a zonegate config has only zones and rules)" + hint;
  }

  // ---------------------------------------------------------------- semantic checks

  private static RepoConfig build(ConfigDoc doc) throws ConfigException {
    List<ZoneConfig> zones = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    JsonNode list = doc.root.get("zones");
    for (int i = 0; i < list.size(); i++) {
      ZoneConfig z = zone(doc, list.get(i), "/zones/" + i);
      Integer first = seen.putIfAbsent(z.name(), i);
      if (first != null) {
        throw doc.error(
            "/zones/" + i,
            "zone '" + z.name() + "' is configured twice (first at line " + doc.at("/zones/" + first).line() + ")");
      }
      zones.add(z);
    }
    List<String> packs = new ArrayList<>();
    JsonNode rules = doc.root.get("rules");
    if (rules != null) {
      for (int i = 0; i < rules.size(); i++) {
        String entry = rules.get(i).asString().trim();
        if (entry.equals(RulePacks.NONE) && i > 0) {
          throw doc.error("/rules/" + i, RulePacks.NONE + " must be the first entry of rules: (start from no rules, then add packs)");
        }
        if (entry.equals(RulePacks.NONE) || entry.equals(RulePacks.DEFAULT)) {
          packs.add(entry);
        } else if (entry.startsWith("builtin:")) {
          throw doc.error("/rules/" + i, "unknown built-in pack '" + entry + "'; there are " + RulePacks.DEFAULT + " and " + RulePacks.NONE);
        } else {
          packs.add(doc.repoPath("/rules/" + i, "rule pack", entry));
        }
      }
    }
    return new RepoConfig(doc.path, zones, packs, RepoConfig.ZONEGATE);
  }

  private static ZoneConfig zone(ConfigDoc doc, JsonNode z, String at) throws ConfigException {
    String name = doc.zoneName(at + "/name", z.get("name").asString());
    String label = "zone '" + name + "': ";
    String file = doc.repoPath(at + "/file", label + "file", z.get("file").asString());
    ZoneFormat format = z.has("format") ? ZoneFormat.parse(z.get("format").asString()) : null;
    List<String> critical = new ArrayList<>();
    JsonNode globs = z.path("critical");
    for (int k = 0; k < globs.size(); k++) {
      String glob = globs.get(k).asString();
      String problem = Scope.problem(glob);
      if (problem != null) {
        throw doc.error(at + "/critical/" + k, label + "critical: " + problem);
      }
      critical.add(glob);
    }
    CheckNames checkNames = CheckNames.FAIL;
    if (z.has("checkNames")) {
      checkNames = CheckNames.parse(z.get("checkNames").asString());
      ZoneFormat read = format != null ? format : ZoneFormat.fromFileName(file);
      if (read != ZoneFormat.MASTER) {
        // A setting that cannot apply is refused, never silently dropped.
        throw doc.error(
            at + "/checkNames",
            label + "checkNames is named's setting for master files; " + file + " is read as " + read.word());
      }
    }
    IncludeDirectory includeDirectory = null;
    if (z.has("includeDirectory") || z.has("serverDirectory")) {
      String key = z.has("includeDirectory") ? "includeDirectory" : "serverDirectory";
      ZoneFormat read = format != null ? format : ZoneFormat.fromFileName(file);
      if (read != ZoneFormat.MASTER) {
        throw doc.error(
            at + "/" + key,
            label + key + " is named's directory for $INCLUDE in master files; " + file + " is read as " + read.word());
      }
      if (!z.has("includeDirectory")) {
        throw doc.error(at + "/serverDirectory", label + "serverDirectory needs includeDirectory: the repository's copy of that directory");
      }
      String dir = z.get("includeDirectory").asString().trim();
      if (dir.isEmpty()) {
        throw doc.error(at + "/includeDirectory", label + "includeDirectory is empty (. is the repository root)");
      }
      String repoDir = dir.equals(".") || dir.equals("./") ? ""
          : doc.repoPath(at + "/includeDirectory", label + "includeDirectory", dir);
      String server = null;
      if (z.has("serverDirectory")) {
        String given = z.get("serverDirectory").asString().trim();
        server = IncludeDirectory.serverPath(given);
        if (server == null) {
          throw doc.error(at + "/serverDirectory", label + "serverDirectory '" + given + "' is not an absolute path (named's directory as the server sees it, such as /etc/bind)");
        }
      }
      includeDirectory = new IncludeDirectory(repoDir, server);
    }
    LiveConfig live = z.has("live") ? live(doc, z.get("live"), at + "/live", label) : null;
    // zonegate.yaml has no octoDNS switches: octoDNS's defaults apply to octoDNS YAML files.
    return new ZoneConfig(
        name, file, format, critical, live, OctoDnsOptions.DEFAULTS, doc.at(at), null, checkNames, null, includeDirectory);
  }

  /** The string at {@code field}, or null when absent. */
  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asString() : null;
  }

  private static LiveConfig live(ConfigDoc doc, JsonNode live, String at, String label) throws ConfigException {
    if (live.has("snapshot")) {
      return new LiveConfig.Snapshot(
          doc.repoPath(at + "/snapshot", label + "live.snapshot", live.get("snapshot").asString()));
    }
    if (live.has("route53")) {
      JsonNode r = live.get("route53");
      return new LiveConfig.Route53(
          text(r, "hostedZoneId"), text(r, "endpoint"), text(r, "region"), text(r, "accessKeyIdEnv"),
          text(r, "secretAccessKeyEnv"), text(r, "sessionTokenEnv"), r.path("timeout").asInt(LiveConfig.DEFAULT_TIMEOUT_SECONDS));
    }
    if (live.has("powerdns")) {
      JsonNode p = live.get("powerdns");
      return new LiveConfig.PowerDns(
          p.get("url").asString(), p.path("server").asString("localhost"), p.get("apiKeyEnv").asString(),
          p.path("timeout").asInt(LiveConfig.DEFAULT_TIMEOUT_SECONDS));
    }
    if (live.has("cloudflare")) {
      JsonNode c = live.get("cloudflare");
      return new LiveConfig.Cloudflare(
          text(c, "zoneId"), c.get("tokenEnv").asString(), text(c, "url"), c.path("timeout").asInt(LiveConfig.DEFAULT_TIMEOUT_SECONDS));
    }
    if (live.has("axfr")) {
      JsonNode a = live.get("axfr");
      return new LiveConfig.Axfr(
          a.get("server").asString(),
          a.path("port").asInt(LiveConfig.DEFAULT_PORT),
          tsig(doc, a.get("tsig"), at + "/axfr/tsig", label),
          a.path("timeout").asInt(LiveConfig.DEFAULT_TIMEOUT_SECONDS));
    }
    JsonNode q = live.get("query");
    List<String> servers = new ArrayList<>();
    for (int k = 0; k < q.get("servers").size(); k++) {
      String s = q.get("servers").get(k).asString();
      String problem = serverProblem(s);
      if (problem != null) {
        throw doc.error(at + "/query/servers/" + k, label + "live.query.servers: " + problem);
      }
      servers.add(s);
    }
    return new LiveConfig.Query(
        servers,
        tsig(doc, q.get("tsig"), at + "/query/tsig", label),
        q.path("timeout").asInt(LiveConfig.DEFAULT_TIMEOUT_SECONDS));
  }

  private static LiveConfig.Tsig tsig(ConfigDoc doc, JsonNode t, String at, String label) throws ConfigException {
    if (t == null) {
      return null;
    }
    String name = t.get("name").asString();
    try {
      Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      throw doc.error(at + "/name", label + "TSIG key name '" + name + "' is not a domain name");
    }
    return new LiveConfig.Tsig(
        name, t.path("algorithm").asString(LiveConfig.Tsig.DEFAULT_ALGORITHM), t.get("secretEnv").asString());
  }

  /**
   * Null when {@code s} is {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6
   * address (several colons, no port); else what is wrong with it.
   */
  static String serverProblem(String s) {
    String port = null;
    if (s.startsWith("[")) {
      Matcher m = BRACKETED.matcher(s);
      if (!m.matches()) {
        return "'" + s + "' is not [IPv6-address]:port";
      }
      port = m.group(2);
    } else {
      int colon = s.indexOf(':');
      if (colon >= 0 && colon == s.lastIndexOf(':')) {
        port = s.substring(colon + 1);
        if (colon == 0) {
          return "'" + s + "' names no host";
        }
      }
    }
    if (port != null) {
      int p = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
      if (p < 1 || p > 65535) {
        return "'" + s + "' has port '" + port + "'; a port is 1 to 65535";
      }
    }
    return null;
  }
}
