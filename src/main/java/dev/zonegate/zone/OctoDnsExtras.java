package dev.zonegate.zone;

import dev.zonegate.model.Extras;
import dev.zonegate.model.Routing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What one octoDNS record carries beyond its values, as octoDNS 1.22 reads it: its provider keys
 * (everything under {@code octodns:} but the {@code ignored} and {@code lenient} markers, e.g.
 * {@code cloudflare: {proxied: true}}, {@code route53: {healthcheck: ...}}, {@code healthcheck},
 * {@code excluded}), its {@code dynamic} pools and rules, and its {@code geo} answers (one pool
 * and one rule per geo code). octoDNS's own normalisation is kept so equal data compares equal:
 * pool values sorted with weight 1 and status obey by default, a single-value pool's weight 1, a
 * fallback of {@code default} meaning none, a rule's geos and subnets sorted.
 *
 * <p>The structure is checked as octoDNS's dynamic validation checks it (pools and rules present,
 * every pool with values, weights 1 to 100, statuses up, down or obey, rules and fallbacks naming
 * pools that exist, no unused pool, no fallback loop), unless the record is lenient.
 */
final class OctoDnsExtras {
  /** Turns one value as written into canonical rdata (the record type's own rules). */
  interface Rdata {
    String of(JsonNode value) throws OctoDnsValues.BadValue;
  }

  /** Markers, not settings: they say how to judge the record, and flipping one is no change. */
  private static final Set<String> MARKERS = Set.of("ignored", "lenient");

  private OctoDnsExtras() {}

  /** The record's extras, or null when it has none. */
  static Extras of(JsonNode record, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode meta = record.path("octodns");
    if (meta.isObject()) {
      for (Map.Entry<String, JsonNode> e : meta.properties()) {
        if (!MARKERS.contains(e.getKey())) {
          flatten(e.getKey(), e.getValue(), attributes);
        }
      }
    }
    Routing routing = null;
    if (record.has("dynamic")) {
      routing = dynamic(record.get("dynamic"), rdata, lenient);
    } else if (record.has("geo")) {
      routing = geo(record.get("geo"), rdata);
    }
    return Extras.of(attributes, routing);
  }

