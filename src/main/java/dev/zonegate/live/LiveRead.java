package dev.zonegate.live;

import dev.zonegate.model.Zone;
import java.util.List;

/**
 * What a live source read: the zone as served, where servers answered differently (query mode
 * only; the zone then holds the first server's answer), and which source it was, for reports. The gate turns disagreements into
 * {@code warn} findings (SPEC §3.3).
 */
public record LiveRead(Zone zone, List<Disagreement> disagreements, String source) {
  public LiveRead {
    disagreements = List.copyOf(disagreements);
  }

  public LiveRead(Zone zone, List<Disagreement> disagreements) {
    this(zone, disagreements, null);
  }

  public static LiveRead of(Zone zone) {
    return new LiveRead(zone, List.of());
  }

  /** The same read, said to come from {@code label} (the source's one-line description). */
  public LiveRead from(String label) {
    return new LiveRead(zone, disagreements, label);
  }
}
