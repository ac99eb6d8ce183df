package dev.zonegate.zone;

import dev.zonegate.util.Background;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A fast path for the common shape of one master file, with dnsjava's {@code Master} as its
 * reference. {@link MasterFileReader} tries it first and uses it only when it returns a result;
 * on {@code null} the file is read by dnsjava from the start, so every error message, and every
 * file this class is not sure about, comes from the reference path.
 *
 * <p>Why it exists: for a million records {@code Master} plus canonicalisation through the wire
 * form costs several seconds, most of it in generic machinery (a {@code StringBuffer} per token,
 * {@code Name} objects, a wire round trip per record) that the few record types making up large
 * zones do not need. Here the bytes are read once, and A, AAAA, CNAME, NS, PTR, MX, TXT, SRV, CAA
 * and SOA are turned straight into the canonical text dnsjava would print after
 * {@link Canonical#canonicalize}: names lower-cased and absolute, IPv4 dotted, IPv6 as
 * {@link Ipv6#format} prints it, TXT as {@code "a" "b"}.
 *
 * <p>What it does not parse itself, it does not guess at:
 *
 * <ul>
 *   <li><b>The whole file goes to dnsjava</b> (this returns {@code null}) on anything unusual in
 *       the file's structure: a backslash outside a comment (escapes), a byte outside printable
 *       ASCII in a token, a lone CR, {@code $INCLUDE}, {@code $GENERATE} or any other directive,
 *       a class other than IN (or IN written as {@code CLASS1}), a TTL that is not plain digits or
 *       whole {@code 1h30m}-style units, nested parentheses, an owner name with characters
 *       dnsjava would print escaped ({@code @ $ ( ) " ;} inside a name) or with empty or
 *       over-long labels, an owner of a blank-owner line before any record, a record with no TTL
 *       to take (no TTL, no {@code $TTL}, no earlier record, and not an SOA), quotes outside
 *       rdata, a parenthesis opening before the owner or a directive's argument, and any error.
 *   <li><b>One record's rdata goes to dnsjava</b> ({@code Record.fromString} on that record's
 *       rdata text, then the same canonicalisation as the reference path) for every other type
 *       dnsjava knows (DS, RRSIG, NSEC, DNSKEY, TLSA, SSHFP, NAPTR, TYPEnnn, ...) and for a fast
 *       type whose rdata is not in the simple form this class handles (an IPv6 address with an
 *       embedded IPv4 part, a TXT string with a tab, a TTL-like unit in an SOA timer, a number
 *       with many leading zeros, a name with unusual characters, ...). If dnsjava then refuses
 *       the record, the whole file goes to dnsjava, so the error is reported by the reference.
 * </ul>
 *
 * <p>The semantics copied from {@code Master} and the {@link DirectiveScan} in front of it:
 * {@code $ORIGIN} is read relative to the current origin (as RFC 1035 and BIND do, and as
 * DirectiveScan makes dnsjava do); class and TTL may come in either order before the type; a
 * record without TTL takes {@code $TTL}, else the previous record's TTL, else (an SOA only) its
 * own minimum, which then becomes the default; a line starting with blanks belongs to the
 * previous record's owner; parentheses join lines and comments inside them are skipped, as
 * dnsjava's {@code Tokenizer} does; a record's line is the line its entry starts on.
 *
 * <p>FastMasterReaderTest holds this class to dnsjava on the IANA root zones, the octoDNS zone
 * files, the project's test zones and randomly generated zones: the zones must be equal, RRset
 * locations and notices included.
 */
final class FastMasterReader {
  /** Receives each record in file order, already canonical. */
  interface Sink {
    void record(String name, String type, long ttl, String rdata, int line);

    /**
     * As {@link #record(String, String, long, String, int)}, with whether the owner is a host name
     * (BIND's check-names) worked out on the owner's bytes, or null when it was not.
     */
    default void record(String name, Boolean ownerIsHost, String type, long ttl, String rdata, int line) {
      record(name, type, ttl, rdata, line);
    }

    /**
     * A sink for a large file's second half, fed on another thread while this one takes the first
     * half's records, and {@linkplain Half#join joined} after them only when the halves fit; or
     * null (the default): the file is read in one pass. The sink's work on each record runs on the
     * other thread too, while the record is fresh in that core's cache.
     */
    default Half half() {
      return null;
    }
  }

  /** The second half's own sink (see {@link Sink#half}); dropped unjoined when the halves do not fit. */
  interface Half extends Sink {
    /**
     * Takes on this half's records after the first half's, their lines moved down by
     * {@code lineOffset}, as if they had come one by one. A runtime exception leaves the file to dnsjava.
     */
    void join(int lineOffset);
  }

  /**
   * What a handled file tells its reader besides its records: the first {@code $ORIGIN}
   * (canonical, or null), the first SOA owner (or null), and how many records were parsed here
   * and how many were handed to dnsjava one by one.
   */
  record Result(String firstOrigin, String soaOwner, int nativeRecords, int delegatedRecords, Shape shape) {}

  /**
   * Where the file's context changes, for a reader that reads a later version of it as line
   * edits ({@link MasterFileEdits}): the line of its first {@code $TTL} (0: none); each
   * directive's line and the offset of its first byte; and each parenthesised group's first and
   * last line (a record over several lines), all in file order.
   */
  record Shape(int firstTtlLine, int[] directiveLines, int[] directiveStarts, int[] groupFrom, int[] groupTo) {
    @Override
    public String toString() {
      return "Shape[firstTtlLine=" + firstTtlLine + ", directives=" + Arrays.toString(directiveLines) + " at "
          + Arrays.toString(directiveStarts) + ", groups=" + Arrays.toString(groupFrom) + "-" + Arrays.toString(groupTo) + "]";
    }
  }

  /** A growing list of ints. */
  private static final class Ints {
    int[] a = new int[8];
    int n;

    void add(int x) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = x;
    }

    /** Adds {@code other}'s, each plus {@code offset}. */
    void addAll(Ints other, int offset) {
      for (int i = 0; i < other.n; i++) {
        add(other.a[i] + offset);
      }
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** Thrown to leave the file to dnsjava; carries no stack trace, it is control flow. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }

    GiveUp(String where) {
      super(where, null, false, true);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  // Token kinds, as dnsjava's Tokenizer has them.
  private static final int EOF = 0;
  private static final int EOL = 1;
  private static final int WORD = 3;
  private static final int QUOTED = 4;

  // Byte classes.
  private static final byte OTHER = 0;
  /** Ends a word: blank, newline, CR, ; ( ) and the quote, as in dnsjava's Tokenizer. */
  private static final byte DELIM = 1;
  /** Printable and printed as itself by dnsjava inside a name label. */
  private static final byte NAME = 2;
  /** Printable, allowed in a word, but not in a name this class builds itself ({@code . @ $}). */
  private static final byte WORDONLY = 3;

  private static final byte[] CLASS = new byte[256];

  static {
    for (int c = 0x21; c < 0x7f; c++) {
      CLASS[c] = NAME;
    }
    for (char c : " \t\n\r;()\"".toCharArray()) {
      CLASS[c] = DELIM;
    }
    // dnsjava prints '.', '@' and '$' inside a label escaped; '.' separates labels. Backslash
    // (escapes) makes the whole file go to dnsjava, so it is OTHER.
    CLASS['.'] = WORDONLY;
    CLASS['@'] = WORDONLY;
    CLASS['$'] = WORDONLY;
    CLASS['\\'] = OTHER;
  }

  // The record types parsed here; their index is the type code below.
  private static final String[] TYPES = {"A", "AAAA", "CNAME", "NS", "PTR", "MX", "TXT", "SRV", "CAA", "SOA"};
  private static final int A = 0;
  private static final int AAAA = 1;
  private static final int CNAME = 2;
  private static final int NS = 3;
  private static final int PTR = 4;
  private static final int MX = 5;
  private static final int TXT = 6;
  private static final int SRV = 7;
  private static final int CAA = 8;
  private static final int SOA = 9;
  private static final byte[][] TYPE_BYTES = new byte[TYPES.length][];

  static {
    for (int i = 0; i < TYPES.length; i++) {
      TYPE_BYTES[i] = TYPES[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final int MAX_NAME_WIRE = 255;
  private static final int MAX_LABEL = 63;

  private final byte[] b;
  private final int end;
  private final Sink sink;

  // Tokenizer state.
  private int pos;
  private int line = 1;
  private int depth;
  private int kind;
  private int tokStart;
  private int tokEnd;
  /** For a quoted token: every byte is printable ASCII (no tab). */
  private boolean tokPlain;
  /** Just after the last token or parenthesis read. */
  private int significantEnd;
  private boolean ungot;

  // Master's state.
  private Name originName;
  private String origin;
  private byte[] originBytes;
  private long defaultTtl;
  private boolean hasLast;
  private String lastOwner;
  private long lastTtl;
  private long soaMinimum;

  // Results.
  private String firstOrigin;
  private String soaOwner;
  private int nativeCount;
  private int delegatedCount;
  /** See {@link Shape}. */
  private int firstTtlLine;
  private final Ints directiveLines = new Ints();
  private final Ints directiveStarts = new Ints();
  private final Ints groupFrom = new Ints();
  private final Ints groupTo = new Ints();

  // Scratch buffers: names and rdata are built here and copied once into a String.
  private byte[] buf = new byte[512];
  private int len;
  private byte[] ownerBuf = new byte[MAX_NAME_WIRE + 1];
  private int ownerLen = -1;
  private final byte[] v6 = new byte[16];
  /** {@link #ipv6}'s text, written here before its string is made. */
  private final byte[] v6text = new byte[39];

  private FastMasterReader(byte[] bytes, Name origin, long defaultTtl, Sink sink) {
    this.b = bytes;
    this.end = bytes.length;
    this.sink = sink;
    this.defaultTtl = defaultTtl;
    setOrigin(origin);
    // A UTF-8 byte order mark, as DirectiveScan strips it.
    if (end >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      pos = 3;
    }
  }

  /**
   * Reads one master file's bytes with the given starting origin (absolute) and inherited default
   * TTL ({@code -1} for none). Returns null, having possibly called the sink for some records,
   * when the file must be read by dnsjava instead; the caller then discards what the sink got.
   * A large file is read in two halves at once when no other file is being read and the sink
   * takes a {@linkplain Sink#half half} (see {@link #runInHalves}); the sink and its half get the
   * same records, in the same order and with the same lines once joined, as one pass gives.
   */
  static Result read(byte[] bytes, Name origin, long defaultTtl, Sink sink) {
    int split = bytes.length >= HALVES_BYTES && Runtime.getRuntime().availableProcessors() > 1 ? splitPoint(bytes) : -1;
    return read(bytes, origin, defaultTtl, sink, split, HEAD_BYTES, false);
  }

  /**
   * As {@link #read(byte[], Name, long, Sink)}; {@code split} above 0 offers the second half from
   * there (a line start) to another thread, with the origin and $TTL the first {@code head} bytes
   * set, and {@code always} does so even while other files are being read (tests: every split
   * point must give the one-pass result).
   */
  static Result read(byte[] bytes, Name origin, long defaultTtl, Sink sink, int split, int head, boolean always) {
    FastMasterReader r;
    try {
      r = new FastMasterReader(bytes, origin, defaultTtl, sink);
      if (split > 0) {
        r.runInHalves(split, head, always);
      } else {
        r.run(r.end);
      }
    } catch (GiveUp e) {
      return null;
    } catch (RuntimeException e) {
      // Not expected; but a doubt here must never become a wrong zone: dnsjava decides.
      return null;
    }
    return new Result(
        r.firstOrigin, r.soaOwner, r.nativeCount, r.delegatedCount,
        new Shape(r.firstTtlLine, r.directiveLines.toArray(), r.directiveStarts.toArray(), r.groupFrom.toArray(),
            r.groupTo.toArray()));
  }

  // ---------------------------------------------------------------------------------------------
  // Two halves at once: a zone of a million records is one file, read by one core, while the
  // other waits. The file is cut at a line that starts with an owner name, past the middle; the
  // second half is read on another thread into the sink's own half, assuming the origin and $TTL
  // that the head of the file set; this thread reads the first half to the cut. The half is
  // joined after the first half's records, its lines moved down by the first half's, only when
  // the guess was right: the first half ended exactly at the cut, at the start of an entry, with
  // that origin and $TTL. Otherwise (the cut fell inside a parenthesised record, a directive after
  // the head changed the origin, the second half gave up) the second half is dropped and this
  // thread reads on from the cut as the one-pass read would: never a different zone, at worst the
  // time of one pass.

  /**
   * Files at least this long are read in halves: about 35,000 records (the 100,000-record zone
   * of the benchmark, 2.8 MB, read alone as OLD before NEW is read as its edits, 0.972 of its
   * diff's time and 0.975 of its lint's paired against 4 MB).
   */
  static final int HALVES_BYTES = 1 << 20;

  /** How far the head goes that the second half takes its origin and $TTL from. */
  private static final int HEAD_BYTES = 64 << 10;

  /**
   * How many files are being read now ({@link MasterFileReader} counts them): while two are (a
   * diff), no core is free for halves.
   */
  static final AtomicInteger READING = new AtomicInteger();

  /** Set when the second half's result is no longer wanted: it stops at its next entry. */
  private volatile boolean abandoned;

  /**
   * The start of the first line past the middle that begins with an owner name (not blank, not a
   * directive, comment or parenthesis), or -1 when none comes soon after it.
   */
  static int splitPoint(byte[] b) {
    int mid = b.length / 2;
    for (int k = mid; k < Math.min(b.length - 1, mid + HEAD_BYTES); k++) {
      if (b[k] == '\n') {
        int c = b[k + 1] & 0xff;
        if (c != '$' && (CLASS[c] == NAME || CLASS[c] == WORDONLY)) {
          return k + 1;
        }
      }
    }
    return -1;
  }

  /** How many files were read in halves, for tests. */
  static final AtomicInteger HALVES = new AtomicInteger();

  private void runInHalves(int split, int head, boolean always) {
    run(Math.min(split, head));
    // Without a $TTL (or an SOA's minimum standing in for it) a record without TTL takes the
    // previous record's, which the second half cannot know.
    if (pos >= split || defaultTtl < 0 || !always && READING.get() > 1) {
      run(end);
      return;
    }
    Half half = sink.half();
    if (half == null) {
      run(end);
      return;
    }
    String guessOrigin = origin;
    long guessTtl = defaultTtl;
    FastMasterReader second = new FastMasterReader(b, originName, defaultTtl, half);
    second.pos = split;
    Background<Boolean, RuntimeException> other = Background.start("zonegate-read-half", () -> {
      try {
        second.run(second.end);
        return true;
      } catch (RuntimeException e) { // a give-up, or a doubt: the one-pass read decides
        return false;
      }
    });
    try {
      run(split);
    } catch (RuntimeException e) {
      second.abandoned = true;
      throw e;
    }
    boolean guessed = pos == split && depth == 0 && !ungot && origin.equals(guessOrigin) && defaultTtl == guessTtl;
    if (!guessed) {
      second.abandoned = true;
    }
    boolean read = other.join();
    if (!guessed || !read) {
      run(end);
      return;
    }
    half.join(line - 1);
    HALVES.incrementAndGet();
    pos = second.pos;
    line += second.line - 1;
    int offset = line - second.line; // the second half's line k is the file's line k + offset
    nativeCount += second.nativeCount;
    delegatedCount += second.delegatedCount;
    if (firstTtlLine == 0 && second.firstTtlLine > 0) {
      firstTtlLine = second.firstTtlLine + offset;
    }
    directiveLines.addAll(second.directiveLines, offset);
    directiveStarts.addAll(second.directiveStarts, 0); // offsets into the same bytes
    groupFrom.addAll(second.groupFrom, offset);
    groupTo.addAll(second.groupTo, offset);
    if (firstOrigin == null) {
      firstOrigin = second.firstOrigin;
    }
    if (soaOwner == null) {
      soaOwner = second.soaOwner;
    }
  }

  /**
   * For tests and debugging: where and why the fast path declines the file (the line and the
   * method that gave up), or null when it reads it.
   */
  static String whyDeclined(byte[] bytes, Name origin, long defaultTtl) {
    FastMasterReader r = null;
    try {
      r = new FastMasterReader(bytes, origin, defaultTtl, (n, t, ttl, rd, l) -> {});
      r.explain = true;
      r.run(r.end);
      return null;
    } catch (GiveUp e) {
      StackTraceElement[] st = e.getStackTrace();
      StringBuilder sb = new StringBuilder("line " + (r == null ? 0 : r.line));
      for (int i = 0; i < Math.min(4, st.length); i++) {
        sb.append(i == 0 ? ": " : " < ").append(st[i].getMethodName()).append(':').append(st[i].getLineNumber());
      }
      return sb.toString();
    } catch (RuntimeException e) {
      return "line " + (r == null ? 0 : r.line) + ": " + e;
    }
  }

  private boolean explain;

  private GiveUp giveUp() {
    return explain ? new GiveUp("line " + line) : GIVE_UP;
  }

  // ---------------------------------------------------------------------------------------------
  // Entries: the loop of Master._nextRecord.

  /** Reads entries until one ends at or past {@code stop} (or the file does). */
  private void run(int stop) {
    while (pos < end && pos < stop) {
      if (abandoned) {
        throw GIVE_UP;
      }
      int c = b[pos] & 0xff;
      switch (c) {
        case '\n':
          pos++;
          line++;
          break;
        case '\r':
          crlf();
          break;
        case ';':
          skipComment();
          break;
        case ' ':
        case '\t':
          blankOwnerEntry();
          break;
        case '$':
          directive();
          break;
        default:
          if (CLASS[c] != NAME && CLASS[c] != WORDONLY) {
            throw giveUp(); // ( ) " or a byte outside printable ASCII where an owner should be
          }
          ownerEntry();
      }
    }
  }

  /** A line starting with blanks: blank, a comment, or a record of the previous owner. */
  private void blankOwnerEntry() {
    int recLine = line;
    int k = pos;
    while (k < end && (b[k] == ' ' || b[k] == '\t')) {
      k++;
    }
    if (k < end && (b[k] == '(' || b[k] == ')' || b[k] == '"')) {
      // dnsjava would read this, but DirectiveScan may count it as a record entry that is none.
      throw giveUp();
    }
    next();
    if (kind == EOL || kind == EOF) {
      return;
    }
    if (!hasLast) {
      throw giveUp(); // dnsjava: "no owner"
    }
    record(lastOwner, recLine);
  }

  private void ownerEntry() {
    int recLine = line;
    next();
    if (kind != WORD) {
      throw giveUp();
    }
    String owner = owner(tokStart, tokEnd);
    next();
    record(owner, recLine);
  }

  /** {@code $ORIGIN} and {@code $TTL}; any other directive leaves the file to dnsjava. */
  private void directive() {
    directiveLines.add(line);
    directiveStarts.add(pos);
    next();
    if (kind != WORD) {
      throw giveUp();
    }
    if (tokenIs("$ORIGIN")) {
      next();
      if (kind != WORD || depth != 0) {
        throw giveUp();
      }
      if (tokEnd - tokStart == 1 && b[tokStart] == '@') {
        // DirectiveScan leaves "$ORIGIN @" as it is, and dnsjava then reads it as the root.
        throw giveUp();
      }
      String s = new String(b, tokStart, tokEnd - tokStart, StandardCharsets.ISO_8859_1);
      try {
        // As DirectiveScan does: relative to the current origin, then given to dnsjava absolute.
        setOrigin(Name.fromString(s, originName));
      } catch (IOException | RuntimeException e) {
        throw giveUp();
      }
      if (firstOrigin == null) {
        firstOrigin = origin;
      }
    } else if (tokenIs("$TTL")) {
      next();
      if (kind != WORD || depth != 0) {
        throw giveUp();
      }
      defaultTtl = ttl(tokStart, tokEnd);
      if (firstTtlLine == 0) {
        firstTtlLine = directiveLines.a[directiveLines.n - 1];
      }
    } else {
      throw giveUp(); // $INCLUDE, $GENERATE, or what dnsjava calls an invalid directive
    }
    next();
    if (kind != EOL) {
      throw giveUp(); // more words, or the end of a file without newline, which named refuses
    }
  }

  private void setOrigin(Name name) {
    if (!name.isAbsolute()) {
      throw giveUp();
    }
    String canonical = Canonical.name(name);
    byte[] bytes = canonical.getBytes(StandardCharsets.ISO_8859_1);
    // Relative names are appended to this text, so it must be a name printed without escapes.
    if (!canonical.equals(".")) {
      for (byte x : bytes) {
        if (x != '.' && CLASS[x & 0xff] != NAME) {
          throw giveUp();
        }
      }
    }
    originName = name;
    origin = canonical;
    originBytes = bytes;
  }

  // ---------------------------------------------------------------------------------------------
  // One record: Master.parseTTLClassAndType, then the rdata.

  private void record(String owner, int recLine) {
    if (kind != WORD) {
      throw giveUp();
    }
    boolean seenClass = false;
    if (tokenIs("IN")) {
      seenClass = true;
      nextWord();
    }
    long ttl = -1;
    if (isDigit(b[tokStart])) {
      ttl = ttl(tokStart, tokEnd);
      nextWord();
    }
    if (!seenClass && tokenIs("IN")) {
      nextWord();
    }
    int type = fastType();
    int typeValue = -1;
    if (type < 0) {
      String s = new String(b, tokStart, tokEnd - tokStart, StandardCharsets.ISO_8859_1);
      if (DClass.value(s) >= 0) {
        throw giveUp(); // another class, or IN spelt CLASS1
      }
      typeValue = Type.value(s);
      if (typeValue < 0) {
        throw giveUp(); // dnsjava: "Invalid type"
      }
      if (typeValue == Type.SOA) {
        type = SOA;
      }
    }
    boolean soaTtl = false;
    if (ttl < 0) {
      if (defaultTtl >= 0) {
        ttl = defaultTtl;
      } else if (hasLast) {
        ttl = lastTtl;
      } else if (type == SOA) {
        soaTtl = true; // BIND and dnsjava: the first SOA may take its minimum
      } else {
        throw giveUp(); // dnsjava: "missing TTL"
      }
    }
    int rdataPos = pos;
    int rdataLine = line;
    int rdataDepth = depth;
    int groupsOpened = groupFrom.n;
    int groupsClosed = groupTo.n;
    String rdata = typeValue < 0 ? nativeRdata(type) : null;
    if (rdata != null) {
      if (soaTtl) {
        ttl = soaMinimum;
        defaultTtl = ttl;
      }
      if (type == SOA && soaOwner == null) {
        soaOwner = owner;
      }
      sink.record(owner, owner == lastOwner && lastOwnerHost != null ? lastOwnerHost : ownerHost(), TYPES[type], ttl, rdata, recLine);
      nativeCount++;
    } else {
      pos = rdataPos;
      line = rdataLine;
      depth = rdataDepth;
      groupFrom.n = groupsOpened; // read again below
      groupTo.n = groupsClosed;
      ungot = false;
      ttl = delegate(owner, typeValue < 0 ? Type.value(TYPES[type]) : typeValue, ttl, soaTtl, recLine);
    }
    hasLast = true;
    if (owner != lastOwner) {
      lastOwnerHost = null;
    }
    lastOwner = owner;
    lastTtl = ttl;
  }

  /**
   * The rdata of one record read by dnsjava itself: its text up to the end of the entry goes to
   * {@code Record.fromString}, and the record is canonicalised exactly as the reference path does.
   * Returns the TTL the record got.
   */
  private long delegate(String owner, int typeValue, long ttl, boolean soaTtl, int recLine) {
    if (depth != 0) {
      throw giveUp(); // a parenthesis opened before the rdata
    }
    int from = pos;
    significantEnd = from;
    do {
      next();
    } while (kind != EOL && kind != EOF);
    // Up to the last token or parenthesis: a comment after the record is not dnsjava's business.
    int to = significantEnd;
    for (int k = from; k < to; k++) {
      if (b[k] < 0) {
        throw giveUp(); // non-ASCII in a comment inside parentheses: not worth a doubt
      }
    }
    String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    try {
      Record r =
          Record.fromString(
              Name.fromString(owner), typeValue, DClass.IN, soaTtl ? 0 : ttl, Canonical.tokenizer(text), originName);
      if (soaTtl) {
        if (!(r instanceof SOARecord)) {
          throw giveUp();
        }
        ttl = ((SOARecord) r).getMinimum();
        defaultTtl = ttl;
      }
      Record c = Canonical.canonicalize(r);
      String name = c.getName().toString();
      String type = Type.string(c.getType());
      if (c.getType() == Type.SOA && soaOwner == null) {
        soaOwner = name;
      }
      sink.record(name, type, ttl, Canonical.rdataOf(c), recLine);
      delegatedCount++;
      return ttl;
    } catch (IOException | RuntimeException e) {
      throw giveUp(); // dnsjava refuses the record: let it say so, from the whole file
    }
  }

  /** The record's type among {@link #TYPES}, case-insensitive; -1 for any other word. */
  private int fastType() {
    int n = tokEnd - tokStart;
    for (int t = 0; t < TYPE_BYTES.length; t++) {
      byte[] name = TYPE_BYTES[t];
      if (name.length == n && equalsIgnoreCase(tokStart, name)) {
        return t;
      }
    }
    return -1;
  }

  /**
   * Canonical rdata text for one of the fast types, having consumed the entry to its end; null
   * when this class is not sure (the caller rewinds and hands the rdata to dnsjava).
   */
  private String nativeRdata(int type) {
    String rdata;
    switch (type) {
      case A:
        rdata = next() == WORD && dottedQuad(b, tokStart, tokEnd) ? text(tokStart, tokEnd) : null;
        break;
      case AAAA:
        rdata = next() == WORD ? ipv6(tokStart, tokEnd) : null;
        break;
      case CNAME:
      case NS:
      case PTR:
        len = 0;
        rdata = next() == WORD && appendName(tokStart, tokEnd) ? built() : null;
        break;
      case MX:
        rdata = mx();
        break;
      case TXT:
        rdata = txt();
        break;
      case SRV:
        rdata = srv();
        break;
      case CAA:
        rdata = caa();
        break;
      case SOA:
        rdata = soa();
        break;
      default:
        rdata = null;
    }
    if (rdata == null) {
      return null;
    }
    next();
    return kind == EOL || kind == EOF ? rdata : null;
  }

  private String mx() {
    len = 0;
    if (!appendNumber(0xFFFF)) {
      return null;
    }
    append((byte) ' ');
    return next() == WORD && appendName(tokStart, tokEnd) ? built() : null;
  }

  private String srv() {
    len = 0;
    for (int i = 0; i < 3; i++) {
      if (!appendNumber(0xFFFF)) {
        return null;
      }
      append((byte) ' ');
    }
    return next() == WORD && appendName(tokStart, tokEnd) ? built() : null;
  }

  /** Strings until the end of the entry, each printed quoted as TXTBase.rdataToString does. */
  private String txt() {
    len = 0;
    int strings = 0;
    while (true) {
      next();
      if (kind != WORD && kind != QUOTED) {
        ungot = true;
        break;
      }
      if (!plainString()) {
        return null;
      }
      if (strings++ > 0) {
        append((byte) ' ');
      }
      appendQuoted(tokStart, tokEnd);
    }
    return strings == 0 ? null : built();
  }

  /** {@code flags tag "value"} as CAARecord prints it; the tag plain letters and digits. */
  private String caa() {
    len = 0;
    if (!appendNumber(0xFF)) {
      return null;
    }
    append((byte) ' ');
    if (next() != WORD || tokEnd - tokStart > 255) {
      return null;
    }
    for (int k = tokStart; k < tokEnd; k++) {
      int c = b[k];
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return null;
      }
    }
    append(tokStart, tokEnd);
    append((byte) ' ');
    next();
    if ((kind != WORD && kind != QUOTED) || !plainString()) {
      return null;
    }
    appendQuoted(tokStart, tokEnd);
    return built();
  }

  /** {@code mname rname serial refresh retry expire minimum}, timers in plain seconds only. */
  private String soa() {
    len = 0;
    if (next() != WORD || !appendName(tokStart, tokEnd)) {
      return null;
    }
    append((byte) ' ');
    if (next() != WORD || !appendName(tokStart, tokEnd)) {
      return null;
    }
    long minimum = -1;
    for (int i = 0; i < 5; i++) {
      append((byte) ' ');
      if (next() != WORD) {
        return null;
      }
      minimum = number(tokStart, tokEnd, 0xFFFFFFFFL);
      if (minimum < 0) {
        // Units such as 1h, or out of range: dnsjava decides (the caller rewinds to the rdata),
        // unless a timer is one named refuses (1209m600): then the reference path says so.
        for (int t = i; t < 5; t++) {
          if (t > i && next() != WORD) {
            break;
          }
          if (t > 0 && !DirectiveScan.isBindTtl(new String(b, tokStart, tokEnd - tokStart, StandardCharsets.ISO_8859_1))) {
            throw giveUp();
          }
        }
        return null;
      }
      appendLong(minimum);
    }
    soaMinimum = minimum;
    return built();
  }

  /** A TXT or CAA string this class prints itself: printable ASCII, at most 255 bytes. */
  private boolean plainString() {
    return tokEnd - tokStart <= 255 && (kind == WORD || tokPlain);
  }

  // ---------------------------------------------------------------------------------------------
  // Values.

  /**
   * A TTL as dnsjava's TTL.parseTTL reads it: digits, or digits with units W D H M S (any case),
   * clamped to 2^31-1. Digits after the last unit ({@code 1h30}) dnsjava reads in a surprising
   * way; those, overflow and anything else leave the file to dnsjava.
   */
  private long ttl(int s, int e) {
    if (!isDigit(b[s])) {
      throw giveUp();
    }
    long total = 0;
    long value = 0;
    int digits = 0;
    boolean units = false;
    for (int k = s; k < e; k++) {
      int c = b[k];
      if (isDigit((byte) c)) {
        if (++digits > 12) {
          throw giveUp();
        }
        value = value * 10 + (c - '0');
        continue;
      }
      long factor;
      switch (c | 0x20) {
        case 'w':
          factor = 604800;
          break;
        case 'd':
          factor = 86400;
          break;
        case 'h':
          factor = 3600;
          break;
        case 'm':
          factor = 60;
          break;
        case 's':
          factor = 1;
          break;
        default:
          throw giveUp();
      }
      if (digits == 0) {
        throw giveUp(); // "1hm": dnsjava adds a zero; not worth copying
      }
      total += value * factor;
      if (total > 0xFFFFFFFFL) {
        throw giveUp();
      }
      value = 0;
      digits = 0;
      units = true;
    }
    if (units) {
      if (digits > 0) {
        throw giveUp();
      }
    } else {
      total = value;
    }
    if (total > 0x7FFFFFFFL) {
      throw giveUp(); // refused as too large by the reference path (DirectiveScan), not clamped
    }
    return total;
  }

  /** Unsigned decimal of at most 10 digits and at most max; -1 otherwise. */
  private long number(int s, int e, long max) {
    int n = e - s;
    if (n < 1 || n > 10) {
      return -1;
    }
    long v = 0;
    for (int k = s; k < e; k++) {
      byte c = b[k];
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= max ? v : -1;
  }

  private boolean appendNumber(long max) {
    if (next() != WORD) {
      return false;
    }
    long v = number(tokStart, tokEnd, max);
    if (v < 0) {
      return false;
    }
    appendLong(v);
    return true;
  }

  /**
   * True when {@code b[s, e)} is a dotted quad as dnsjava's Address.parseV4 takes it: four octets
   * of one to three digits, no leading zero, at most 255. Then its text is already the canonical
   * text.
   */
  static boolean dottedQuad(byte[] b, int s, int e) {
    int octets = 0;
    int digits = 0;
    int value = 0;
    for (int k = s; k < e; k++) {
      byte c = b[k];
      if (isDigit(c)) {
        if (digits == 3 || (digits > 0 && value == 0)) {
          return false;
        }
        value = value * 10 + (c - '0');
        if (value > 255) {
          return false;
        }
        digits++;
      } else if (c == '.') {
        if (digits == 0 || octets == 3) {
          return false;
        }
        octets++;
        digits = 0;
        value = 0;
      } else {
        return false;
      }
    }
    return octets == 3 && digits > 0;
  }

  /**
   * An IPv6 address in the plain RFC 4291 text form (groups of one to four hex digits, at most
   * one {@code ::}), printed as Canonical.rdataOf prints an AAAA record; null for anything else,
   * such as an embedded IPv4 part, which dnsjava then reads.
   */
  private String ipv6(int s, int e) {
    byte[] out = v6;
    Arrays.fill(out, (byte) 0);
    int groups = 0;
    int gap = -1;
    int k = s;
    if (e - s >= 2 && b[k] == ':' && b[k + 1] == ':') {
      gap = 0;
      k += 2;
    }
    while (k < e) {
      int value = 0;
      int digits = 0;
      while (k < e && digits <= 4) {
        int h = hex(b[k]);
        if (h < 0) {
          break;
        }
        value = value << 4 | h;
        digits++;
        k++;
      }
      if (digits == 0 || digits > 4 || groups == 8) {
        return null;
      }
      out[2 * groups] = (byte) (value >> 8);
      out[2 * groups + 1] = (byte) value;
      groups++;
      if (k == e) {
        break;
      }
      if (b[k] != ':') {
        return null; // '.', or anything else
      }
      k++;
      if (k < e && b[k] == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = groups;
        k++;
      } else if (k == e) {
        return null; // a single trailing ':'
      }
    }
    if (gap < 0 ? groups != 8 : groups > 7) {
      return null;
    }
    if (gap >= 0) {
      int tail = groups - gap;
      System.arraycopy(out, 2 * gap, out, 16 - 2 * tail, 2 * tail);
      Arrays.fill(out, 2 * gap, 16 - 2 * tail, (byte) 0);
    }
    boolean mapped = out[10] == (byte) 0xff && out[11] == (byte) 0xff;
    for (int i = 0; i < 10 && mapped; i++) {
      mapped = out[i] == 0;
    }
    if (mapped) {
      // Java turns ::ffff:a.b.c.d into an IPv4 address; Ipv6.format prints that form.
      return Ipv6.format(Arrays.copyOfRange(out, 12, 16));
    }
    return Ipv6.format(out, v6text);
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int l = c | 0x20;
    if (l >= 'a' && l <= 'f') {
      return l - 'a' + 10;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Names.

  /** Whether the last owner is a host name, once asked; null before. */
  private Boolean lastOwnerHost;

  /** Whether the owner built last (in {@code ownerBuf}) is a host name, from its bytes. */
  private Boolean ownerHost() {
    lastOwnerHost = BindChecks.isHostName(ownerBuf, ownerLen);
    return lastOwnerHost;
  }

  /** The owner name as canonical text; the previous owner's String again when it is the same. */
  private String owner(int s, int e) {
    len = 0;
    if (!appendName(s, e)) {
      throw giveUp();
    }
    if (ownerLen == len && Arrays.equals(buf, 0, len, ownerBuf, 0, len) && lastOwner != null) {
      return lastOwner;
    }
    if (ownerBuf.length < len) {
      ownerBuf = new byte[len];
    }
    System.arraycopy(buf, 0, ownerBuf, 0, len);
    ownerLen = len;
    return built();
  }

  /**
   * Appends the word as a canonical absolute name, as Name.fromString(word, origin) then
   * canonicalize().toString() gives it: {@code @} is the origin, a name without final dot is
   * relative to it, letters fold to lower case. False (nothing to rely on) for an empty or
   * over-long label, a name over 255 octets, or a character dnsjava would print escaped.
   */
  private boolean appendName(int s, int e) {
    int start = len;
    if (e - s == 1 && b[s] == '@') {
      append(originBytes, originBytes.length);
      return true;
    }
    boolean absolute = b[e - 1] == '.';
    if (absolute && e - s == 1) {
      append((byte) '.');
      return true;
    }
    int last = absolute ? e - 1 : e;
    int label = 0;
    ensure(last - s + 1 + originBytes.length);
    for (int k = s; k < last; k++) {
      int c = b[k] & 0xff;
      if (c == '.') {
        if (label == 0) {
          return false;
        }
        label = 0;
      } else if (CLASS[c] == NAME) {
        if (++label > MAX_LABEL) {
          return false;
        }
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        }
      } else {
        return false;
      }
      buf[len++] = (byte) c;
    }
    if (label == 0) {
      return false;
    }
    buf[len++] = '.';
    if (!absolute && originBytes.length > 1) {
      System.arraycopy(originBytes, 0, buf, len, originBytes.length);
      len += originBytes.length;
    }
    // Wire length: one octet per label length plus the text without dots, plus the root octet.
    return len - start + 1 <= MAX_NAME_WIRE;
  }

  // ---------------------------------------------------------------------------------------------
  // Tokenizer: dnsjava's Tokenizer on bytes, minus what makes this class give up.

  private int nextWord() {
    next();
    if (kind != WORD) {
      throw giveUp();
    }
    return kind;
  }

  /**
   * The next token: a word, a quoted string (without its quotes), EOL or EOF. Parentheses join
   * lines, and comments inside them are skipped, as dnsjava's Tokenizer does.
   */
  private int next() {
    if (ungot) {
      ungot = false;
      return kind;
    }
    while (true) {
      if (pos >= end) {
        if (depth > 0) {
          throw giveUp(); // dnsjava: "unbalanced parentheses"
        }
        return kind = EOF;
      }
      int c = b[pos] & 0xff;
      switch (c) {
        case ' ':
        case '\t':
          pos++;
          continue;
        case '\r':
          crlf();
          continue;
        case '\n':
          pos++;
          line++;
          if (depth > 0) {
            continue;
          }
          return kind = EOL;
        case ';':
          skipComment();
          continue;
        case '(':
          if (depth > 0) {
            throw giveUp(); // nested parentheses: dnsjava counts them, as named does
          }
          depth++;
          groupFrom.add(line);
          significantEnd = ++pos;
          continue;
        case ')':
          if (depth == 0) {
            throw giveUp(); // dnsjava: "invalid close parenthesis"
          }
          depth--;
          groupTo.add(line);
          significantEnd = ++pos;
          continue;
        case '"':
          return quoted();
        default:
          break;
      }
      tokStart = pos;
      while (pos < end) {
        c = b[pos] & 0xff;
        byte cls = CLASS[c];
        if (cls == NAME || cls == WORDONLY) {
          pos++;
        } else if (cls == DELIM) {
          break;
        } else {
          throw giveUp(); // a backslash, a control byte, or a byte above ASCII
        }
      }
      tokEnd = pos;
      significantEnd = pos;
      return kind = WORD;
    }
  }

  private int quoted() {
    pos++;
    tokStart = pos;
    boolean plain = true;
    while (true) {
      if (pos >= end) {
        throw giveUp(); // dnsjava: "EOF in quoted string"
      }
      int c = b[pos] & 0xff;
      if (c == '"') {
        break;
      }
      if (c == '\t') {
        plain = false;
      } else if (c < 0x20 || c >= 0x7f || c == '\\') {
        throw giveUp(); // newline in a string, escapes, control or non-ASCII bytes
      }
      pos++;
    }
    tokEnd = pos;
    significantEnd = ++pos;
    tokPlain = plain;
    return kind = QUOTED;
  }

  /** A CR must be the first half of CR LF; dnsjava reads a lone CR as a line end, lines do not. */
  private void crlf() {
    if (pos + 1 < end && b[pos + 1] == '\n') {
      pos++;
      return;
    }
    throw giveUp();
  }

  /** Skips to the line end, leaving the LF (or CR LF) to be read. */
  private void skipComment() {
    while (pos < end) {
      byte c = b[pos];
      if (c == '\n') {
        return;
      }
      if (c == '\r') {
        if (pos + 1 < end && b[pos + 1] == '\n') {
          return;
        }
        throw giveUp();
      }
      pos++;
    }
  }

  private boolean tokenIs(String upper) {
    return tokEnd - tokStart == upper.length() && equalsIgnoreCase(tokStart, upper);
  }

  private boolean equalsIgnoreCase(int s, String upper) {
    for (int i = 0; i < upper.length(); i++) {
      int c = b[s + i];
      if (c >= 'a' && c <= 'z') {
        c -= 'a' - 'A';
      }
      if (c != upper.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean equalsIgnoreCase(int s, byte[] upper) {
    for (int i = 0; i < upper.length; i++) {
      int c = b[s + i];
      if (c >= 'a' && c <= 'z') {
        c -= 'a' - 'A';
      }
      if (c != upper[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  // ---------------------------------------------------------------------------------------------
  // Output buffer.

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private void append(byte c) {
    ensure(1);
    buf[len++] = c;
  }

  private void append(int s, int e) {
    ensure(e - s);
    System.arraycopy(b, s, buf, len, e - s);
    len += e - s;
  }

  private void append(byte[] bytes, int n) {
    ensure(n);
    System.arraycopy(bytes, 0, buf, len, n);
    len += n;
  }

  private void appendQuoted(int s, int e) {
    append((byte) '"');
    append(s, e);
    append((byte) '"');
  }

  private void appendLong(long v) {
    ensure(20);
    if (v == 0) {
      buf[len++] = '0';
      return;
    }
    int start = len;
    while (v > 0) {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    }
    for (int i = start, j = len - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  private String built() {
    return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
  }

  private String text(int s, int e) {
    return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
  }
}
