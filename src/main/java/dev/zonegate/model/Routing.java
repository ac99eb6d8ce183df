package dev.zonegate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Who gets which answer: weighted pools of values and the rules that pick a pool for a client
 * (octoDNS {@code dynamic}; its {@code geo} map is one pool and one rule per geo code). A routed
 * RRset keeps its plain records as the default answer and carries this beside them, so a pool
 * emptied or swapped is a change the rules can judge like an address set. Immutable; pools sorted
 * by name, rules in their order (the first match wins, so order is meaning).
 */
public record Routing(List<Pool> pools, List<Rule> rules) {
  /** One value of a pool; {@code status} is {@code up}, {@code down} or {@code obey} (health checks). */
  public record Value(String rdata, long weight, String status) {
    public Value {
      Objects.requireNonNull(rdata, "rdata");
      Objects.requireNonNull(status, "status");
    }

    /** A value marked down is never answered. */
    public boolean serving() {
      return !status.equals("down");
    }
  }

  /** A named pool; {@code fallback} is the pool answered when all of this one is unhealthy, or null. */
  public record Pool(String name, List<Value> values, String fallback) {
    public Pool {
      Objects.requireNonNull(name, "name");
      values = values.stream().sorted(Comparator.comparing(Value::rdata)).toList();
    }

    /** The rdata this pool can answer with: its values not marked down, sorted. */
    public List<String> serving() {
      List<String> out = new ArrayList<>();
      for (Value v : values) {
        if (v.serving()) {
          out.add(v.rdata());
        }
      }
      return out;
    }
  }

  /** Clients matching {@code geos} or {@code subnets} (neither: everyone left) get {@code pool}. */
  public record Rule(String pool, List<String> geos, List<String> subnets) {
    public Rule {
      Objects.requireNonNull(pool, "pool");
      geos = List.copyOf(geos);
      subnets = List.copyOf(subnets);
    }
  }

  public Routing {
    pools = pools.stream().sorted(Comparator.comparing(Pool::name)).toList();
    rules = List.copyOf(rules);
  }

  /** The pool named {@code name}, or null. */
  public Pool pool(String name) {
    for (Pool p : pools) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** Every value of every pool (served to someone, or ready to be), sorted, without repeats. */
  public List<String> values() {
    TreeSet<String> out = new TreeSet<>();
    for (Pool p : pools) {
      for (Value v : p.values()) {
        out.add(v.rdata());
      }
    }
    return new ArrayList<>(out);
  }

  /** The values of a set's routing, or none when it has none. */
  public static List<String> values(RRset s) {
    return s == null || s.extras() == null || s.extras().routing() == null ? List.of() : s.extras().routing().values();
  }

  /** One line per fact, in a stable order: what reports show and fingerprints hash. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Pool p : pools) {
      for (Value v : p.values()) {
        out.add("pool " + p.name() + ": " + v.rdata() + " weight=" + v.weight() + " status=" + v.status());
      }
      if (p.fallback() != null) {
        out.add("pool " + p.name() + " fallback: " + p.fallback());
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      out.add("rule " + (i + 1) + ": pool=" + r.pool()
          + (r.geos().isEmpty() ? "" : " geos=" + String.join(",", r.geos()))
          + (r.subnets().isEmpty() ? "" : " subnets=" + String.join(",", r.subnets())));
    }
    return out;
  }
}
