package dev.zonegate.rules;

import dev.zonegate.zone.ZoneFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A built-in rule type: its name, default severity, what it checks, its parameters with defaults,
 * how to make a rule of it, and a small example that fires, shown by {@code rules explain} and
 * checked by the tests.
 */
public record RuleType(
    String name,
    Severity defaultSeverity,
    String summary,
    List<Param> params,
    Function<RuleSpec, Rule> factory,
    Example example) {

  /**
   * Two master-file bodies under {@code $ORIGIN example.com.} and {@code $TTL 300} (or, with
   * {@code format} octodns, two octoDNS YAML zones of example.com.), and the params the example
   * needs beyond the defaults (critical-endpoint needs a critical name).
   */
  public record Example(
      String before,
      String after,
      Map<String, Object> params,
      String base,
      List<RuleInput.Disagreement> disagreements,
      ZoneFormat format) {
    public Example(String before, String after) {
      this(before, after, Map.of());
    }

    public Example(String before, String after, Map<String, Object> params) {
      this(before, after, params, null, List.of());
    }

    public Example(
        String before, String after, Map<String, Object> params, String base, List<RuleInput.Disagreement> disagreements) {
      this(before, after, params, base, disagreements, ZoneFormat.MASTER);
    }

    /** A three-way example: {@code before} is live, {@code base} what the repository last had. */
    public static Example withBase(String base, String live, String after) {
      return new Example(live, after, Map.of(), base, List.of());
    }
  }

  public Param param(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
