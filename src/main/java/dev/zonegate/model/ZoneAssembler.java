package dev.zonegate.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects records into a {@link Zone}: records with one key form one RRset, duplicates collapse,
 * and differing TTLs within a set are reported once and the lowest kept (RFC 2181 §5.2). It holds
 * no rules about names: {@code ZoneBuilder} checks records before they come here.
 *
 * <p>Records are appended to flat arrays as they come, and grouped only in {@link #build}: one
 * canonical sort of all records ({@link CanonicalSort}) puts each set's records side by side and
 * the sets in zone order, and the RRsets are then made in that order. A million records cost a
 * few arrays and one sort, with no per-record map entry; the notices are the same, in the same
 * order, as if each record had been looked up in a map when it was added.
 */
public final class ZoneAssembler {
  private final String origin;
  private int n;
  /**
   * Per record, side by side so that one record is one or two cache lines when the records are
   * visited in zone order: key, rdata and path in {@code refs[3i..3i+2]}; TTL, and line with the
   * owner's hash, in {@code nums[2i..2i+1]}.
   */
  private Object[] refs = new Object[3 * 64];
  private long[] nums = new long[2 * 64];
  private boolean relative;
  private final List<Notice> notices = new ArrayList<>();
  /** For each notice given: how many records had been added then. */
  private int[] noticeAt = new int[4];

  public ZoneAssembler(String origin) {
    this.origin = origin;
  }

  public String origin() {
    return origin;
  }

  /** One record; {@code path} null when the source has no lines (then {@code line} is ignored). */
  public void add(RRsetKey key, long ttl, String rdata, String path, int line) {
    if (3 * n == refs.length) {
      int cap = n + (n >> 1) + 16;
      refs = Arrays.copyOf(refs, 3 * cap);
      nums = Arrays.copyOf(nums, 2 * cap);
    }
    refs[3 * n] = java.util.Objects.requireNonNull(key, "key");
    refs[3 * n + 1] = rdata;
    refs[3 * n + 2] = path;
    // While the owner is fresh in the cache: its hash for the index, and whether it is absolute.
    String name = key.name();
    nums[2 * n] = ttl;
    nums[2 * n + 1] = (long) (path == null ? 0 : line) << 32 | (name.hashCode() & 0xffffffffL);
    if (name.isEmpty() || name.charAt(name.length() - 1) != '.') {
      relative = true;
    }
    n++;
  }

  private RRsetKey key(int r) {
    return (RRsetKey) refs[3 * r];
  }

  private String rdata(int r) {
    return (String) refs[3 * r + 1];
  }

  private String path(int r) {
    return (String) refs[3 * r + 2];
  }

  private long ttl(int r) {
    return nums[2 * r];
  }

  private int line(int r) {
    return (int) (nums[2 * r + 1] >>> 32);
  }

  private int hash(int r) {
    return (int) nums[2 * r + 1];
  }

  /** A reader's warning, kept in order with the ones {@link #build} finds. */
  public void notice(Notice notice) {
    if (notices.size() == noticeAt.length) {
      noticeAt = Arrays.copyOf(noticeAt, noticeAt.length * 2);
    }
    noticeAt[notices.size()] = n;
    notices.add(notice);
  }

  /** How many different RRsets the records so far make. */
  public int sets() {
    Set<RRsetKey> distinct = new HashSet<>();
    for (int i = 0; i < n; i++) {
      distinct.add(key(i));
    }
    return distinct.size();
  }

  /** A mixed-TTL warning and the record that raised it. */
  private record Mixed(int record, Notice notice) {}

  public Zone build() {
    CanonicalSort.Sorted sorted = CanonicalSort.order(refs, 3, 0, n, origin);
    int[] order = sorted.idx();
    long[] pre = sorted.pre();
    List<Mixed> mixed = new ArrayList<>();
    int setCount = 0;
    int records = 0;
    RRset[] out = new RRset[n];
    NameIndex byName = new NameIndex(n);
    String[] group = new String[4];
    int[] members = new int[4];
    int lastFirst = -1; // the first record of the last owner seen
    long lastPre = 0;
    for (int i = 0; i < n; ) {
      int first = order[i];
      RRsetKey key = key(first);
      // The set: the records after it with an equal key, adjacent after the sort. A different
      // prefix is a different owner: no need to look at the key.
      int m = 0;
      int j = i;
      while (j < n && (j == i || pre[j] == pre[i] && key(order[j]).equals(key))) {
        if (m == members.length) {
          members = Arrays.copyOf(members, m * 2);
        }
        members[m++] = order[j];
        j++;
      }
      if (j < n && pre[j] == pre[i] && key(order[j]).compareTo(key) == 0) {
        throw new IllegalArgumentException("two RRsets for " + key(order[j]));
      }
      // TTLs as they came: the first, then the lowest, reported at the first that differs.
      long ttl = ttl(first);
      boolean reported = false;
      for (int k = 1; k < m; k++) {
        int r = members[k];
        if (ttl(r) != ttl) {
          if (!reported) {
            Location where = path(r) != null ? new Location(path(r), line(r))
                : path(first) != null ? new Location(path(first), line(first)) : null;
            mixed.add(new Mixed(r, new Notice(where, "RRset " + key(r) + " has records with different TTLs ("
                + ttl + " and " + ttl(r) + "); the lowest is used (RFC 2181 §5.2)")));
            reported = true;
          }
          ttl = Math.min(ttl, ttl(r));
        }
      }
      List<String> values;
      if (m == 1) {
        values = List.of(rdata(first));
      } else {
        if (group.length < m) {
          group = new String[m];
        }
        for (int k = 0; k < m; k++) {
          group[k] = rdata(members[k]);
        }
        values = RRset.sortedDistinct(Arrays.asList(group).subList(0, m));
      }
      RRset set = new RRset(key, ttl, values, path(first), line(first));
      records += values.size();
      if (lastFirst < 0 || pre[i] != lastPre || !key.name().equals(key(lastFirst).name())) {
        byName.put(hash(first), setCount);
        lastFirst = first;
        lastPre = pre[i];
      }
      out[setCount++] = set;
      i = j;
    }
    return new Zone(origin, setCount == n ? out : Arrays.copyOf(out, setCount), byName, relative, records,
        mergeNotices(mixed));
  }

  /** The readers' notices and the mixed-TTL ones, in the order the records and notices came. */
  private List<Notice> mergeNotices(List<Mixed> mixed) {
    if (mixed.isEmpty()) {
      return notices;
    }
    mixed.sort((a, b) -> Integer.compare(a.record, b.record));
    List<Notice> all = new ArrayList<>(notices.size() + mixed.size());
    int k = 0;
    for (Mixed x : mixed) {
      // A notice given after the record that raised this one was added comes after it.
      while (k < notices.size() && noticeAt[k] <= x.record) {
        all.add(notices.get(k++));
      }
      all.add(x.notice);
    }
    while (k < notices.size()) {
      all.add(notices.get(k++));
    }
    return all;
  }
}
