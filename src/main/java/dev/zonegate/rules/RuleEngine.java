package dev.zonegate.rules;

import dev.zonegate.util.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs the rules in force on one zone. When the proposed file did not parse, no rule runs: nothing
 * can be judged on a half-read zone, and the gate reports the parse error itself
 * ({@link ZoneParseError#finding}).
 */
public final class RuleEngine {
  private final RuleSet rules;

  public RuleEngine(RuleSet rules) {
    this.rules = rules;
  }

  /** Changes from which the rules of one zone are worth spreading over the cores. */
  static final int PARALLEL_CHANGES = 20_000;

  public List<Finding> judge(RuleInput in) {
    if (in.parseError() != null) {
      return List.of(ZoneParseError.finding(in));
    }
    List<RuleSet.Active> run = new ArrayList<>();
    for (RuleSet.Active a : rules.active()) {
      RuleSpec spec = a.spec();
      if (!spec.scope().coversZone(in.zone())) {
        continue;
      }
      run.add(a);
    }
    // Rules are independent and read the input only; a large change (lint's million "adds", a
    // regenerated zone) runs them on every core. Each rule's findings stay together, in rule
    // order, so the result is the same list either way.
    IntStream ids = IntStream.range(0, run.size());
    if (in.changes().size() >= PARALLEL_CHANGES) {
      ids = ids.parallel();
    }
    List<Finding> out = new ArrayList<>();
    ids.mapToObj(i -> check(run.get(i), in)).forEachOrdered(out::addAll);
    return out;
  }

  private static List<Finding> check(RuleSet.Active a, RuleInput in) {
    List<Finding> found = new ArrayList<>();
    long t = System.nanoTime();
    a.rule().check(in.scoped(a.spec().scope()), new Findings(a.spec(), in.zone(), found::add));
    Timings.addDetail("rules." + a.spec().id(), t);
    return found;
  }
}
