package dev.zonegate.rules;

import dev.zonegate.model.Change;
import java.util.List;

// Risk: A child zone's delegation or its DS: a mismatch with the child's servers or keys makes it unreachable or bogus.
// Source: RFC 1034 §4.2.2 (delegations), RFC 4035 §2.4 (DS at delegation points).
//
// Trigger, as re-read: what the parent says about an existing child changes: its servers, or the
// DS that ties the child's keys to the chain of trust. A warning, since the parent cannot see the
// child: re-delegations, registry backend moves and the child's KSK rollovers are routine, and the
// reviewer checks them with the child's operators. A DS added to a delegation that had none warns
// too (the child turns signed and goes bogus if its keys do not match); a brand-new delegation
// breaks nothing that worked. A child retired whole is one finding: its DS goes with its NS.
final class DelegationChange implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "delegation-change",
          Severity.WARN,
          "an NS or DS set below the apex changes or is deleted, or an existing child gets a DS",
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
      // that worked, and a TTL-only change points nowhere new.
      if (!(c.type().equals("NS") || c.type().equals("DS")) || c.name().equals(in.zone())) {
        continue;
      }
      boolean ns = c.type().equals("NS");
      String what = ns ? "delegation of " + c.name() : "DS of child " + c.name();
      if (c.action() == Change.Action.ADD) {
        // A DS at a child that was delegated before and stays so.
        if (!ns && in.before().get(c.name(), "NS") != null && in.after().get(c.name(), "NS") != null) {
          out.add(c, what + " added (" + show(c.type(), c.afterRdata()) + "): the child turns signed from here"
              + " and fails validation unless its DNSKEY matches");
        }
        continue;
      }
      if (c.action() == Change.Action.DELETE) {
        Change cut = in.change(c.name(), ns ? "DS" : "NS");
        boolean both = cut != null && cut.action() == Change.Action.DELETE;
        if (!ns && both) {
          continue; // the child is retired: its NS finding says so
        }
        out.add(c, what + " deleted (had " + show(c.type(), c.beforeRdata()) + ")"
            + (ns ? ": the child zone is no longer reachable from here" + (both ? " (its DS goes with it)" : "")
                : ": the child becomes insecure (unsigned)"));
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
