package dev.zonegate.util;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Wall-clock time per stage of one run, printed on standard error when {@code ZONEGATE_TIMINGS}
 * is set: where a slow gate spends its time (start, config, read, diff, rules, fingerprints,
 * render) without a profiler. One command runs per process, so the stages are kept here rather
 * than handed through every call; {@link #reset} starts a run. Stages that run beside others
 * (the fingerprints) are counted as the time the run waited for them. A stage named
 * {@code outer.inner} is a part of {@code outer} summed over every thread that did it (reading
 * parses and models both files at once), shown in brackets after its outer stage.
 */
public final class Timings {
  private static final Map<String, Long> NANOS = new LinkedHashMap<>();
  /** Parts shown only when they took long enough to matter (one per rule: most take nothing). */
  private static final Set<String> DETAILS = new HashSet<>();
  private static final long DETAIL_SHOWN_NANOS = 10_000_000;

  private Timings() {}

  public static synchronized void reset() {
    NANOS.clear();
    DETAILS.clear();
  }

  /**
   * Adds the time since {@code startNanos} to the part {@code stage} ({@code outer.inner}), shown
   * only when its sum reaches 0.01 s: which of many parts (the rules) a slow stage spent its time in.
   */
  public static synchronized void addDetail(String stage, long startNanos) {
    DETAILS.add(stage);
    add(stage, startNanos);
  }

  /** Adds the time since {@code startNanos} (from {@link System#nanoTime}) to the stage. */
  public static synchronized void add(String stage, long startNanos) {
    NANOS.merge(stage, System.nanoTime() - startNanos, Long::sum);
  }

  /** A timed part that adds its time when closed: {@code try (Part p = Timings.part("live.api", t)) {...}}. */
  public interface Part extends AutoCloseable {
    @Override
    void close();
  }

  /** The time from {@code startNanos} to the close of the returned part, added to {@code stage}. */
  public static Part part(String stage, long startNanos) {
    return () -> add(stage, startNanos);
  }

  /** Adds a duration measured elsewhere. */
  public static synchronized void addNanos(String stage, long nanos) {
    NANOS.merge(stage, nanos, Long::sum);
  }

  /** {@code start 0.14 s, read 0.80 s [parse 0.9 s, model 0.6 s], ...}, in first-run order. */
  public static synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : NANOS.entrySet()) {
      String stage = e.getKey();
      if (stage.indexOf('.') >= 0) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(stage).append(' ').append(seconds(e.getValue()));
      String parts = "";
      for (Map.Entry<String, Long> p : NANOS.entrySet()) {
        if (p.getKey().startsWith(stage + ".") && (!DETAILS.contains(p.getKey()) || p.getValue() >= DETAIL_SHOWN_NANOS)) {
          parts += (parts.isEmpty() ? "" : ", ") + p.getKey().substring(stage.length() + 1) + ' ' + seconds(p.getValue());
        }
      }
      if (!parts.isEmpty()) {
        sb.append(" [").append(parts).append(']');
      }
    }
    return sb.toString();
  }

  /** {@code 0.14 s}: how every stage is shown. */
  public static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
