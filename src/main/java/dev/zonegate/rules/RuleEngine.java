package dev.zonegate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rules in force on one zone. When the proposed file did not parse, only
 * {@code zone-parse-error} rules run: nothing else can be judged on a half-read zone.
 */
public final class RuleEngine {
  private final RuleSet rules;

  public RuleEngine(RuleSet rules) {
    this.rules = rules;
  }

  public List<Finding> judge(RuleInput in) {
    List<Finding> out = new ArrayList<>();
    for (RuleSet.Active a : rules.active()) {
      RuleSpec spec = a.spec();
      if (!spec.scope().coversZone(in.zone())) {
        continue;
      }
      boolean parseRule = spec.type().equals(ZoneParseError.TYPE.name());
      if ((in.parseError() != null) != parseRule) {
        continue;
      }
      a.rule().check(in.scoped(spec.scope()), new Findings(spec, in.zone(), out::add));
    }
    return out;
  }
}
