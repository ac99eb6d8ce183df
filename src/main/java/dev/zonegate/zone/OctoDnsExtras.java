package dev.zonegate.zone;

import dev.zonegate.model.Extras;
import dev.zonegate.model.Routing;
import dev.zonegate.zone.OctoDnsPy.Bool;
import dev.zonegate.zone.OctoDnsPy.Flt;
import dev.zonegate.zone.OctoDnsPy.Int;
import dev.zonegate.zone.OctoDnsPy.Py;
import dev.zonegate.zone.OctoDnsPy.PyDict;
import dev.zonegate.zone.OctoDnsPy.PyList;
import dev.zonegate.zone.OctoDnsPy.Str;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 *
 * <p>The record is read as octoDNS's loader made it ({@link OctoDnsPy} values); attribute values
 * are written as YAML scalars read ({@code true}, {@code 443}, {@code null}).
 */
final class OctoDnsExtras {
  /**
   * Turns one value as written into canonical rdata (the record type's own rules); {@code built}
   * when octoDNS makes the value into its value type, as it does a dynamic pool's (a geo answer it
   * keeps as written).
   */
  interface Rdata {
    String of(Py value, boolean built) throws OctoDnsValues.BadValue;
  }

  /** Markers, not settings: they say how to judge the record, and flipping one is no change. */
  private static final Set<String> MARKERS = Set.of("ignored", "lenient");

  private OctoDnsExtras() {}

  /** The record's extras, or null when it has none. */
  static Extras of(PyDict record, String type, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (record.get("octodns") instanceof PyDict meta) {
      for (OctoDnsPy.Entry e : meta.map.values()) {
        String key = OctoDnsPy.str(e.key);
        if (!MARKERS.contains(key)) {
          flatten(key, e.value, attributes);
        }
      }
    }
    Routing routing = null;
    // Only the types with octoDNS's dynamic (A, AAAA, CNAME, DNAME) and geo (A, AAAA) mixins read
    // these blocks; on any other type octoDNS drops them unread.
    if (record.has("dynamic") && OctoDnsValues.DYNAMIC.contains(type)) {
      if (!lenient && record.has("geo")) {
        throw new OctoDnsValues.BadValue("\"dynamic\" record with \"geo\" content");
      }
      routing = dynamic(record.get("dynamic"), rdata, lenient);
      String why = unbuildable(record.get("dynamic"));
      if (why != null) {
        throw new OctoDnsValues.BadValue("dynamic: " + why + ", and octoDNS fails building the record");
      }
    } else if (record.has("geo") && OctoDnsValues.GEO.contains(type)) {
      routing = geo(record.get("geo"), rdata, lenient);
    }
    return Extras.of(attributes, routing);
  }

  /** {@code a: {b: 1, c: [x, y]}} as {@code a.b: 1} and {@code a.c: [x, y]}. */
  private static void flatten(String key, Py v, Map<String, String> out) {
    if (v instanceof PyDict d && d.size() > 0) {
      for (OctoDnsPy.Entry e : d.map.values()) {
        flatten(key + "." + OctoDnsPy.str(e.key), e.value, out);
      }
    } else {
      out.put(key, text(v));
    }
  }

