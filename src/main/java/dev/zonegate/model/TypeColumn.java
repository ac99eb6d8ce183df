package dev.zonegate.model;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The type of each set of a zone as one byte, side by side in zone order. A scan for a few types
 * (the NS sets, the records that name a target) reads a byte per set and visits only the sets it
 * wants: walking a million sets for their types costs a cache miss or more each, and lint and a
 * diff of a million-set zone ask it several times.
 */
final class TypeColumn {
  /** More distinct types than a byte holds: no column, every set is visited. */
  private static final int MAX_TYPES = 127;

  /** The distinct types, in the order first met. */
  private final String[] names;
  /** Per set, its type's place in {@link #names}; null when the zone has more than MAX_TYPES types. */
  private final byte[] ids;
  /** Whether some set holds no records. */
  private final boolean anyEmpty;

  private TypeColumn(String[] names, byte[] ids, boolean anyEmpty) {
    this.names = names;
    this.ids = ids;
    this.anyEmpty = anyEmpty;
  }

  static TypeColumn of(RRset[] sets) {
    Builder b = new Builder(sets.length);
    for (RRset s : sets) {
      b.add(s.type());
      b.anyEmpty |= s.rdataCount() == 0;
    }
    return b.build();
  }

  /** The type of set {@code i}. */
  String type(int i, RRset[] sets) {
    return ids == null ? sets[i].type() : names[ids[i]];
  }

  boolean anyEmpty() {
    return anyEmpty;
  }

  /** Positions of the sets whose type {@code wanted} accepts, ascending. */
  int[] indexesOf(Predicate<String> wanted, RRset[] sets) {
    if (ids == null) {
      int[] out = new int[sets.length];
      int n = 0;
      for (int i = 0; i < sets.length; i++) {
        if (wanted.test(sets[i].type())) {
          out[n++] = i;
        }
      }
      return Arrays.copyOf(out, n);
    }
    boolean[] take = new boolean[names.length];
    boolean any = false;
    for (int t = 0; t < names.length; t++) {
      take[t] = wanted.test(names[t]);
      any |= take[t];
    }
    if (!any) {
      return new int[0];
    }
    int n = 0;
    for (byte id : ids) {
      if (take[id]) {
        n++;
      }
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < ids.length; i++) {
      if (take[ids[i]]) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** Collects the column one set at a time, in zone order. */
  static final class Builder {
    private String[] names = new String[8];
    private int count;
    private byte[] ids;
    private int n;
    /** The type of the last set and its id: a run of one type costs one comparison per set. */
    private String last;
    private byte lastId;
    /** Set by whoever adds a set holding no records; an assembler's sets always hold some. */
    boolean anyEmpty;

    Builder(int sets) {
      ids = new byte[sets];
    }

    void add(String type) {
      if (ids == null) {
        return; // too many types for a column
      }
      if (type != last) {
        last = type;
        lastId = id(type);
        if (ids == null) {
          return;
        }
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, Math.max(16, n * 2));
      }
      ids[n++] = lastId;
    }

    private byte id(String type) {
      // Readers hand out one string per type, so identity finds it; equals catches the rest.
      for (int t = 0; t < count; t++) {
        if (names[t] == type) {
          return (byte) t;
        }
      }
      for (int t = 0; t < count; t++) {
        if (names[t].equals(type)) {
          return (byte) t;
        }
      }
      if (count == MAX_TYPES) {
        ids = null;
        return 0;
      }
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
      }
      names[count] = type;
      return (byte) count++;
    }

    /** Adds {@code next}'s sets after these (the second half of a zone made in two). */
    void append(Builder next) {
      anyEmpty |= next.anyEmpty;
      if (next.ids == null) {
        ids = null;
      }
      if (ids == null) {
        return;
      }
      byte[] mine = new byte[next.count];
      for (int t = 0; t < next.count; t++) {
        mine[t] = id(next.names[t]);
        if (ids == null) {
          return; // together more types than a column holds
        }
      }
      if (n + next.n > ids.length) {
        ids = Arrays.copyOf(ids, n + next.n);
      }
      for (int i = 0; i < next.n; i++) {
        ids[n++] = mine[next.ids[i]];
      }
      last = null; // the next add looks its type up afresh
    }

    TypeColumn build() {
      return new TypeColumn(Arrays.copyOf(names, count), ids == null ? null : ids.length == n ? ids : Arrays.copyOf(ids, n), anyEmpty);
    }
  }
}
