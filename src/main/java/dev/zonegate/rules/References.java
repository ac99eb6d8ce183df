package dev.zonegate.rules;

import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-zone name references of one snapshot, indexed by target: which CNAME, DNAME, MX, NS, SRV,
 * SVCB/HTTPS and ALIAS records point at a name. Built once per snapshot, so rules that ask "who
 * points here?" for each change never scan the zone per change.
 *
 * <p>Rules ask only about the names that changed, so the index is usually built for those targets
 * alone: one pass over the zone's referring records that keeps a handful of them. A question about
 * any other name builds the full index once and answers from it.
 */
public final class References {
  /** One record that names a target. */
  public record Reference(String owner, String type, String rdata, String target) {}

  private final Zone zone;
  /** The targets indexed; null for all. */
  private final Set<String> wanted;

  private final Map<String, List<Reference>> byTarget = new HashMap<>();
  private References all;

  References(Zone z) {
    this(z, null);
  }

  /** The references to the {@code wanted} names (every target when null). */
  References(Zone z, Set<String> wanted) {
    this.zone = z;
    this.wanted = wanted;
    if (z == null || wanted != null && wanted.isEmpty()) {
      return;
    }
    String origin = z.origin();
    int[] hashes = wanted == null ? null : hashTable(wanted);
    for (RRset s : z.dataOf(References::refers)) { // names and records only: no place is needed
      String type = s.type();
      for (int i = 0; i < s.rdataCount(); i++) {
        String rdata = s.rdata(i);
        long where = region(type, rdata);
        if (where < 0) {
          continue;
        }
        int from = (int) (where >>> 32);
        int to = (int) where;
        // With a wanted set, most targets are ruled out by their hash before a string is made.
        if (hashes != null && !contains(hashes, hash(rdata, from, to))) {
          continue;
        }
        String t = from == 0 && to == rdata.length() ? rdata : rdata.substring(from, to);
        if ((wanted == null || wanted.contains(t)) && Names.isAtOrBelow(t, origin)) {
          byTarget.computeIfAbsent(t, k -> new ArrayList<>(2)).add(new Reference(s.name(), type, rdata, t));
        }
      }
    }
  }

  /** {@link String#hashCode} of {@code s.substring(from, to)}, without making it. */
  private static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** The names' hashes, open addressing; 0 is stored as 1 so a free slot is 0. */
  private static int[] hashTable(Set<String> names) {
    int[] t = new int[Integer.highestOneBit(Math.max(4, names.size() * 2 - 1)) << 1];
    for (String n : names) {
      int h = n.hashCode() == 0 ? 1 : n.hashCode();
      int i = mix(h) & (t.length - 1);
      while (t[i] != 0 && t[i] != h) {
        i = (i + 1) & (t.length - 1);
      }
      t[i] = h;
    }
    return t;
  }

  private static boolean contains(int[] t, int hash) {
    int h = hash == 0 ? 1 : hash;
    int i = mix(h) & (t.length - 1);
    while (t[i] != 0) {
      if (t[i] == h) {
        return true;
      }
      i = (i + 1) & (t.length - 1);
    }
    return false;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private synchronized References all() {
    if (all == null) {
      all = new References(zone, null);
    }
    return all;
  }

  /** Records in the zone whose target is {@code name}. */
  public List<Reference> to(String name) {
    if (wanted != null && !wanted.contains(name)) {
      return all().to(name);
    }
    return byTarget.getOrDefault(name, List.of());
  }

  /**
   * Where each non-null name's sets lie ({@link Zone#spans}, all looked up together); 0 (none) for
   * a null: the in-zone targets of many records, out-of-zone ones left null.
   */
  static long[] spans(Zone z, List<String> names) {
    List<String> asked = new ArrayList<>(names.size());
    for (String n : names) {
      if (n != null) {
        asked.add(n);
      }
    }
    long[] found = z.spans(asked);
    long[] out = new long[names.size()];
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (names.get(i) != null) {
        out[i] = found[k++];
      }
    }
    return out;
  }
  /** Whether records of the type name another host: CNAME, DNAME, NS, MX, SRV, SVCB, HTTPS, ALIAS. */
  static boolean refers(String type) {
    switch (type) {
      case "CNAME":
      case "DNAME":
      case "NS":
      case "MX":
      case "SRV":
      case "SVCB":
      case "HTTPS":
      case "ALIAS":
        return true;
      default:
        return false;
    }
  }

  /**
   * The name a record points at, or null for types that point nowhere or a null target
   * ({@code .} in MX/SRV means "no service", RFC 7505 and RFC 2782). Fields are what
   * {@code rdata.trim().split("\\s+")} gives, found without a regular expression.
   */
  public static String target(String type, String rdata) {
    long where = region(type, rdata);
    if (where < 0) {
      return null;
    }
    int from = (int) (where >>> 32);
    int to = (int) where;
    return from == 0 && to == rdata.length() ? rdata : rdata.substring(from, to);
  }

  /**
   * Where in the rdata the target stands, as {@code from << 32 | to}, or -1 when there is none
   * (see {@link #target}).
   */
  private static long region(String type, String rdata) {
    long where;
    switch (type) {
      case "CNAME":
      case "DNAME":
      case "NS":
        where = trimmed(rdata);
        break;
      case "MX":
        where = field(rdata, 1, 2);
        break;
      case "SRV":
        where = field(rdata, 3, 4);
        break;
      case "SVCB":
      case "HTTPS":
        where = field(rdata, 1, -2);
        break;
      case "ALIAS":
        where = field(rdata, -1, 0);
        break;
      default:
        return -1;
    }
    if (where < 0) {
      return -1;
    }
    int from = (int) (where >>> 32);
    int to = (int) where;
    // "." in MX or SRV means no service (RFC 7505, RFC 2782); an empty field points nowhere.
    if (to == from || to == from + 1 && rdata.charAt(from) == '.') {
      return -1;
    }
    return where;
  }

  /** The bounds {@link String#trim} keeps. */
  private static long trimmed(String rdata) {
    int lo = 0;
    int hi = rdata.length();
    while (lo < hi && rdata.charAt(lo) <= ' ') {
      lo++;
    }
    while (hi > lo && rdata.charAt(hi - 1) <= ' ') {
      hi--;
    }
    return (long) lo << 32 | hi;
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * The bounds of field {@code k} (-1: the last) of the trimmed rdata split on whitespace runs, or
   * -1 unless there are exactly {@code count} fields ({@code count} 0: any number; {@code -n}: at
   * least n). An empty rdata is one empty field, as {@code "".split} gives.
   */
  static long field(String rdata, int k, int count) {
    long t = trimmed(rdata);
    int lo = (int) (t >>> 32);
    int hi = (int) t;
    if (lo == hi) {
      return (k == 0 || k == -1) && (count == 0 || count == 1 || count == -1) ? t : -1;
    }
    int n = 0;
    int ks = -1;
    int ke = -1;
    int p = lo;
    while (p < hi) {
      int s = p;
      while (p < hi && !space(rdata.charAt(p))) {
        p++;
      }
      if (n == k || k == -1) {
        ks = s;
        ke = p;
      }
      n++;
      while (p < hi && space(rdata.charAt(p))) {
        p++;
      }
    }
    if (count > 0 ? n != count : count < 0 && n < -count) {
      return -1;
    }
    return ks < 0 ? -1 : (long) ks << 32 | ke;
  }
}
