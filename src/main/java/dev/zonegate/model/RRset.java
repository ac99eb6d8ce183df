package dev.zonegate.model;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * All records of one owner name and type, class IN. The TTL belongs to the set (RFC 2181 §5.2).
 * Rdata is kept in canonical presentation form (absolute, lower-case names), sorted and without
 * duplicates, so two sets are equal exactly when they serve the same answer. The location is where
 * the set was first read; it is metadata and takes no part in equality.
 */
public final class RRset {
  private final RRsetKey key;
  private final long ttl;
  private final List<String> rdata;
  private final Location location;

  public RRset(RRsetKey key, long ttl, java.util.Collection<String> rdata, Location location) {
    this.key = Objects.requireNonNull(key, "key");
    if (ttl < 0) {
      throw new IllegalArgumentException("negative TTL " + ttl);
    }
    this.ttl = ttl;
    this.rdata = List.copyOf(new TreeSet<>(rdata));
    this.location = location;
  }

  public RRsetKey key() {
    return key;
  }

  public String name() {
    return key.name();
  }

  public String type() {
    return key.type();
  }

  public long ttl() {
    return ttl;
  }

  /** Sorted, distinct, canonical presentation form. */
  public List<String> rdata() {
    return rdata;
  }

  /** Where the set was first read, or null when the source has no lines (a live transfer). */
  public Location location() {
    return location;
  }

  public RRset withLocation(Location where) {
    return new RRset(key, ttl, rdata, where);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RRset
        && ((RRset) o).key.equals(key)
        && ((RRset) o).ttl == ttl
        && ((RRset) o).rdata.equals(rdata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, ttl, rdata);
  }

  @Override
  public String toString() {
    return key + " " + ttl + " " + rdata;
  }
}
