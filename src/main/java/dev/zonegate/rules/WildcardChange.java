package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Names;
import java.util.List;

// Risk: A wildcard answers for every name that does not exist: a change there reaches far more names than it shows.
// Source: RFC 4592 (wildcards in the DNS).
//
// Trigger, as re-read: what a wildcard answers changes. A TTL-only update answers the same for
// every name it covers (lowering TTLs zone-wide before a migration touches the wildcard too), so
// it is quiet; adds, deletes and new records warn.
final class WildcardChange implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "wildcard-change",
          Severity.WARN,
          "a wildcard RRset is added, changed or deleted",
          List.of(),
          WildcardChange::new,
          new RuleType.Example("www A 192.0.2.1\n", "www A 192.0.2.1\n* A 192.0.2.99\n"));

  private final RuleSpec spec;

  WildcardChange(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    for (Change c : in.changes()) {
      // An escaped "\\*" label is a literal asterisk, not a wildcard: labels() keeps the escape.
      List<String> labels = Names.labels(c.name());
      if (labels.isEmpty() || !labels.get(0).equals("*")) {
        continue;
      }
      if (c.action() == Change.Action.UPDATE && c.added().isEmpty() && c.removed().isEmpty()) {
        continue; // the TTL alone: the same answers
      }
      String parent = c.name().length() > 2 ? c.name().substring(2) : ".";
      String verb = c.action() == Change.Action.ADD ? "added" : c.action() == Change.Action.DELETE ? "deleted" : "changed";
      out.add(c, "wildcard " + c.name() + " " + c.type() + " " + verb
          + ": it answers for every name below " + parent + " that has no records of its own (RFC 4592)");
    }
  }
}
