package dev.zonegate.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * All records of one owner name and type, class IN. The TTL belongs to the set (RFC 2181 §5.2).
 * Rdata is kept in canonical presentation form (absolute, lower-case names), sorted and without
 * duplicates, so two sets are equal exactly when they serve the same answer. The location is where
 * the set was first read; it is metadata and takes no part in equality.
 */
public final class RRset {
  private final RRsetKey key;
  private final long ttl;
  /** The one record's rdata (most sets), or the immutable sorted list of them (none or several). */
  private final Object rdata;
  // The location, unpacked: a zone holds a million of these.
  private final String path;
  private final int line;
  /** Provider settings and routing beyond the records, or null (most sets). */
  private final Extras extras;

  public RRset(RRsetKey key, long ttl, Collection<String> rdata, Location location) {
    this(key, ttl, sortedDistinct(rdata), location == null ? null : location.path(), location == null ? 0 : location.compactLine());
  }

  /** For sets whose rdata is sorted and distinct already. */
  RRset(RRsetKey key, long ttl, List<String> sortedRdata, String path, int line) {
    this(key, ttl, sortedRdata.size() == 1 ? sortedRdata.get(0) : sortedRdata, path, line);
  }

  /** {@code rdata}: a String (one record) or an immutable sorted distinct list. */
  private RRset(RRsetKey key, long ttl, Object rdata, String path, int line) {
    this(key, ttl, rdata, path, line, null);
  }

  private RRset(RRsetKey key, long ttl, Object rdata, String path, int line, Extras extras) {
    this.key = Objects.requireNonNull(key, "key");
    if (ttl < 0) {
      throw new IllegalArgumentException("negative TTL " + ttl);
    }
    this.ttl = ttl;
    this.rdata = Objects.requireNonNull(rdata, "rdata");
    this.path = path;
    this.line = line;
    this.extras = extras;
  }

  /** A set of one record. */
  static RRset single(RRsetKey key, long ttl, String rdata, String path, int line) {
    return new RRset(key, ttl, (Object) rdata, path, line);
  }

  /** Sorted (natural String order), without duplicates, immutable; one copy at most. */
  static List<String> sortedDistinct(Collection<String> rdata) {
    int n = rdata.size();
    if (n <= 1) {
      return List.copyOf(rdata); // an immutable List.of(x) is kept as it is
    }
    if (n == 2 && rdata instanceof List) {
      String a = ((List<String>) rdata).get(0);
      String b = ((List<String>) rdata).get(1);
      int c = a.compareTo(b);
      return c == 0 ? List.of(a) : c < 0 ? List.of(a, b) : List.of(b, a);
    }
    String[] a = rdata.toArray(new String[0]);
    Arrays.sort(a);
    int m = 0;
    for (int i = 0; i < a.length; i++) {
      if (m == 0 || !a[i].equals(a[m - 1])) {
        a[m++] = a[i];
      }
    }
    return List.of(m == a.length ? a : Arrays.copyOf(a, m));
  }

  public RRsetKey key() {
    return key;
  }

  public String name() {
    return key.name();
  }

  public String type() {
    return key.type();
  }

  public long ttl() {
    return ttl;
  }

  /** Sorted, distinct, canonical presentation form. */
  @SuppressWarnings("unchecked")
  public List<String> rdata() {
    return rdata instanceof String ? List.of((String) rdata) : (List<String>) rdata;
  }

  /** How many records the set holds: {@code rdata().size()}. */
  @SuppressWarnings("unchecked")
  public int rdataCount() {
    return rdata instanceof String ? 1 : ((List<String>) rdata).size();
  }

  /** {@code rdata().get(i)}, for loops over many sets. */
  @SuppressWarnings("unchecked")
  public String rdata(int i) {
    if (rdata instanceof String) {
      Objects.checkIndex(i, 1);
      return (String) rdata;
    }
    return ((List<String>) rdata).get(i);
  }

  /** Where the set was first read, or null when the source has no lines (a live transfer). */
  public Location location() {
    return path == null ? null : Location.of(path, line);
  }

  /** The same set read at {@code line} of {@code path} (compact form, see {@link Location#compactLine}). */
  RRset relocated(String path, int line) {
    return new RRset(key, ttl, rdata, path, line, extras);
  }

  /**
   * Whether {@code o} holds this set's very data (key, TTL, records and extras, the same objects):
   * a set kept as it was, perhaps at another line ({@link Zone#edited}). Cheaper than equality, and
   * never true of two sets read apart.
   */
  public boolean sharesDataWith(RRset o) {
    return o.key == key && o.ttl == ttl && o.rdata == rdata && o.extras == extras;
  }

  /** The line of {@link #location} in compact form, without making the location. */
  int compactLine() {
    return line;
  }

  public RRset withLocation(Location where) {
    return new RRset(key, ttl, rdata, where == null ? null : where.path(), where == null ? 0 : where.compactLine(), extras);
  }

  /** Provider settings and routing beyond the records, or null. */
  public Extras extras() {
    return extras;
  }

  /** The same set with the TTL {@code t}. */
  public RRset withTtl(long t) {
    return new RRset(key, t, rdata, path, line, extras);
  }

  /** The same set carrying {@code e} (null: nothing beyond the records). */
  public RRset withExtras(Extras e) {
    return new RRset(key, ttl, rdata, path, line, e);
  }

  @Override
  public boolean equals(Object o) {
    // One record is held as a String, any other count as a list: equal sets hold the same kind.
    return o instanceof RRset
        && ((RRset) o).key.equals(key)
        && ((RRset) o).ttl == ttl
        && ((RRset) o).rdata.equals(rdata)
        && Objects.equals(((RRset) o).extras, extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, ttl, rdata(), extras);
  }

  @Override
  public String toString() {
    return key + " " + ttl + " " + rdata() + (extras == null ? "" : " {" + extras + "}");
  }
}