  /** A value as YAML wrote it: {@code true}, {@code 443}, {@code null}, {@code [a, b]}. */
  private static String text(Py v) {
    if (v instanceof PyList l) {
      List<String> items = new ArrayList<>();
      for (Py x : l.items) {
        items.add(text(x));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof PyDict) {
      return "{}";
    }
    if (v == null || v instanceof OctoDnsPy.None) {
      return "null";
    }
    if (v instanceof OctoDnsPy.Bool b) {
      return b.v() ? "true" : "false";
    }
    return OctoDnsPy.str(v);
  }

  /**
   * Why octoDNS's {@code _DynamicMixin.__init__} raises on this block, or null when it builds it.
   * It runs after validation, lenient or not, so a lenient zone whose validation let a broken
   * block through still fails to load: a pool that is not a map or has no {@code values}, a pool
   * value that is not a map with a {@code value}, pool names Python cannot sort, a rule that is
   * not a map, {@code geos} or {@code subnets} Python cannot sort. What it swallows (pools or
   * rules that are missing or no collection at all) it builds as empty.
   */
  static String unbuildable(Py dynamic) {
    if (!(dynamic instanceof PyDict d)) {
      return null;
    }
    if (d.get("pools") instanceof PyDict pools) {
      if (unsortable(pools)) {
        return "pool names of different kinds cannot be sorted";
      }
      for (OctoDnsPy.Entry e : pools.map.values()) {
        String name = "pool \"" + OctoDnsPy.str(e.key) + "\"";
        if (!(e.value instanceof PyDict pool)) {
          return name + " is not a map";
        }
        if (!pool.has("values")) {
          return name + " has no values";
        }
        List<Py> values = iterated(pool.get("values"));
        if (values == null) {
          return name + " values are not a list";
        }
        for (int i = 0; i < values.size(); i++) {
          if (!(values.get(i) instanceof PyDict v) || !v.has("value")) {
            return name + " value " + (i + 1) + " is not a map with a value";
          }
        }
      }
    }
    List<Py> rules = iterated(d.get("rules"));
    for (int i = 0; rules != null && i < rules.size(); i++) {
      if (!(rules.get(i) instanceof PyDict rule)) {
        return "rule " + (i + 1) + " is not a map";
      }
      for (String key : List.of("geos", "subnets")) {
        if (rule.has(key) && unsortable(rule.get(key))) {
          return "rule " + (i + 1) + " " + key + " cannot be sorted";
        }
      }
    }
    return null;
  }

  /** Python's {@code sorted(v)} raises: v cannot be iterated, or holds values {@code <} cannot compare. */
  static boolean unsortable(Py v) {
    List<Py> items = iterated(v);
    if (items == null) {
      return true;
    }
    // A value that cannot be compared with the first is compared with something it cannot be.
    for (int i = 1; i < items.size(); i++) {
      try {
        OctoDnsPy.compareValues(items.get(0), items.get(i));
      } catch (OctoDnsPy.Incomparable e) {
        return true;
      }
    }
    return false;
  }

  /** What iterating {@code v} gives in Python, null where it raises. */
  private static List<Py> iterated(Py v) {
    try {
      return OctoDnsPy.iterate(v);
    } catch (OctoDnsPy.Raised e) {
      return null;
    }
  }

  /** The map's value at {@code key}, or null. */
  private static Py at(Py map, String key) {
    return map instanceof PyDict d ? d.get(key) : null;
  }

  private static Routing dynamic(Py dynamic, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    if (!(dynamic instanceof PyDict)) {
      throw new OctoDnsValues.BadValue("dynamic must be a map of pools and rules");
    }
    Py pools = at(dynamic, "pools");
    Py rules = at(dynamic, "rules");
    if (!lenient && !(pools instanceof PyDict p && p.size() > 0)) {
      throw new OctoDnsValues.BadValue("dynamic: missing pools");
    }
    if (!lenient && !(rules instanceof PyList r && !r.items.isEmpty())) {
      throw new OctoDnsValues.BadValue("dynamic: missing rules");
    }
    List<Routing.Pool> out = new ArrayList<>();
    if (pools instanceof PyDict p) {
      for (OctoDnsPy.Entry e : p.map.values()) {
        out.add(pool(OctoDnsPy.str(e.key), e.value, rdata, lenient));
      }
    }
    List<Routing.Rule> ruleList = new ArrayList<>();
    List<Py> ruleItems = rules instanceof PyList rl ? rl.items : List.of();
    if (!lenient) {
      String problem = OctoDnsRules.problem(pools, ruleItems);
      if (problem != null) {
        throw new OctoDnsValues.BadValue("dynamic: " + problem);
      }
    }
    for (int i = 0; i < ruleItems.size(); i++) {
      Py r = ruleItems.get(i);
      String pool = at(r, "pool") instanceof Str s ? s.v() : null;
      if (pool == null) {
        if (lenient) {
          continue;
        }
        throw new OctoDnsValues.BadValue("dynamic: rule " + (i + 1) + " missing pool");
      }
      ruleList.add(new Routing.Rule(pool, sorted(at(r, "geos")), sorted(at(r, "subnets"))));
    }
    Routing routing = new Routing(out, ruleList);
    if (!lenient) {
      check(routing);
    }
    return routing;
  }

  private static Routing.Pool pool(String name, Py pool, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    Py values = at(pool, "values");
    if (!lenient && !(values instanceof PyList)) {
      // octoDNS wants the key; an empty list it takes (a pool that serves nothing)
      throw new OctoDnsValues.BadValue("dynamic: pool \"" + name + "\" is missing values");
    }
    List<Routing.Value> out = new ArrayList<>();
    List<Py> items = values instanceof PyList l ? l.items : List.of();
    for (int i = 0; i < items.size(); i++) {
      Py v = items.get(i);
      Py value = at(v, "value");
      if (value == null) {
        if (lenient) {
          continue;
        }
        throw new OctoDnsValues.BadValue("dynamic: missing value in pool \"" + name + "\" value " + (i + 1));
      }
      Py w = at(v, "weight");
      long weight = 1;
      if (w != null) {
        // _validate_pools: int(weight), lenient or not; a ValueError is a reason, any other error
        // escapes and fails the load. The weight octoDNS then routes by is that number.
        BigInteger n;
        try {
          n = OctoDnsPy.integer(w);
        } catch (OctoDnsPy.Raised r) {
          if (!r.is("ValueError")) {
            throw new OctoDnsValues.BadValue("dynamic: weight \"" + text(w) + "\" in pool \"" + name + "\" value " + (i + 1)
                + " is no number, and octoDNS fails on it (" + r.kind + ": " + r.getMessage() + ")");
          }
          n = null;
        }
        boolean inRange = n != null && n.compareTo(BigInteger.ONE) >= 0 && n.compareTo(BigInteger.valueOf(100)) <= 0;
        if (!lenient && !inRange) {
          throw new OctoDnsValues.BadValue("dynamic: invalid weight \"" + (n == null ? text(w) : n) + "\" in pool \""
              + name + "\" value " + (i + 1));
        }
        weight = inRange ? n.longValue() : 1;
      }
      Py st = at(v, "status");
      String status = st != null ? text(st) : "obey";
      if (!lenient && !Set.of("up", "down", "obey").contains(status)) {
        throw new OctoDnsValues.BadValue("dynamic: invalid status \"" + status + "\" in pool \"" + name + "\" value " + (i + 1));
      }
      out.add(new Routing.Value(rdata.of(value, true), weight, status));
    }
    // octoDNS compares the weight as written: 1, 1.0 and true are 1; '1' is not.
    Py only = items.size() == 1 ? at(items.get(0), "weight") : null;
    boolean one = only == null || only instanceof Int n && n.v().equals(BigInteger.ONE) || only instanceof Bool b && b.v()
        || only instanceof Flt f && f.v() == 1.0;
    if (out.size() == 1 && !one) {
      if (!lenient) {
        throw new OctoDnsValues.BadValue("dynamic: pool \"" + name + "\" has single value with weight!=1");
      }
      out.set(0, new Routing.Value(out.get(0).rdata(), 1, out.get(0).status())); // as octoDNS builds it
    }
    String fallback = at(pool, "fallback") instanceof Str s ? s.v() : null;
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

  /**
   * A legacy {@code geo} code as {@code GeoValue._validate_geo} takes it: two word characters, then
   * up to two more {@code -}-separated pairs (Python's {@code $} also before a final newline).
   */
  private static final Pattern GEO_CODE =
      Pattern.compile("\\w\\w(-\\w\\w(-\\w\\w)?)?\n?", Pattern.UNICODE_CHARACTER_CLASS);

  /** {@code geo: {NA-US-CA: [values]}}: a pool and a rule per code, most specific code first. */
  private static Routing geo(Py geo, Rdata rdata, boolean lenient) throws OctoDnsValues.BadValue {
    if (!(geo instanceof PyDict g)) {
      throw new OctoDnsValues.BadValue("geo must be a map of geo codes to values");
    }
    List<Routing.Pool> pools = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (OctoDnsPy.Entry e : g.map.values()) {
      String code = OctoDnsPy.str(e.key);
      // Validation refuses such a code; a lenient zone gets past it, and then GeoValue(code,
      // values), built lenient or not, fails on it (and on values it cannot sort).
      if (!(e.key instanceof Str && GEO_CODE.matcher(code).matches())) {
        throw new OctoDnsValues.BadValue(
            "invalid geo \"" + code + "\"" + (lenient ? ", and octoDNS fails building the record" : ""));
      }
      if (unsortable(e.value)) {
        throw new OctoDnsValues.BadValue("geo \"" + code + "\" values cannot be sorted, and octoDNS fails building the record");
      }
      List<Routing.Value> values = new ArrayList<>();
      for (Py v : e.value instanceof PyList l ? l.items : List.of(e.value)) {
        values.add(new Routing.Value(rdata.of(v, false), 1, "obey"));
      }
      pools.add(new Routing.Pool("geo:" + code, values, null));
      codes.add(code);
    }
    codes.sort(Comparator.comparingInt((String c) -> -c.split("-").length).thenComparing(c -> c));
    List<Routing.Rule> rules = new ArrayList<>();
    for (String c : codes) {
      rules.add(new Routing.Rule("geo:" + c, List.of(c), List.of()));
    }
    return new Routing(pools, rules);
  }

  private static List<String> sorted(Py list) {
    List<String> out = new ArrayList<>();
    if (list instanceof PyList l) {
      for (Py x : l.items) {
        out.add(text(x));
      }
    }
    out.sort(null);
    return out;
  }
}
