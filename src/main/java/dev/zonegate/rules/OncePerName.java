package dev.zonegate.rules;

/**
 * Yes once per owner name while a rule walks {@link RuleInput#changes} in their canonical order,
 * where all changes at one name are adjacent: a per-name verdict without a set of every name seen
 * (lint hands the rules a million changes).
 */
final class OncePerName {
  private String last;

  /** True the first time {@code name} comes, false while it repeats. */
  boolean first(String name) {
    if (name.equals(last)) {
      return false;
    }
    last = name;
    return true;
  }
}
