package dev.zonegate.live;

import dev.zonegate.model.RRsetKey;
import java.util.Collection;

/** Where the records a zone serves now come from (docs/inputs.md). */
public interface LiveSource {
  /**
   * Reads the zone as served now. {@code keys} are the RRsets of base and head: query mode asks
   * for exactly these, a transfer and a snapshot read everything and ignore them. Anything short
   * of a complete, verified answer is a {@link LiveException}; nothing is guessed.
   */
  LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException;

  /** A one-line label for reports, e.g. {@code axfr 127.0.0.1:5353 key gate-key}; never a secret. */
  String describe();
}
