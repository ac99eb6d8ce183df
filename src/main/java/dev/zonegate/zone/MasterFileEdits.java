package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * Reads a new version of a master file as line edits of an old version already read: the lines
 * the two share are the same records in both, so only the lines that differ are parsed, and the
 * new zone is the old one with the sets those lines hold changed ({@link Zone#edited}). A diff of
 * a million-record zone with a few thousand changed lines then parses a few thousand lines for
 * the new side instead of a million, builds no second zone of a million sets, and compares only
 * the sets the edits touched.
 *
 * <p>The changed lines are read in their context: a text made of the directives of the unchanged
 * lines and the changed lines, each at its own line number, the other unchanged lines left blank. A record over several lines
 * (in parentheses) that a change reaches into is taken whole, on both sides.
 *
 * <p>It is the same zone the whole file gives, or nothing: {@link #read} returns null, and the
 * caller reads the new file whole, whenever a line might read differently in the context of the
 * whole file. It declines when
 *
 * <ul>
 *   <li>the old file was not read whole by {@link FastMasterReader} (includes, {@code $GENERATE},
 *       anything it leaves to dnsjava), or its zone has notices, or it held a record twice or
 *       outside the zone (its records parsed are more than its zone holds);
 *   <li>a changed line starts with a blank outside parentheses (it takes the previous record's
 *       owner), or the first entry after a change does (past blank, comment and directive lines),
 *       or a changed line is a directive, holds a backslash, nested parentheses or leaves a
 *       parenthesis or quote open;
 *   <li>no {@code $TTL} stands before the first change with a record in it (a record without TTL
 *       would take the previous record's, and pass its own on);
 *   <li>a changed line does not read on the fast path, or named would refuse or warn about it,
 *       or puts a record outside the zone, an SOA or DS where named refuses one, or a signature;
 *   <li>the sets do not come out plain: records of one set with different TTLs, a record twice, a
 *       record taken out that the set lacks, or a set's first record taken out while others stay
 *       (which comes first then is on a line not read);
 *   <li>without a given origin, either version lacks an SOA at the zone's name.
 * </ul>
 *
 * <p>MasterFileEditsTest holds this to reading the new file whole, on generated edits of generated
 * zones: the zones must be equal, set by set with locations, and so must their fingerprints and
 * diffs; DiffAsEditsTest holds the reports of every master-file scenario to it.
 */
final class MasterFileEdits {
  private MasterFileEdits() {}

  /**
   * What reading the old version left: its zone, its bytes, its {@linkplain FastMasterReader.Shape
   * shape} (null when the fast path did not read it whole: then it is no base for edits), and how
   * many records were parsed from it.
   */
  record Old(Zone zone, byte[] bytes, FastMasterReader.Shape shape, long records) {}

  /** A record of a changed line. */
  private record Line(String name, String type, long ttl, String rdata, int line) {}

  /**
   * The changed lines of two versions, when they are few (see the class comment), or null: a
   * first look at the bytes alone, before the old file is parsed.
   */
  record Plan(List<LineHunks.Hunk> hunks, int oldLines) {}

  static Plan plan(byte[] old, byte[] bytes) {
    // At most about one line in eight changed (lines of zone files are rarely shorter than 16 bytes).
    LineHunks.Found found = LineHunks.of(old, bytes, Math.max(64, bytes.length / 128));
    if (found == null) {
      return null;
    }
    for (LineHunks.Hunk h : found.hunks()) {
      if (hasBackslash(old, h.oldStart(), h.oldEnd()) || hasBackslash(bytes, h.newStart(), h.newEnd())) {
        return null; // an escape: what a line means may run past it
      }
    }
    return new Plan(found.hunks(), found.oldLines());
  }

  private static boolean hasBackslash(byte[] b, int from, int to) {
    for (int p = from; p < to; p++) {
      if (b[p] == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * The zone of {@code bytes} (the new version, read from {@code path} with the starting origin
   * {@code start}, names checked as {@code checkNames} says, at most {@code maxRecords} records)
   * as edits of {@code old} as {@code plan} found them, with old's origin (given to both reads, or
   * {@code originGiven} false: the owner of the SOA both have there); or null when it must be
   * read whole.
   */
  static Zone read(
      Old old, Plan plan, byte[] bytes, String path, Name start, boolean originGiven, CheckNames checkNames,
      long maxRecords) {
    Zone base = old.zone();
    if (old.shape() == null || !base.notices().isEmpty() || old.records() != base.recordCount()) {
      return null;
    }
    // Without a given origin a file names its zone by its SOA's owner; a zone named otherwise (by
    // $ORIGIN, or the file's name) might be named differently by the new version.
    if (!originGiven && base.get(base.origin(), "SOA") == null) {
      return null;
    }
    FastMasterReader.Shape shape = old.shape();
    List<LineHunks.Hunk> hunks = wholeEntries(plan.hunks(), shape, old.bytes(), bytes);
    if (hunks == null) {
      return null;
    }
    int[] shift = shifts(hunks, plan.oldLines() + 2);
    if (hunks.isEmpty()) {
      return Zone.edited(base, List.of(), List.of(), path, shift);
    }
    // A record without TTL on a changed line takes $TTL, which must stand before it: else it takes
    // the previous record's, and its own TTL passes on to the unchanged lines after it.
    int content = firstWithEntries(hunks, old.bytes(), bytes);
    if (content > 0 && (shape.firstTtlLine() <= 0 || shape.firstTtlLine() >= content)) {
      return null;
    }
    if (!readable(old.bytes(), hunks, true) || !readable(bytes, hunks, false)) {
      return null;
    }
    List<Line> removed = parse(old.bytes(), hunks, true, start, null, shape, old.bytes(), shift);
    List<Line> added = parse(bytes, hunks, false, start, checkNames, shape, old.bytes(), shift);
    if (removed == null || added == null || old.records() - removed.size() + added.size() > maxRecords) {
      return null;
    }
    String origin = base.origin();
    Map<RRsetKey, List<Line>> was = byKey(removed);
    Map<RRsetKey, List<Line>> now = byKey(added);
    Set<RRsetKey> keys = new LinkedHashSet<>(was.keySet());
    keys.addAll(now.keySet());
    List<RRsetKey> replaced = new ArrayList<>();
    List<RRset> sets = new ArrayList<>();
    for (RRsetKey k : keys) {
      RRset a = base.get(k);
      List<Line> out = was.getOrDefault(k, List.of());
      List<Line> in = now.getOrDefault(k, List.of());
      if (!in.isEmpty() && !Names.isAtOrBelow(k.name(), origin)) {
        return null; // outside the zone: named's notice, from the whole read
      }
      RRset s = a == null ? fresh(k, in, path) : changed(a, out, in, path, shift);
      if (a == null && !out.isEmpty() || s == NOT_SO) {
        return null;
      }
      if (s != null) {
        if ((s.type().equals("SOA") || s.type().equals("DS")) && BindChecks.misplaced(s, origin)) {
          return null;
        }
        sets.add(s);
      }
      if (a != null) {
        replaced.add(k);
      }
    }
    Zone z = Zone.edited(base, replaced, sets, path, shift);
    return z == null || !originGiven && z.get(origin, "SOA") == null ? null : z;
  }

  /** What {@link #fresh} and {@link #changed} give when the set is not one the edits can make. */
  private static final RRset NOT_SO = new RRset(RRsetKey.of(".", "A"), 0, List.of(), null);

  /**
   * A set the old zone does not have, from its records on the new lines: one TTL (mixed TTLs have
   * the whole read's notice), no record twice (the whole read's count); null for none.
   */
  private static RRset fresh(RRsetKey k, List<Line> in, String path) {
    if (in.isEmpty()) {
      return null;
    }
    Set<String> rdata = new LinkedHashSet<>();
    for (Line l : in) {
      if (l.ttl() != in.get(0).ttl() || !rdata.add(l.rdata())) {
        return NOT_SO;
      }
    }
    return new RRset(k, in.get(0).ttl(), rdata, new Location(path, in.get(0).line()));
  }

  /**
   * The old set {@code a} less its records on the old lines ({@code out}) and with those on the
   * new lines ({@code in}), read first where it was (its line moved by {@code shift}) unless a new
   * line comes before; null when nothing is left. NOT_SO when the edits cannot say: a record taken
   * out that the set lacks (or twice), the set's first record taken out while others stay (which
   * one comes first then is on a line not read), a TTL unlike the set's, a record twice.
   */
  private static RRset changed(RRset a, List<Line> out, List<Line> in, String path, int[] shift) {
    Set<String> left = new LinkedHashSet<>(a.rdata());
    int firstLine = a.location() == null ? 0 : a.location().line();
    boolean firstGone = false;
    for (Line l : out) {
      if (!left.remove(l.rdata())) {
        return NOT_SO;
      }
      firstGone |= l.line() == firstLine;
    }
    if (firstGone && !left.isEmpty()) {
      return NOT_SO;
    }
    if (left.isEmpty()) {
      return fresh(a.key(), in, path);
    }
    for (Line l : in) {
      if (l.ttl() != a.ttl() || !left.add(l.rdata())) {
        return NOT_SO;
      }
    }
    int line = firstLine > 0 && firstLine < shift.length ? firstLine + shift[firstLine] : firstLine;
    if (!in.isEmpty() && in.get(0).line() < line) {
      line = in.get(0).line();
    }
    return new RRset(a.key(), a.ttl(), left, new Location(path, line));
  }

  /** The records by set, in the order met. */
  private static Map<RRsetKey, List<Line>> byKey(List<Line> records) {
    Map<RRsetKey, List<Line>> out = new LinkedHashMap<>();
    for (Line l : records) {
      out.computeIfAbsent(RRsetKey.of(l.name(), l.type()), x -> new ArrayList<>(1)).add(l);
    }
    return out;
  }

  /** Per old line, how far down the new version moves it (lines inside a hunk: unused). */
  private static int[] shifts(List<LineHunks.Hunk> hunks, int size) {
    int[] shift = new int[size];
    int d = 0;
    int from = 1;
    for (LineHunks.Hunk h : hunks) {
      for (int l = from; l < h.oldFrom() && l < size; l++) {
        shift[l] = d;
      }
      d += (h.newTo() - h.newFrom()) - (h.oldTo() - h.oldFrom());
      from = h.oldTo();
    }
    for (int l = from; l < size; l++) {
      shift[l] = d;
    }
    return shift;
  }

  /**
   * The hunks grown to whole entries: a record over several lines (in parentheses) that a hunk
   * reaches into is taken into it, on both sides (its other lines are the same in both), and
   * hunks that then meet are joined. Null when a hunk's edges cannot be placed.
   */
  static List<LineHunks.Hunk> wholeEntries(
      List<LineHunks.Hunk> hunks, FastMasterReader.Shape shape, byte[] a, byte[] b) {
    int[] from = shape.groupFrom();
    int[] to = shape.groupTo();
    if (from.length != to.length) {
      return null;
    }
    List<LineHunks.Hunk> out = new ArrayList<>(hunks.size());
    for (LineHunks.Hunk h : hunks) {
      int lo = h.oldFrom();
      int hi = h.oldTo();
      // Groups in file order: the last one opening before hi, and back while they reach lo.
      boolean grew = true;
      while (grew) {
        grew = false;
        int g = lastBelow(from, hi);
        for (; g >= 0 && to[g] >= lo; g--) {
          if (from[g] < lo || to[g] + 1 > hi) {
            lo = Math.min(lo, from[g]);
            hi = Math.max(hi, to[g] + 1);
            grew = true;
          }
        }
      }
      LineHunks.Hunk grown = h;
      if (lo < h.oldFrom() || hi > h.oldTo()) {
        int before = h.oldFrom() - lo;
        int after = hi - h.oldTo();
        grown = new LineHunks.Hunk(
            lo, hi, h.newFrom() - before, h.newTo() + after,
            back(a, h.oldStart(), before), forward(a, h.oldEnd(), after),
            back(b, h.newStart(), before), forward(b, h.newEnd(), after));
      }
      // Joined with the one before when they now meet.
      if (!out.isEmpty() && out.get(out.size() - 1).oldTo() >= grown.oldFrom()) {
        LineHunks.Hunk p = out.remove(out.size() - 1);
        if (p.oldFrom() > grown.oldFrom() || p.newFrom() > grown.newFrom()) {
          return null;
        }
        grown = new LineHunks.Hunk(
            p.oldFrom(), Math.max(p.oldTo(), grown.oldTo()), p.newFrom(), Math.max(p.newTo(), grown.newTo()),
            p.oldStart(), Math.max(p.oldEnd(), grown.oldEnd()), p.newStart(), Math.max(p.newEnd(), grown.newEnd()));
        if (grown.oldTo() - grown.oldFrom() - (grown.newTo() - grown.newFrom())
            != (p.oldTo() - p.oldFrom() - (p.newTo() - p.newFrom())) + (h.oldTo() - h.oldFrom() - (h.newTo() - h.newFrom()))) {
          return null; // the lines between them were not the same count on both sides
        }
      }
      out.add(grown);
    }
    return out;
  }

  /** The index of the last of the ascending {@code a} below {@code x}, or -1. */
  private static int lastBelow(int[] a, int x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] < x) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo - 1;
  }

  /** The start of the line {@code lines} lines before the line starting at {@code p}. */
  private static int back(byte[] b, int p, int lines) {
    for (int n = 0; n < lines; n++) {
      p--; // the newline ending the line before
      while (p > 0 && b[p - 1] != '\n') {
        p--;
      }
    }
    return p;
  }

  /** The start of the line {@code lines} lines after the line starting at {@code p}. */
  private static int forward(byte[] b, int p, int lines) {
    for (int n = 0; n < lines && p < b.length; n++) {
      while (p < b.length && b[p] != '\n') {
        p++;
      }
      if (p < b.length) {
        p++;
      }
    }
    return p;
  }

  /** The old line of the first hunk with an entry on either side (not blank, not a comment); 0: none. */
  private static int firstWithEntries(List<LineHunks.Hunk> hunks, byte[] a, byte[] b) {
    for (LineHunks.Hunk h : hunks) {
      if (hasEntry(a, h.oldStart(), h.oldEnd()) || hasEntry(b, h.newStart(), h.newEnd())) {
        return h.oldFrom();
      }
    }
    return 0;
  }

  private static boolean hasEntry(byte[] b, int from, int to) {
    boolean lineStart = true;
    for (int p = from; p < to; p++) {
      byte c = b[p];
      if (c == '\n') {
        lineStart = true;
      } else if (lineStart && c == ';') {
        while (p + 1 < to && b[p + 1] != '\n') {
          p++;
        }
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one side's changed lines read on their own: each entry starts with its owner (a
   * blank-led line only inside parentheses, or blank, or a comment), none is a directive, the
   * parentheses close within the hunk, none nested, no quote left open at a line's end; and the
   * first entry after each hunk names its owner too (else it would take a changed line's).
   */
  private static boolean readable(byte[] b, List<LineHunks.Hunk> hunks, boolean old) {
    for (LineHunks.Hunk h : hunks) {
      int to = old ? h.oldEnd() : h.newEnd();
      int depth = 0;
      int p = old ? h.oldStart() : h.newStart();
      while (p < to) {
        // A line.
        if (depth == 0 && (b[p] == '$' || !ownerOrNothing(b, p))) {
          return false;
        }
        boolean quoted = false;
        for (; p < to && b[p] != '\n'; p++) {
          byte c = b[p];
          if (quoted) {
            quoted = c != '"';
          } else if (c == '"') {
            quoted = true;
          } else if (c == ';') {
            while (p + 1 < to && b[p + 1] != '\n') {
              p++;
            }
          } else if (c == '(') {
            if (++depth > 1) {
              return false;
            }
          } else if (c == ')') {
            if (--depth < 0) {
              return false;
            }
          } else if (c == '\\') {
            return false;
          }
        }
        if (quoted) {
          return false;
        }
        p++;
      }
      if (depth != 0 || !nextEntryHasOwner(b, to)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the first entry from the line at {@code p} on (past blank and comment lines, and
   * directives, which leave the previous owner as it is) names its owner, or there is none.
   */
  private static boolean nextEntryHasOwner(byte[] b, int p) {
    while (p < b.length) {
      if (b[p] != ' ' && b[p] != '\t') {
        if (b[p] != '\n' && b[p] != '\r' && b[p] != ';' && b[p] != '$') {
          return true;
        }
      } else if (!ownerOrNothing(b, p)) {
        return false;
      }
      while (p < b.length && b[p] != '\n') {
        p++;
      }
      p++;
    }
    return true;
  }

  /** Whether the line at {@code p} starts with an owner, or is blank or a comment. */
  private static boolean ownerOrNothing(byte[] b, int p) {
    if (p >= b.length || b[p] != ' ' && b[p] != '\t') {
      return true;
    }
    while (p < b.length && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
      p++;
    }
    return p >= b.length || b[p] == '\n' || b[p] == ';';
  }

  /**
   * The records of one side's changed lines, each at its own line, read with the directives of the
   * unchanged lines before them (taken from {@code oldBytes} at {@code shape}'s places, moved by
   * {@code shift} on the new side) and the other unchanged lines as blank lines: a changed line
   * names its owner and a $TTL stands before it, so the directives are all the context it takes.
   * Null when the fast path declines them, or (with {@code checkNames}) named would refuse or warn
   * about one, or one is a signature.
   */
  private static List<Line> parse(
      byte[] b, List<LineHunks.Hunk> hunks, boolean old, Name start, CheckNames checkNames,
      FastMasterReader.Shape shape, byte[] oldBytes, int[] shift) {
    int firstLine = old ? hunks.get(0).oldFrom() : hunks.get(0).newFrom();
    int[] dLines = shape.directiveLines();
    int[] dStarts = shape.directiveStarts();
    long size = 0;
    int line = 1;
    for (LineHunks.Hunk h : hunks) {
      int from = old ? h.oldFrom() : h.newFrom();
      size += (from - line) + (old ? h.oldEnd() - h.oldStart() : h.newEnd() - h.newStart());
      line = old ? h.oldTo() : h.newTo();
    }
    int lastFrom = hunks.get(hunks.size() - 1).oldFrom();
    for (int k = 0; k < dLines.length && dLines[k] < lastFrom; k++) {
      size += forward(oldBytes, dStarts[k], 1) - dStarts[k];
    }
    if (size > Integer.MAX_VALUE - 8) {
      return null;
    }
    byte[] text = new byte[(int) size];
    int p = 0;
    int d = 0;
    line = 1;
    for (LineHunks.Hunk h : hunks) {
      int from = old ? h.oldFrom() : h.newFrom();
      // The unchanged lines up to the hunk: blank, but for the directives among them.
      for (; d < dLines.length; d++) {
        int at = old ? dLines[d] : dLines[d] + shift[dLines[d]];
        if (at >= from) {
          break;
        }
        for (; line < at; line++) {
          text[p++] = '\n';
        }
        int e = forward(oldBytes, dStarts[d], 1);
        System.arraycopy(oldBytes, dStarts[d], text, p, e - dStarts[d]);
        p += e - dStarts[d];
        line++;
        if (e == oldBytes.length || oldBytes[e - 1] != '\n') {
          return null; // a directive at the very end, without newline: not worth a doubt
        }
      }
      for (; line < from; line++) {
        text[p++] = '\n';
      }
      int s = old ? h.oldStart() : h.newStart();
      int e = old ? h.oldEnd() : h.newEnd();
      System.arraycopy(b, s, text, p, e - s);
      p += e - s;
      line = old ? h.oldTo() : h.newTo();
    }
    byte[] synth = p == text.length ? text : Arrays.copyOf(text, p);
    List<Line> out = new ArrayList<>();
    boolean[] refused = new boolean[1];
    FastMasterReader.Sink sink = new FastMasterReader.Sink() {
      @Override
      public void record(String name, String type, long ttl, String rdata, int at) {
        record(name, null, type, ttl, rdata, at);
      }

      @Override
      public void record(String name, Boolean ownerIsHost, String type, long ttl, String rdata, int at) {
        if (at < firstLine) {
          return; // the head's records: the same in both versions
        }
        if (type.equals("RRSIG")
            || checkNames != null
                && (BindChecks.record(name, ownerIsHost, type, rdata, checkNames == CheckNames.FAIL) != null
                    || checkNames == CheckNames.WARN && BindChecks.names(name, ownerIsHost, type, rdata) != null)) {
          refused[0] = true;
        }
        out.add(new Line(name, type, ttl, rdata, at));
      }
    };
    FastMasterReader.Result r = FastMasterReader.read(synth, start, -1, sink, -1, 0, false);
    return r == null || refused[0] ? null : out;
  }
}
