package dev.zonegate.rules;

import dev.zonegate.model.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

// Risk: A TTL raised sharply locks a wrong answer into caches for that long; a tiny TTL multiplies query load.
// Source: RFC 1035 §3.2.1, RFC 2181 §8; common operational guidance for TTLs before migrations.
//
// Trigger, as re-read against the migration routine (lower TTLs, move, raise them back):
// - the bounds judge a TTL the change sets (a new set, or a new TTL), not one the set already had
//   when only its records change: an old TTL is not this change's;
// - a raise pins a wrong answer when the answer changes in the same edit, or when the new TTL is
//   long. Raising a TTL back to an hour or less with the records unchanged is the last step of a
//   migration (the answer has been served at the low TTL all along), so it is quiet; a raise past
//   maxRaiseFactor warns when the records change too, or when it goes above an hour;
// - attribute leaves (RFC 8552: _acme-challenge, _domainkey) are not addresses anyone connects to,
//   so a raise there is not guarded.
final class TtlGuard implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "ttl-guard",
          Severity.WARN,
          "a TTL the change sets is outside [minTtl, maxTtl], or an address TTL is raised more than maxRaiseFactor times with new records or above an hour",
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

  /** An hour, the TTL most zones settle on: raising back to it with the same records is routine. */
  static final long SETTLED_TTL = 3600;

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
      List<String> problems = null; // made for the few sets with a problem: lint asks of a million
      boolean ttlSet = c.before() == null || c.before().ttl() != ttl;
      if (ttlSet && ttl < minTtl) {
        problems = add(problems, "TTL " + ttl + " is below minTtl " + minTtl);
      }
      if (ttlSet && ttl > maxTtl) {
        problems = add(problems, "TTL " + ttl + " is above maxTtl " + maxTtl);
      }
      // Lowering is always fine (it is how a migration starts); a sharp raise is not, when the
      // answer changes with it or the new TTL is long.
      if (c.before() != null && ADDRESS_TYPES.contains(c.type()) && !AttributeLeaf.is(c.name())) {
        long was = c.before().ttl();
        long limit = was > Long.MAX_VALUE / factor ? Long.MAX_VALUE : was * factor;
        boolean newAnswer = !c.added().isEmpty() || !c.removed().isEmpty();
        if (ttl > limit && (newAnswer || ttl > SETTLED_TTL)) {
          problems = add(problems, "TTL raised from " + was + " to " + ttl + (newAnswer ? " together with new records" : "")
              + ", more than maxRaiseFactor " + factor + " times: a wrong answer would stay cached for " + ttl + " s");
        }
      }
      if (problems != null) {
        out.add(c, c.type() + " " + String.join("; ", problems));
      }
    }
  }

  private static List<String> add(List<String> problems, String problem) {
    List<String> out = problems != null ? problems : new ArrayList<>();
    out.add(problem);
    return out;
  }
}
