package dev.zonegate.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * What identifies an RRset: owner name and type (RFC 2181 §5). {@code setId} is null except where
 * one name and type hold several independent sets: provider routing sets (Route 53 weighted,
 * latency, failover records) and signatures, keyed by the type they cover (RFC 4034 §3).
 */
public record RRsetKey(String name, String type, String setId) implements Comparable<RRsetKey> {
  private static final Comparator<RRsetKey> ORDER =
      Comparator.comparing(RRsetKey::name, Names.CANONICAL_ORDER)
          .thenComparing(k -> typeRank(k.type()))
          .thenComparing(RRsetKey::type)
          .thenComparing(k -> k.setId() == null ? "" : k.setId());

  public RRsetKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static RRsetKey of(String name, String type) {
    return new RRsetKey(name, type, null);
  }

  /** Bounds for range look-ups of all types at one name. */
  static final String LOWEST_TYPE = "";

  static final String HIGHEST_TYPE = "\uffff";

  /** SOA and NS first, as they stand at the top of every zone file. */
  private static int typeRank(String type) {
    switch (type) {
      case LOWEST_TYPE:
        return -1;
      case HIGHEST_TYPE:
        return 9;
      case "SOA":
        return 0;
      case "NS":
        return 1;
      default:
        return 2;
    }
  }

  @Override
  public int compareTo(RRsetKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return name + " " + type + (setId == null ? "" : " [" + setId + "]");
  }
}
