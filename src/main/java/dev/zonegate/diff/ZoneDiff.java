package dev.zonegate.diff;

import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.util.Background;
import java.util.ArrayList;
import java.util.List;

/**
 * RRset-level difference of two snapshots of one zone (docs/inputs.md). Both sides are sorted, so one
 * merge pass gives the changes in canonical order without a lookup per set. Sets the proposed side
 * marks ignored (the deploying tool leaves them alone) are not compared.
 */
public final class ZoneDiff {
  private ZoneDiff() {}

  /** Zones with at least this many sets between them are compared in two halves at once. */
  static final int HALVES = 1 << 18;

  /** The changes that turn {@code before} into {@code after}, sorted; the zone is after's origin. */
  public static List<Change> diff(Zone before, Zone after) {
    boolean bothHaveSoa = hasSoa(before) && hasSoa(after);
    if (after.editedFrom() == before && after.marks().ignored().isEmpty()) {
      return edits(before, after, bothHaveSoa);
    }
    int n = before.size();
    int m = after.size();
    if (n + m < HALVES || m < 2 || Runtime.getRuntime().availableProcessors() < 2) {
      return merge(before, 0, n, after, 0, m, bothHaveSoa);
    }
    // Cut after's sets in the middle and before's where that key would stand: every key left of
    // the cut sorts below every key right of it, on both sides, so the halves are two diffs.
    int cutAfter = m / 2;
    int cutBefore = lowerBound(before, after, cutAfter);
    Background<List<Change>, RuntimeException> right =
        Background.start("zonegate-diff-half", () -> merge(before, cutBefore, n, after, cutAfter, m, bothHaveSoa));
    List<Change> out = merge(before, 0, cutBefore, after, 0, cutAfter, bothHaveSoa);
    out.addAll(right.join());
    return out;
  }

  /**
   * The diff of a zone made as edits of {@code before} ({@link Zone#edited}): every other set is
   * the same set, so only the edited keys are compared, in the order the merge would meet them.
   */
  private static List<Change> edits(Zone before, Zone after, boolean bothHaveSoa) {
    String zone = after.origin();
    List<Change> out = new ArrayList<>();
    for (RRsetKey k : after.editedKeys()) {
      compare(zone, before.get(k), after.get(k), bothHaveSoa, out);
    }
    return out;
  }

  /**
   * The change from {@code x} to {@code y} (either may be null: added, removed), if any, into
   * {@code out}; an SOA added or removed counts only when both sides have one.
   */
  private static void compare(String zone, RRset x, RRset y, boolean bothHaveSoa, List<Change> out) {
    if (y == null) {
      if (!isSoa(x) || bothHaveSoa) {
        out.add(new Change(zone, x, null));
      }
    } else if (x == null) {
      if (!isSoa(y) || bothHaveSoa) {
        out.add(new Change(zone, null, y));
      }
    } else if (!same(x, y)) {
      out.add(new Change(zone, x, y));
    }
  }

  /** The first set of {@code before} whose key is not below that of {@code after}'s set {@code j}. */
  private static int lowerBound(Zone before, Zone after, int j) {
    int lo = 0;
    int hi = before.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (before.compareKeys(mid, after, j) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The changes between before's sets [i, iEnd) and after's [j, jEnd), in one merge pass. */
  private static List<Change> merge(Zone before, int i, int iEnd, Zone after, int j, int jEnd, boolean bothHaveSoa) {
    String zone = after.origin();
    List<Change> out = new ArrayList<>();
    // Only what is proposed says what the deploying tool leaves alone: a set that base marked
    // ignored and head no longer does is managed again, so its change is deployed and compared.
    ZoneMarks now = after.marks();
    boolean marked = !now.ignored().isEmpty();
    while (i < iEnd || j < jEnd) {
      int c = i == iEnd ? 1 : j == jEnd ? -1 : before.compareKeys(i, after, j);
      RRset x = c <= 0 ? before.setAt(i) : null;
      RRset y = c >= 0 ? after.setAt(j) : null;
      if (marked && (c <= 0 && now.isIgnored(x.key()) || c >= 0 && now.isIgnored(y.key()))) {
        // Left alone by the deploying tool (octoDNS ignored): not compared.
        if (c <= 0) {
          i++;
        }
        if (c >= 0) {
          j++;
        }
        continue;
      }
      compare(zone, x, y, bothHaveSoa, out);
      if (c <= 0) {
        i++;
      }
      if (c >= 0) {
        j++;
      }
    }
    return out;
  }

  /**
   * The effective changes of a deploy (live to head, docs/inputs.md), each marked {@code drift} when live
   * differs from base at that RRset: the deploy would overwrite something changed out of band.
   */
  public static List<Change> effective(Zone base, Zone live, Zone head) {
    List<Change> effective = diff(live, head);
    if (base == live) {
      return effective;
    }
    List<Change> out = new ArrayList<>(effective.size());
    for (Change c : effective) {
      RRset b = base.get(c.key());
      RRset l = live.get(c.key());
      boolean drifted = b == null ? l != null : l == null || !same(b, l);
      if (c.type().equals("SOA") && (b == null || l == null)) {
        drifted = false; // SOA presence differs by format, never by intent
      }
      out.add(c.withDrift(drifted));
    }
    return out;
  }

  private static boolean isSoa(RRset s) {
    return s.type().equals("SOA");
  }

  private static boolean hasSoa(Zone z) {
    return z.get(z.origin(), "SOA") != null;
  }

  /** Equal sets; the SOA is compared by MNAME, RNAME and timers, never by serial (docs/inputs.md). */
  static boolean same(RRset x, RRset y) {
    if (!isSoa(x)) {
      return x.equals(y);
    }
    if (x.ttl() != y.ttl() || x.rdata().size() != y.rdata().size()) {
      return false;
    }
    for (int i = 0; i < x.rdata().size(); i++) {
      if (!withoutSerial(x.rdata().get(i)).equals(withoutSerial(y.rdata().get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** SOA rdata is {@code mname rname serial refresh retry expire minimum}. */
  static String withoutSerial(String soa) {
    String[] f = soa.trim().split("\\s+");
    if (f.length != 7) {
      return soa;
    }
    f[2] = "-";
    return String.join(" ", f);
  }
}
