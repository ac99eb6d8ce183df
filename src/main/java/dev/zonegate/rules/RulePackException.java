package dev.zonegate.rules;

import dev.zonegate.model.Location;

/** A rule pack that cannot be used: one sentence naming the file, the line and the rule. */
public final class RulePackException extends Exception {
  private static final long serialVersionUID = 1L;

  public RulePackException(Location where, String ruleId, String problem) {
    super(where + ": " + (ruleId == null ? "" : "rule '" + ruleId + "': ") + problem);
  }
}
