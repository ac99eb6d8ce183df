package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.zone.OctoDnsFilter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code processors:} of an octoDNS config, and which of them each zone runs.
 *
 * <p>octoDNS builds every processor under {@code processors:} when it starts, used or not, so one it
 * cannot build fails the whole config: a definition that is not a map, has no {@code class}, or
 * (for the filters zonegate applies) a setting the class does not take, a list that is not one, a
 * name pattern that is not a string, a network that is none. zonegate refuses those configs too.
 *
 * <p>The filter processors of {@code octodns.processor.filter}, {@code OwnershipProcessor}, {@code
 * TtlRestrictionFilter}, {@code TtlClampProcessor}, {@code EnsureTrailingDots} and {@code
 * AcmeManagingProcessor} are applied ({@link OctoDnsFilter}), and {@code MetaProcessor}'s record
 * is left out of the comparison; the value filters and {@code ExcludeRootNsChanges} with {@code
 * error} have their settings checked but, like every other processor, are named in a notice on
 * each zone that runs them: zonegate judges the zone without them.
 */
final class OctoDnsProcessors {
  /** A processor a zone runs, where the zone's list names it; {@code filter} when zonegate applies it. */
  record Run(String id, String cls, Location where, OctoDnsFilter filter) {}

  private static final String FILTER = "octodns.processor.filter.";
  static final String META = "octodns.processor.meta.MetaProcessor";
  static final String OWNERSHIP = "octodns.processor.ownership.OwnershipProcessor";
  static final String TTL_RESTRICTION = "octodns.processor.restrict.TtlRestrictionFilter";
  static final String ACME = "octodns.processor.acme.AcmeManagingProcessor";
  static final String CLAMP = "octodns.processor.clamp.TtlClampProcessor";
  static final String TRAILING_DOTS = "octodns.processor.trailing_dots.EnsureTrailingDots";
  /** The name octoDNS first gave it, which it keeps as an alias. */
  static final String ACME_MISSPELT = "octodns.processor.acme.AcmeMangingProcessor";

  private final ConfigDoc doc;
  private final Set<String> secretHandlers;
  /** The defined processors zonegate applies, by name. */
  private final Map<String, OctoDnsFilter> filters = new HashMap<>();

  OctoDnsProcessors(ConfigDoc doc, Set<String> secretHandlers) throws ConfigException {
    this.doc = doc;
    this.secretHandlers = secretHandlers;
    JsonNode defined = doc.root.get("processors");
    if (defined == null || !PyConfig.truthy(defined) || PyConfig.isNone(doc, defined, "/processors")) {
      return; // `config.get('processors') or {}`
    }
    if (!defined.isObject()) {
      throw doc.error("/processors", "processors: is a map of processor names to their settings, not a "
          + ConfigDoc.kindOf(defined) + ", which octoDNS refuses");
    }
    for (Map.Entry<String, JsonNode> e : defined.properties()) {
      String id = e.getKey();
      String at = "/processors" + ConfigDoc.segment(id);
      JsonNode p = e.getValue();
      if (!p.isObject()) {
        throw doc.error(at, "processor '" + id + "' is a map with its class and settings, not a " + ConfigDoc.kindOf(p)
            + ", which octoDNS refuses");
      }
      String cls = p.path("class").isString() ? p.path("class").asString() : "";
      if (cls.isEmpty()) {
        throw doc.error(at, "processor '" + id + "' has no class, which octoDNS refuses");
      }
      if (cls.indexOf('.') < 0) {
        throw doc.error(at + "/class", "processor '" + id + "' class '" + cls + "' names no module, which octoDNS refuses");
      }
      OctoDnsFilter f = build(id, cls, p, at);
      if (f != null) {
        filters.put(id, f);
      }
    }
  }

