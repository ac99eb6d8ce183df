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
  public static final Comparator<Finding> ORDER = Finding::compare;

  /** {@link #ORDER}, written out: a lint sorts tens of thousands of findings, twice. */
  private static int compare(Finding a, Finding b) {
    int c = a.severity.compareTo(b.severity);
    if (c == 0 && a.zone != b.zone) { // one zone's findings share its name's string
      c = a.zone.compareTo(b.zone);
    }
    if (c == 0 && a.name != b.name) {
      c = Names.compare(a.name == null ? "" : a.name, b.name == null ? "" : b.name);
    }
    if (c == 0) {
      c = (a.type == null ? "" : a.type).compareTo(b.type == null ? "" : b.type);
    }
    if (c == 0) {
      c = a.rule.compareTo(b.rule);
    }
    return c != 0 ? c : a.message.compareTo(b.message);
  }

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
