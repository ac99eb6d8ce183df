package dev.zonegate.model;

import dev.zonegate.util.Background;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Collects records into a {@link Zone}: records with one key form one RRset, duplicates collapse,
 * and differing TTLs within a set are reported once and the lowest kept (RFC 2181 §5.2), or the
 * first as named keeps it when it loads a master file ({@link #firstTtl()}). It holds
 * no rules about names: {@code ZoneBuilder} checks records before they come here.
 *
 * <p>Records are appended to flat arrays as they come, and grouped only in {@link #build}: one
 * canonical sort of all records ({@link CanonicalSort}) puts each set's records side by side and
 * the sets in zone order, and the RRsets are then made in that order. A million records cost a
 * few arrays and one sort, with no per-record map entry; the notices are the same, in the same
 * order, as if each record had been looked up in a map when it was added.
 *
 * <p>The origin is needed only by {@link #build}, so a reader may add records before it knows
 * the zone's name (a master file names it by its SOA, which may come late).
 */
public final class ZoneAssembler {
  /** Records per chunk once there are many: chunks are never copied to grow. */
  private static final int CHUNK_BITS = 18;

  static final int CHUNK = 1 << CHUNK_BITS;

  private int n;
  /**
   * Per record, side by side so that one record is one or two cache lines when the records are
   * visited in zone order: key, rdata and path in {@code refs[3i..3i+2]}; TTL, and line (in the high
   * half), in {@code nums[2i..2i+1]} (i within its chunk). The first chunk grows up to
   * {@link #CHUNK} records; later ones are made whole, so a large zone leaves no copies behind.
   */
  private Object[][] refs = {new Object[3 * 64]};
  private long[][] nums = {new long[2 * 64]};
  private boolean relative;
  /** See {@link #vouchAscii}. */
  private boolean ascii;
  /** See {@link #firstOutside}. */
  private int outside = -1;
  /** See {@link #busy}. */
  private boolean busy;
  /** See {@link #firstTtl()}. */
  private boolean firstTtl;
  private final List<Notice> notices = new ArrayList<>();
  /** For each notice given: how many records had been added then. */
  private int[] noticeAt = new int[4];

  public ZoneAssembler() {}

  /** One record; {@code path} null when the source has no lines (then {@code line} is ignored). */
  public void add(RRsetKey key, long ttl, String rdata, String path, int line) {
    room();
    int c = n >>> CHUNK_BITS;
    int i = n & (CHUNK - 1);
    Object[] r = refs[c];
    r[3 * i] = Objects.requireNonNull(key, "key");
    r[3 * i + 1] = rdata;
    r[3 * i + 2] = path;
    // While the owner is fresh in the cache: whether it is absolute.
    String name = key.name();
    long[] v = nums[c];
    v[2 * i] = ttl;
    v[2 * i + 1] = (long) (path == null ? 0 : line) << 32;
    if (name.isEmpty() || name.charAt(name.length() - 1) != '.') {
      relative = true;
    }
    n++;
  }

  /** Makes room for record {@code n}. */
  private void room() {
    int c = n >>> CHUNK_BITS;
    int i = n & (CHUNK - 1);
    if (c == refs.length) {
      refs = Arrays.copyOf(refs, c + 1);
      nums = Arrays.copyOf(nums, c + 1);
      refs[c] = new Object[3 * CHUNK];
      nums[c] = new long[2 * CHUNK];
    } else if (3 * i == refs[c].length) {
      int cap = Math.min(CHUNK, i + (i >> 1) + 16);
      refs[c] = Arrays.copyOf(refs[c], 3 * cap);
      nums[c] = Arrays.copyOf(nums[c], 2 * cap);
    }
  }

  /**
   * Adds every record of {@code other} after this one's, their lines moved down by
   * {@code lineOffset}: the same as {@link #add}ing each here in its order. A file's second half,
   * read on another thread into an assembler of its own, joins the first this way. {@code other}
   * must hold records only (no notices); it is not to be used after.
   */
  public void addAll(ZoneAssembler other, int lineOffset) {
    if (!other.notices.isEmpty()) {
      throw new IllegalArgumentException("an assembler with notices is not appended");
    }
    long shift = (long) lineOffset << 32;
    for (int k = 0; k < other.n; ) { // a run at a time: as far as both chunks go
      room();
      int c = n >>> CHUNK_BITS;
      int i = n & (CHUNK - 1);
      int j = k & (CHUNK - 1);
      int len = Math.min(other.n - k, Math.min(refs[c].length / 3 - i, CHUNK - j));
      Object[] r = refs[c];
      long[] v = nums[c];
      System.arraycopy(other.refs[k >>> CHUNK_BITS], 3 * j, r, 3 * i, 3 * len);
      System.arraycopy(other.nums[k >>> CHUNK_BITS], 2 * j, v, 2 * i, 2 * len);
      if (shift != 0) {
        for (int m = i; m < i + len; m++) {
          if (r[3 * m + 2] != null) { // a record with a path has a line
            v[2 * m + 1] += shift;
          }
        }
      }
      n += len;
      k += len;
    }
    relative |= other.relative;
  }

  /**
   * A hint that about {@code more} records will be added next (a reader that knows its file's
   * size): the first chunk is made that large at once, up to a chunk, instead of growing by copies
   * that a million-record zone would leave behind. Never needed for correctness.
   */
  public void expect(int more) {
    int want = Math.min(CHUNK, n + Math.max(0, more));
    if (refs.length == 1 && 3 * want > refs[0].length) {
      refs[0] = Arrays.copyOf(refs[0], 3 * want);
      nums[0] = Arrays.copyOf(nums[0], 2 * want);
    }
  }

  /**
   * The reader's word that every name, type, rdata and set id it adds is ASCII (as everything
   * dnsjava prints is: it escapes other bytes as {@code \DDD}). {@link Zone#ascii} passes it on, so
   * writers can copy characters as bytes without looking at each.
   */
  public void vouchAscii() {
    ascii = true;
  }

  /**
   * The reader's word that other work has the other cores while this zone is built (the other file
   * of a diff is still being read): then {@link #build} keeps to its own thread.
   */
  public void busy(boolean b) {
    busy = b;
  }

  /**
   * A set whose records have different TTLs takes the first record's, as named does when it loads
   * a master file ("TTL set to prior TTL"), instead of the lowest, which RFC 2181 §5.2 tells a
   * client that receives such a set to use. The first is the first added (a file's order).
   */
  public void firstTtl() {
    firstTtl = true;
  }

  /** How many records have been added. */
  public int records() {
    return n;
  }

  /** The key of record {@code i} (in the order added). */
  public RRsetKey key(int i) {
    return (RRsetKey) refs[i >>> CHUNK_BITS][3 * (i & (CHUNK - 1))];
  }

  /** The path record {@code i} was read from, or null. */
  public String path(int i) {
    return (String) refs[i >>> CHUNK_BITS][3 * (i & (CHUNK - 1)) + 2];
  }

  private String rdata(int i) {
    return (String) refs[i >>> CHUNK_BITS][3 * (i & (CHUNK - 1)) + 1];
  }

  private long ttl(int i) {
    return nums[i >>> CHUNK_BITS][2 * (i & (CHUNK - 1))];
  }

  /** The line record {@code i} was read from (0 without a path). */
  public int line(int i) {
    return (int) (nums[i >>> CHUNK_BITS][2 * (i & (CHUNK - 1)) + 1] >>> 32);
  }

  /** A point to {@link #rollback} to. */
  public record Mark(int records, int notices) {}

  public Mark mark() {
    return new Mark(n, notices.size());
  }

  /**
   * Forgets the records and notices added since the mark: what a reader does when a first attempt
   * at a file gives up and another reads the file from the start.
   */
  public void rollback(Mark m) {
    if (m.records() > n || m.notices() > notices.size()) {
      throw new IllegalArgumentException("the mark is ahead of the assembler");
    }
    for (int i = m.records(); i < n; i++) {
      Object[] r = refs[i >>> CHUNK_BITS];
      int k = 3 * (i & (CHUNK - 1));
      r[k] = null; // let them go
      r[k + 1] = null;
      r[k + 2] = null;
    }
    n = m.records();
    notices.subList(m.notices(), notices.size()).clear();
  }

  /** A record taken out by {@link #dropOutside}: its key and where it was read. */
  public record Dropped(RRsetKey key, String path, int line) {}

  /**
   * Takes out every record whose owner is not at or below {@code origin}, keeping the others and
   * the reader's notices in their order, and returns the ones taken out, in the order added: how
   * named loads a master file with records outside its zone (it ignores them, with a warning).
   * Only for that rare file: it moves every record once.
   */
  public List<Dropped> dropOutside(String origin) {
    List<Dropped> dropped = new ArrayList<>();
    int kept = 0;
    int notice = 0;
    int[] keptBefore = new int[notices.size()];
    for (int i = 0; i < n; i++) {
      while (notice < notices.size() && noticeAt[notice] == i) {
        keptBefore[notice++] = kept;
      }
      RRsetKey key = key(i);
      if (!Names.isAtOrBelow(key.name(), origin)) {
        dropped.add(new Dropped(key, path(i), line(i)));
        continue;
      }
      if (kept != i) {
        Object[] from = refs[i >>> CHUNK_BITS];
        Object[] to = refs[kept >>> CHUNK_BITS];
        int f = 3 * (i & (CHUNK - 1));
        int t = 3 * (kept & (CHUNK - 1));
        to[t] = from[f];
        to[t + 1] = from[f + 1];
        to[t + 2] = from[f + 2];
        long[] nf = nums[i >>> CHUNK_BITS];
        long[] nt = nums[kept >>> CHUNK_BITS];
        nt[2 * (kept & (CHUNK - 1))] = nf[2 * (i & (CHUNK - 1))];
        nt[2 * (kept & (CHUNK - 1)) + 1] = nf[2 * (i & (CHUNK - 1)) + 1];
      }
      kept++;
    }
    while (notice < notices.size()) {
      keptBefore[notice++] = kept;
    }
    for (int i = kept; i < n; i++) {
      Object[] r = refs[i >>> CHUNK_BITS];
      int k = 3 * (i & (CHUNK - 1));
      r[k] = null;
      r[k + 1] = null;
      r[k + 2] = null;
    }
    n = kept;
    System.arraycopy(keptBefore, 0, noticeAt, 0, keptBefore.length);
    outside = -1;
    return dropped;
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

  /**
   * The zone named {@code origin}; the assembler may take more records after it, and build again.
   * Owners are taken as they are: whether they belong under the origin is the caller's question.
   */
  public Zone build(String origin) {
    return build(origin, false);
  }

  /**
   * The first record (in the order added) whose owner is not at or below the origin of the last
   * {@link #build(String, boolean)} that checked, or -1.
   */
  public int firstOutside() {
    return outside;
  }

  /**
   * As {@link #build(String)}; {@code ownersBelow} says every owner is known to be at or below the
   * origin, so the sort need not look ({@link #firstOutside} is then -1).
   */
  public Zone build(String origin, boolean ownersBelow) {
    CanonicalSort.Sorted sorted = CanonicalSort.order(this::key, n, origin, ownersBelow, busy);
    outside = sorted.outside();
    Part whole;
    int cut = cut(sorted);
    if (cut < 0) {
      whole = part(sorted, 0, n);
    } else {
      // Two halves of the sets at once, cut between two sets: each half makes its own sets, and
      // the halves are joined in order. A million-set zone is read on both cores; this keeps the
      // making of its sets on both too.
      Background<Part, RuntimeException> second =
          Background.start("zonegate-sets-half", () -> part(sorted, cut, n));
      Part first = part(sorted, 0, cut); // its problem, if any, comes first in zone order, as in one pass
      whole = first.join(second.join());
    }
    return new Zone(origin, whole.sets == whole.out.length ? whole.out : Arrays.copyOf(whole.out, whole.sets), whole.setPre,
        whole.setWhole, sorted.stripped(), relative, ascii, whole.records, whole.types.build(), mergeNotices(whole.mixed));
  }

  /** Zones of at least this many records make their sets in two halves (when the other core is free). */
  static final int HALVES = 1 << 17;

  /**
   * Where to cut the sorted records for two halves: the first record of a set (of a name the
   * record before does not share, when the prefixes can tell) near the middle; -1 for one pass.
   */
  private int cut(CanonicalSort.Sorted sorted) {
    if (n < HALVES || busy || Runtime.getRuntime().availableProcessors() < 2) {
      return -1;
    }
    int[] order = sorted.idx();
    long[] pre = sorted.pre();
    int c = n / 2;
    // Past records of the same key (and of keys that compare equal, which one pass refuses as
    // "two RRsets": both must stay in one half to be seen).
    while (c < n && pre[c] == pre[c - 1] && key(order[c]).compareTo(key(order[c - 1])) == 0) {
      c++;
    }
    return c < n ? c : -1;
  }

  /** The sets made from sorted records [from, to), which begin and end with whole sets. */
  private static final class Part {
    RRset[] out;
    int sets;
    int records;
    long[] setPre;
    long[] setWhole;
    TypeColumn.Builder types;
    List<Mixed> mixed;

    /** This part followed by {@code next}. */
    Part join(Part next) {
      Part p = new Part();
      p.sets = sets + next.sets;
      p.out = Arrays.copyOf(out, p.sets);
      System.arraycopy(next.out, 0, p.out, sets, next.sets);
      p.records = records + next.records;
      if (setPre != null) {
        p.setPre = Arrays.copyOf(setPre, p.sets);
        System.arraycopy(next.setPre, 0, p.setPre, sets, next.sets);
        p.setWhole = Arrays.copyOf(setWhole, (p.sets + 63) >>> 6);
        for (int w = 0; w < next.setWhole.length; w++) {
          for (long bits = next.setWhole[w]; bits != 0; bits &= bits - 1) {
            CanonicalSort.set(p.setWhole, sets + (w << 6) + Long.numberOfTrailingZeros(bits));
          }
        }
      }
      p.types = types;
      p.types.append(next.types);
      p.mixed = mixed;
      p.mixed.addAll(next.mixed);
      return p;
    }
  }

  private Part part(CanonicalSort.Sorted sorted, int from, int to) {
    int[] order = sorted.idx();
    long[] pre = sorted.pre();
    long[] whole = sorted.whole();
    Part part = new Part();
    List<Mixed> mixed = new ArrayList<>();
    int setCount = 0;
    int records = 0;
    RRset[] out = new RRset[to - from];
    long[] setPre = sorted.usable() ? new long[to - from] : null;
    long[] setWhole = sorted.usable() ? new long[(to - from + 63) >>> 6] : null;
    String[] group = new String[4];
    TypeColumn.Builder types = new TypeColumn.Builder(to - from);
    // The records in zone order: record i of the zone is order[i] of the input, whose fields sit
    // side by side (refs[3k..3k+2], nums[2k..2k+1]), so each costs one jump into memory.
    for (int i = from; i < to; ) {
      int f = order[i];
      Object[] fr = refs[f >>> CHUNK_BITS];
      long[] fv = nums[f >>> CHUNK_BITS];
      int fk = f & (CHUNK - 1);
      RRsetKey key = (RRsetKey) fr[3 * fk];
      // The set: the records after it with an equal key, adjacent after the sort. A different
      // prefix is a different owner: no need to look at the key.
      int j = i + 1;
      while (j < to && pre[j] == pre[i] && key(order[j]).equals(key)) {
        j++;
      }
      if (j < to && pre[j] == pre[i] && key(order[j]).compareTo(key) == 0) {
        throw new IllegalArgumentException("two RRsets for " + key(order[j]));
      }
      String path = (String) fr[3 * fk + 2];
      int line = (int) (fv[2 * fk + 1] >>> 32);
      // TTLs as they came (the sort keeps that order): the first, then the lowest (or the first, as
      // named keeps it), reported at the first that differs.
      long ttl = fv[2 * fk];
      RRset set;
      if (j - i == 1) {
        set = RRset.single(key, ttl, (String) fr[3 * fk + 1], path, line);
        records++;
      } else {
        boolean reported = false;
        if (group.length < j - i) {
          group = new String[j - i];
        }
        for (int k = i; k < j; k++) {
          int g = order[k];
          group[k - i] = rdata(g);
          long t = ttl(g);
          if (t != ttl) {
            if (!reported) {
              String p = path(g);
              Location where = p != null ? Location.of(p, line(g)) : path != null ? Location.of(path, line) : null;
              mixed.add(new Mixed(g, new Notice(where, "RRset " + key(g) + " has records with different TTLs ("
                  + ttl + " and " + t + "); " + (firstTtl
                      ? "the first is used, as named uses it (RFC 2181 §5.2 makes this an error)"
                      : "the lowest is used (RFC 2181 §5.2)"))));
              reported = true;
            }
            if (!firstTtl) {
              ttl = Math.min(ttl, t);
            }
          }
        }
        List<String> values = RRset.sortedDistinct(Arrays.asList(group).subList(0, j - i));
        set = new RRset(key, ttl, values, path, line);
        records += values.size();
      }
      if (setPre != null) {
        setPre[setCount] = pre[i];
        if (CanonicalSort.bit(whole, i)) {
          CanonicalSort.set(setWhole, setCount);
        }
      }
      out[setCount++] = set;
      types.add(key.type());
      i = j;
    }
    part.out = out;
    part.sets = setCount;
    part.records = records;
    part.setPre = setPre == null ? null : setCount == setPre.length ? setPre : Arrays.copyOf(setPre, setCount);
    part.setWhole = setWhole;
    part.types = types;
    part.mixed = mixed;
    return part;
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
