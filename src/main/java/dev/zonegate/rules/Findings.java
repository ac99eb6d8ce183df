package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where one rule reports, already bound to its id, severity and zone; findings outside the rule's
 * scope are dropped here, so no rule has to check its scope itself.
 */
public final class Findings {
  private final RuleSpec spec;
  private final String zone;
  private final Consumer<Finding> sink;

  Findings(RuleSpec spec, String zone, Consumer<Finding> sink) {
    this.spec = spec;
    this.zone = zone;
    this.sink = sink;
  }

  public RuleSpec spec() {
    return spec;
  }

  /** A finding about a change, with its before and after records as evidence. */
  public void add(Change c, String message) {
    add(c.name(), c.type(), message, c.beforeRdata(), c.afterRdata(), c.location());
  }

  public void add(
      String name, String type, String message, List<String> before, List<String> after, Location where) {
    add(spec.severity(), name, type, message, before, after, where);
  }

  /**
   * A finding whose severity is at most {@code capped}: the less severe of it and the configured
   * one, for rules whose lesser findings must stay lesser (mail-change: SPF/DMARC only warn).
   */
  public void add(
      Severity capped,
      String name,
      String type,
      String message,
      List<String> before,
      List<String> after,
      Location where) {
    if (!spec.scope().covers(zone, name, type)) {
      return;
    }
    // Severity declares BLOCK, WARN, INFO in that order: the larger ordinal is the less severe.
    Severity s = capped.compareTo(spec.severity()) > 0 ? capped : spec.severity();
    sink.accept(new Finding(spec.id(), s, zone, name, type, message, before, after, where, spec.overridable(), null));
  }
}
