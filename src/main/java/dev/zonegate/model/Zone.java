package dev.zonegate.model;

import dev.zonegate.util.Background;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One zone at one moment: its origin and its RRsets in canonical order, plus the warnings its
 * reader raised. Immutable.
 *
 * <p>The sets are one array sorted once ({@link CanonicalSort}); all sets of a name are adjacent.
 * {@link #get} and {@link #at} find a name by binary search until a zone has been asked about many
 * names, and then by a hash index from owner name to its first set, built at that point: a diff
 * of a million-set zone asks about the few thousand changed names and never pays for an index of
 * a million, while lint, which asks about every name, gets hash probes.
 */
public final class Zone {
  private final String origin;
  private final RRset[] sets;
  private final List<RRset> view;
  /** Built by the look-up that passes {@link #indexAfter} searches; null until then. */
  private volatile NameIndex byName;
  /** Searches so far (a hint: a lost count under a race only builds the index a bit later). */
  private int searches;
  private final int indexAfter;
  /**
   * Per set, the first eight characters of its owner's sort key as {@link CanonicalSort} packed
   * them (null when they order nothing): a search compares these longs, side by side in one
   * array, and only the few sets that share the name's prefix by name.
   */
  private final long[] pre;
  /**
   * Per set, a bit (set i: bit i of word i / 64): its prefix holds its owner's whole sort key
   * ({@link CanonicalSort#whole}), so a name found by its prefix needs no comparison by name.
   * Null when {@link #pre} is.
   */
  private final long[] whole;
  private final boolean ascii;
  /** The origin left out of {@link #pre}, or null. */
  private final String preOrigin;
  /**
   * True when some owner is not absolute: then two different strings may name the same node
   * ({@code a.example} and {@code a.example.}), and look-ups compare like the sorted map did.
   */
  private final boolean relativeNames;
  private final int recordCount;
  private final TypeColumn types;
  private final List<Notice> notices;
  private ZoneMarks marks = ZoneMarks.NONE;
  private volatile NavigableMap<RRsetKey, RRset> map;

  /** Whether an NS set is owned by a name other than the origin; null until first asked. */
  private volatile Boolean nsBelowOrigin;

  /** For a zone made by {@link #edited}: the zone it was made from, and the keys it changed. */
  private Zone editedFrom;
  private List<RRsetKey> editedKeys = List.of();
  /** For a zone made by {@link #edited}: where its kept sets were read again; null for any other zone. */
  private Moved moved;

  /**
   * The sets an edited zone kept from its base are the base's own objects, which still say where
   * the base read them: the file read as edits holds each at another line ({@code path}, the line
   * plus {@code shift[line]}). Each is given out at its new place when asked for, so a million kept
   * sets are not all made again for the few whose place a report names.
   */
  private record Moved(String path, int[] shift, long[] bits) {
    boolean has(int i) {
      return (bits[i >>> 6] & 1L << i) != 0;
    }

    RRset at(RRset s) {
      return relocate(s, path, shift);
    }
  }

  /** {@code s} read again from {@code path}, at its line moved by {@code shift} (see {@link #edited}). */
  private static RRset relocate(RRset s, String path, int[] shift) {
    int line = s.compactLine();
    return s.relocated(path, line > 0 && line < shift.length ? line + shift[line] : line);
  }

  /** The set at {@code i} as the zone holds it: at its new place, for a set an edited zone kept. */
  private RRset out(int i) {
    Moved m = moved;
    return m == null || !m.has(i) ? sets[i] : m.at(sets[i]);
  }

  public Zone(String origin, Collection<RRset> sets, List<Notice> notices) {
    this.origin = origin;
    RRset[] in = sets.toArray(new RRset[0]);
    int n = in.length;
    RRsetKey[] keys = new RRsetKey[n];
    for (int i = 0; i < n; i++) {
      keys[i] = in[i].key();
    }
    // Equal keys end up side by side, the later one second, as a sorted map would meet them.
    CanonicalSort.Sorted order = CanonicalSort.order(keys, n, origin);
    RRset[] a = new RRset[n];
    for (int i = 0; i < n; i++) {
      a[i] = in[order.idx()[i]];
      if (i > 0 && order.pre()[i] == order.pre()[i - 1] && a[i - 1].key().compareTo(a[i].key()) == 0) {
        throw new IllegalArgumentException("two RRsets for " + a[i].key());
      }
    }
    boolean relative = false;
    int records = 0;
    for (int i = 0; i < n; i++) {
      RRset s = a[i];
      String name = s.name();
      records += s.rdataCount();
      if (name.isEmpty() || name.charAt(name.length() - 1) != '.') {
        relative = true;
      }
    }
    this.sets = a;
    this.view = Collections.unmodifiableList(Arrays.asList(a));
    this.relativeNames = relative;
    this.recordCount = records;
    this.ascii = false;
    this.pre = order.usable() ? order.pre() : null;
    this.whole = order.usable() ? order.whole() : null;
    this.preOrigin = order.stripped();
    this.indexAfter = indexAfter(n);
    this.types = TypeColumn.of(a);
    this.notices = List.copyOf(notices);
  }

  /**
   * From {@link ZoneAssembler}: sets sorted and distinct; {@code pre} (or null) their packed
   * prefixes from {@link CanonicalSort}, without {@code preOrigin} (or null).
   */
  Zone(String origin, RRset[] sorted, long[] pre, long[] whole, String preOrigin, boolean relativeNames, boolean ascii,
      int recordCount, TypeColumn types, List<Notice> notices) {
    this.whole = whole;
    this.types = types;
    this.ascii = ascii;
    this.origin = origin;
    this.sets = sorted;
    this.view = Collections.unmodifiableList(Arrays.asList(sorted));
    this.relativeNames = relativeNames;
    this.recordCount = recordCount;
    this.pre = pre;
    this.preOrigin = preOrigin;
    this.indexAfter = indexAfter(sorted.length);
    this.notices = List.copyOf(notices);
  }

  /**
   * The zone {@code base} with the sets of the keys {@code removed} taken out and the sets {@code
   * added} put in (a key may be both: its set is replaced), every other set kept as it is but read
   * from {@code path}, at the line {@code line + shift[line]} for the line it had (a file read as
   * line edits of another, see {@code MasterFileEdits}); or null when the edit does not fit
   * (an added key {@code base} holds and does not remove, a removed key it does not hold, an owner
   * the base's packed prefixes cannot take). The zone remembers {@code base} and the keys, so a
   * diff of the two compares only those ({@link #editedFrom}). No notices; {@code base}'s marks.
   */
  public static Zone edited(Zone base, Collection<RRsetKey> removed, Collection<RRset> added, String path, int[] shift) {
    RRset[] in = base.sets;
    int n = in.length;
    int[] gone = new int[removed.size()];
    int g = 0;
    for (RRsetKey k : removed) {
      int i = base.lowerBound(k);
      if (i >= n || in[i].key().compareTo(k) != 0) {
        return null;
      }
      gone[g++] = i;
    }
    Arrays.sort(gone);
    for (int k = 1; k < g; k++) {
      if (gone[k] == gone[k - 1]) {
        return null; // a key twice
      }
    }
    RRset[] add = added.toArray(new RRset[0]);
    Arrays.sort(add, Comparator.comparing(RRset::key));
    int[] at = new int[add.length];
    for (int k = 0; k < add.length; k++) {
      RRsetKey key = add[k].key();
      if (k > 0 && add[k - 1].key().compareTo(key) == 0) {
        return null;
      }
      int i = base.lowerBound(key);
      if (i < n && in[i].key().compareTo(key) == 0 && Arrays.binarySearch(gone, i) < 0) {
        return null; // the base keeps a set of this key
      }
      at[k] = i;
    }
    int m = n - g + add.length;
    Merge merge = new Merge(base, gone, add, at, path, shift, m);
    // A million sets are made again (each with its new line) in two halves at once: base's sets
    // below mid and the added ones placed before mid, and the rest.
    int mid = n >= EDIT_HALVES ? n / 2 : n;
    int gBelow = lowerIndex(gone, mid);
    int kBelow = lowerIndex(at, mid);
    Merge.Half second = merge.new Half(mid, n, gBelow, kBelow, mid - gBelow + kBelow);
    Background<Boolean, RuntimeException> other = mid < n ? Background.start("zonegate-edit-half", second::run) : null;
    Merge.Half first = merge.new Half(0, mid, 0, 0, 0);
    boolean fits = first.run();
    if (other != null && !other.join() || !fits) {
      return null;
    }
    long[] whole = merge.whole(first, other == null ? null : second);
    TypeColumn.Builder types = first.types;
    if (other != null) {
      types.append(second.types);
    }
    RRset[] out = merge.out;
    long[] pre = merge.pre;
    boolean relative = base.relativeNames || first.relative || other != null && second.relative;
    int records = base.recordCount + first.records + (other == null ? 0 : second.records);
    Zone z = new Zone(base.origin, out, pre, whole, base.preOrigin, relative, base.ascii, records, types.build(), List.of());
    z.marks = base.marks;
    z.editedFrom = base;
    if (base.moved == null) {
      z.moved = new Moved(path, shift, merge.kept(first, other == null ? null : second));
    }
    List<RRsetKey> keys = new ArrayList<>(removed.size() + add.length);
    keys.addAll(removed);
    for (RRset s : add) {
      keys.add(s.key());
    }
    keys.sort(null);
    List<RRsetKey> distinct = new ArrayList<>(keys.size()); // a replaced key is in both lists
    for (RRsetKey key : keys) {
      if (distinct.isEmpty() || distinct.get(distinct.size() - 1).compareTo(key) != 0) {
        distinct.add(key);
      }
    }
    z.editedKeys = Collections.unmodifiableList(distinct);
    return z;
  }

  /** Zones of at least this many sets are edited in two halves at once. */
  private static final int EDIT_HALVES = 1 << 16;

  /** How many of the ascending {@code a} are below {@code x}. */
  private static int lowerIndex(int[] a, int x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int h = (lo + hi) >>> 1;
      if (a[h] < x) {
        lo = h + 1;
      } else {
        hi = h;
      }
    }
    return lo;
  }

  /** {@link #edited}'s merge of base's sets with the added ones, a range of base at a time. */
  private static final class Merge {
    final Zone base;
    final int[] gone;
    final RRset[] add;
    final int[] at;
    final String path;
    final int[] shift;
    final RRset[] out;
    final long[] pre;

    Merge(Zone base, int[] gone, RRset[] add, int[] at, String path, int[] shift, int m) {
      this.base = base;
      this.gone = gone;
      this.add = add;
      this.at = at;
      this.path = path;
      this.shift = shift;
      this.out = new RRset[m];
      this.pre = base.pre == null ? null : new long[m];
    }

    /** The kept sets among {@link #out}, to be given out at their new place ({@link Moved}): both halves' bits. */
    long[] kept(Half first, Half second) {
      long[] b = first.kept;
      if (second != null) {
        for (int i = 0; i < b.length; i++) {
          b[i] |= second.kept[i];
        }
      }
      return b;
    }

    /** The packed-whole bits of both halves (each wrote its own words; they meet in one). */
    long[] whole(Half first, Half second) {
      if (pre == null) {
        return null;
      }
      long[] w = first.whole;
      if (second != null) {
        for (int i = 0; i < w.length; i++) {
          w[i] |= second.whole[i];
        }
      }
      return w;
    }

    /** Base's sets [from, to), with the added ones placed before them, into out from {@code o}. */
    final class Half {
      final int from;
      final int to;
      int r;
      int k;
      int o;
      final long[] whole;
      /** This half's kept sets, by their place in {@link #out} (its own words, as {@link #whole}). */
      final long[] kept;
      final TypeColumn.Builder types;
      boolean relative;
      /** Records added less records taken out. */
      int records;

      Half(int from, int to, int r, int k, int o) {
        this.from = from;
        this.to = to;
        this.r = r;
        this.k = k;
        this.o = o;
        this.whole = pre == null ? null : new long[(out.length + 63) >>> 6];
        this.kept = new long[(out.length + 63) >>> 6];
        this.types = new TypeColumn.Builder(Math.max(0, to - from + 16));
      }

      /** False when an added owner does not fit the base's packed prefixes. */
      boolean run() {
        RRset[] in = base.sets;
        boolean last = to == in.length;
        for (int i = from; i < to || last && i == to; i++) {
          for (; k < add.length && (at[k] == i); k++) {
            RRset s = add[k];
            String name = s.name();
            if (pre != null) {
              if (base.preOrigin != null && !Names.isAtOrBelow(name, base.preOrigin)) {
                return false;
              }
              long p = CanonicalSort.prefix(name, base.preOrigin);
              if (p == CanonicalSort.NO_PREFIX) {
                return false;
              }
              pre[o] = p;
              if (CanonicalSort.whole(name, base.preOrigin)) {
                CanonicalSort.set(whole, o);
              }
            }
            relative |= name.isEmpty() || name.charAt(name.length() - 1) != '.';
            records += s.rdataCount();
            types.add(s.type());
            out[o++] = s;
          }
          if (i == to) {
            break;
          }
          if (r < gone.length && gone[r] == i) {
            r++;
            records -= in[i].rdataCount();
            continue;
          }
          if (base.moved == null) {
            out[o] = in[i]; // at its new place when asked for (Moved)
            kept[o >>> 6] |= 1L << o;
          } else {
            out[o] = relocate(base.out(i), path, shift); // an edit of an edit: its place now, moved again
          }
          if (pre != null) {
            pre[o] = base.pre[i];
            if (CanonicalSort.bit(base.whole, i)) {
              CanonicalSort.set(whole, o);
            }
          }
          types.add(base.types.type(i, in));
          o++;
        }
        return true;
      }
    }
  }

  /** The zone {@link #edited} made this one from, or null. */
  public Zone editedFrom() {
    return editedFrom;
  }

  /** The keys whose sets {@link #edited} took out, put in or replaced, sorted; empty for any other zone. */
  public List<RRsetKey> editedKeys() {
    return editedKeys;
  }

  /**
   * A search costs about log2(n) name comparisons, the index about one probe per set to build:
   * past n/16 searches the index is the cheaper way.
   */
  private static int indexAfter(int sets) {
    return Math.max(64, sets >>> 4);
  }

  /** The same zone with one more warning, first in the list. */
  public Zone withNotice(Notice first) {
    List<Notice> all = new ArrayList<>(notices.size() + 1);
    all.add(first);
    all.addAll(notices);
    Zone z = new Zone(origin, sets, pre, whole, preOrigin, relativeNames, ascii, recordCount, types, all);
    z.marks = marks;
    z.moved = moved;
    return z;
  }

  /** The same zone with its files' own markers (set once, by the reader's builder). */
  public Zone withMarks(ZoneMarks m) {
    Zone z = new Zone(origin, sets, pre, whole, preOrigin, relativeNames, ascii, recordCount, types, notices);
    z.marks = m;
    z.moved = moved;
    return z;
  }

  /** What the zone's own files say about judging it: ignored and lenient records. */
  public ZoneMarks marks() {
    return marks;
  }

  public static Zone empty(String origin) {
    return new Zone(origin, List.of(), List.of());
  }

  /** Index of the first set whose owner is exactly {@code name} (absolute), or -1. */
  private int first(String name) {
    NameIndex index = byName;
    if (index == null) {
      if (searches++ < indexAfter) {
        return search(name);
      }
      index = index();
    }
    return index.first(name, sets);
  }

  /** {@link #first} by binary search: over the prefixes, then by name among the sets sharing one. */
  private int search(String name) {
    long p;
    if (pre == null
        || preOrigin != null && !Names.isAtOrBelow(name, preOrigin) // then no owner is outside it
        || (p = CanonicalSort.prefix(name, preOrigin)) == CanonicalSort.NO_PREFIX) {
      int i = lowerBound(new RRsetKey(name, RRsetKey.LOWEST_TYPE, null));
      return i < sets.length && sets[i].name().equals(name) ? i : -1;
    }
    int from = prefixBound(p, 0, false);
    if (CanonicalSort.whole(name, preOrigin)) {
      return found(from, p) ? from : -1;
    }
    return Math.max(-1, named(from, p, name));
  }

  /**
   * The first set owned by {@code name} among those sharing its prefix {@code p}, which start at
   * {@code from}; when there is none, {@code -at - 1}, at being where the name would stand. They
   * are in canonical order: a few are walked, a long run (DKIM selectors under one name; a zone
   * whose owners are not all below its origin, whose prefixes then all begin with the origin's
   * labels) is halved.
   */
  private int named(int from, long p, String name) {
    int i = from;
    for (int k = 0; k < 8; k++, i++) {
      if (i >= sets.length || pre[i] != p) {
        return -i - 1;
      }
      int c = Names.compare(sets[i].name(), name);
      if (c >= 0) {
        return c == 0 ? i : -i - 1;
      }
    }
    int lo = i;
    int hi = prefixBound(p, i, true);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Names.compare(sets[mid].name(), name) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < sets.length && pre[lo] == p && Names.compare(sets[lo].name(), name) == 0 ? lo : -lo - 1;
  }

  private synchronized NameIndex index() {
    NameIndex index = byName;
    if (index == null) {
      index = new NameIndex(sets.length);
      for (int i = 0; i < sets.length; i++) {
        String name = sets[i].name();
        if (i == 0 || !name.equals(sets[i - 1].name())) {
          index.put(name.hashCode(), i);
        }
      }
      byName = index;
    }
    return index;
  }

  /**
   * The first index from {@code from} whose packed prefix is at least {@code p} (above it, with
   * {@code above}), as unsigned numbers; sets.length when none.
   */
  private int prefixBound(long p, int from, boolean above) {
    int lo = from;
    int hi = sets.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(pre[mid], p);
      if (c < 0 || above && c == 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Index of the first set whose key is not below {@code key} (sets.length when none). */
  private int lowerBound(RRsetKey key) {
    int lo = 0;
    int hi = sets.length;
    String name = key.name();
    long p;
    if (pre != null && !inexact(name)
        && (preOrigin == null || Names.isAtOrBelow(name, preOrigin)) // then no owner is outside it
        && (p = CanonicalSort.prefix(name, preOrigin)) != CanonicalSort.NO_PREFIX) {
      // A set whose packed prefix is below the key's is below the key, one above it above: the
      // search runs over the prefixes, side by side in one array, and compares keys only among
      // the sets that share the key's prefix (a name that is not in the zone, asked by a rule
      // looking for its subtree, would otherwise cost a key comparison and its cache misses at
      // every step).
      lo = prefixBound(p, 0, false);
      hi = prefixBound(p, lo, true);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sets[mid].key().compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * True when a look-up of {@code name} compares strings: the name and every owner are absolute.
   * Then a set of owner names answers for the zone.
   */
  public boolean exactLookup(String name) {
    return !inexact(name);
  }

  /** True when look-ups of {@code name} must compare labels rather than strings. */
  private boolean inexact(String name) {
    return relativeNames || name.isEmpty() || name.charAt(name.length() - 1) != '.';
  }

  /**
   * True when the reader vouched that all its text is ASCII (see {@link ZoneAssembler#vouchAscii});
   * false says only that nobody did.
   */
  public boolean ascii() {
    return ascii;
  }

  /** Absolute, lower-case, e.g. {@code example.com.}. */
  public String origin() {
    return origin;
  }

  /** Every RRset in canonical order; unmodifiable. */
  public List<RRset> sets() {
    return moved == null ? view : movedView(0, sets.length);
  }

  /** Sets [from, to) of an edited zone, each at its place. */
  private List<RRset> movedView(int from, int to) {
    return new AbstractList<>() {
      @Override
      public RRset get(int i) {
        Objects.checkIndex(i, to - from);
        return out(from + i);
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  /** The number of RRsets. */
  public int size() {
    return sets.length;
  }

  public boolean isEmpty() {
    return sets.length == 0;
  }

  /**
   * The RRsets as a sorted map. Built on first use (in linear time, from the sorted sets); the
   * pipeline itself uses {@link #sets}, {@link #get(RRsetKey)} and {@link #ceiling}.
   */
  public NavigableMap<RRsetKey, RRset> rrsets() {
    NavigableMap<RRsetKey, RRset> m = map;
    if (m == null) {
      m = Collections.unmodifiableNavigableMap(new TreeMap<>(new SortedView()));
      map = m;
    }
    return m;
  }

  public RRset get(String name, String type) {
    return get(name, type, null);
  }

  /** The set with this key, or null. */
  public RRset get(RRsetKey key) {
    return get(key.name(), key.type(), key.setId());
  }

  private RRset get(String name, String type, String setId) {
    if (inexact(name)) {
      RRsetKey k = new RRsetKey(name, type, setId);
      int i = lowerBound(k);
      return i < sets.length && sets[i].key().compareTo(k) == 0 ? out(i) : null;
    }
    int i = first(name);
    if (i < 0) {
      return null;
    }
    for (; i < sets.length && sets[i].name().equals(name); i++) {
      RRsetKey k = sets[i].key();
      if (k.type().equals(type) && Objects.equals(k.setId(), setId)) {
        return out(i);
      }
    }
    return null;
  }

  /**
   * True when some NS set's owner is not the origin (as a string): a zone without one has no
   * delegation, so a rule looking for the cut above a name need not ask about every ancestor of
   * every name it meets. Scanned once, in array order.
   */
  public boolean hasNsBelowOrigin() {
    Boolean b = nsBelowOrigin;
    if (b == null) {
      b = false;
      for (RRset s : setsOf("NS"::equals)) {
        if (!s.name().equals(origin)) {
          b = true;
          break;
        }
      }
      nsBelowOrigin = b;
    }
    return b;
  }

  /**
   * The sets whose type {@code wanted} accepts, in canonical order; unmodifiable. Found through a
   * column of the sets' types, so a zone of a million sets is not walked set by set.
   */
  public List<RRset> setsOf(Predicate<String> wanted) {
    return setsOf(wanted, true);
  }

  /** {@link #setsOf}, each set's data only, perhaps not its place (see {@link #dataAt}). */
  public List<RRset> dataOf(Predicate<String> wanted) {
    return setsOf(wanted, false);
  }

  private List<RRset> setsOf(Predicate<String> wanted, boolean placed) {
    int[] at = types.indexesOf(wanted, sets);
    return new AbstractList<>() {
      @Override
      public RRset get(int i) {
        return placed ? out(at[i]) : sets[at[i]];
      }

      @Override
      public int size() {
        return at.length;
      }
    };
  }

  /** Every RRset at one owner name, in type order. */
  public Collection<RRset> at(String name) {
    long span = span(name);
    int from = (int) (span >>> 32);
    int to = (int) span;
    return from == to ? List.of() : moved == null ? view.subList(from, to) : movedView(from, to);
  }

  /**
   * Whether the set at {@code i}, the first whose prefix is not below {@code p}, is owned by the
   * name whose whole key {@code p} holds: the whole key sorts first among those sharing it.
   */
  private boolean found(int i, long p) {
    return i < sets.length && pre[i] == p && CanonicalSort.bit(whole, i);
  }

  /** The end of the run of sets owned by {@code name} that starts at {@code from}. */
  private int end(int from, String name) {
    int to = from + 1;
    if (pre != null && CanonicalSort.bit(whole, from)) {
      // A whole key: the sets after it with the same prefix and a whole key are its owner's.
      while (to < sets.length && pre[to] == pre[from] && CanonicalSort.bit(whole, to)) {
        to++;
      }
      return to;
    }
    // A set whose packed prefix differs has another owner: its name need not be read.
    while (to < sets.length && (pre == null || pre[to] == pre[from]) && sets[to].name().equals(name)) {
      to++;
    }
    return to;
  }

  /**
   * A walk through the zone for names asked in canonical order, as rules ask about the changes:
   * each look-up tries first where the last one ended. Lint asks about every name of a million-set
   * zone in order; there the next name is always the next set, read from memory in order instead
   * of one hash probe and its cache misses per name. Any other name is looked up as by {@link #span}.
   * Not for sharing between threads.
   */
  public Walk walk() {
    return new Walk();
  }

  /** See {@link #walk}. */
  public final class Walk {
    /** Where the sets of the last name found end. */
    private int next;

    private Walk() {}

    /** Where the sets at one owner name lie, as {@link Zone#span} gives it. */
    public long span(String name) {
      if (inexact(name)) {
        return Zone.this.span(name);
      }
      // The sets before next belong to names already passed, so a run starting there is whole.
      int from = next < sets.length && sets[next].name().equals(name) ? next : first(name);
      if (from < 0) {
        return 0;
      }
      next = end(from, name);
      return (long) from << 32 | next;
    }
  }

  /**
   * Where the sets of each name lie in the zone's order, as {@link #span} gives it, in the order of
   * the names: they are sorted by their packed prefixes and found in one forward pass over the
   * zone's prefixes, each search starting where the last one ended. A rule that asks about every
   * target of a million-set zone (lint) would otherwise pay one hash probe per name and its cache
   * misses in arrays of a million; sorted, one name's search starts a few sets before the next. A
   * name the prefixes cannot order is looked up alone.
   *
   * <p>Unlike {@link #span}, an absent name's empty span stands where the name would stand in the
   * zone's order: from is the first set at or after it, where the sets below it begin, if any.
   */
  public long[] spans(List<String> names) {
    int n = names.size();
    long[] out = new long[n];
    long[] p = new long[n];
    int[] idx = new int[n];
    long[] wholeName = new long[(n + 63) >>> 6]; // by position in names
    int m = 0;
    for (int i = 0; i < n; i++) {
      String name = names.get(i);
      long q;
      if (pre == null
          || inexact(name)
          || preOrigin != null && !Names.isAtOrBelow(name, preOrigin)
          || (q = CanonicalSort.prefix(name, preOrigin)) == CanonicalSort.NO_PREFIX) {
        out[i] = range(name);
      } else {
        p[m] = q;
        idx[m++] = i;
        if (CanonicalSort.whole(name, preOrigin)) {
          CanonicalSort.set(wholeName, i);
        }
      }
    }
    CanonicalSort.radix(p, idx, m);
    int from = 0;
    for (int k = 0; k < m; k++) {
      from = prefixBoundFrom(p[k], from);
      if (CanonicalSort.bit(wholeName, idx[k])) {
        // Found by the prefix alone, the name not read; absent, it would stand at from.
        out[idx[k]] = (long) from << 32 | (found(from, p[k]) ? end(from, null) : from);
        continue;
      }
      String name = names.get(idx[k]);
      int i = named(from, p[k], name);
      out[idx[k]] = i >= 0 ? (long) i << 32 | end(i, name) : (long) (-i - 1) << 32 | (-i - 1);
    }
    return out;
  }

  /**
   * Where the sets of one name lie in the zone's order, {@code from << 32 | to}: {@link #at} is
   * {@code setAt(from) .. setAt(to - 1)}; from equals to when the zone holds nothing there.
   */
  public long span(String name) {
    if (inexact(name)) {
      return range(name);
    }
    int from = first(name);
    return from < 0 ? 0 : (long) from << 32 | end(from, name);
  }

  /**
   * {@code setAt(i).key().compareTo(other.setAt(j).key())}, from the packed prefixes when both
   * zones packed them alike and they differ: a diff of two million-set zones then reads an owner
   * name only where the two zones hold the same one.
   */
  public int compareKeys(int i, Zone other, int j) {
    if (pre != null && other.pre != null && Objects.equals(preOrigin, other.preOrigin) && pre[i] != other.pre[j]) {
      return Long.compareUnsigned(pre[i], other.pre[j]);
    }
    return sets[i].key().compareTo(other.sets[j].key());
  }

  /** {@link #span} by two searches of the keys: for an absent name, where it would stand. */
  private long range(String name) {
    return (long) lowerBound(new RRsetKey(name, RRsetKey.LOWEST_TYPE, null)) << 32
        | lowerBound(new RRsetKey(name, RRsetKey.HIGHEST_TYPE, null));
  }

  /** The set at position {@code i} of the zone's order. */
  public RRset setAt(int i) {
    return out(i);
  }

  /**
   * The data of the set at {@code i}: its key, TTL, records and extras, but perhaps not its place
   * (an edited zone's kept set still says where its base read it). For a pass over all of a large
   * zone's sets that needs no places (a fingerprint), without making a set each.
   */
  public RRset dataAt(int i) {
    return sets[i];
  }

  /** The type of the set at position {@code i}, read from a column of types, not from the set. */
  public String typeAt(int i) {
    return types.type(i, sets);
  }

  /** Whether some set holds no records (only a provider's listing can make one). */
  public boolean hasEmptySets() {
    return types.anyEmpty();
  }

  /** {@link #prefixBound} from {@code from}, for a prefix known to lie near it: gallop, then halve. */
  private int prefixBoundFrom(long p, int from) {
    int lo = from;
    int step = 1;
    int hi = from;
    while (hi < sets.length && Long.compareUnsigned(pre[hi], p) < 0) {
      lo = hi + 1;
      hi = from + step;
      step <<= 1;
    }
    hi = Math.min(hi, sets.length);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(pre[mid], p) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Whether any set lives at or below the name: it exists in the zone, as an owner or as an empty
   * non-terminal (canonical order keeps a subtree together).
   */
  public boolean hasAtOrBelow(String name) {
    RRset s = ceiling(new RRsetKey(name, "", null));
    return s != null && Names.isAtOrBelow(s.name(), name);
  }

  /**
   * For a name that does not exist ({@link #hasAtOrBelow} false): the wildcard that answers for it
   * (RFC 4592), the {@code *} child of its closest encloser, or null when there is none.
   */
  public String wildcardFor(String name) {
    for (String p = Names.parent(name); p != null && Names.isAtOrBelow(p, origin); p = Names.parent(p)) {
      if (hasAtOrBelow(p)) {
        String wild = p.equals(".") ? "*." : "*." + p;
        return at(wild).isEmpty() ? null : wild;
      }
    }
    return null;
  }

  /** The first set at or after {@code key} in canonical order, or null. */
  public RRset ceiling(RRsetKey key) {
    int i = lowerBound(key);
    return i < sets.length ? out(i) : null;
  }

  public int recordCount() {
    return recordCount;
  }

  public List<Notice> notices() {
    return notices;
  }

  public Map<RRsetKey, RRset> asMap() {
    return rrsets();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Zone) || !((Zone) o).origin.equals(origin)) {
      return false;
    }
    RRset[] other = ((Zone) o).sets;
    if (other.length != sets.length) {
      return false;
    }
    for (int i = 0; i < sets.length; i++) {
      if (!sets[i].equals(other[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (RRset s : sets) {
      h += s.key().hashCode() ^ s.hashCode(); // as the sorted map's hash was
    }
    return origin.hashCode() * 31 + h;
  }

  /** The sets as a sorted map, just enough for {@code new TreeMap<>(SortedMap)} to copy. */
  private final class SortedView extends AbstractMap<RRsetKey, RRset> implements SortedMap<RRsetKey, RRset> {
    @Override
    public Comparator<? super RRsetKey> comparator() {
      return null;
    }

    @Override
    public int size() {
      return sets.length;
    }

    @Override
    public Set<Map.Entry<RRsetKey, RRset>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return sets.length;
        }

        @Override
        public Iterator<Map.Entry<RRsetKey, RRset>> iterator() {
          return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
              return i < sets.length;
            }

            @Override
            public Map.Entry<RRsetKey, RRset> next() {
              if (i >= sets.length) {
                throw new NoSuchElementException();
              }
              RRset s = out(i++);
              return new AbstractMap.SimpleImmutableEntry<>(s.key(), s);
            }
          };
        }
      };
    }

    @Override
    public SortedMap<RRsetKey, RRset> subMap(RRsetKey from, RRsetKey to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<RRsetKey, RRset> headMap(RRsetKey to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<RRsetKey, RRset> tailMap(RRsetKey from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RRsetKey firstKey() {
      if (sets.length == 0) {
        throw new NoSuchElementException();
      }
      return sets[0].key();
    }

    @Override
    public RRsetKey lastKey() {
      if (sets.length == 0) {
        throw new NoSuchElementException();
      }
      return sets[sets.length - 1].key();
    }
  }
}
