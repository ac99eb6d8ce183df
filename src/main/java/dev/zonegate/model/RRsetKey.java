package dev.zonegate.model;

import java.util.Objects;

/**
 * What identifies an RRset: owner name and type (RFC 2181 §5). {@code setId} is null except where
 * one name and type hold several independent sets: provider routing sets (Route 53 weighted,
 * latency, failover records) and signatures, keyed by the type they cover (RFC 4034 §3).
 *
 * <p>Order: owner name in canonical order (RFC 4034 §6.1), then SOA, then NS, then the other types
 * by name, then set id (none first).
 */
public record RRsetKey(String name, String type, String setId) implements Comparable<RRsetKey> {
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
  static int typeRank(String type) {
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
    int c = Names.compare(name, o.name);
    return c != 0 ? c : compareAtName(o);
  }

  /** The order of two keys at one owner name: type rank, type, set id. */
  int compareAtName(RRsetKey o) {
    if (type.equals(o.type)) {
      return setId == o.setId ? 0 : (setId == null ? "" : setId).compareTo(o.setId == null ? "" : o.setId);
    }
    int c = Integer.compare(typeRank(type), typeRank(o.type));
    return c != 0 ? c : type.compareTo(o.type);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + type.hashCode()) * 31 + (setId == null ? 0 : setId.hashCode());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RRsetKey
        && ((RRsetKey) o).name.equals(name)
        && ((RRsetKey) o).type.equals(type)
        && Objects.equals(((RRsetKey) o).setId, setId);
  }

  @Override
  public String toString() {
    return name + " " + type + (setId == null ? "" : " [" + setId + "]");
  }
}
