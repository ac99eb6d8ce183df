package dev.zonegate.diff;

import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import java.util.ArrayList;
import java.util.List;

/**
 * RRset-level difference of two snapshots of one zone (docs/inputs.md). Both sides are sorted, so one
 * merge pass gives the changes in canonical order without a lookup per set. Sets the proposed side
 * marks ignored (the deploying tool leaves them alone) are not compared.
 */
public final class ZoneDiff {
  private ZoneDiff() {}

  /** The changes that turn {@code before} into {@code after}, sorted; the zone is after's origin. */
  public static List<Change> diff(Zone before, Zone after) {
    String zone = after.origin();
    boolean bothHaveSoa = hasSoa(before) && hasSoa(after);
    List<Change> out = new ArrayList<>();
    List<RRset> a = before.sets();
    List<RRset> b = after.sets();
    int i = 0;
    int j = 0;
    RRset x = i < a.size() ? a.get(i) : null;
    RRset y = j < b.size() ? b.get(j) : null;
    // Only what is proposed says what the deploying tool leaves alone: a set that base marked
    // ignored and head no longer does is managed again, so its change is deployed and compared.
    ZoneMarks now = after.marks();
    boolean marked = !now.ignored().isEmpty();
    while (x != null || y != null) {
      int c = x == null ? 1 : y == null ? -1 : x.key().compareTo(y.key());
      if (marked && (c <= 0 && now.isIgnored(x.key()) || c >= 0 && now.isIgnored(y.key()))) {
        // Left alone by the deploying tool (octoDNS ignored): not compared.
        if (c <= 0) {
          x = ++i < a.size() ? a.get(i) : null;
        }
        if (c >= 0) {
          y = ++j < b.size() ? b.get(j) : null;
        }
        continue;
      }
      if (c < 0) {
        if (!isSoa(x) || bothHaveSoa) {
          out.add(new Change(zone, x, null));
        }
        x = ++i < a.size() ? a.get(i) : null;
      } else if (c > 0) {
        if (!isSoa(y) || bothHaveSoa) {
          out.add(new Change(zone, null, y));
        }
        y = ++j < b.size() ? b.get(j) : null;
      } else {
        if (!same(x, y)) {
          out.add(new Change(zone, x, y));
        }
        x = ++i < a.size() ? a.get(i) : null;
        y = ++j < b.size() ? b.get(j) : null;
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
