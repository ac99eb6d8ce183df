package dev.zonegate.rules;

import dev.zonegate.model.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

// Risk: A TTL raised sharply locks a wrong answer into caches for that long; a tiny TTL multiplies query load.
// Source: RFC 1035 §3.2.1, RFC 2181 §8; common operational guidance for TTLs before migrations.
final class TtlGuard implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "ttl-guard",
          Severity.WARN,
          "TTL outside [minTtl, maxTtl], or an address TTL raised more than maxRaiseFactor times",
          List.of(
              new Param("minTtl", 30L, "lowest TTL accepted on a changed RRset"),
              new Param("maxTtl", 604800L, "highest TTL accepted on a changed RRset"),
              new Param("maxRaiseFactor", 10L, "largest factor by which one change may raise an address TTL")),
          TtlGuard::new,
          new RuleType.Example("api 60 A 192.0.2.1\n", "api 86400 A 192.0.2.1\n"));

  private final RuleSpec spec;

  TtlGuard(RuleSpec spec) {
    this.spec = spec;
  }

  /** Types whose cached answer is where clients connect: a raise there pins a wrong answer longest. */
  private static final Set<String> ADDRESS_TYPES = Set.of("A", "AAAA", "CNAME", "ALIAS");

  @Override
  public void check(RuleInput in, Findings out) {
    long minTtl = spec.longParam("minTtl");
    long maxTtl = spec.longParam("maxTtl");
    long factor = Math.max(1, spec.longParam("maxRaiseFactor"));
    for (Change c : in.changes()) {
      if (c.after() == null) {
        continue; // a delete has no TTL to judge
      }
      long ttl = c.after().ttl();
      List<String> problems = new ArrayList<>();
      if (ttl < minTtl) {
        problems.add("TTL " + ttl + " is below minTtl " + minTtl);
      }
      if (ttl > maxTtl) {
        problems.add("TTL " + ttl + " is above maxTtl " + maxTtl);
      }
      // Lowering is always fine (it is how a migration starts); a sharp raise is not.
      if (c.before() != null && ADDRESS_TYPES.contains(c.type())) {
        long was = c.before().ttl();
        long limit = was > Long.MAX_VALUE / factor ? Long.MAX_VALUE : was * factor;
        if (ttl > limit) {
          problems.add("TTL raised from " + was + " to " + ttl + ", more than maxRaiseFactor " + factor
              + " times: a wrong answer would stay cached for " + ttl + " s");
        }
      }
      if (!problems.isEmpty()) {
        out.add(c, c.type() + " " + String.join("; ", problems));
      }
    }
  }
}
