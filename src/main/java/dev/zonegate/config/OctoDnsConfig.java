package dev.zonegate.config;

import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An octoDNS main config read as a zonegate config (SPEC §3.2): each zone under {@code zones:} is
 * read from the directory of its first YamlProvider source, in the file octoDNS itself would read,
 * {@code <directory>/<zone name with its trailing dot>yaml} ({@code config/example.com.yaml}).
 *
 * <p>Only what locates and reads the zone files is read: the source's {@code class} and
 * {@code directory}, the YamlProvider settings that change how a file reads ({@code enforce_order},
 * {@code order_mode}, {@code default_ttl}, {@code escaped_semicolons},
 * {@code populate_should_replace}, each with octoDNS's default) and the zone's {@code lenient}
 * (default false). Targets,
 * processors, manager settings, credentials and {@code env/VAR} references are ignored, and no
 * environment variable is ever read. An octoDNS config has no rule packs: the default pack applies.
 *
 * <p>A zone zonegate cannot read is an error naming it, never skipped, so nothing passes
 * unchecked: no YamlProvider among its sources, a directory taken from the environment, or a split
 * directory ({@code SplitYamlProvider}, or YamlProvider with {@code split_extension}: one YAML file
 * per record set, which the zone readers do not assemble yet). Two kinds of entry are not zones
 * with files of their own: a dynamic entry ({@code '*'}, {@code '*.arpa.'}), whose zones octoDNS
 * discovers by listing the source, is skipped, since a config cannot say which files it covers, and
 * so is a zone sourced only from {@code auto-arpa} (generated reverse zones); an {@code alias:}
 * zone is read from the file of the zone it copies, under its own name. Of several sources only
 * the first YamlProvider is read: records another source would add are not seen.
 */
final class OctoDnsConfig {
  static final String YAML_PROVIDER = "octodns.provider.yaml.YamlProvider";
  static final String SPLIT_PROVIDER = "octodns.provider.yaml.SplitYamlProvider";
  static final String AUTO_ARPA = "auto-arpa";

  private final ConfigDoc doc;
  private final JsonNode providers;

  private OctoDnsConfig(ConfigDoc doc, JsonNode providers) {
    this.doc = doc;
    this.providers = providers;
  }

  static RepoConfig read(ConfigDoc doc) throws ConfigException {
    JsonNode providers = doc.root.get("providers");
    if (providers == null || !providers.isObject()) {
      throw doc.error(
          providers == null ? "" : "/providers",
          providers == null
              ? "an octoDNS config needs providers: (a map of provider names to settings)"
              : "providers: is a map of provider names to settings, not a " + ConfigDoc.kindOf(providers));
    }
    JsonNode zones = doc.root.get("zones");
    if (zones == null || !zones.isObject()) {
      throw doc.error(
          zones == null ? "" : "/zones",
          zones == null
              ? "an octoDNS config needs zones: (a map of zone names to sources and targets)"
              : "zones: is a map of zone names to sources and targets, not a " + ConfigDoc.kindOf(zones));
    }
    return new OctoDnsConfig(doc, providers).zones(zones);
  }

  private RepoConfig zones(JsonNode zones) throws ConfigException {
    Map<String, ZoneConfig> byKey = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : zones.properties()) {
      String key = e.getKey();
      String at = "/zones" + ConfigDoc.segment(key);
      if (key.contains("*")) {
        skipped.add(key); // octoDNS lists such zones from the source at run time; see the class comment
        continue;
      }
      JsonNode z = e.getValue();
      if (!z.isObject()) {
        throw doc.error(
            at,
            "zone '" + key + "': "
                + (z.isNull() ? "has no sources" : "expected a map with sources:, not a " + ConfigDoc.kindOf(z)));
      }
      if (generated(z)) {
        skipped.add(key); // auto_arpa builds it from the other zones' records, which are checked
        continue;
      }
      if (z.has("alias")) {
        JsonNode target = z.get("alias");
        if (!target.isString()) {
          throw doc.error(at + "/alias", "zone '" + key + "': alias names the zone it copies, as a string");
        }
        aliases.put(key, target.asString());
        continue;
      }
      byKey.put(key, zone(key, z, at));
    }
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      ZoneConfig target = byKey.get(a.getValue());
      String at = "/zones" + ConfigDoc.segment(a.getKey());
      if (aliases.containsKey(a.getValue())) {
        throw doc.error(
            at + "/alias",
            "zone '" + a.getKey() + "': alias '" + a.getValue() + "' is itself an alias, which octoDNS refuses");
      }
      if (target == null) {
        throw doc.error(
            at + "/alias",
            "zone '" + a.getKey() + "': alias '" + a.getValue() + "' is not a zone with sources in this config");
      }
      byKey.put(
          a.getKey(),
          new ZoneConfig(
              name(a.getKey(), at), target.file(), target.format(), List.of(), null,
              target.octodns(), doc.at(at)));
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, ZoneConfig> z : byKey.entrySet()) {
      String first = names.putIfAbsent(z.getValue().name(), z.getKey());
      if (first != null) {
        throw new ConfigException(
            z.getValue().where(), "zone '" + z.getKey() + "' is the same zone as '" + first + "', listed twice");
      }
    }
    if (byKey.isEmpty()) {
      throw doc.error(
          "/zones",
          "no zone zonegate can check"
              + (skipped.isEmpty()
                  ? ""
                  : " (dynamic and auto_arpa zone entries such as '" + skipped.get(0) + "' are skipped)"));
    }
    return new RepoConfig(doc.path, new ArrayList<>(byKey.values()), List.of(), RepoConfig.OCTODNS);
  }

  private ZoneConfig zone(String key, JsonNode z, String at) throws ConfigException {
    String label = "zone '" + key + "': ";
    String name = name(key, at);
    JsonNode sources = z.get("sources");
    if (sources == null || sources.isNull() || (sources.isArray() && sources.isEmpty())) {
      throw doc.error(at, label + "has no sources");
    }
    if (!sources.isArray()) {
      throw doc.error(at + "/sources", label + "sources: is a list of provider names");
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      JsonNode srcNode = sources.get(i);
      String src = srcNode.isString() ? srcNode.asString() : srcNode.toString();
      String srcAt = at + "/sources/" + i;
      JsonNode p = srcNode.isString() ? providers.get(src) : null;
      if (p == null) {
        throw doc.error(srcAt, label + "source '" + src + "' is not one of the providers");
      }
      String cls = p.isObject() ? p.path("class").asString("") : "";
      seen.add(src + " (" + (cls.isEmpty() ? "no class" : cls) + ")");
      boolean split = cls.equals(SPLIT_PROVIDER)
          || (cls.equals(YAML_PROVIDER) && p.hasNonNull("split_extension"));
      if (split) {
        throw doc.error(
            srcAt,
            label + "source '" + src + "' reads a split directory (one YAML file per record set), which zonegate"
                + " does not support yet; use YamlProvider zone files");
      }
      if (cls.equals(YAML_PROVIDER)) {
        String directory = directory(label, src, p);
        String file = (directory.isEmpty() ? "" : directory + "/") + key + "yaml";
        return new ZoneConfig(
            name, file, ZoneFormat.OCTODNS, List.of(), null, options(p, src, z, at, label), doc.at(at));
      }
    }
    throw doc.error(
        at + "/sources",
        label + "no source is an octoDNS YamlProvider (" + String.join(", ", seen)
            + "), so zonegate cannot find its zone file");
  }

  /**
   * A zone whose only sources are {@code auto-arpa}, the source octoDNS's manager adds when
   * {@code auto_arpa} is on: its PTR records are generated from the A/AAAA records of the other
   * zones, so there is no file to read and the records it derives from are checked where they are
   * written. A provider someone named {@code auto-arpa} is an ordinary provider.
   */
  private boolean generated(JsonNode z) {
    JsonNode sources = z.path("sources");
    if (!sources.isArray() || sources.isEmpty()) {
      return false;
    }
    for (JsonNode s : sources) {
      if (!s.isString() || !s.asString().equals(AUTO_ARPA) || providers.has(AUTO_ARPA)) {
        return false;
      }
    }
    return true;
  }

  /** octoDNS refuses a zone name without its trailing dot, and names the file after it. */
  private String name(String key, String at) throws ConfigException {
    if (!key.endsWith(".")) {
      throw doc.error(at, "zone '" + key + "': octoDNS zone names end with a dot ('" + key + ".')");
    }
    return doc.zoneName(at, key);
  }

  /** The provider's directory, repository-relative ({@code ./config} and {@code config} alike). */
  private String directory(String label, String src, JsonNode p) throws ConfigException {
    String at = "/providers" + ConfigDoc.segment(src) + "/directory";
    JsonNode d = p.get("directory");
    if (d == null || !d.isString() || d.asString().isBlank()) {
      throw doc.error(at, label + "provider '" + src + "' has no directory");
    }
    String dir = d.asString().trim();
    if (dir.startsWith("env/")) {
      throw doc.error(
          at,
          label + "provider '" + src + "' takes its directory from the environment (" + dir
              + "); zonegate reads no environment variables for config, so write the directory");
    }
    if (dir.equals(".") || dir.equals("./")) {
      return "";
    }
    return doc.repoPath(at, label + "provider '" + src + "' directory", dir);
  }

  /** The YamlProvider settings {@code src} reads its zone files with, and the zone's lenient. */
  private OctoDnsOptions options(JsonNode p, String src, JsonNode z, String at, String label)
      throws ConfigException {
    String pat = "/providers" + ConfigDoc.segment(src);
    boolean enforceOrder = flag(p, "enforce_order", true, pat, label);
    String orderMode = "natural";
    JsonNode mode = p.get("order_mode");
    if (mode != null && !mode.isNull()) {
      orderMode = mode.isString() ? mode.asString() : mode.toString();
      if (enforceOrder && !orderMode.equals("natural") && !orderMode.equals("simple")) {
        throw doc.error(
            pat + "/order_mode",
            label + "order_mode must be natural or simple, not '" + orderMode + "' (octoDNS refuses it)");
      }
      if (!enforceOrder) {
        orderMode = "natural"; // octoDNS looks at order_mode only when it enforces an order
      }
    }
    return new OctoDnsOptions(
        enforceOrder,
        orderMode,
        ttl(p, "default_ttl", pat, label),
        flag(p, "escaped_semicolons", true, pat, label),
        flag(p, "populate_should_replace", false, pat, label),
        flag(z, "lenient", false, at, label));
  }

  /** YamlProvider's {@code default_ttl}: a whole number of seconds, 0 to 2^31-1 (RFC 2181 §8). */
  private long ttl(JsonNode n, String key, String at, String label) throws ConfigException {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return OctoDnsOptions.DEFAULT_TTL;
    }
    if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 && v.longValue() <= Integer.MAX_VALUE) {
      return v.longValue();
    }
    throw doc.error(
        at + ConfigDoc.segment(key), label + key + " must be a whole number of seconds from 0 to 2147483647, not '"
            + (v.isString() ? v.asString() : v.toString()) + "'");
  }

  /** A YAML boolean, also when written as a string ("False", as Python users sometimes do). */
  private boolean flag(JsonNode n, String key, boolean dflt, String at, String label) throws ConfigException {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isString()) {
      switch (v.asString().trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> {
          return true;
        }
        case "false", "no", "off" -> {
          return false;
        }
        default -> { }
      }
    }
    throw doc.error(at + ConfigDoc.segment(key), label + key + " must be true or false, not '" + v.asString("") + "'");
  }
}
