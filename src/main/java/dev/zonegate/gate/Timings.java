package dev.zonegate.gate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock time per stage of one run, printed on standard error when {@code ZONEGATE_TIMINGS}
 * is set: where a slow gate spends its time (start, config, read, diff, rules, fingerprints,
 * render) without a profiler. One command runs per process, so the stages are kept here rather
 * than handed through every call; {@link #reset} starts a run. Stages that run beside others
 * (the fingerprints) are counted as the time the run waited for them.
 */
public final class Timings {
  private static final Map<String, Long> NANOS = new LinkedHashMap<>();

  private Timings() {}

  public static synchronized void reset() {
    NANOS.clear();
  }

  /** Adds the time since {@code startNanos} (from {@link System#nanoTime}) to the stage. */
  public static synchronized void add(String stage, long startNanos) {
    NANOS.merge(stage, System.nanoTime() - startNanos, Long::sum);
  }

  /** Adds a duration measured elsewhere. */
  public static synchronized void addNanos(String stage, long nanos) {
    NANOS.merge(stage, nanos, Long::sum);
  }

  /** {@code start 0.14 s, read 0.80 s, ...}, in the order the stages first ran. */
  public static synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : NANOS.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f s", e.getValue() / 1e9));
    }
    return sb.toString();
  }
}
