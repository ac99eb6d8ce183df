package dev.zonegate.rules;

import java.util.List;

/**
 * One permission to let a blocked finding through (docs/ci-and-hooks.md): {@code RULE} or {@code RULE:NAME},
 * where NAME is a name glob relative to the zone or absolute. Rules with
 * {@code overridable: false} ignore every allow.
 */
public record Allow(String rule, String name, Allowance source) {
  /** Parses {@code RULE[:NAME]} as written after {@code --allow}, in a trailer or a label. */
  public static Allow parse(String spec, Allowance source) {
    String s = spec.trim();
    int colon = s.indexOf(':');
    String rule = colon < 0 ? s : s.substring(0, colon);
    String name = colon < 0 ? null : s.substring(colon + 1).trim();
    if (!rule.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException("'" + spec + "' is not RULE-ID[:NAME]");
    }
    if (name != null && (name.isEmpty() || Scope.problem(name) != null)) {
      throw new IllegalArgumentException("'" + spec + "' has no usable NAME after the colon");
    }
    return new Allow(rule, name, source);
  }

  public boolean matches(Finding f) {
    if (!f.rule().equals(rule)) {
      return false;
    }
    return name == null || (f.name() != null && Scope.matchesAny(List.of(name), f.name(), f.zone()));
  }
}
