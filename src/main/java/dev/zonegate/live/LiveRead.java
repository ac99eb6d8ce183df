package dev.zonegate.live;

import dev.zonegate.model.Zone;
import java.util.List;

/**
 * What a live source read: the zone as served, and where servers answered differently (query mode
 * only; the zone then holds the first server's answer). The gate turns disagreements into
 * {@code warn} findings (SPEC §3.3).
 */
public record LiveRead(Zone zone, List<Disagreement> disagreements) {
  public LiveRead {
    disagreements = List.copyOf(disagreements);
  }

  public static LiveRead of(Zone zone) {
    return new LiveRead(zone, List.of());
  }
}