  /**
   * The processors octoDNS runs on the zone at {@code at}, in its order ({@code
   * Manager._get_processors}): the manager's {@code processors}, the zone's, the manager's {@code
   * post_processors}, and {@code meta} when the manager's {@code include_meta} adds it. A name that
   * is not under {@code processors:} is refused, as octoDNS refuses it.
   */
  List<Run> forZone(String label, JsonNode z, String at) throws ConfigException {
    JsonNode manager = doc.root.get("manager");
    List<Run> out = new ArrayList<>();
    named(label, manager == null ? null : manager.get("processors"), "/manager/processors", out);
    named(label, z.get("processors"), at + "/processors", out);
    named(label, manager == null ? null : manager.get("post_processors"), "/manager/post_processors", out);
    if (includeMeta()) {
      out.add(managersMeta(doc.at("/manager/include_meta")));
    }
    return out;
  }

  /** The manager's {@code include_meta}: octoDNS then runs a MetaProcessor of its own, named {@code meta}, last. */
  private boolean includeMeta() {
    JsonNode manager = doc.root.get("manager");
    return manager != null && PyConfig.truthy(manager.path("include_meta"));
  }

  /** The MetaProcessor {@code include_meta} makes: record {@code octodns-meta}, the target's id in it. */
  private static Run managersMeta(Location where) {
    return new Run("meta", META, where, OctoDnsFilter.meta("meta", META, where, "octodns-meta"));
  }

