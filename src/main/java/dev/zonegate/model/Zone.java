package dev.zonegate.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One zone at one moment: its origin and its RRsets in canonical order, plus the warnings its
 * reader raised. Immutable.
 *
 * <p>The sets are one array sorted once ({@link CanonicalSort}), with a hash index from owner name
 * to the first set at that name (all sets of a name are adjacent in canonical order): {@link #get}
 * and {@link #at} cost a hash probe, not a tree walk of label comparisons, and a million-set zone
 * is two arrays rather than a million tree nodes.
 */
public final class Zone {
  private final String origin;
  private final RRset[] sets;
  private final List<RRset> view;
  private final NameIndex byName;
  /**
   * True when some owner is not absolute: then two different strings may name the same node
   * ({@code a.example} and {@code a.example.}), and look-ups compare like the sorted map did.
   */
  private final boolean relativeNames;
  private final int recordCount;
  private final List<Notice> notices;
  private volatile NavigableMap<RRsetKey, RRset> map;

  public Zone(String origin, Collection<RRset> sets, List<Notice> notices) {
    this.origin = origin;
    RRset[] in = sets.toArray(new RRset[0]);
    int n = in.length;
    RRsetKey[] keys = new RRsetKey[n];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      keys[i] = in[i].key();
      if (sorted && i > 0 && keys[i - 1].compareTo(keys[i]) >= 0) {
        sorted = false;
      }
    }
    RRset[] a = in;
    if (!sorted) {
      // Equal keys end up side by side, the later one second, as a sorted map would meet them.
      CanonicalSort.Sorted order = CanonicalSort.order(keys, n, origin);
      a = new RRset[n];
      for (int i = 0; i < n; i++) {
        a[i] = in[order.idx()[i]];
        if (i > 0 && order.pre()[i] == order.pre()[i - 1] && a[i - 1].key().compareTo(a[i].key()) == 0) {
          throw new IllegalArgumentException("two RRsets for " + a[i].key());
        }
      }
    }
    boolean relative = false;
    int records = 0;
    NameIndex t = new NameIndex(n);
    for (int i = 0; i < n; i++) {
      RRset s = a[i];
      String name = s.name();
      records += s.rdataCount();
      if (i > 0 && name.equals(a[i - 1].name())) {
        continue;
      }
      if (name.isEmpty() || name.charAt(name.length() - 1) != '.') {
        relative = true;
      }
      t.put(name.hashCode(), i);
    }
    this.sets = a;
    this.view = Collections.unmodifiableList(Arrays.asList(a));
    this.relativeNames = relative;
    this.recordCount = records;
    this.byName = t;
    this.notices = List.copyOf(notices);
  }

  /** From {@link ZoneAssembler}: sets sorted and distinct, the owner index made. */
  Zone(String origin, RRset[] sorted, NameIndex byName, boolean relativeNames, int recordCount, List<Notice> notices) {
    this.origin = origin;
    this.sets = sorted;
    this.view = Collections.unmodifiableList(Arrays.asList(sorted));
    this.byName = byName;
    this.relativeNames = relativeNames;
    this.recordCount = recordCount;
    this.notices = List.copyOf(notices);
  }

  public static Zone empty(String origin) {
    return new Zone(origin, List.of(), List.of());
  }

  /** Index of the first set whose owner is exactly {@code name}, or -1. */
  private int first(String name) {
    return byName.first(name, sets);
  }

  /** Index of the first set whose key is not below {@code key} (sets.length when none). */
  private int lowerBound(RRsetKey key) {
    int lo = 0;
    int hi = sets.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sets[mid].key().compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** True when look-ups of {@code name} must compare labels rather than strings. */
  private boolean inexact(String name) {
    return relativeNames || name.isEmpty() || name.charAt(name.length() - 1) != '.';
  }

  /** Absolute, lower-case, e.g. {@code example.com.}. */
  public String origin() {
    return origin;
  }

  /** Every RRset in canonical order; unmodifiable. */
  public List<RRset> sets() {
    return view;
  }

  /** The number of RRsets. */
  public int size() {
    return sets.length;
  }

  public boolean isEmpty() {
    return sets.length == 0;
  }

  /**
   * The RRsets as a sorted map. Built on first use (in linear time, from the sorted sets); the
   * pipeline itself uses {@link #sets}, {@link #get(RRsetKey)} and {@link #ceiling}.
   */
  public NavigableMap<RRsetKey, RRset> rrsets() {
    NavigableMap<RRsetKey, RRset> m = map;
    if (m == null) {
      m = Collections.unmodifiableNavigableMap(new TreeMap<>(new SortedView()));
      map = m;
    }
    return m;
  }

  public RRset get(String name, String type) {
    return get(name, type, null);
  }

  /** The set with this key, or null. */
  public RRset get(RRsetKey key) {
    return get(key.name(), key.type(), key.setId());
  }

  private RRset get(String name, String type, String setId) {
    if (inexact(name)) {
      RRsetKey k = new RRsetKey(name, type, setId);
      int i = lowerBound(k);
      return i < sets.length && sets[i].key().compareTo(k) == 0 ? sets[i] : null;
    }
    int i = first(name);
    if (i < 0) {
      return null;
    }
    for (; i < sets.length && sets[i].name().equals(name); i++) {
      RRsetKey k = sets[i].key();
      if (k.type().equals(type) && java.util.Objects.equals(k.setId(), setId)) {
        return sets[i];
      }
    }
    return null;
  }

  /** Every RRset at one owner name, in type order. */
  public Collection<RRset> at(String name) {
    int from;
    int to;
    if (inexact(name)) {
      from = lowerBound(new RRsetKey(name, RRsetKey.LOWEST_TYPE, null));
      to = lowerBound(new RRsetKey(name, RRsetKey.HIGHEST_TYPE, null));
    } else {
      from = first(name);
      if (from < 0) {
        return List.of();
      }
      to = from + 1;
      while (to < sets.length && sets[to].name().equals(name)) {
        to++;
      }
    }
    return view.subList(from, to);
  }

  /** The first set at or after {@code key} in canonical order, or null. */
  public RRset ceiling(RRsetKey key) {
    int i = lowerBound(key);
    return i < sets.length ? sets[i] : null;
  }

  public int recordCount() {
    return recordCount;
  }

  public List<Notice> notices() {
    return notices;
  }

  public Map<RRsetKey, RRset> asMap() {
    return rrsets();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Zone) || !((Zone) o).origin.equals(origin)) {
      return false;
    }
    RRset[] other = ((Zone) o).sets;
    if (other.length != sets.length) {
      return false;
    }
    for (int i = 0; i < sets.length; i++) {
      if (!sets[i].equals(other[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (RRset s : sets) {
      h += s.key().hashCode() ^ s.hashCode(); // as the sorted map's hash was
    }
    return origin.hashCode() * 31 + h;
  }

  /** The sets as a sorted map, just enough for {@code new TreeMap<>(SortedMap)} to copy. */
  private final class SortedView extends AbstractMap<RRsetKey, RRset> implements SortedMap<RRsetKey, RRset> {
    @Override
    public Comparator<? super RRsetKey> comparator() {
      return null;
    }

    @Override
    public int size() {
      return sets.length;
    }

    @Override
    public java.util.Set<Map.Entry<RRsetKey, RRset>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return sets.length;
        }

        @Override
        public Iterator<Map.Entry<RRsetKey, RRset>> iterator() {
          return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
              return i < sets.length;
            }

            @Override
            public Map.Entry<RRsetKey, RRset> next() {
              if (i >= sets.length) {
                throw new NoSuchElementException();
              }
              RRset s = sets[i++];
              return new AbstractMap.SimpleImmutableEntry<>(s.key(), s);
            }
          };
        }
      };
    }

    @Override
    public SortedMap<RRsetKey, RRset> subMap(RRsetKey from, RRsetKey to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<RRsetKey, RRset> headMap(RRsetKey to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<RRsetKey, RRset> tailMap(RRsetKey from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RRsetKey firstKey() {
      if (sets.length == 0) {
        throw new NoSuchElementException();
      }
      return sets[0].key();
    }

    @Override
    public RRsetKey lastKey() {
      if (sets.length == 0) {
        throw new NoSuchElementException();
      }
      return sets[sets.length - 1].key();
    }
  }
}
