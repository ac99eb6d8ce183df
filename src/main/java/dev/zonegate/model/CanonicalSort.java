package dev.zonegate.model;

import dev.zonegate.util.Background;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sorts many RRset keys into canonical order ({@link RRsetKey#compareTo}) without comparing
 * objects n log n times: the first eight characters of each owner's sort key (labels from the
 * right, see {@link Names#sortKey}), after the zone's origin, are packed into a long, the longs are
 * radix-sorted, and only owners that share those characters are compared in full. The work is a
 * few passes over primitive arrays, which is what a million-set zone needs: comparisons that chase
 * pointers through a million objects are what made building a zone slow.
 *
 * <p>The order is stable: keys that compare equal keep their input order.
 */
final class CanonicalSort {
  private CanonicalSort() {}

  /**
   * The result: {@code idx[i]} is the input index of the i-th key in canonical order, and
   * {@code pre[i]} its packed prefix. Keys whose prefixes differ have different owners.
   * {@code outside} is the first key (in input order) whose owner is not at or below the origin,
   * or -1 (always -1 when the origin is the root or was not checked). {@code stripped} is the
   * origin left out of the prefixes, or null; {@code usable} is false when the prefixes are all
   * zero because some owner holds U+0000 (then they order nothing). {@code whole} marks, by sorted
   * position (bit i of word i / 64), the keys whose prefix holds the whole key ({@link #whole}).
   */
  record Sorted(int[] idx, long[] pre, int outside, String stripped, boolean usable, long[] whole) {}

  /** The keys to sort, by input index: an array, or records where they lie. */
  interface Keys {
    RRsetKey key(int i);
  }

  static Sorted order(RRsetKey[] keys, int n, String origin) {
    return order(i -> keys[i], n, origin, false);
  }

  /**
   * The permutation that sorts {@code keys[0..n)}. {@code origin}, when every owner is at or below
   * it, is left out of the packed prefixes (it is the same for all); {@code below} says the caller
   * has checked that already, so it is not checked again.
   */
  static Sorted order(Keys keys, int n, String origin, boolean below) {
    return order(keys, n, origin, below, false);
  }

  /** As {@link #order(Keys, int, String, boolean)}; {@code busy}: other work has the other core. */
  static Sorted order(Keys keys, int n, String origin, boolean below, boolean busy) {
    long[] pre = new long[n];
    int[] idx = new int[n];
    long[] wholeIn = new long[(n + 63) >>> 6]; // by input index
    boolean strip = origin != null && !origin.equals(".") && origin.endsWith(".");
    boolean check = strip && !below;
    int got;
    SORTING.incrementAndGet();
    try {
      got = fillInHalves(keys, n, strip ? origin : null, check, pre, idx, wholeIn, busy);
    } finally {
      SORTING.decrementAndGet();
    }
    int outside = -1;
    if (got >= 0) {
      // An owner outside the origin (rare: a hand-made zone): the prefixes again, unstripped.
      outside = got;
      strip = false;
      Arrays.fill(wholeIn, 0L);
      got = fill(keys, 0, n, null, false, pre, idx, wholeIn);
    }
    boolean usable = got != UNUSABLE;
    if (!usable) {
      // A name holding U+0000: no key order; compare everything.
      for (int i = 0; i < n; i++) {
        idx[i] = i;
        pre[i] = 0;
      }
    } else {
      radix(pre, idx, n);
    }
    // Runs of equal prefixes: the owners agree on their first eight key characters (or are one
    // owner with several types); order them by the full comparison.
    for (int s = 0; s < n; ) {
      int e = s + 1;
      while (e < n && pre[e] == pre[s]) {
        e++;
      }
      if (e - s > 1) {
        sortRun(keys, idx, s, e);
      }
      s = e;
    }
    long[] whole = new long[wholeIn.length];
    if (usable) {
      for (int k = 0; k < n; k++) {
        int i = idx[k];
        if (bit(wholeIn, i)) {
          set(whole, k);
        }
      }
    }
    return new Sorted(idx, pre, outside, strip ? origin : null, usable, whole);
  }

  /** Whether bit {@code i} of a bit set made of longs (as {@link Sorted#whole}) is set. */
  static boolean bit(long[] bits, int i) {
    return (bits[i >>> 6] & 1L << i) != 0;
  }

  /** Sets bit {@code i} of a bit set made of longs. */
  static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  /**
   * True when {@link #prefix} of the name holds its whole sort key: at most eight characters, no
   * escape, no character above 0xFE, no empty label. Two names whose prefixes are both whole are
   * the same name exactly when the prefixes are equal (a shorter key is padded with zeros, which
   * a key of non-empty labels never holds twice in a row), so a look-up need not read the names:
   * most owners below a zone's origin are short ({@code www}, {@code mail}, {@code h12345}). Among
   * the keys that share a prefix, a whole one sorts first: it is a beginning of each of the others.
   */
  static boolean whole(String name, String origin) {
    int end;
    if (origin != null) {
      if (name.length() == origin.length()) {
        return true; // the apex: the empty key, prefix 0
      }
      end = name.length() - origin.length() - 1;
    } else {
      if (name.isEmpty() || name.equals(".")) {
        return false;
      }
      end = name.charAt(name.length() - 1) == '.' ? name.length() - 1 : name.length();
    }
    // The key is the labels of name[0, end), each with a terminator: end + 1 characters.
    if (end < 1 || end > 7) {
      return false;
    }
    char last = '.';
    for (int k = 0; k < end; k++) {
      char c = name.charAt(k);
      if (c > 0xFE || c == '\\' || c == 0 || c == '.' && last == '.') {
        return false;
      }
      last = c;
    }
    return last != '.';
  }

  static final long NO_PREFIX = -1L; // all 0xFF: never a real prefix (see below)

  /** Zones at least this large compute their prefixes on two threads, when no other is sorting. */
  static final int HALVES = 1 << 17;

  /** Sorts under way: a diff builds its two zones at once, and then each keeps to its thread. */
  private static final AtomicInteger SORTING = new AtomicInteger();

  /** {@link #fill}'s answer when every owner is inside and some name has no prefix. */
  private static final int UNUSABLE = -2;

  /**
   * {@link #fill} over all n keys; a large zone in two halves, the second on another thread (cut
   * at a multiple of 64, so the halves never share a word of the bit set). The answer is the
   * one-pass answer: the first outside owner in input order, else whether a prefix is missing.
   */
  private static int fillInHalves(
      Keys keys, int n, String strip, boolean check, long[] pre, int[] idx, long[] whole, boolean busy) {
    if (n < HALVES || busy || SORTING.get() > 1 || Runtime.getRuntime().availableProcessors() < 2) {
      return fill(keys, 0, n, strip, check, pre, idx, whole);
    }
    int cut = (n / 2) & ~63;
    Background<Integer, RuntimeException> other =
        Background.start("zonegate-sort-half", () -> fill(keys, cut, n, strip, check, pre, idx, whole));
    int first = fill(keys, 0, cut, strip, check, pre, idx, whole);
    int second = other.join();
    if (first >= 0 || second >= 0) {
      return first >= 0 ? first : second;
    }
    return first == UNUSABLE || second == UNUSABLE ? UNUSABLE : -1;
  }

  /**
   * Prefixes and whole-key bits of keys [from, to), the origin {@code strip} left out (or null);
   * with {@code check}, stops at the first owner not at or below it and gives its index. Else -1,
   * or {@link #UNUSABLE} when some name has no prefix (it holds U+0000).
   */
  private static int fill(Keys keys, int from, int to, String strip, boolean check, long[] pre, int[] idx, long[] whole) {
    boolean usable = true;
    for (int i = from; i < to; i++) {
      String name = keys.key(i).name();
      if (check && !Names.isAtOrBelow(name, strip)) {
        return i;
      }
      idx[i] = i;
      if (!usable) {
        continue; // still looking for an owner outside
      }
      long p = prefix(name, strip);
      if (p == NO_PREFIX) {
        usable = false;
        continue;
      }
      pre[i] = p;
      if (whole(name, strip)) {
        set(whole, i);
      }
    }
    return usable ? -1 : UNUSABLE;
  }

  /**
   * The first eight characters of the sort key of {@code name} below {@code origin} (the whole
   * name when origin is null), one byte each, padded with zero bytes. A character above 0xFE
   * packs as 0xFF and ends the prefix (zeros follow), so a prefix that is smaller is always a
   * smaller key; equal prefixes say nothing.
   */
  static long prefix(String name, String origin) {
    if (name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
      String key = Names.sortKey(name);
      if (key == null) {
        return NO_PREFIX;
      }
      int from = 0;
      if (origin != null) {
        from = Names.sortKey(origin).length();
        if (name.equals(origin)) {
          from = key.length();
        }
      }
      return pack(key, from);
    }
    // The labels to key: name[0, end), split at every dot, the last piece ending at end.
    int end;
    if (origin != null) {
      if (name.length() == origin.length()) {
        return 0; // the apex: no labels below the origin
      }
      end = name.length() - origin.length() - 1;
    } else if (name.isEmpty()) {
      return 0;
    } else {
      end = name.charAt(name.length() - 1) == '.' ? name.length() - 1 : name.length();
    }
    long p = 0;
    int got = 0;
    while (true) {
      int start = name.lastIndexOf('.', end - 1) + 1;
      if (end == 0) {
        start = 0;
      }
      for (int k = start; k < end && got < 8; k++) {
        char c = name.charAt(k);
        if (c > 0xFE) {
          return (p << 8 | 0xFF) << (8 * (7 - got));
        }
        p = p << 8 | c;
        got++;
      }
      if (got == 8) {
        return p;
      }
      p <<= 8; // the label's U+0000 terminator
      got++;
      if (got == 8 || start == 0) {
        return p << (8 * (8 - got));
      }
      end = start - 1;
    }
  }

  private static long pack(String key, int from) {
    long p = 0;
    int got = 0;
    for (int k = from; k < key.length() && got < 8; k++) {
      char c = key.charAt(k);
      if (c > 0xFE) {
        return (p << 8 | 0xFF) << (8 * (7 - got));
      }
      p = p << 8 | c;
      got++;
    }
    return p << (8 * (8 - got));
  }

  /**
   * LSD radix sort of the prefixes as unsigned numbers, carrying the indexes; stable. A digit every
   * key shares is skipped. Large inputs take sixteen-bit digits: four passes over a million keys
   * instead of the seven or eight of bytes, with count tables that still sit in the L2 cache;
   * small ones take bytes, whose tables cost nothing to clear.
   */
  static void radix(long[] pre, int[] idx, int n) {
    if (n < 2) {
      return;
    }
    int bits = n >= 1 << 16 ? 16 : 8;
    int digits = 64 / bits;
    int mask = (1 << bits) - 1;
    int[][] count = new int[digits][1 << bits];
    for (int i = 0; i < n; i++) {
      long p = pre[i];
      for (int d = 0; d < digits; d++) {
        count[d][(int) (p >>> (bits * d)) & mask]++;
      }
    }
    long[] a = pre;
    int[] x = idx;
    long[] ta = null;
    int[] tx = null;
    for (int d = 0; d < digits; d++) {
      int[] c = count[d];
      int shift = bits * d;
      if (c[(int) (pre[0] >>> shift) & mask] == n) {
        continue; // every key has this digit
      }
      if (ta == null) {
        ta = new long[n];
        tx = new int[n];
      }
      int sum = 0;
      for (int b = 0; b < c.length; b++) {
        int k = c[b];
        c[b] = sum;
        sum += k;
      }
      for (int i = 0; i < n; i++) {
        long p = a[i];
        int pos = c[(int) (p >>> shift) & mask]++;
        ta[pos] = p;
        tx[pos] = x[i];
      }
      long[] sa = a;
      a = ta;
      ta = sa;
      int[] sx = x;
      x = tx;
      tx = sx;
    }
    if (a != pre) {
      System.arraycopy(a, 0, pre, 0, n);
      System.arraycopy(x, 0, idx, 0, n);
    }
  }

  /** Sorts idx[s..e) by the full key order, then input order. */
  private static void sortRun(Keys keys, int[] idx, int s, int e) {
    if (e - s <= 16) {
      for (int i = s + 1; i < e; i++) {
        int v = idx[i];
        int j = i - 1;
        while (j >= s && compare(keys, idx[j], v) > 0) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = v;
      }
      return;
    }
    Integer[] boxed = new Integer[e - s];
    for (int i = s; i < e; i++) {
      boxed[i - s] = idx[i];
    }
    Arrays.sort(boxed, (p, q) -> compare(keys, p, q));
    for (int i = s; i < e; i++) {
      idx[i] = boxed[i - s];
    }
  }

  private static int compare(Keys keys, int p, int q) {
    int c = keys.key(p).compareTo(keys.key(q));
    return c != 0 ? c : Integer.compare(p, q);
  }
}