  private void named(String label, JsonNode list, String at, List<Run> out) throws ConfigException {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw doc.error(at, label + "processors are a list of names under processors:, not a " + ConfigDoc.kindOf(list));
    }
    JsonNode defined = doc.root.get("processors");
    for (int i = 0; i < list.size(); i++) {
      String id = list.get(i).isString() ? list.get(i).asString() : list.get(i).toString();
      JsonNode p = defined == null || !defined.isObject() ? null : defined.get(id);
      if (p == null) {
        throw doc.error(at + "/" + i, label + "processor '" + id + "' is not one of the processors:, which octoDNS refuses");
      }
      Location where = doc.at(at + "/" + i);
      if (id.equals("meta") && includeMeta()) {
        out.add(managersMeta(where)); // include_meta's processor takes the name over
        continue;
      }
      OctoDnsFilter f = filters.get(id);
      out.add(new Run(id, p.path("class").asString(), where, f == null ? null : f.at(where)));
    }
  }

  // ---------------------------------------------------------------- building

  /** The filter {@code cls} builds from settings {@code p}, or null for a processor zonegate does not apply. */
  private OctoDnsFilter build(String id, String cls, JsonNode p, String at) throws ConfigException {
    if (cls.equals(META)) {
      return meta(id, cls, p, at);
    }
    if (cls.equals(OWNERSHIP)) {
      return ownership(id, cls, p, at);
    }
    if (cls.equals(TTL_RESTRICTION)) {
      return ttlRestriction(id, cls, p, at);
    }
    if (cls.equals(TRAILING_DOTS)) {
      settings("processor '" + id + "' (EnsureTrailingDots)", p, at);
      return OctoDnsFilter.trailingDots(id, cls, doc.at(at));
    }
    if (cls.equals(CLAMP)) {
      return clamp(id, cls, p, at);
    }
    if (cls.equals(ACME) || cls.equals(ACME_MISSPELT)) {
      settings("processor '" + id + "' (AcmeManagingProcessor)", p, at);
      return OctoDnsFilter.acme(id, cls, doc.at(at));
    }
    if (!cls.startsWith(FILTER)) {
      return null;
    }
    String name = cls.substring(FILTER.length());
    String label = "processor '" + id + "' (" + name + ")";
    Location where = doc.at(at);
    switch (name) {
      case "TypeAllowlistFilter", "TypeRejectlistFilter" -> {
        String key = name.startsWith("TypeAllow") ? "allowlist" : "rejectlist";
        settings(label, p, at, key, "include_target");
        return OctoDnsFilter.types(id, cls, where, key.equals("allowlist"), types(label, p, at, key), includeTarget(p, at));
      }
      case "NameAllowlistFilter", "NameRejectlistFilter", "ValueAllowlistFilter", "ValueRejectlistFilter" -> {
        String key = name.contains("Allow") ? "allowlist" : "rejectlist";
        settings(label, p, at, key, "include_target");
        Set<String> exact = new LinkedHashSet<>();
        List<Pattern> regex = new ArrayList<>();
        patterns(label, p, at, key, exact, regex);
        if (name.startsWith("Value")) {
          return null; // checked as octoDNS builds it; the values' text is not yet octoDNS's own
        }
        return OctoDnsFilter.names(id, cls, where, key.equals("allowlist"), exact, regex, includeTarget(p, at));
      }
      case "NetworkValueAllowlistFilter", "NetworkValueRejectlistFilter" -> {
        String key = name.contains("Allow") ? "allowlist" : "rejectlist";
        settings(label, p, at, key);
        List<Object> nets = new ArrayList<>();
        for (Item it : items(label, p, at, key)) {
          JsonNode v = it.node();
          nets.add(v == null ? it.text()
              : PyConfig.isBool(doc, v, it.pointer()) ? (PyConfig.boolValue(v) ? BigInteger.ONE : BigInteger.ZERO)
              : v.isIntegralNumber() ? v.bigIntegerValue()
              : PyConfig.isStr(doc, v, it.pointer()) ? v.asString()
              : v);
        }
        try {
          return OctoDnsFilter.networks(id, cls, where, key.equals("allowlist"), nets);
        } catch (IllegalArgumentException e) {
          throw doc.error(at + "/" + key, label + ": " + e.getMessage() + ", so octoDNS refuses the config");
        }
      }
      case "IgnoreRootNsFilter" -> {
        settings(label, p, at);
        return OctoDnsFilter.rootNs(id, cls, where);
      }
      case "ZoneNameFilter" -> {
        settings(label, p, at, "error", "include_target");
        return OctoDnsFilter.zoneName(id, cls, where, PyConfig.flag(doc, p, "error", true, at), includeTarget(p, at));
      }
      case "ExcludeRootNsChanges" -> {
        settings(label, p, at, "error");
        // Without error, a root NS change leaves the plan; with it (the default), the plan fails,
        // which is named in a notice and judged as the change it is.
        return PyConfig.flag(doc, p, "error", true, at) ? null : OctoDnsFilter.rootNsChanges(id, cls, where);
      }
      default -> {
        return null;
      }
    }
  }

  /** A MetaProcessor as octoDNS builds it: its record's name (default {@code meta}); {@code include_extra} a map. */
  private OctoDnsFilter meta(String id, String cls, JsonNode p, String at) throws ConfigException {
    String label = "processor '" + id + "' (MetaProcessor)";
    settings(label, p, at, "record_name", "include_time", "include_uuid", "include_version", "include_provider",
        "include_extra", "ttl");
    JsonNode extra = p.get("include_extra");
    String extraAt = at + ConfigDoc.segment("include_extra");
    if (extra != null && !PyConfig.isNone(doc, extra, extraAt) && !extra.isObject()) {
      throw doc.error(extraAt, label + ": include_extra is a map of keys to values, not " + pythonKind(extra, extraAt)
          + ", so octoDNS fails building it");
    }
    JsonNode name = p.get("record_name");
    String nameAt = at + ConfigDoc.segment("record_name");
    if (name != null && !PyConfig.isStr(doc, name, nameAt)) {
      throw doc.error(nameAt, label + ": record_name is the name of its record, as a string, not "
          + pythonKind(name, nameAt) + "; zonegate reads no other");
    }
    return OctoDnsFilter.meta(id, cls, doc.at(at), name == null ? "meta" : name.asString());
  }

  /**
   * An OwnershipProcessor as octoDNS builds it and then uses it: its records' name prefix
   * ({@code txt_name}, default {@code _owner}), value ({@code txt_value}, default {@code *octodns*};
   * one octoDNS's validation refuses fails each zone that runs it) and TTL ({@code txt_ttl},
   * default 60).
   */
  private OctoDnsFilter ownership(String id, String cls, JsonNode p, String at) throws ConfigException {
    String label = "processor '" + id + "' (OwnershipProcessor)";
    settings(label, p, at, "txt_name", "txt_value", "txt_ttl", "should_replace", "allow_takeover");
    String name = text(label, p, at, "txt_name", "_owner");
    String value = text(label, p, at, "txt_value", "*octodns*");
    long ttl = 60;
    JsonNode t = p.get("txt_ttl");
    if (t != null) {
      if (!t.isIntegralNumber() || !t.canConvertToLong() || t.longValue() < 0 || t.longValue() > Integer.MAX_VALUE) {
        throw doc.error(at + ConfigDoc.segment("txt_ttl"), label + ": txt_ttl is a whole number of seconds from 0 to"
            + " 2147483647, not '" + (t.isString() ? t.asString() : t.toString()) + "'; zonegate reads no other");
      }
      ttl = t.longValue();
    }
    return OctoDnsFilter.ownership(id, cls, doc.at(at), new OctoDnsFilter.Ownership(name, value, ttl,
        PyConfig.flag(doc, p, "should_replace", false, at), PyConfig.flag(doc, p, "allow_takeover", false, at)));
  }

  /**
   * A TtlRestrictionFilter as octoDNS builds it: {@code min_ttl} (default 1) and {@code max_ttl}
   * (default seven days), or {@code allowed_ttls} when it is given and not empty (then the limits
   * are not looked at). A limit that is not a number fails every zone that runs the filter, as
   * Python fails comparing it; an {@code allowed_ttls} that is no collection fails the config.
   */
  private OctoDnsFilter ttlRestriction(String id, String cls, JsonNode p, String at) throws ConfigException {
    String label = "processor '" + id + "' (TtlRestrictionFilter)";
    settings(label, p, at, "min_ttl", "max_ttl", "allowed_ttls");
    Double[] limits = limits(p, at, 1, 60 * 60 * 24 * 7);
    String broken = limits[0] == null ? "min_ttl is not a number, which a TTL cannot be compared with"
        : limits[1] == null ? "max_ttl is not a number, which a TTL cannot be compared with" : null;
    Set<Long> allowed = null;
    JsonNode a = p.get("allowed_ttls");
    String aAt = at + ConfigDoc.segment("allowed_ttls");
    if (a != null && PyConfig.truthy(a) && !PyConfig.isNone(doc, a, aAt) && !(PyConfig.isBool(doc, a, aAt) && !PyConfig.boolValue(a))) {
      allowed = new LinkedHashSet<>();
      for (Item it : items(label, p, at, "allowed_ttls")) {
        JsonNode v = it.node();
        if (v == null) {
          continue; // a character or a key: text, which no TTL equals
        }
        if (v.isArray() || v.isObject()) {
          throw doc.error(it.pointer(), label + ": a " + ConfigDoc.kindOf(v)
              + " in its allowed_ttls cannot be in a set, so octoDNS refuses the config (Incorrect processor config)");
        }
        if (PyConfig.isBool(doc, v, it.pointer())) {
          allowed.add(PyConfig.boolValue(v) ? 1L : 0L);
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
          allowed.add(v.longValue());
        } else if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e18) {
          allowed.add((long) v.doubleValue());
        }
      }
    }
    return OctoDnsFilter.ttls(id, cls, doc.at(at), new OctoDnsFilter.TtlRange(
        limits[0] == null ? 0 : limits[0], limits[1] == null ? 0 : limits[1], allowed, broken));
  }

  /**
   * A TtlClampProcessor as octoDNS builds it: {@code min_ttl} (default 300) no greater than {@code
   * max_ttl} (default 86400), or octoDNS refuses it when it starts; limits that are not numbers
   * fail comparing (when it starts, for one of them; when it clamps a zone, for both).
   */
  private OctoDnsFilter clamp(String id, String cls, JsonNode p, String at) throws ConfigException {
    String label = "processor '" + id + "' (TtlClampProcessor)";
    settings(label, p, at, "min_ttl", "max_ttl");
    Double[] limits = limits(p, at, 300, 86400);
    String broken = null;
    if (limits[0] == null || limits[1] == null) {
      if (limits[0] != null || limits[1] != null) {
        throw doc.error(at, label + ": min_ttl and max_ttl are numbers, and Python cannot compare the two given, so"
            + " octoDNS refuses the config");
      }
      broken = "min_ttl and max_ttl are not numbers";
    } else if (limits[0] > limits[1]) {
      throw doc.error(at, label + ": min_ttl " + OctoDnsFilter.number(limits[0]) + " is not lower than max_ttl "
          + OctoDnsFilter.number(limits[1])
          + ", so octoDNS refuses the config");
    }
    return OctoDnsFilter.clamp(id, cls, doc.at(at), new OctoDnsFilter.TtlRange(
        limits[0] == null ? 0 : limits[0], limits[1] == null ? 0 : limits[1], null, broken));
  }

  /**
   * {@code min_ttl} and {@code max_ttl} as Python compares them with a TTL: numbers (a boolean is
   * 0 or 1), each its default when absent, null when it is anything else.
   */
  private Double[] limits(JsonNode p, String at, double min, double max) {
    Double[] limits = {min, max};
    String[] keys = {"min_ttl", "max_ttl"};
    for (int k = 0; k < 2; k++) {
      JsonNode v = p.get(keys[k]);
      String pointer = at + ConfigDoc.segment(keys[k]);
      if (v != null) {
        if (PyConfig.isBool(doc, v, pointer)) {
          limits[k] = PyConfig.boolValue(v) ? 1.0 : 0.0;
        } else {
          limits[k] = v.isNumber() ? Double.valueOf(v.doubleValue()) : null;
        }
      }
    }
    return limits;
  }

  /** A string setting, or its default when absent; anything but a string is refused. */
  private String text(String label, JsonNode p, String at, String key, String dflt) throws ConfigException {
    JsonNode v = p.get(key);
    if (v == null) {
      return dflt;
    }
    String pointer = at + ConfigDoc.segment(key);
    if (!PyConfig.isStr(doc, v, pointer)) {
      throw doc.error(pointer, label + ": " + key + " is a string, not " + pythonKind(v, pointer) + "; zonegate reads no other");
    }
    return v.asString();
  }

  private boolean includeTarget(JsonNode p, String at) {
    return PyConfig.flag(doc, p, "include_target", true, at);
  }

  /**
   * The settings {@code p} gives the class: each must be one it takes ({@code lenient}, which every
   * processor takes, and {@code keys}); the first of {@code keys} is required when there is one (the
   * list). A string a secret handler resolves cannot be known.
   */
  private void settings(String label, JsonNode p, String at, String... keys) throws ConfigException {
    Set<String> takes = new LinkedHashSet<>(List.of(keys));
    takes.add("lenient");
    takes.add("class");
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      String k = e.getKey();
      if (!takes.contains(k)) {
        throw doc.error(at + ConfigDoc.segment(k), label + " takes no setting '" + k + "', so octoDNS refuses the config"
            + " (Incorrect processor config)");
      }
      JsonNode v = e.getValue();
      if (!k.equals("class") && v.isString() && OctoDnsConfig.fromSecretHandler(secretHandlers, v.asString())) {
        throw doc.error(at + ConfigDoc.segment(k), label + " takes its " + k + " from a secret handler ("
            + v.asString() + "); zonegate reads no secrets for config, so write it out");
      }
    }
    if (keys.length > 0 && (keys[0].equals("allowlist") || keys[0].equals("rejectlist")) && !p.has(keys[0])) {
      throw doc.error(at, label + " needs its " + keys[0] + ", so octoDNS refuses the config (Incorrect processor config)");
    }
  }

  /** One element of a list as Python iterates it: a node (an item, or a map's key as text) or a string's character. */
  private record Item(JsonNode node, String text, String pointer) {}

  /**
   * {@code for x in p[key]}: a list's items, a map's keys, a string's characters; anything else
   * (None, a number, a boolean) is not iterable, and octoDNS refuses the config.
   */
  private List<Item> items(String label, JsonNode p, String at, String key) throws ConfigException {
    JsonNode v = p.get(key);
    String pointer = at + ConfigDoc.segment(key);
    List<Item> out = new ArrayList<>();
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        out.add(new Item(v.get(i), null, pointer + "/" + i));
      }
    } else if (v.isObject()) {
      for (String k : v.propertyNames()) {
        out.add(new Item(null, k, pointer));
      }
    } else if (PyConfig.isStr(doc, v, pointer)) {
      v.asString().codePoints().forEach(c -> out.add(new Item(null, new String(Character.toChars(c)), pointer)));
    } else {
      throw doc.error(pointer, label + ": " + key + " is a list, not " + pythonKind(v, pointer)
          + ", so octoDNS refuses the config (Incorrect processor config)");
    }
    return out;
  }

  /** {@code set(p[key])}: the strings in it (nothing else equals a type); a list or map in it cannot be in a set. */
  private Set<String> types(String label, JsonNode p, String at, String key) throws ConfigException {
    Set<String> out = new LinkedHashSet<>();
    for (Item it : items(label, p, at, key)) {
      JsonNode v = it.node();
      if (v == null) {
        out.add(it.text());
      } else if (v.isArray() || v.isObject()) {
        throw doc.error(it.pointer(), label + ": a " + ConfigDoc.kindOf(v) + " in its " + key
            + " cannot be in a set, so octoDNS refuses the config (Incorrect processor config)");
      } else if (PyConfig.isStr(doc, v, it.pointer())) {
        out.add(v.asString());
      }
    }
    return out;
  }

  /** What PyYAML made of a value that is not a string, for a message. */
  private String pythonKind(JsonNode v, String pointer) {
    return PyConfig.isNone(doc, v, pointer) ? "None"
        : PyConfig.isBool(doc, v, pointer) ? "a boolean"
        : v.isNumber() ? "a number"
        : v.isString() ? "a string"
        : "a " + ConfigDoc.kindOf(v);
  }

  /**
   * The name (or value) filters' patterns: each a string, exact, or {@code /regex/} whose inner part
   * (the first and last characters dropped, whatever they are) Python compiles.
   */
  private void patterns(String label, JsonNode p, String at, String key, Set<String> exact, List<Pattern> regex)
      throws ConfigException {
    for (Item it : items(label, p, at, key)) {
      JsonNode v = it.node();
      String s;
      if (v == null) {
        s = it.text();
      } else if (PyConfig.isStr(doc, v, it.pointer())) {
        s = v.asString();
      } else {
        throw doc.error(it.pointer(), label + ": an entry of its " + key + " is " + pythonKind(v, it.pointer())
            + ", not a string, so octoDNS fails building it");
      }
      if (!s.startsWith("/")) {
        exact.add(s);
        continue;
      }
      int points = s.codePointCount(0, s.length());
      String inner = points < 2 ? "" : s.substring(s.offsetByCodePoints(0, 1), s.offsetByCodePoints(0, points - 1));
      Pattern compiled = PyPatterns.regex(inner);
      if (compiled == null) {
        throw doc.error(it.pointer(), label + ": '" + s + "' is not a regular expression zonegate reads as Python does");
      }
      regex.add(compiled);
    }
  }
}
