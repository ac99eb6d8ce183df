package dev.zonegate.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where two versions of a file differ, line by line: a list of hunks, each a run of lines of the
 * old version that the new one replaces with a run of its own (either may be empty), every line
 * outside them the same bytes in both, in the same order.
 *
 * <p>Not the shortest such list ({@code diff}'s), but one found in a single pass over both files:
 * the common runs are skipped with {@link Arrays#mismatch}, and at each difference the next few
 * lines of each side are tried in order of how few lines a hunk would take, until a line of the
 * old equals a line of the new. Any such list is right for a reader of the new version as edits
 * of the old (a line outside the hunks is the same line in both); a shorter one only saves work.
 * A difference that no line within {@link #LOOK_AHEAD} lines resyncs, or more changed lines than
 * the caller allows, gives null: then the files are too different to be worth it.
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
      if (da < 0) {
        return null;
      }
      changed += da + db;
      if (changed > maxChanged) {
        return null;
      }
      out.add(new Hunk(la, la + da, lb, lb + db, i, sa[da], j, sb[db]));
      i = sa[da];
      j = sb[db];
      la += da;
      lb += db;
    }
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
