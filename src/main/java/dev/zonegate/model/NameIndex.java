package dev.zonegate.model;

/**
 * Owner name to the first of its sets in a zone's sorted array: open addressing with linear
 * probing, each slot the name's hash and the set's index, so a probe looks at a set (and its
 * name) only when the hashes agree.
 */
final class NameIndex {
  private final long[] slots;
  private final int mask;

  NameIndex(int entries) {
    slots = new long[Integer.highestOneBit(Math.max(4, entries * 2 - 1)) << 1];
    mask = slots.length - 1;
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Records that the name with this hash starts at {@code index}; each name once. */
  void put(int hash, int index) {
    int s = spread(hash) & mask;
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = (long) hash << 32 | (index + 1L);
  }

  /** Index of the first set owned by exactly {@code name} in {@code sets}, or -1. */
  int first(String name, RRset[] sets) {
    int hash = name.hashCode();
    int s = spread(hash) & mask;
    long v;
    while ((v = slots[s]) != 0) {
      if ((int) (v >>> 32) == hash) {
        int i = (int) v - 1;
        if (sets[i].name().equals(name)) {
          return i;
        }
      }
      s = (s + 1) & mask;
    }
    return -1;
  }
}
