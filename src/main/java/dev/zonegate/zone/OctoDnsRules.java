package dev.zonegate.zone;

import dev.zonegate.zone.OctoDnsPy.Bool;
import dev.zonegate.zone.OctoDnsPy.Int;
import dev.zonegate.zone.OctoDnsPy.Py;
import dev.zonegate.zone.OctoDnsPy.PyDict;
import dev.zonegate.zone.OctoDnsPy.PyList;
import dev.zonegate.zone.OctoDnsPy.Str;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * octoDNS's checks of a dynamic record's rules ({@code _DynamicMixin._validate_rules}, 1.22):
 * each rule names a pool that exists, a pool targeted by geos or subnets once; subnet-only rules
 * before subnet-and-geo rules before geo-only ones; one catch-all, last; geo codes octoDNS knows
 * ({@code geo-codes.txt}), subnets Python's {@code ip_network} takes ({@link PyIpNetwork}); no geo
 * or subnet targeted twice, nor one inside another targeted before. octoDNS refuses the record
 * (unless it is lenient) on any of them, so a deploy with it would fail.
 */
final class OctoDnsRules {
  private OctoDnsRules() {}

  /** Every geo code octoDNS knows: continents, their countries, and the provinces it lists. */
  static final Set<String> GEO_CODES = load();

