package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import java.util.List;
import java.util.Objects;

// Risk: deploying the repository overwrites a change made on the live servers out of band (a
// hotfix, a record another system manages), silently undoing it.
// Source: the stale-plan failure of the 2025-10-20 outage (an old plan applied over newer state);
// the three-way comparison of base, head and live (README, "Live state: what deploying would
// really do").
final class DriftRevert implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "drift-revert",
          Severity.BLOCK,
          "deploying head would undo a live change that base does not know",
          List.of(),
          DriftRevert::new,
          RuleType.Example.withBase(
              "www A 93.184.215.14\n", "www A 93.184.215.15 ; hotfix made on the server\n", "www A 93.184.215.14\nblog A 93.184.215.30\n"));

  private final RuleSpec spec;

  DriftRevert(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    for (Change c : in.changes()) {
      if (!c.drift()) {
        continue;
      }
      RRset base = in.base().get(c.key());
      boolean authorTouched = in.after() != null && !Objects.equals(base, in.after().get(c.key()));
      String live = c.before() == null ? "nothing" : describe(c.before());
      String was = base == null ? "nothing" : describe(base);
      String will = c.after() == null ? "nothing" : describe(c.after());
      out.add(c, c.key() + " was changed on the live servers outside this repository (base has " + was
          + ", live has " + live + "); deploying "
          + (authorTouched ? "this change, written against base, replaces it with " : "puts base's value back: ")
          + will + "; the live value " + live + " would be lost");
    }
  }

  private static String describe(RRset s) {
    String r = String.join(", ", s.rdata());
    return "[" + (r.length() > 200 ? r.substring(0, 197) + "..." : r) + "] ttl " + s.ttl();
  }
}
