package dev.zonegate.zone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds that keep hostile input from exhausting the gate (issue: hardening). Each has a
 * safe default; {@code --limit NAME=N} raises or lowers one for a run. Exceeding a limit is an
 * error that names it and says how to raise it.
 */
public final class Limits {
  /** Name, default and what it bounds, in the order the README documents them. */
  public enum Limit {
    MAX_FILE_BYTES("maxFileBytes", 64L * 1024 * 1024, "bytes in one zone, include, config or rule-pack file"),
    MAX_RECORDS("maxRecords", 5_000_000, "records in one zone"),
    MAX_INCLUDE_DEPTH("maxIncludeDepth", 8, "nesting of $INCLUDE"),
    MAX_GENERATED("maxGenerated", 100_000, "records $GENERATE may create in one zone"),
    AXFR_MAX_RECORDS("axfrMaxRecords", 5_000_000, "records one zone transfer may bring"),
    AXFR_MAX_SECONDS("axfrMaxSeconds", 300, "seconds one zone transfer may take in all"),
    MAX_EXPRESSION_CHARS("maxExpressionChars", 4096, "characters in one CEL expression");

    final String key;
    final long defaultValue;
    final String bounds;

    Limit(String key, long defaultValue, String bounds) {
      this.key = key;
      this.defaultValue = defaultValue;
      this.bounds = bounds;
    }

    public String key() {
      return key;
    }

    public long defaultValue() {
      return defaultValue;
    }

    public String bounds() {
      return bounds;
    }

    /** The value in force for this run. */
    public long get() {
      Long v = current.get(this);
      return v == null ? defaultValue : v;
    }

    /** The sentence every "limit exceeded" error ends with. */
    public String exceeded(String what) {
      return exceeded(what, get());
    }

    /** As {@link #exceeded(String)}, for a limit a caller was given explicitly. */
    public String exceeded(String what, long value) {
      return what + " exceeds the limit " + key + " of " + value + "; raise it with --limit " + key + "=N";
    }
  }

  private static volatile Map<Limit, Long> current = Map.of();

  private Limits() {}

  /** Parses {@code NAME=N} settings and puts them in force (for the whole process). */
  public static void set(Iterable<String> settings) {
    Map<Limit, Long> m = new LinkedHashMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      String key = eq < 0 ? s : s.substring(0, eq).trim();
      Limit limit = null;
      for (Limit l : Limit.values()) {
        if (l.key.equalsIgnoreCase(key)) {
          limit = l;
        }
      }
      if (limit == null || eq < 0) {
        throw new IllegalArgumentException("--limit takes NAME=N with NAME one of " + names());
      }
      long v;
      try {
        v = Long.parseLong(s.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--limit " + key + " needs a whole number");
      }
      if (v < 1) {
        throw new IllegalArgumentException("--limit " + key + " must be at least 1");
      }
      m.put(limit, v);
    }
    current = Map.copyOf(m);
  }

  public static void reset() {
    current = Map.of();
  }

  static String names() {
    StringBuilder sb = new StringBuilder();
    for (Limit l : Limit.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(l.key);
    }
    return sb.toString();
  }
}
