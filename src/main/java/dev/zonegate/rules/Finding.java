package dev.zonegate.rules;

import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import java.util.Comparator;
import java.util.List;

/**
 * A rule's verdict on one change or one part of a snapshot (docs/exit-codes.md). {@code name} and
 * {@code type} may be null for zone-wide findings; {@code location} is in the proposed files.
 */
public record Finding(
    String rule,
    Severity severity,
    String zone,
    String name,
    String type,
    String message,
    List<String> before,
    List<String> after,
    Location location,
    boolean overridable,
    Allowance allowedBy) {

  /** Blocking first, then by zone, name (canonical order), type and rule: stable report bytes. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::zone)
          .thenComparing(f -> f.name() == null ? "" : f.name(), Names.CANONICAL_ORDER)
          .thenComparing(f -> f.type() == null ? "" : f.type())
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  public Finding {
    before = before == null ? List.of() : List.copyOf(before);
    after = after == null ? List.of() : List.copyOf(after);
  }

  public boolean allowed() {
    return allowedBy != null;
  }

  public Finding allow(Allowance a) {
    return new Finding(rule, severity, zone, name, type, message, before, after, location, overridable, a);
  }
}
