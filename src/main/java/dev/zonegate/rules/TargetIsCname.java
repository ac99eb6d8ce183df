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

  private static final String WHY = " targets must be names with addresses (RFC 2181 §10.3)";

  /**
   * "NAME TYPE points at A, B, which are CNAMEs; TYPE targets must ...", made at its length at
   * once: a lint says this of thousands of sets, and a message grown piece by piece is copied as
   * it grows.
   */
  private static String pointsAt(Change c, Set<String> aliased) {
    String which = aliased.size() == 1 ? ", which is a CNAME; " : ", which are CNAMEs; ";
    int length = c.name().length() + 1 + c.type().length() + " points at ".length() + 2 * (aliased.size() - 1)
        + which.length() + c.type().length() + WHY.length();
    for (String a : aliased) {
      length += a.length();
    }
    StringBuilder m = new StringBuilder(length).append(c.name()).append(' ').append(c.type()).append(" points at ");
    boolean first = true;
    for (String a : aliased) {
      if (!first) {
        m.append(", ");
      }
      first = false;
      m.append(a);
    }
    return m.append(which).append(c.type()).append(WHY).toString();
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone after = in.after();
    if (after == null) {
      return;
    }
    // One pass over the changes: the MX, NS and SRV sets they add or edit with their in-zone
    // targets, how many such sets changed, and the CNAMEs they add. Then all the targets are
    // looked up together (lint asks about a hundred thousand of them).
    List<Change> referring = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<Change> newAliases = new ArrayList<>();
    int changedReferrers = 0;
    for (Change c : in.changes()) {
      if (c.after() == null) {
        continue;
      }
      String type = c.type();
      if (DanglingReference.needsAddress(type)) {
        if (c.key().setId() == null) {
          changedReferrers++;
        }
        referring.add(c);
        RRset set = c.after();
        for (int i = 0; i < set.rdataCount(); i++) {
          String t = References.target(type, set.rdata(i));
          targets.add(t != null && Names.isAtOrBelow(t, after.origin()) ? t : null);
        }
      } else if (type.equals("CNAME") && c.action() == Change.Action.ADD) {
        newAliases.add(c);
      }
    }
    long[] spans = References.spans(after, targets);
    // (1) An MX, NS or SRV set the change adds or edits: every target it will serve.
    int next = 0;
    for (Change c : referring) {
      Set<String> aliased = null;
      for (int i = 0; i < c.after().rdataCount(); i++) {
        String t = targets.get(next);
        if (t != null && Aliases.hasCname(after, spans[next])) {
          if (aliased == null) {
            aliased = new LinkedHashSet<>();
          }
          aliased.add(t);
        }
        next++;
      }
      if (aliased != null) {
        out.add(c, pointsAt(c, aliased));
      }
    }
    // (2) A CNAME newly at a name that MX, NS or SRV records still point at. Referrers whose own
    // set changed were judged in (1); when every referrer of the zone changed (lint, where each
    // set is an add), none is left, and the zone's references are never gathered.
    if (newAliases.isEmpty() || after.setsOf(DanglingReference::needsAddress).size() == changedReferrers) {
      return;
    }
    for (Change c : newAliases) {
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
