package dev.zonegate.rules;

import dev.zonegate.model.Change;
import java.util.List;

// Risk: A child zone's delegation or its DS: a mismatch with the child's servers or keys makes it unreachable or bogus.
// Source: RFC 1034 §4.2.2 (delegations), RFC 4035 §2.4 (DS at delegation points).
final class DelegationChange implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "delegation-change",
          Severity.WARN,
          "an NS or DS set below the apex changes or is deleted",
          List.of(),
          DelegationChange::new,
          new RuleType.Example("dev NS ns1.dev\nns1.dev A 192.0.2.53\n", "dev NS ns9.example.org.\nns1.dev A 192.0.2.53\n"));

  private final RuleSpec spec;

  DelegationChange(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    for (Change c : in.changes()) {
      // Below the apex only (the apex NS is apex-ns-change's); a new delegation breaks nothing
      // that worked, and a TTL-only change points nowhere new (DS timing is dnssec-change's).
      if (!(c.type().equals("NS") || c.type().equals("DS")) || c.name().equals(in.zone())) {
        continue;
      }
      if (c.action() == Change.Action.ADD) {
        continue;
      }
      boolean ns = c.type().equals("NS");
      String what = ns ? "delegation of " + c.name() : "DS of child " + c.name();
      if (c.action() == Change.Action.DELETE) {
        out.add(c, what + " deleted (had " + show(c.type(), c.beforeRdata()) + ")"
            + (ns ? ": the child zone is no longer reachable from here" : ": the child becomes insecure (unsigned)"));
        continue;
      }
      if (c.added().isEmpty() && c.removed().isEmpty()) {
        continue;
      }
      StringBuilder msg = new StringBuilder(what).append(" changes");
      if (!c.removed().isEmpty()) {
        msg.append(": removes ").append(show(c.type(), c.removed()));
      }
      if (!c.added().isEmpty()) {
        msg.append(c.removed().isEmpty() ? ": adds " : "; adds ").append(show(c.type(), c.added()));
      }
      msg.append(ns ? "; the child's servers must serve it" : "; the child's keys must match");
      out.add(c, msg.toString());
    }
  }

  /** Server names as they are; DS digests by key tag and algorithm, which people compare. */
  private static String show(String type, List<String> rdata) {
    return type.equals("DS") ? DnssecChange.describe(type, rdata) : String.join(", ", rdata);
  }
}
