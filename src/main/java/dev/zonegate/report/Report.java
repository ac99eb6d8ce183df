package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything one run has to say, in the order every renderer prints it: zones sorted by name,
 * changes in canonical order. Renderers only format it, so all formats agree.
 */
public final class Report {
  /** Per-zone counts for the summary table. */
  public record ZoneSummary(String name, int adds, int deletes, int updates) {}

  private final List<ZoneSummary> zones;
  private final List<Change> changes;
  private final List<Notice> notices;

  public Report(List<String> zoneNames, List<Change> changes, List<Notice> notices) {
    TreeMap<String, int[]> counts = new TreeMap<>();
    for (String z : zoneNames) {
      counts.put(z, new int[3]);
    }
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(null);
    for (Change c : sorted) {
      counts.computeIfAbsent(c.zone(), z -> new int[3])[c.action().ordinal()]++;
    }
    List<ZoneSummary> zs = new ArrayList<>();
    counts.forEach((z, n) -> zs.add(new ZoneSummary(z, n[0], n[1], n[2])));
    this.zones = List.copyOf(zs);
    this.changes = List.copyOf(sorted);
    this.notices = List.copyOf(notices);
  }

  public List<ZoneSummary> zones() {
    return zones;
  }

  public List<Change> changes() {
    return changes;
  }

  /** Warnings the readers raised (mixed TTLs and the like). */
  public List<Notice> notices() {
    return notices;
  }

  /** {@code pass} or {@code block} (SPEC §1). Without findings nothing blocks. */
  public String verdict() {
    return "pass";
  }
}
