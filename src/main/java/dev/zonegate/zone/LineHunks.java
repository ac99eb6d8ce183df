package dev.zonegate.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Where two versions of a file differ, line by line: a list of hunks, each a run of lines of the
 * old version that the new one replaces with a run of its own (either may be empty), every line
 * outside them the same bytes in both, in the same order.
 *
 * <p>Not the shortest such list ({@code diff}'s), but one found in a single pass over both files:
 * the common runs are skipped with {@link Arrays#mismatch}, and at each difference the next few
 * lines of each side are tried in order of how few lines a hunk would take, until a line of the
 * old equals a line of the new; a block added, removed or replaced whole, past that, is found by
 * the first of the old side's next {@link #FAR_AHEAD} lines that comes again in the new side's.
 * Any such list is right for a reader of the new version as edits of the old (a line outside the
 * hunks is the same line in both); a shorter one only saves work. A difference that nothing
 * within those lines resyncs, or more changed lines than the caller allows, gives null: then the
 * files are too different to be worth it.
 */
final class LineHunks {
  private LineHunks() {}

  /** How many lines past a difference each side is searched for the next common line. */
  static final int LOOK_AHEAD = 32;

  /**
   * Lines {@code [oldFrom, oldTo)} of the old version (1-based), at bytes {@code [oldStart,
   * oldEnd)}, are replaced by lines {@code [newFrom, newTo)} of the new, at bytes {@code [newStart,
   * newEnd)}. Lines include their newline.
   */
  record Hunk(int oldFrom, int oldTo, int newFrom, int newTo, int oldStart, int oldEnd, int newStart, int newEnd) {}

  /** The hunks, and how many lines the old version has (a last line without newline counts). */
  record Found(List<Hunk> hunks, int oldLines) {}

  /** The hunks turning {@code a} into {@code b}, in file order; null past {@code maxChanged} changed lines. */
  static Found of(byte[] a, byte[] b, int maxChanged) {
    List<Hunk> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    int la = 1;
    int lb = 1;
    int changed = 0;
    int[] sa = new int[LOOK_AHEAD + 2];
    int[] sb = new int[LOOK_AHEAD + 2];
    while (true) {
      int k = Arrays.mismatch(a, i, a.length, b, j, b.length);
      if (k < 0) {
        // Lines la on: as many as newlines, and one more when the last has none.
        int more = newlines(a, i, a.length) + (i < a.length && a[a.length - 1] != '\n' ? 1 : 0);
        return new Found(out, la - 1 + more);
      }
      // Back to the start of the line the difference is in: the bytes before it are common.
      int start = k;
      while (start > 0 && a[i + start - 1] != '\n') {
        start--;
      }
      int lines = newlines(a, i, i + start);
      i += start;
      j += start;
      la += lines;
      lb += lines;
      // The line starts of each side are found as far as the search has gone: most differences
      // resync within a line or two.
      sa[0] = i;
      sb[0] = j;
      int na = 0;
      int nb = 0;
      int da = -1;
      int db = -1;
      // Hunks of t lines in all, fewest first: the first common line pair after them.
      search:
      for (int t = 1; t <= 2 * LOOK_AHEAD; t++) {
        int upto = Math.min(t, LOOK_AHEAD) + 1;
        na = more(a, sa, na, upto);
        nb = more(b, sb, nb, upto);
        for (int x = Math.max(0, t - LOOK_AHEAD); x <= Math.min(t, LOOK_AHEAD); x++) {
          int y = t - x;
          if (x <= na && y <= nb && same(a, sa, x, na, b, sb, y, nb)) {
            da = x;
            db = y;
            break search;
          }
        }
      }
      int endA;
      int endB;
      if (da >= 0) {
        endA = sa[da];
        endB = sb[db];
      } else {
        // A block added, removed or replaced whole: the first line of the old side's next
        // FAR_AHEAD that comes again in the new side's.
        long[] far = far(a, i, b, j);
        if (far == null) {
          return null;
        }
        da = (int) far[0];
        db = (int) far[1];
        endA = (int) far[2];
        endB = (int) far[3];
      }
      changed += da + db;
      if (changed > maxChanged) {
        return null;
      }
      out.add(new Hunk(la, la + da, lb, lb + db, i, endA, j, endB));
      i = endA;
      j = endB;
      la += da;
      lb += db;
    }
  }

  /** How far past a difference {@link #far} looks, on each side, when the short search finds nothing. */
  static final int FAR_AHEAD = 4096;

  /**
   * The first line among the old side's next {@link #FAR_AHEAD} lines (from {@code i}) that is
   * also among the new side's (from {@code j}), or both ends of file: {@code {x, y, start of old
   * line x, start of new line y}}; null when there is none. Lines are found by their hash, then
   * compared.
   */
  private static long[] far(byte[] a, int i, byte[] b, int j) {
    int[] sa = new int[FAR_AHEAD + 2];
    int[] sb = new int[FAR_AHEAD + 2];
    sa[0] = i;
    sb[0] = j;
    int na = more(a, sa, 0, FAR_AHEAD + 1);
    int nb = more(b, sb, 0, FAR_AHEAD + 1);
    HashMap<Integer, Integer> first = new HashMap<>();
    for (int y = 0; y < nb && sb[y] < b.length; y++) {
      first.putIfAbsent(hash(b, sb[y], sb[y + 1]), y);
    }
    for (int x = 0; x <= na; x++) {
      if (sa[x] >= a.length) {
        // The old side ends: in sync if the new side ends within its window too.
        return sb[nb] >= b.length ? new long[] {x, nb, sa[x], sb[nb]} : null;
      }
      if (x == na) {
        return null;
      }
      Integer y = first.get(hash(a, sa[x], sa[x + 1]));
      if (y != null && same(a, sa, x, na, b, sb, y, nb)) {
        return new long[] {x, y, sa[x], sb[y]};
      }
    }
    return null;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 1;
    for (int p = from; p < to; p++) {
      h = 31 * h + b[p];
    }
    return h;
  }

  /** How many newlines {@code b[from, to)} holds. */
  static int newlines(byte[] b, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) {
      if (b[p] == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * Finds line starts past s[filled] (s[0] is a line start, s[q] the start of the q-th line after
   * it) until s[want] is known or the file ends; a start at the end of the file stands for the
   * end. Returns the last index filled.
   */
  private static int more(byte[] b, int[] s, int filled, int want) {
    int q = filled;
    int p = s[q];
    while (q < want && q + 1 < s.length && p < b.length) {
      while (p < b.length && b[p] != '\n') {
        p++;
      }
      if (p < b.length) {
        p++;
      }
      s[++q] = p;
    }
    return q;
  }

  /**
   * Whether line x of a's window equals line y of b's: the same bytes, or both the end of their
   * file. A line past the window is unknown, so no match.
   */
  private static boolean same(byte[] a, int[] sa, int x, int na, byte[] b, int[] sb, int y, int nb) {
    boolean endA = sa[x] >= a.length;
    boolean endB = sb[y] >= b.length;
    if (endA || endB) {
      return endA && endB;
    }
    if (x == na || y == nb) {
      return false; // the line's end is past the window
    }
    int lenA = sa[x + 1] - sa[x];
    int lenB = sb[y + 1] - sb[y];
    return lenA == lenB && Arrays.mismatch(a, sa[x], sa[x + 1], b, sb[y], sb[y + 1]) < 0;
  }
}
