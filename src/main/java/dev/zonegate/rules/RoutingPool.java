package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Routing;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

// Risk: An endpoint pool that routing sends clients to is emptied, thinned out of its redundancy,
// replaced wholesale, or no longer exists: those clients get no answer, or only untested ones.
// Source: The 2025-10-20 outage (an endpoint left empty by automation), in its octoDNS shape: a
// `dynamic` pool or `geo` answer emptied while rules still route clients to it.
final class RoutingPool implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "routing-pool",
          Severity.BLOCK,
          "a routing pool (octoDNS dynamic or geo) that clients are sent to is emptied, drops below minPool serving"
              + " values, has all its values swapped at once, or a rule names a pool that does not exist",
          List.of(new Param("minPool", 2L, "a pool of at least this many serving values is load-balanced: it must not fall below it, nor be swapped whole")),
          RoutingPool::new,
          new RuleType.Example(
              "www:\n  type: A\n  value: 192.0.2.10\n  dynamic:\n    pools:\n      iad:\n        values:\n"
                  + "        - value: 192.0.2.1\n        - value: 192.0.2.2\n    rules:\n    - pool: iad\n",
              "www:\n  type: A\n  value: 192.0.2.10\n  dynamic:\n    pools:\n      iad:\n        values:\n"
                  + "        - value: 192.0.2.1\n          status: down\n        - value: 192.0.2.2\n          status: down\n"
                  + "    rules:\n    - pool: iad\n",
              Map.of(), null, List.of(), ZoneFormat.OCTODNS));

  private final RuleSpec spec;

  RoutingPool(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    long minPool = spec.longParam("minPool");
    for (Change c : in.changes()) {
      Routing now = c.after() == null || c.after().extras() == null ? null : c.after().extras().routing();
      Routing was = c.before() == null || c.before().extras() == null ? null : c.before().extras().routing();
      if (now == null) {
        continue; // a deleted or unrouted set: address-emptied judges what its name still answers
      }
      for (Routing.Rule r : now.rules()) {
        missing(now, r.pool(), "rule " + (now.rules().indexOf(r) + 1), c, out);
      }
      for (Routing.Pool p : now.pools()) {
        if (p.fallback() != null) {
          missing(now, p.fallback(), "pool " + p.name() + "'s fallback", c, out);
        }
      }
      if (was == null) {
        continue;
      }
      for (Routing.Pool before : was.pools()) {
        Routing.Pool after = now.pool(before.name());
        if (after == null) {
          continue; // removed with the rules that sent clients there: they fall through to the next
        }
        List<String> b = before.serving();
        List<String> a = after.serving();
        List<String> kept = new ArrayList<>(b);
        kept.retainAll(a);
        String what = "pool " + before.name() + " of " + c.name() + " " + c.type();
        if (!b.isEmpty() && a.isEmpty()) {
          out.add(c, what + " is emptied: none of its values would serve (" + (after.values().isEmpty()
              ? "it has none" : "all are marked down") + "), while routing still sends clients to it");
        } else if (b.size() >= minPool && a.size() < minPool) {
          out.add(c, what + " drops from " + b.size() + " serving values to " + a.size()
              + ", below minPool " + minPool + ": a load-balanced endpoint loses its redundancy");
        } else if (b.size() >= minPool && kept.isEmpty()) {
          out.add(c, what + " has all " + b.size() + " serving values replaced at once; keep some old ones"
              + " serving while the new ones take traffic");
        }
      }
    }
  }

  private static void missing(Routing now, String pool, String who, Change c, Findings out) {
    if (now.pool(pool) == null) {
      out.add(c, who + " of " + c.name() + " " + c.type() + " sends clients to pool " + pool
          + ", which does not exist: they would get no answer from it");
    }
  }
}
