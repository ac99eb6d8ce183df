package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Zone;
import java.util.List;

// Risk: Mass edits: a bad generator, a wrong source of truth, a truncated export.
// Source: octoDNS Plan safety thresholds (MAX_SAFE_UPDATE_PCENT / MAX_SAFE_DELETE_PCENT, MIN_EXISTING_RECORDS).
//
// Trigger, as re-read: a large share of what the zone answers is rewritten or removed at once. One
// departure from octoDNS: an update that changes only the TTL is not counted. Lowering every TTL
// before a provider move (and raising them after) is the textbook migration step, changes no
// answer, and would trip the threshold on any zone; ttl-guard judges each TTL. Attribute leaves
// (_domainkey, _dmarc, SRV, TLSA) still count: a generator that drops them all is as broken as
// one that drops hosts. Glue (and anything else at or below a delegation but the NS and DS) is not
// counted either: it is the child's data, and retiring one child with two dual-stack servers
// would otherwise weigh six deletes in a parent zone.
final class ChangeThreshold implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "change-threshold",
          Severity.BLOCK,
          "updates (TTL-only ones aside) or deletes exceed maxUpdatePercent/maxDeletePercent of a zone's RRsets, when it has at least minExisting",
          List.of(
              new Param("maxUpdatePercent", 30L, "largest share of existing RRsets one change may update (strict >)"),
              new Param("maxDeletePercent", 30L, "largest share of existing RRsets one change may delete (strict >)"),
              new Param("minExisting", 10L, "zones with fewer RRsets are not checked")),
          ChangeThreshold::new,
          new RuleType.Example("a A 192.0.2.1\nb A 192.0.2.2\nc A 192.0.2.3\nd A 192.0.2.4\ne A 192.0.2.5\nf A 192.0.2.6\ng A 192.0.2.7\nh A 192.0.2.8\ni A 192.0.2.9\nj A 192.0.2.10\n", "a A 192.0.2.1\nb A 192.0.2.2\nc A 192.0.2.3\nd A 192.0.2.4\ne A 192.0.2.5\nf A 192.0.2.6\n"));

  private final RuleSpec spec;

  ChangeThreshold(RuleSpec spec) {
    this.spec = spec;
  }

  /**
   * As octoDNS's Plan: RRsets are counted, not records; creations never count (adding cannot
   * break what exists), nor do updates of the TTL alone (unlike octoDNS: they change no answer);
   * updates and deletes are judged apart, each strictly above its share of the
   * live zone. The SOA is left out of every count: it is zone bookkeeping, not user data, and many
   * sources (octoDNS YAML, providers) carry none, so counting it would make the same zone weigh
   * differently by format. With a scope, only the changes it covers are counted, against the
   * whole live zone.
   */
  @Override
  public void check(RuleInput in, Findings out) {
    Zone live = in.before();
    long existing = live.size() - (live.get(live.origin(), "SOA") != null ? 1 : 0);
    if (existing < spec.longParam("minExisting") || existing == 0) {
      return;
    }
    long updates = 0;
    long deletes = 0;
    for (Change c : in.changes()) {
      if (c.type().equals("SOA") || c.action() != Change.Action.ADD && isChildData(live, c)) {
        continue;
      }
      if (c.action() == Change.Action.UPDATE) {
        if (!c.added().isEmpty() || !c.removed().isEmpty()) {
          updates++; // a TTL-only update serves the same answers
        }
      } else if (c.action() == Change.Action.DELETE) {
        deletes++;
      }
    }
    judge(in, out, "updates", updates, spec.doubleParam("maxUpdatePercent"), existing);
    judge(in, out, "deletes", deletes, spec.doubleParam("maxDeletePercent"), existing);
  }

  /** Glue or occluded data: a set at or below a delegation that is not the delegation's NS or DS. */
  private static boolean isChildData(Zone live, Change c) {
    String cut = DanglingReference.delegation(live, c.name());
    return cut != null && !(cut.equals(c.name()) && (c.type().equals("NS") || c.type().equals("DS")));
  }

  private static void judge(RuleInput in, Findings out, String what, long n, double maxPercent, long existing) {
    // n / existing > maxPercent / 100, kept in exact arithmetic for whole percentages: 3 of 10
    // at 30 % is exactly the limit and passes.
    if (n * 100.0 <= maxPercent * existing) {
      return;
    }
    out.add(
        in.zone(),
        null,
        "Too many " + what + ", " + n + " > " + percent(maxPercent) + "% of " + existing + " existing RRsets ("
            + percent(Math.floor(1000.0 * n / existing) / 10) + "%)"
            + (in.before().marks().isPartial() ? "; counted over " + in.before().marks().partial() : ""),
        List.of(),
        List.of(),
        in.afterFile());
  }

  private static String percent(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }
}
