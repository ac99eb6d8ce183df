package dev.zonegate.zone.terraform;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a plan's record values become when the plan does not show them: values known only after
 * apply are one stand-in, never empty; each distinct sensitive value gets a numbered stand-in, so
 * that a sensitive value that changes still shows as a change and one that stays does not, while
 * the value itself appears in no report.
 */
final class Masks {
  static final String UNKNOWN = "(known after apply)";

  private final Map<String, String> sensitive = new HashMap<>();

  /** The stand-in of sensitive {@code value}: the same for the same value throughout one plan. */
  String sensitive(String value) {
    return sensitive.computeIfAbsent(value, v -> "(sensitive value " + (sensitive.size() + 1) + ")");
  }

  /** Every stand-in handed out so far, for readers that must take them as they are. */
  Set<String> all() {
    Set<String> out = new HashSet<>(sensitive.values());
    out.add(UNKNOWN);
    return out;
  }

  /** An alias to an Azure resource: a value naming that resource, not DNS data. */
  static String azureAlias(String resourceId) {
    return "(alias to Azure resource " + resourceId + ")";
  }

  static boolean isStandIn(String value) {
    return value.equals(UNKNOWN) || value.startsWith("(sensitive value ") || value.startsWith("(alias to Azure resource ");
  }
}
