package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

// Risk: A CNAME beside other data is invalid; servers refuse the zone or answer inconsistently.
// Source: RFC 1034 §3.6.2, RFC 2181 §10.1.
//
// Trigger, as re-read: unchanged, and attribute leaves (RFC 8552) are judged like any name. Moving
// _acme-challenge or a DKIM selector from TXT to CNAME in one change leaves no conflict; adding the
// CNAME and forgetting the old TXT is invalid there too, and the CA or verifier sees one or the other.
final class CnameConflict implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "cname-conflict",
          Severity.BLOCK,
          "a CNAME coexists with other data, sits at the apex, or one name has several",
          List.of(),
          CnameConflict::new,
          new RuleType.Example("www A 192.0.2.1\n", "www A 192.0.2.1\nwww CNAME cdn.example.net.\n"));

  /**
   * Types allowed beside a CNAME: DNSSEC's own records (RFC 2181 §10.1, RFC 4035 §2.5), and
   * their predecessors SIG and KEY (RFC 2535 §2.3.5), as named keeps them.
   */
  private static final Set<String> ALLOWED_BESIDE = Set.of("CNAME", "RRSIG", "NSEC", "KEY", "SIG");

  private final RuleSpec spec;

  CnameConflict(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone after = in.after();
    if (after == null) {
      return;
    }
    // Only names where the change adds or edits something: a conflict elsewhere is old news and
    // must not block an unrelated change. Adding an A beside an existing CNAME counts, as does
    // adding the CNAME.
    OncePerName judged = new OncePerName();
    Zone.Walk walk = after.walk(); // the changes come in canonical order
    for (Change c : in.changes()) {
      if (c.after() == null || !judged.first(c.name())) {
        continue;
      }
      String name = c.name();
      long here = walk.span(name);
      if (!Aliases.hasCname(after, here)) {
        continue; // most names: nothing to gather
      }
      if (!name.equals(after.origin()) && loneAlias(after, here)) {
        continue; // most aliases: one CNAME record, alone at its name
      }
      List<RRset> cnames = new ArrayList<>();
      Set<String> others = new LinkedHashSet<>();
      for (int i = (int) (here >>> 32); i < (int) here; i++) {
        RRset s = after.setAt(i);
        if (s.rdataCount() == 0) {
          continue;
        }
        if (s.type().equals("CNAME")) {
          cnames.add(s);
        } else if (!ALLOWED_BESIDE.contains(s.type())) {
          others.add(s.type());
        }
      }
      if (cnames.isEmpty()) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      if (name.equals(after.origin())) {
        problems.add("a CNAME at the zone apex, where the SOA and NS must stand (RFC 1912 §2.4)");
      }
      if (!others.isEmpty()) {
        problems.add("a CNAME beside other data (" + String.join(", ", others) + ") (RFC 1034 §3.6.2, RFC 2181 §10.1)");
      }
      // Route 53 weighted or latency CNAMEs are separate sets of one record each (distinct set
      // ids) and legal; a single set with several targets is not.
      for (RRset s : cnames) {
        if (s.rdata().size() > 1) {
          problems.add(s.rdata().size() + " CNAME records " + s.rdata() + "; a name has at most one (RFC 2181 §10.1)");
          break;
        }
      }
      if (!problems.isEmpty()) {
        // Point at the CNAME line when the change touched it (and the scope covers it).
        Change cname = in.change(name, "CNAME");
        out.add(cname != null && cname.after() != null ? cname : c, name + " has " + String.join("; and ", problems));
      }
    }
  }

  /**
   * True when the name's sets (its span in the zone) hold no conflict: no CNAME set of several
   * records, and beside the CNAMEs only sets that are empty or of a type allowed beside one.
   * Nothing is gathered: lint asks this of every alias of the zone.
   */
  private static boolean loneAlias(Zone z, long span) {
    for (int i = (int) (span >>> 32); i < (int) span; i++) {
      String type = z.typeAt(i);
      if (type.equals("CNAME")) {
        if (z.setAt(i).rdataCount() > 1) {
          return false;
        }
      } else if (!ALLOWED_BESIDE.contains(type) && z.setAt(i).rdataCount() > 0) {
        return false;
      }
    }
    return true;
  }
}
