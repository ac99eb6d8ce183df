package dev.zonegate.model;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One zone at one moment: its origin and its RRsets in canonical order, plus the warnings its
 * reader raised. Immutable.
 */
public final class Zone {
  private final String origin;
  private final NavigableMap<RRsetKey, RRset> rrsets;
  private final List<Notice> notices;

  public Zone(String origin, Collection<RRset> sets, List<Notice> notices) {
    this.origin = origin;
    TreeMap<RRsetKey, RRset> map = new TreeMap<>();
    for (RRset s : sets) {
      if (map.put(s.key(), s) != null) {
        throw new IllegalArgumentException("two RRsets for " + s.key());
      }
    }
    this.rrsets = Collections.unmodifiableNavigableMap(map);
    this.notices = List.copyOf(notices);
  }

  public static Zone empty(String origin) {
    return new Zone(origin, List.of(), List.of());
  }

  /** Absolute, lower-case, e.g. {@code example.com.}. */
  public String origin() {
    return origin;
  }

  public NavigableMap<RRsetKey, RRset> rrsets() {
    return rrsets;
  }

  public RRset get(String name, String type) {
    return rrsets.get(RRsetKey.of(name, type));
  }

  /** Every RRset at one owner name, in type order. */
  public Collection<RRset> at(String name) {
    return rrsets
        .subMap(
            new RRsetKey(name, RRsetKey.LOWEST_TYPE, null),
            true,
            new RRsetKey(name, RRsetKey.HIGHEST_TYPE, null),
            true)
        .values();
  }

  public int recordCount() {
    int n = 0;
    for (RRset s : rrsets.values()) {
      n += s.rdata().size();
    }
    return n;
  }

  public List<Notice> notices() {
    return notices;
  }

  public Map<RRsetKey, RRset> asMap() {
    return rrsets;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Zone && ((Zone) o).origin.equals(origin) && ((Zone) o).rrsets.equals(rrsets);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + rrsets.hashCode();
  }
}