  /** {@code a: {b: 1, c: [x, y]}} as {@code a.b: 1} and {@code a.c: [x, y]}. */
  private static void flatten(String key, JsonNode v, Map<String, String> out) {
    if (v.isObject() && !v.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        flatten(key + "." + e.getKey(), e.getValue(), out);
      }
    } else {
      out.put(key, text(v));
    }
  }

  private static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode x : v) {
        items.add(text(x));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isObject()) {
      return "{}";
    }
    return v.isNull() ? "null" : v.asString();
  }

  private static Routing dynamic(JsonNode dynamic, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    if (!dynamic.isObject()) {
      throw new OctoDnsValues.BadValue("dynamic must be a map of pools and rules");
    }
    JsonNode pools = dynamic.path("pools");
    JsonNode rules = dynamic.path("rules");
    if (!lenient && (!pools.isObject() || pools.isEmpty())) {
      throw new OctoDnsValues.BadValue("dynamic: missing pools");
    }
    if (!lenient && (!rules.isArray() || rules.isEmpty())) {
      throw new OctoDnsValues.BadValue("dynamic: missing rules");
    }
    List<Routing.Pool> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : pools.properties()) {
      out.add(pool(e.getKey(), e.getValue(), rdata, lenient));
    }
    List<Routing.Rule> ruleList = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      JsonNode r = rules.get(i);
      String pool = r.path("pool").isString() ? r.get("pool").asString() : null;
      if (pool == null) {
        if (lenient) {
          continue;
        }
        throw new OctoDnsValues.BadValue("dynamic: rule " + (i + 1) + " missing pool");
      }
      ruleList.add(new Routing.Rule(pool, sorted(r.path("geos")), sorted(r.path("subnets"))));
    }
    Routing routing = new Routing(out, ruleList);
    if (!lenient) {
      check(routing);
    }
    return routing;
  }

  private static Routing.Pool pool(String name, JsonNode pool, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    JsonNode values = pool.path("values");
    if (!lenient && (!values.isArray() || values.isEmpty())) {
      throw new OctoDnsValues.BadValue("dynamic: pool \"" + name + "\" is missing values");
    }
    List<Routing.Value> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      JsonNode v = values.get(i);
      if (!v.has("value")) {
        if (lenient) {
          continue;
        }
        throw new OctoDnsValues.BadValue("dynamic: missing value in pool \"" + name + "\" value " + (i + 1));
      }
      long weight = v.has("weight") && v.get("weight").isIntegralNumber() ? v.get("weight").asLong() : 1;
      if (!lenient && v.has("weight") && (!v.get("weight").isIntegralNumber() || weight < 1 || weight > 100)) {
        throw new OctoDnsValues.BadValue("dynamic: invalid weight \"" + text(v.get("weight")) + "\" in pool \"" + name + "\" value " + (i + 1));
      }
      String status = v.has("status") ? text(v.get("status")) : "obey";
      if (!lenient && !Set.of("up", "down", "obey").contains(status)) {
        throw new OctoDnsValues.BadValue("dynamic: invalid status \"" + status + "\" in pool \"" + name + "\" value " + (i + 1));
      }
      out.add(new Routing.Value(rdata.of(v.get("value")), weight, status));
    }
    if (out.size() == 1 && out.get(0).weight() != 1) {
      out.set(0, new Routing.Value(out.get(0).rdata(), 1, out.get(0).status())); // as octoDNS does
    }
    String fallback = pool.path("fallback").isString() ? pool.get("fallback").asString() : null;
    return new Routing.Pool(name, out, "default".equals(fallback) ? null : fallback);
  }

  /** What octoDNS's dynamic validation refuses about how pools and rules refer to each other. */
  private static void check(Routing r) throws OctoDnsValues.BadValue {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < r.rules().size(); i++) {
      String pool = r.rules().get(i).pool();
      if (r.pool(pool) == null) {
        throw new OctoDnsValues.BadValue("dynamic: rule " + (i + 1) + " undefined pool \"" + pool + "\"");
      }
      used.add(pool);
    }
    for (Routing.Pool p : r.pools()) {
      Set<String> seen = new HashSet<>(List.of(p.name()));
      for (String f = p.fallback(); f != null; f = r.pool(f) == null ? null : r.pool(f).fallback()) {
        if (r.pool(f) == null) {
          throw new OctoDnsValues.BadValue("dynamic: undefined fallback \"" + f + "\" for pool \"" + p.name() + "\"");
        }
        if (!seen.add(f)) {
          throw new OctoDnsValues.BadValue("dynamic: loop in pool fallbacks starting at \"" + p.name() + "\"");
        }
        used.add(f);
      }
    }
    List<String> unused = new ArrayList<>();
    for (Routing.Pool p : r.pools()) {
      if (!used.contains(p.name())) {
        unused.add(p.name());
      }
    }
    if (!unused.isEmpty()) {
      throw new OctoDnsValues.BadValue("dynamic: unused pools: \"" + String.join("\", \"", unused) + "\"");
    }
  }

  /** {@code geo: {NA-US-CA: [values]}}: a pool and a rule per code, most specific code first. */
  private static Routing geo(JsonNode geo, Rdata rdata) throws OctoDnsValues.BadValue {
    if (!geo.isObject()) {
      throw new OctoDnsValues.BadValue("geo must be a map of geo codes to values");
    }
    List<Routing.Pool> pools = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : geo.properties()) {
      List<Routing.Value> values = new ArrayList<>();
      JsonNode list = e.getValue();
      for (JsonNode v : list.isArray() ? list : List.of(list)) {
        values.add(new Routing.Value(rdata.of(v), 1, "obey"));
      }
      pools.add(new Routing.Pool("geo:" + e.getKey(), values, null));
      codes.add(e.getKey());
    }
    codes.sort(java.util.Comparator.comparingInt((String c) -> -c.split("-").length).thenComparing(c -> c));
    List<Routing.Rule> rules = new ArrayList<>();
    for (String c : codes) {
      rules.add(new Routing.Rule("geo:" + c, List.of(c), List.of()));
    }
    return new Routing(pools, rules);
  }

  private static List<String> sorted(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode x : list) {
      out.add(text(x));
    }
    out.sort(null);
    return out;
  }
}
