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
    for (Change c : in.changes()) {
      if (c.after() == null) {
        continue;
      }
      // (1) An MX, NS or SRV set the change adds or edits: every target it will serve.
      if (DanglingReference.NEEDS_ADDRESS.contains(c.type())) {
        Set<String> aliased = new LinkedHashSet<>();
        for (String rdata : c.afterRdata()) {
          String t = References.target(c.type(), rdata);
          if (t != null && Names.isAtOrBelow(t, after.origin()) && isCname(after, t)) {
            aliased.add(t);
          }
        }
        if (!aliased.isEmpty()) {
          out.add(c, c.name() + " " + c.type() + " points at " + String.join(", ", aliased)
              + (aliased.size() == 1 ? ", which is a CNAME" : ", which are CNAMEs")
              + "; " + c.type() + " targets must be names with addresses (RFC 2181 §10.3)");
        }
      }
      // (2) A CNAME newly at a name that MX, NS or SRV records still point at. Referrers whose own
      // set changed were judged in (1).
      if (c.type().equals("CNAME") && c.action() == Change.Action.ADD) {
        List<References.Reference> refs = new ArrayList<>();
        for (References.Reference r : in.afterReferences().to(c.name())) {
          Change own = in.change(r.owner(), r.type());
          if (DanglingReference.NEEDS_ADDRESS.contains(r.type()) && (own == null || own.after() == null)) {
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

  private static boolean isCname(Zone z, String name) {
    for (RRset s : z.at(name)) {
      if (s.type().equals("CNAME") && !s.rdata().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
