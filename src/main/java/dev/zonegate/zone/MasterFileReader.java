package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * RFC 1035 master files, parsed by dnsjava's {@code Master}. What dnsjava would do unchecked is
 * done here under limits: {@code $INCLUDE} is resolved only inside the source tree (no absolute
 * paths, no {@code ..} out, no cycles, at most {@link #MAX_INCLUDE_DEPTH} deep), and
 * {@code $GENERATE} is expanded only up to a record budget, since a range may span 2^32 names.
 * Without a given origin, the zone is the SOA owner, else the file's first {@code $ORIGIN}, else
 * the name the file name implies.
 *
 * <p>A BIND master file means what named makes of it. Where dnsjava reads what named refuses, or
 * the other way round, zonegate follows named: {@link DirectiveScan} finds what named refuses in
 * the text (a parenthesis open at the end, TTLs outside BIND's grammar, quoted TTLs, classes or
 * types, NUL bytes, bad directives), {@link BindChecks} what it refuses in a record (check-names,
 * meta types, misplaced SOA or DS, rdata shapes), {@link BindTypes} reads the types dnsjava reads
 * differently, and {@link Generate} expands {@code $GENERATE} as named does. BindDifferentialTest
 * holds this to named-checkzone; docs/fidelity-bind.md lists where zonegate differs on purpose.
 *
 * <p>Each file is first offered to {@link FastMasterReader}, a byte-level reader for the common
 * shape of zones that gives the same records as dnsjava several times faster; it declines any
 * file with something unusual (includes, {@code $GENERATE}, escapes, errors, ...), which is then
 * read here by dnsjava as before. dnsjava stays the reference: FastMasterReaderTest compares the
 * two on real and generated zones.
 */
public final class MasterFileReader implements ZoneReader {
  public static final int MAX_INCLUDE_DEPTH = (int) Limits.Limit.MAX_INCLUDE_DEPTH.defaultValue();
  public static final long DEFAULT_MAX_GENERATED = Limits.Limit.MAX_GENERATED.defaultValue();

  static {
    BindTypes.install();
  }

  private static final Pattern DNSJAVA_MESSAGE = Pattern.compile("^.*?:(\\d+): (.*)$", Pattern.DOTALL);

  private final long maxGenerated;
  private final boolean fastPath;
  private final CheckNames checkNames;
  /** Where {@code $INCLUDE} paths start (named's {@code directory}); null: the including file's directory. */
  private final IncludeDirectory includeDirectory;
  private final AtomicInteger fastFiles =
      new AtomicInteger();

  public MasterFileReader() {
    this(CheckNames.FAIL);
  }

  /** A reader for a zone whose server treats names as {@code checkNames} says. */
  public MasterFileReader(CheckNames checkNames) {
    this(checkNames, null);
  }

  /**
   * A reader for a zone whose server treats names as {@code checkNames} says and takes
   * {@code $INCLUDE} paths from {@code includeDirectory} (named's {@code directory}; null: from
   * the including file's directory).
   */
  public MasterFileReader(CheckNames checkNames, IncludeDirectory includeDirectory) {
    this(Limits.Limit.MAX_GENERATED.get(), true, checkNames, includeDirectory);
  }

  public MasterFileReader(long maxGenerated) {
    this(maxGenerated, true);
  }

  /**
   * {@code fastPath} false reads every file with dnsjava alone: the reference the fast path is
   * tested against (FastMasterReaderTest).
   */
  MasterFileReader(long maxGenerated, boolean fastPath) {
    this(maxGenerated, fastPath, CheckNames.FAIL);
  }

  MasterFileReader(long maxGenerated, boolean fastPath, CheckNames checkNames) {
    this(maxGenerated, fastPath, checkNames, null);
  }

  MasterFileReader(long maxGenerated, boolean fastPath, CheckNames checkNames, IncludeDirectory includeDirectory) {
    this.maxGenerated = maxGenerated;
    this.fastPath = fastPath;
    this.checkNames = checkNames;
    this.includeDirectory = includeDirectory;
  }

  /** How many files {@link FastMasterReader} has read for this reader, for tests. */
  int fastPathFiles() {
    return fastFiles.get();
  }

  /** One record as read, before the zone's origin is known for certain. */
  private record Raw(String name, String type, long ttl, String rdata, Location where) {}

  /**
   * A builder that collects a master file's records as named loads them: records outside the zone
   * left out, a set with mixed TTLs given the first (see ZoneBuilder#ignoreOutside and #firstTtl).
   */
  private static ZoneBuilder asNamedLoads() {
    ZoneBuilder b = ZoneBuilder.deferred();
    b.ignoreOutside();
    b.firstTtl();
    return b;
  }

  /** State of one read across all files it includes. */
  private final class Read {
    final SourceTree tree;
    final ZoneBuilder builder = asNamedLoads();
    final Deque<String> stack = new ArrayDeque<>();
    /** Lines to read as empty, per file: what a lenient read skips. */
    final Map<String, Set<Integer>> skip;
    String soaOwner;
    String firstOrigin;
    long generated;
    /** The SOA and DS sets read, for the placement named checks (SOA at the apex only, DS never). */
    final Set<RRsetKey> placed = new LinkedHashSet<>();
    /** Under check-names warn: what named warns about, the first of it and how many. */
    final Warned warned = new Warned();
    /** TTLs above 2^31-1, read as 0 as named reads them. */
    final Warned zeroTtl = new Warned();
    /** How many files were parsed (the file and its includes); the last read by the fast path, its bytes and result. */
    int files;
    byte[] fastBytes;
    FastMasterReader.Result fast;

    Read(SourceTree tree, Map<String, Set<Integer>> skip) {
      this.tree = tree;
      this.skip = skip;
    }

    CheckNames checkNames() {
      return checkNames;
    }
  }

  /**
   * What named warns about under {@code check-names warn}: the zone loads, and carries one notice
   * with the first such record (file and line) and how many there are, not one per record.
   */
  static final class Warned {
    String first;
    Location at;
    int count;

    /** Counts {@code problem} (null: none) found at {@code line} of {@code path}. */
    void add(String problem, String path, int line) {
      add(problem, path, line, 1);
    }

    /** Counts {@code times} problems, the first of them {@code problem} at {@code line} of {@code path}. */
    void add(String problem, String path, int line, int times) {
      if (problem == null || times == 0) {
        return;
      }
      if (count == 0) {
        first = problem;
        at = new Location(path, line);
      }
      count += times;
    }

    /** Adds what a reader of a later part of the file found, its lines {@code lineOffset} on. */
    void addAll(Warned later, int lineOffset) {
      if (later.count == 0) {
        return;
      }
      if (count == 0) {
        first = later.first;
        at = new Location(later.at.path(), later.at.line() + lineOffset);
      }
      count += later.count;
    }

    String notice() {
      return notice("; named loads the zone with a warning (check-names warn)", "record");
    }

    /** The first problem, what named does about it, and how many more {@code things} there are. */
    String notice(String consequence, String things) {
      return first
          + consequence
          + (count == 1 ? "" : ", here and at " + (count - 1) + " more " + things + (count == 2 ? "" : "s"));
    }
  }

  @Override
  public Zone read(SourceTree tree, String path, String origin) throws ZoneReadException {
    return readOnce(tree, path, origin, Map.of(), List.of());
  }

  /**
   * As named would live with a broken file: each record or directive that does not read is
   * skipped with a notice ("skipped: ..."), with its file and line, and the file is read again
   * without it, at most {@link #MAX_LENIENT_SKIPS} times. Throws when the file itself cannot be
   * read, when a problem has no line to skip, or when not one record could be read while there
   * were problems.
   */
  @Override
  public Zone readLenient(SourceTree tree, String path, String origin) throws ZoneReadException {
    Map<String, Set<Integer>> skip = new HashMap<>();
    List<ZoneReadException> skipped = new ArrayList<>();
    while (true) {
      Zone z;
      try {
        z = readOnce(tree, path, origin, skip, skipped);
      } catch (ZoneReadException e) {
        Location at = e.location();
        if (at == null || at.line() <= 0 || skipped.size() >= MAX_LENIENT_SKIPS) {
          throw e; // the file itself, or a problem without a line to skip
        }
        Set<Integer> lines = skip.computeIfAbsent(at.path(), p -> new HashSet<>());
        if (lines.contains(at.line())) {
          throw e; // skipping it did not help
        }
        lines.addAll(entryLines(tree.read(at.path()), at.line()));
        skipped.add(e);
        continue;
      }
      if (z.recordCount() == 0 && !skipped.isEmpty()) {
        throw skipped.get(0); // nothing at all could be read
      }
      return z;
    }
  }

  /** How many problems {@link #readLenient} skips before it gives up on a file. */
  static final int MAX_LENIENT_SKIPS = 1000;

  /** The lines of the entry starting at {@code line}: itself, and more while a parenthesis is open. */
  private static List<Integer> entryLines(byte[] bytes, int line) {
    List<Integer> out = new ArrayList<>();
    int n = 1;
    int i = 0;
    while (i < bytes.length && n < line) {
      if (bytes[i++] == '\n') {
        n++;
      }
    }
    int depth = 0;
    boolean quoted = false;
    out.add(line);
    for (; i < bytes.length; i++) {
      byte c = bytes[i];
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        while (i + 1 < bytes.length && bytes[i + 1] != '\n') {
          i++;
        }
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      } else if (c == '\n') {
        quoted = false;
        if (depth == 0 || i + 1 >= bytes.length) {
          break;
        }
        out.add(++n);
      }
    }
    return out;
  }

  /** {@code bytes} with the given lines emptied, their newlines kept so that lines still count. */
  private static byte[] without(byte[] bytes, Set<Integer> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    int line = 1;
    for (byte c : bytes) {
      if (c == '\n') {
        out.write(c);
        line++;
      } else if (!lines.contains(line)) {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private Zone readOnce(
      SourceTree tree,
      String path,
      String origin,
      Map<String, Set<Integer>> skip,
      List<ZoneReadException> skipped)
      throws ZoneReadException {
    return readOnce(new Read(tree, skip), path, origin, skipped);
  }

  /**
   * The zone of the master file at {@code path}, as {@link #read} gives it, with what reading a
   * later version of the file as line edits of this one needs ({@link MasterFileEdits}): no
   * shape when the file was not read whole by the fast path (it includes another, or dnsjava read
   * it).
   */
  MasterFileEdits.Old readForEdits(SourceTree tree, String path, String origin) throws ZoneReadException {
    Read read = new Read(tree, Map.of());
    Zone zone = readOnce(read, path, origin, List.of());
    FastMasterReader.Result r = read.files == 1 ? read.fast : null;
    return r == null
        ? new MasterFileEdits.Old(zone, null, null, 0)
        : new MasterFileEdits.Old(zone, read.fastBytes, r.shape(), (long) r.nativeRecords() + r.delegatedRecords());
  }

  /**
   * The zone of the master file {@code bytes} at {@code path} read as line edits of {@code old}
   * (see {@link MasterFileEdits}) as {@code plan} found them, with the origin {@code origin} given
   * or (null) the one the file would choose; null when it must be read whole.
   */
  Zone readAsEdits(MasterFileEdits.Old old, MasterFileEdits.Plan plan, String path, byte[] bytes, String origin) {
    Name start;
    try {
      start = startName(path, origin);
    } catch (ZoneReadException e) {
      return null;
    }
    return MasterFileEdits.read(
        old, plan, bytes, path, start, origin != null, checkNames, Limits.Limit.MAX_RECORDS.get());
  }

  /**
   * Two versions of one master file, as {@code diff} reads OLD and NEW and {@code check} a zone at
   * its base and head commits: {@code base} read whole (strictly), {@code head} as line edits of it
   * ({@link MasterFileEdits}) where it can be, else whole, with its error when it does not read.
   */
  public record Versions(Zone base, Zone head, ZoneReadException headError) {}

  /**
   * The two versions, base at {@code basePath} in {@code baseTree} read by {@code baseReader} on
   * every core it can use, {@code beforeRead} (or null) given its zone at once, and head then read
   * as its line edits; or null, with nothing kept, when that does not apply: the readers' settings
   * differ, the files are too different (or not there), or base does not read (the caller reads
   * it leniently). With {@code -Dzonegate.edits=false}, always null.
   */
  public static Versions readVersions(
      MasterFileReader baseReader, SourceTree baseTree, String basePath, MasterFileReader headReader,
      SourceTree headTree, String headPath, String origin, Consumer<Zone> beforeRead) {
    if ("false".equals(System.getProperty("zonegate.edits")) || !baseReader.sameSettings(headReader)) {
      return null;
    }
    byte[] oldBytes;
    byte[] newBytes;
    try {
      oldBytes = baseTree.read(basePath);
      newBytes = headTree.read(headPath);
    } catch (ZoneReadException e) {
      return null;
    }
    // The changed lines are found beside OLD's reading (a pass over both files, on one core, where
    // OLD's is on both); where there are too many, NEW is read whole once OLD is read.
    Background.Task<MasterFileEdits.Plan, RuntimeException> planning = () -> {
      long t = System.nanoTime();
      MasterFileEdits.Plan p = MasterFileEdits.plan(oldBytes, newBytes);
      Timings.add("read.plan", t);
      return p;
    };
    Background<MasterFileEdits.Plan, RuntimeException> plan =
        oldBytes.length >= FastMasterReader.HALVES_BYTES ? Background.start("zonegate-plan", planning) : Background.now(planning);
    MasterFileEdits.Old old;
    try {
      old = baseReader.readForEdits(new Kept(baseTree, basePath, oldBytes), basePath, origin);
    } catch (ZoneReadException e) {
      return null;
    }
    if (beforeRead != null) {
      beforeRead.accept(old.zone());
    }
    long t = System.nanoTime();
    MasterFileEdits.Plan found = plan.join();
    Zone head = found == null ? null : headReader.readAsEdits(old, found, headPath, newBytes, origin);
    Timings.add("read.edits", t);
    ZoneReadException error = null;
    if (head == null) {
      t = System.nanoTime();
      try {
        head = headReader.read(new Kept(headTree, headPath, newBytes), headPath, origin);
      } catch (ZoneReadException e) {
        error = e;
      }
      Timings.add("read.whole", t); // head could not be read as edits
    }
    return new Versions(old.zone(), head, error);
  }

  /** Whether {@code other} reads a file as this reader does. */
  private boolean sameSettings(MasterFileReader other) {
    return maxGenerated == other.maxGenerated && fastPath == other.fastPath && checkNames == other.checkNames
        && Objects.equals(includeDirectory, other.includeDirectory);
  }

  /** A tree whose file {@code path} was read already: its bytes are kept, not read again. */
  private record Kept(SourceTree tree, String path, byte[] bytes) implements SourceTree {
    @Override
    public byte[] read(String p) throws ZoneReadException {
      return p.equals(path) ? bytes : tree.read(p);
    }

    @Override
    public String describe() {
      return tree.describe();
    }

    @Override
    public boolean exists(String p) {
      return tree.exists(p);
    }

    @Override
    public SortedMap<String, Kind> list(String dir) throws ZoneReadException {
      return tree.list(dir);
    }
  }

  /** The origin a read starts from: the one given, else the one the file name implies. */
  private static Name startName(String path, String origin) throws ZoneReadException {
    String start = origin != null ? origin : ZoneFormat.originFromFileName(path);
    try {
      return Name.fromString(start, Name.root);
    } catch (TextParseException e) {
      throw new ZoneReadException(new Location(path, 0), "origin '" + start + "' is not a valid name");
    }
  }

  private Zone readOnce(Read read, String path, String origin, List<ZoneReadException> skipped) throws ZoneReadException {
    // Counted from before the file is loaded: a large file read meanwhile (the other side of a
    // diff) then finds no core free to read its halves at once.
    FastMasterReader.READING.incrementAndGet();
    try {
      Name startName = startName(path, origin);
      long t = System.nanoTime();
      parseFile(read, path, startName, -1);
      Timings.add("read.parse", t);
      String zoneOrigin =
          origin != null
              ? origin
              : read.soaOwner != null
                  ? read.soaOwner
                  : read.firstOrigin != null ? read.firstOrigin : Canonical.name(startName);
      for (ZoneReadException e : skipped) {
        read.builder.notice(e.location(), "skipped: " + e.problem());
      }
      if (read.warned.count > 0) {
        read.builder.notice(read.warned.at, read.warned.notice());
      }
      if (read.zeroTtl.count > 0) {
        read.builder.notice(read.zeroTtl.at, read.zeroTtl.notice(
            "; named loads it as 0, so that the records are never cached, and so does zonegate", "line"));
      }
      // Both paths add only what dnsjava prints, or (the fast path) printable ASCII it checked.
      read.builder.vouchAscii();
      t = System.nanoTime();
      read.builder.busy(FastMasterReader.READING.get() > 1); // another file is being read beside
      Zone zone = read.builder.build(zoneOrigin);
      Timings.add("read.model", t);
      // Only the few SOA and DS records read are looked at, not a pass over every set.
      for (RRsetKey k : read.placed) {
        RRset s = zone.get(k);
        if (BindChecks.misplaced(s, zoneOrigin)) {
          throw new ZoneReadException(s.location(), BindChecks.misplacedProblem(s));
        }
      }
      return zone;
    } finally {
      FastMasterReader.READING.decrementAndGet();
    }
  }

  private void parseFile(Read read, String path, Name origin, long defaultTtl)
      throws ZoneReadException {
    if (read.stack.contains(path)) {
      List<String> cycle = new ArrayList<>(read.stack);
      Collections.reverse(cycle);
      cycle.add(path);
      throw new ZoneReadException(
          new Location(read.stack.peek(), 0), "$INCLUDE cycle: " + String.join(" -> ", cycle));
    }
    byte[] bytes = read.tree.read(path);
    read.files++;
    Set<Integer> skipLines = read.skip.get(path);
    if (skipLines != null) {
      bytes = without(bytes, skipLines);
    }
    if (fastPath && readFast(read, path, bytes, origin, defaultTtl)) {
      return;
    }
    DirectiveScan scan = DirectiveScan.scan(bytes, origin, defaultTtl, inc -> ttlAfter(read, path, inc, 1));
    if (scan.ttlAboveMaxCount > 0) {
      read.zeroTtl.add("TTL " + scan.ttlAboveMax + " is above 2147483647, the largest RFC 2181 §8 allows", path,
          scan.ttlAboveMaxLine, scan.ttlAboveMaxCount);
    }
    if (scan.badTtlLine > 0) {
      throw new ZoneReadException(
          new Location(path, scan.badTtlLine),
          "'" + scan.badTtl + "' is not a TTL named reads (digits, or digits each followed by w, d, h, m or s)");
    }
    if (scan.nulLine > 0) {
      throw new ZoneReadException(
          new Location(path, scan.nulLine), "a NUL byte outside quotes and comments, or after a backslash, which named refuses");
    }
    if (scan.directiveProblemLine > 0) {
      throw new ZoneReadException(new Location(path, scan.directiveProblemLine), scan.directiveProblem);
    }
    if (scan.quotedFieldLine > 0) {
      throw new ZoneReadException(
          new Location(path, scan.quotedFieldLine),
          "a TTL, class or type is written in quotes, which named refuses (only an owner or rdata may be quoted)");
    }
    if (scan.strayCloseLine > 0) {
      throw new ZoneReadException(
          new Location(path, scan.strayCloseLine), "a closing parenthesis with none open, which named refuses");
    }
    if (scan.unclosedParenLine > 0) {
      throw new ZoneReadException(
          new Location(path, scan.unclosedParenLine),
          "the parenthesis opened on this line is not closed before the end of the file");
    }
    if (read.firstOrigin == null && scan.firstOrigin != null) {
      read.firstOrigin = Canonical.name(scan.firstOrigin);
    }
    read.stack.push(path);
    parseRecords(read, path, scan, origin, defaultTtl);
    for (DirectiveScan.Include inc : scan.includes) {
      Location at = new Location(path, inc.line());
      long maxDepth = Limits.Limit.MAX_INCLUDE_DEPTH.get();
      if (read.stack.size() >= maxDepth) {
        throw new ZoneReadException(
            at, "$INCLUDE nested deeper than " + maxDepth + " levels: " + Limits.Limit.MAX_INCLUDE_DEPTH.exceeded("the nesting"));
      }
      String target = SourceTree.resolveInclude(read.tree, path, includeDirectory, inc.target(), at);
      if (read.stack.contains(target)) {
        List<String> cycle = new ArrayList<>(read.stack);
        Collections.reverse(cycle);
        cycle.add(target);
        throw new ZoneReadException(at, "$INCLUDE cycle: " + String.join(" -> ", cycle));
      }
      try {
        parseFile(read, target, inc.origin(), inc.defaultTtl());
      } catch (ZoneReadException e) {
        if (e.location().path().equals(target) && e.location().line() == 0) {
          // The included file itself could not be opened: say so at the $INCLUDE line.
          throw new ZoneReadException(at, "$INCLUDE " + inc.target() + ": " + e.problem());
        }
        throw e;
      }
    }
    read.stack.pop();
  }

  /**
   * The default TTL an included file leaves in force (its last {@code $TTL}, as named keeps it for
   * the rest of the including file), or the one it started with. Problems with the include are not
   * reported here: reading it after the including file reports them at the {@code $INCLUDE} line.
   */
  private long ttlAfter(Read read, String from, DirectiveScan.Include inc, int depth) {
    if (depth > Limits.Limit.MAX_INCLUDE_DEPTH.get()) {
      return inc.defaultTtl();
    }
    try {
      String target = SourceTree.resolveInclude(from, includeDirectory, inc.target(), new Location(from, inc.line()));
      if (target.equals(from) || read.stack.contains(target)) {
        return inc.defaultTtl();
      }
      byte[] bytes = read.tree.read(target);
      return DirectiveScan.scan(bytes, inc.origin(), inc.defaultTtl(), i -> ttlAfter(read, target, i, depth + 1))
          .finalTtl;
    } catch (ZoneReadException | RuntimeException e) {
      return inc.defaultTtl();
    }
  }

  /**
   * The first attempt at a file: {@link FastMasterReader}, which reads the common shape of a zone
   * (no {@code $INCLUDE}, no {@code $GENERATE}, no escapes, ...) several times faster than
   * {@code Master}. False when it declines the file; nothing is kept then, and the caller reads
   * the file with dnsjava from the start, so errors and anything unusual come from dnsjava.
   */
  private boolean readFast(Read read, String path, byte[] bytes, Name origin, long defaultTtl)
      throws ZoneReadException {
    ZoneBuilder builder = read.builder;
    var mark = builder.mark();
    // A record line is rarely shorter than this: room made once instead of grown by copies.
    builder.expect(bytes.length / 32);
    // Its own count of warnings: a file the fast path declines is read again from the start.
    Taker taker = new Taker(builder, path, read.placed, bytes.length, checkNames, new Warned());
    FastMasterReader.Result result = FastMasterReader.read(bytes, origin, defaultTtl, taker);
    if (result == null) {
      builder.rollback(mark);
      return false;
    }
    if (taker.refused != null) {
      fastFiles.incrementAndGet();
      throw new ZoneReadException(new Location(path, taker.refusedLine), taker.refused);
    }
    read.warned.addAll(taker.warned, 0);
    read.fast = result;
    read.fastBytes = bytes;
    // As parseFile and add do for the dnsjava path: the first $ORIGIN and SOA owner seen win.
    if (read.firstOrigin == null && result.firstOrigin() != null) {
      read.firstOrigin = result.firstOrigin();
    }
    if (read.soaOwner == null && result.soaOwner() != null) {
      read.soaOwner = result.soaOwner();
    }
    fastFiles.incrementAndGet();
    return true;
  }

  /**
   * Takes the fast path's records into a builder. What named refuses in a record both paths read
   * alike; the first one is the file's error. A large file's second half goes to a taker of its
   * own on the other thread (its builder's {@link ZoneBuilder#half}), joined after this one's.
   */
  static class Taker implements FastMasterReader.Sink {
    final ZoneBuilder builder;
    final String path;
    final Set<RRsetKey> placed;
    final int bytes;
    final CheckNames checkNames;
    final Warned warned;
    String refused;
    int refusedLine;

    Taker(ZoneBuilder builder, String path, Set<RRsetKey> placed, int bytes) {
      this(builder, path, placed, bytes, CheckNames.FAIL, new Warned());
    }

    Taker(
        ZoneBuilder builder, String path, Set<RRsetKey> placed, int bytes, CheckNames checkNames, Warned warned) {
      this.builder = builder;
      this.path = path;
      this.placed = placed;
      this.bytes = bytes;
      this.checkNames = checkNames;
      this.warned = warned;
    }

    @Override
    public void record(String name, String type, long ttl, String rdata, int line) {
      record(name, null, type, ttl, rdata, line);
    }

    @Override
    public void record(String name, Boolean ownerIsHost, String type, long ttl, String rdata, int line) {
      if (refused == null) {
        refused = BindChecks.record(name, ownerIsHost, type, rdata, checkNames == CheckNames.FAIL);
        refusedLine = line;
        if (refused == null && checkNames == CheckNames.WARN) {
          warned.add(BindChecks.names(name, ownerIsHost, type, rdata), path, line);
        }
      }
      if (type.equals("SOA") || type.equals("DS")) {
        placed.add(RRsetKey.of(name, type));
      }
      try {
        builder.add(RRsetKey.of(name, type), ttl, rdata, path, line);
      } catch (ZoneReadException e) {
        throw new IllegalStateException(e); // a deferred builder checks owners at build
      }
    }

    @Override
    public FastMasterReader.Half half() {
      ZoneBuilder second = builder.half();
      second.expect(bytes / 64); // about half the records (see readFast)
      Taker parent = this;
      class Second extends Taker implements FastMasterReader.Half {
        Second() {
          super(second, parent.path, new LinkedHashSet<>(), 0, parent.checkNames, new Warned());
        }

        @Override
        public void join(int lineOffset) {
          if (parent.refused == null && refused != null) {
            parent.refused = refused;
            parent.refusedLine = refusedLine + lineOffset;
          }
          parent.warned.addAll(warned, lineOffset);
          parent.placed.addAll(placed);
          try {
            parent.builder.addAll(second, lineOffset);
          } catch (ZoneReadException e) {
            throw new IllegalStateException(e); // as add's: the file goes to dnsjava
          }
        }
      }
      return new Second();
    }
  }

  private void parseRecords(Read read, String path, DirectiveScan scan, Name origin, long ttl)
      throws ZoneReadException {
    int index = 0;
    // The TTL of the last record before each line, for a $GENERATE without TTL and $TTL.
    TreeMap<Integer, Long> ttls = new TreeMap<>();
    try (Master master = new Master(new ByteArrayInputStream(scan.text), origin, ttl)) {
      master.disableIncludes(true);
      Record r;
      while ((r = master.nextRecord()) != null) {
        int line = lineOf(scan.entryLines, index);
        add(read, r, new Location(path, line), true);
        ttls.put(line, r.getTTL());
        index++;
      }
    } catch (ZoneReadException e) {
      throw e;
    } catch (TextParseException e) {
      throw fromDnsjava(path, e, lineOf(scan.entryLines, index));
    } catch (IOException | RuntimeException e) {
      throw new ZoneReadException(
          new Location(path, lineOf(scan.entryLines, index)),
          unparsable(e));
    }
    expandGenerates(read, path, scan, ttls);
  }

  /**
   * dnsjava's unchecked failures in words: the reference parser throws NumberFormatException for
   * a bad number in some types and StringIndexOutOfBoundsException for an owner written {@code ""}.
   */
  static String unparsable(Exception e) {
    if (e instanceof NumberFormatException && e.getMessage() != null) {
      return "the record has a number that is not valid ("
          + e.getMessage().replace("For input string: ", "").replace("\"", "'") + ")";
    }
    if (e instanceof IndexOutOfBoundsException) {
      return "the record is malformed (an empty owner name or field)";
    }
    return "the record cannot be parsed";
  }

  /** Each {@code $GENERATE} of the file, expanded by {@link Generate} within the record budget. */
  private void expandGenerates(Read read, String path, DirectiveScan scan, TreeMap<Integer, Long> ttls)
      throws ZoneReadException {
    for (Generate.Line l : scan.generates) {
      Location where = new Location(path, l.line());
      Map.Entry<Integer, Long> before = ttls.floorEntry(l.line());
      Generate gen;
      try {
        gen = Generate.parse(l, before == null ? -1 : before.getValue());
      } catch (Generate.Problem p) {
        throw new ZoneReadException(where, p.getMessage());
      }
      if (gen.ttlAboveMax != null) {
        read.zeroTtl.add("TTL " + gen.ttlAboveMax + " is above 2147483647, the largest RFC 2181 §8 allows", path, l.line());
      }
      long count = gen.count();
      if (read.generated + count > maxGenerated) {
        throw new ZoneReadException(
            where,
            "$GENERATE would create "
                + count
                + " records"
                + (read.generated == 0 ? "" : ", " + (read.generated + count) + " with the zone's earlier $GENERATE lines")
                + "; "
                + Limits.Limit.MAX_GENERATED.exceeded("that", maxGenerated));
      }
      read.generated += count;
      for (long i = gen.start; i <= gen.stop; i += gen.step) {
        String owner = "";
        String rdata = "";
        try {
          owner = Generate.name(gen.lhs, i);
          rdata = Generate.name(gen.rhs, i);
          Name name = Name.fromString(owner, l.origin());
          Record r = Record.fromString(name, gen.type, DClass.IN, gen.ttl, rdata, l.origin());
          add(read, r, where, false);
        } catch (Generate.Problem p) {
          throw new ZoneReadException(where, p.getMessage());
        } catch (TextParseException e) {
          String msg = e.getMessage() == null ? "syntax error" : e.getMessage();
          Matcher m = DNSJAVA_MESSAGE.matcher(msg);
          throw new ZoneReadException(
              where, "$GENERATE: " + owner + " " + Type.string(gen.type) + " " + rdata + ": " + (m.matches() ? m.group(2) : msg));
        } catch (IOException | RuntimeException e) {
          throw new ZoneReadException(where, "$GENERATE: " + owner + " " + Type.string(gen.type) + " " + rdata + ": " + unparsable(e));
        }
      }
    }
  }

  /**
   * Adds one record read by dnsjava; {@code checkNames} false for what {@code $GENERATE} made,
   * which named does not hold to check-names.
   */
  private static void add(Read read, Record r, Location where, boolean checkNames)
      throws IOException, ZoneReadException {
    if (r.getDClass() != DClass.IN) {
      throw new ZoneReadException(
          where, "class " + DClass.string(r.getDClass()) + " is not supported; zones are class IN");
    }
    Record c = Canonical.canonicalize(r);
    String name = c.getName().toString();
    String type = Type.string(c.getType());
    String rdata = Canonical.rdataOf(c);
    CheckNames mode = read.checkNames();
    String problem =
        checkNames ? BindChecks.record(name, null, type, rdata, mode == CheckNames.FAIL) : BindChecks.type(type);
    if (problem != null) {
      throw new ZoneReadException(where, problem);
    }
    if (checkNames && mode == CheckNames.WARN) {
      read.warned.add(BindChecks.names(name, null, type, rdata), where.path(), where.line());
    }
    if (c.getType() == Type.SOA && read.soaOwner == null) {
      read.soaOwner = name;
    }
    if (c.getType() == Type.SOA || c.getType() == Type.DS) {
      read.placed.add(RRsetKey.of(name, type));
    }
    read.builder.add(RRsetKey.of(name, type), c.getTTL(), rdata, where);
  }

  private static int lineOf(List<Integer> lines, int index) {
    return index < lines.size() ? lines.get(index) : 0;
  }

  /** dnsjava puts {@code file:line: message} into the text; keep the line, drop its file name. */
  private static ZoneReadException fromDnsjava(String path, TextParseException e, int fallbackLine) {
    String msg = e.getMessage() == null ? "syntax error" : e.getMessage();
    Matcher m = DNSJAVA_MESSAGE.matcher(msg);
    if (m.matches()) {
      return new ZoneReadException(new Location(path, Integer.parseInt(m.group(1))), m.group(2));
    }
    return new ZoneReadException(new Location(path, fallbackLine), msg);
  }
}
