package dev.zonegate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies allows to the findings and decides (docs/exit-codes.md, docs/ci-and-hooks.md): {@code block} when any finding at or
 * above the fail-on severity is not allowed. Allowed findings stay in the list, marked with who
 * allowed them, so every report shows the override.
 */
public record Verdict(Outcome outcome, List<Finding> findings) {
  public static Verdict decide(List<Finding> raw, List<Allow> allows, Severity failOn) {
    return decide(raw, false, allows, failOn);
  }

  /**
   * As {@link #decide(List, List, Severity)}, told whether the findings stand in
   * {@link Finding#ORDER} already (one zone's, from {@link RuleEngine#judge}): then they are not
   * compared again. Allowing a finding keeps its place.
   */
  public static Verdict decide(List<Finding> raw, boolean ordered, List<Allow> allows, Severity failOn) {
    if (ordered && allows.isEmpty()) {
      // Nothing to allow, and the most severe first: the findings are looked at only up to the
      // first that blocks (at or above fail-on, not allowed already) or the first below fail-on,
      // not tens of thousands of them.
      boolean block = false;
      for (Finding f : raw) {
        if (f.severity().compareTo(failOn) > 0) {
          break;
        }
        if (!f.allowed()) {
          block = true;
          break;
        }
      }
      return new Verdict(Outcome.of(block), new ArrayList<>(raw));
    }
    List<Finding> out = new ArrayList<>(raw.size());
    boolean block = false;
    // Else seen here, while each finding is at hand: that spares the sort's own pass over tens
    // of thousands of findings already in order.
    boolean inOrder = true;
    Finding last = null;
    for (Finding f : raw) {
      Finding g = f;
      if (f.overridable() && f.severity() != Severity.INFO) {
        for (Allow a : allows) {
          if (a.matches(f)) {
            g = f.allow(a.source());
            break;
          }
        }
      }
      if (!g.allowed() && g.severity().compareTo(failOn) <= 0) {
        block = true;
      }
      out.add(g);
      if (!ordered && inOrder && last != null && Finding.ORDER.compare(last, g) > 0) {
        inOrder = false;
      }
      last = g;
    }
    if (!inOrder) {
      out.sort(Finding.ORDER);
    }
    return new Verdict(Outcome.of(block), out);
  }

  public boolean blocked() {
    return outcome == Outcome.BLOCK;
  }
}
