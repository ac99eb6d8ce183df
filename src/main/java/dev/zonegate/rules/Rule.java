package dev.zonegate.rules;

/**
 * One configured rule. It sees the changes of one zone and both snapshots, and adds findings; it
 * must report only what the change introduces or keeps broken in a changed RRset, so an old
 * problem elsewhere in the zone does not block an unrelated change.
 */
public interface Rule {
  void check(RuleInput in, Findings out);
}
