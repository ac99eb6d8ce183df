package dev.zonegate.live;

import dev.zonegate.model.Zone;
import java.util.List;

/**
 * What a live source read: the zone as served, where servers answered differently (query mode
 * only; the zone then holds the first server's answer), which source it was, for reports, and
 * for a provider API what octoDNS manages there ({@link ProviderScope}; null for the others). The gate turns disagreements into
 * {@code warn} findings (docs/inputs.md).
 */
public record LiveRead(Zone zone, List<Disagreement> disagreements, String source, ProviderScope scope) {
  public LiveRead {
    disagreements = List.copyOf(disagreements);
  }

  public LiveRead(Zone zone, List<Disagreement> disagreements) {
    this(zone, disagreements, null, null);
  }

  /** What a provider API read: the zone, and what octoDNS manages there. */
  public static LiveRead of(Zone zone, ProviderScope scope) {
    return new LiveRead(zone, List.of(), null, scope);
  }

  public static LiveRead of(Zone zone) {
    return new LiveRead(zone, List.of());
  }

  /** The same read, said to come from {@code label} (the source's one-line description). */
  public LiveRead from(String label) {
    return new LiveRead(zone, disagreements, label, scope);
  }
}
