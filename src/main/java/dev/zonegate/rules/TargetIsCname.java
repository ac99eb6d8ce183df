package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

// Risk: MX, NS and SRV targets must be names with addresses, not aliases; many resolvers and mail servers fail on them.
// Source: RFC 2181 §10.3, RFC 2782.
final class TargetIsCname implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "target-is-cname",
          Severity.WARN,
          "an MX, NS or SRV target is a CNAME",
          List.of(),
          TargetIsCname::new,
          new RuleType.Example("@ MX 10 mail\nmail A 192.0.2.25\n", "@ MX 10 mail\nmail CNAME mx.example.net.\n"));

  private final RuleSpec spec;

  TargetIsCname(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone after = in.after();
    if (after == null) {
      return;
    }
    Aliases aliases = in.afterAliases();
    Boolean unchangedReferrers = null;
    for (Change c : in.changes()) {
      if (c.after() == null) {
        continue;
      }
      // (1) An MX, NS or SRV set the change adds or edits: every target it will serve.
      if (DanglingReference.needsAddress(c.type())) {
        Set<String> aliased = null;
        for (String rdata : c.afterRdata()) {
          String t = References.target(c.type(), rdata);
          if (t != null && Names.isAtOrBelow(t, after.origin()) && aliases.isCname(t)) {
            if (aliased == null) {
              aliased = new LinkedHashSet<>();
            }
            aliased.add(t);
          }
        }
        if (aliased != null) {
          out.add(c, c.name() + " " + c.type() + " points at " + String.join(", ", aliased)
              + (aliased.size() == 1 ? ", which is a CNAME" : ", which are CNAMEs")
              + "; " + c.type() + " targets must be names with addresses (RFC 2181 §10.3)");
        }
      }
      // (2) A CNAME newly at a name that MX, NS or SRV records still point at. Referrers whose own
      // set changed were judged in (1).
      if (c.type().equals("CNAME") && c.action() == Change.Action.ADD) {
        if (unchangedReferrers == null) {
          unchangedReferrers = unchangedReferrers(in, after);
        }
        if (!unchangedReferrers) {
          continue; // every referrer changed, so (1) judged it
        }
        List<References.Reference> refs = new ArrayList<>();
        for (References.Reference r : in.afterReferences().to(c.name())) {
          Change own = in.change(r.owner(), r.type());
          if (DanglingReference.needsAddress(r.type()) && (own == null || own.after() == null)) {
            refs.add(r);
          }
        }
        if (!refs.isEmpty()) {
          List<String> who = new ArrayList<>();
          refs.forEach(r -> who.add(r.owner() + " " + r.type() + " " + r.rdata()));
          out.add(c, c.name() + " becomes a CNAME, but " + String.join(", ", who)
              + (refs.size() == 1 ? " points" : " point") + " at it; MX, NS and SRV targets must be names with addresses (RFC 2181 §10.3)");
        }
      }
    }
  }

  /**
   * Whether some MX, NS or SRV set of the proposed zone is not the set of a change (as
   * {@link RuleInput#change(String, String)} finds them). When none is, as in lint, where each set
   * is an add, (2) has no referrer to report, and the zone's references are never gathered.
   */
  private static boolean unchangedReferrers(RuleInput in, Zone after) {
    int changed = 0;
    for (Change c : in.changes()) {
      if (c.after() != null && c.key().setId() == null && DanglingReference.needsAddress(c.type())) {
        changed++;
      }
    }
    return after.setsOf(DanglingReference::needsAddress).size() != changed;
  }
}