  private static Set<String> load() {
    try (InputStream in = OctoDnsRules.class.getResourceAsStream("/dev/zonegate/octodns/geo-codes.txt")) {
      if (in == null) {
        throw new IllegalStateException("geo-codes.txt is missing from the jar");
      }
      Set<String> out = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GeoCodes.validate}: why octoDNS refuses {@code code}, or null. */
  static String geoProblem(String code) {
    String[] pieces = code.split("-", -1);
    if (pieces.length > 3) {
      return "invalid geo code \"" + code + "\"";
    }
    if (!GEO_CODES.contains(pieces[0])) {
      return "unknown continent code \"" + code + "\"";
    }
    if (pieces.length > 1 && !GEO_CODES.contains(pieces[0] + "-" + pieces[1])) {
      return "unknown country code \"" + code + "\"";
    }
    if (pieces.length > 2 && !GEO_CODES.contains(code)) {
      return "unknown province code \"" + code + "\"";
    }
    return null;
  }

  /** The first reason octoDNS gives for refusing {@code rules} over {@code pools}, or null. */
  static String problem(Py pools, List<Py> rules) {
    if (rules.isEmpty()) {
      return null; // "missing rules": the caller says so
    }
    Set<String> poolsSeen = new HashSet<>();
    Map<Integer, Map<String, Object[]>> subnetsSeen = new LinkedHashMap<>();
    Map<String, Integer> geosSeen = new LinkedHashMap<>();
    boolean seenDefault = false;
    for (int i = 0; i < rules.size(); i++) {
      int n = i + 1;
      if (!(rules.get(i) instanceof PyDict rule)) {
        return "rule " + n + " is not a map of pool, geos and subnets (octoDNS fails on it)";
      }
      Py pool = rule.get("pool");
      if (pool == null) {
        return "rule " + n + " missing pool";
      }
      Py subnets = rule.has("subnets") ? rule.get("subnets") : new PyList(List.of(), 0);
      Py geos = rule.has("geos") ? rule.get("geos") : new PyList(List.of(), 0);
      if (!(pool instanceof Str name)) {
        return "rule " + n + " invalid pool \"" + OctoDnsPy.str(pool) + "\"";
      }
      if (!(pools instanceof PyDict p && p.has(name.v()))) {
        return "rule " + n + " undefined pool \"" + name.v() + "\"";
      }
      if (poolsSeen.contains(name.v()) && (truthy(subnets) || truthy(geos))) {
        return "rule " + n + " invalid, target pool \"" + name.v() + "\" reused";
      }
      poolsSeen.add(name.v());
      if (i > 0 && rules.get(i - 1) instanceof PyDict previous) {
        boolean previousSubnets = previous.has("subnets") && truthy(previous.get("subnets"));
        boolean previousGeos = previous.has("geos") && truthy(previous.get("geos"));
        if (truthy(subnets) && truthy(geos)) {
          if (!previousSubnets && previousGeos) {
            return "rule " + n + " with subnet(s) and geo(s) should appear before all geo-only rules";
          }
        } else if (truthy(subnets) && previousGeos) {
          return "rule " + n + " with only subnet targeting should appear before all geo targeting rules";
        }
      }
      if (!(truthy(subnets) || truthy(geos))) {
        if (seenDefault) {
          return "rule " + n + " duplicate default";
        }
        seenDefault = true;
      }
      String s = subnets(n, subnets, subnetsSeen);
      if (s != null) {
        return s;
      }
      String g = geos(n, geos, geosSeen);
      if (g != null) {
        return g;
      }
    }
    if (rules.get(rules.size() - 1) instanceof PyDict last
        && (last.has("subnets") && truthy(last.get("subnets")) || last.has("geos") && truthy(last.get("geos")))) {
      return "final rule has \"subnets\" and/or \"geos\" and is not catchall";
    }
    return null;
  }

  private static boolean truthy(Py v) {
    return OctoDnsPy.truthy(v);
  }

  private static String subnets(int n, Py subnets, Map<Integer, Map<String, Object[]>> seen) {
    if (!(subnets instanceof PyList list)) {
      return "rule " + n + " subnets must be a list";
    }
    List<PyIpNetwork.Net> networks = new ArrayList<>();
    for (Py x : list.items) {
      PyIpNetwork.Net net = x instanceof Str str ? PyIpNetwork.parse(str.v())
          : x instanceof Int i ? PyIpNetwork.parse(i.v())
          : x instanceof Bool b ? PyIpNetwork.parse(b.v() ? BigInteger.ONE : BigInteger.ZERO)
          : null;
      if (net == null) {
        return "rule " + n + " invalid subnet \"" + OctoDnsPy.str(x) + "\"";
      }
      networks.add(net);
    }
    networks.sort(PyIpNetwork.Net::compare); // largest first, as octoDNS sorts them
    for (PyIpNetwork.Net net : networks) {
      Map<String, Object[]> version = seen.computeIfAbsent(net.version(), v -> new LinkedHashMap<>());
      for (Object[] e : version.values()) {
        PyIpNetwork.Net before = (PyIpNetwork.Net) e[0];
        if (net.same(before)) {
          return "rule " + n + " targets subnet " + net + " which has previously been seen in rule " + e[1];
        }
        if (net.subnetOf(before)) {
          return "rule " + n + " targets subnet " + net + " which is more specific than the previously seen " + before
              + " in rule " + e[1];
        }
      }
      version.put(net.toString(), new Object[] {net, n});
    }
    return null;
  }

  private static String geos(int n, Py geos, Map<String, Integer> seen) {
    if (!(geos instanceof PyList list)) {
      return "rule " + n + " geos must be a list";
    }
    List<String> codes = new ArrayList<>();
    for (Py x : list.items) {
      if (!(x instanceof Str str)) {
        return "rule " + n + " geo " + OctoDnsPy.str(x) + " is not a code (octoDNS fails on it)";
      }
      codes.add(str.v());
    }
    codes.sort(OctoDnsPy::compareCodePoints);
    for (String geo : codes) {
      String problem = geoProblem(geo);
      if (problem != null) {
        return "rule " + n + " " + problem;
      }
      for (Map.Entry<String, Integer> e : seen.entrySet()) {
        if (geo.equals(e.getKey())) {
          return "rule " + n + " targets geo " + geo + " which has previously been seen in rule " + e.getValue();
        }
        if (geo.startsWith(e.getKey())) {
          return "rule " + n + " targets geo " + geo + " which is more specific than the previously seen " + e.getKey()
              + " in rule " + e.getValue();
        }
      }
      seen.put(geo, n);
    }
    return null;
  }
}
