package dev.zonegate.zone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TTL;
import org.xbill.DNS.TextParseException;

/**
 * One pass over a master file that finds what dnsjava's {@code Master} does not let us see: where
 * each record entry starts (for source lines in findings), where {@code $GENERATE} and
 * {@code $INCLUDE} stand, and the {@code $ORIGIN}/{@code $TTL} in force at each include. It parses
 * no records: dnsjava stays the parser. {@code $INCLUDE}, {@code $GENERATE} and {@code $DATE}
 * lines are blanked in the returned text so that dnsjava never opens a file itself and zonegate
 * expands {@code $GENERATE} ({@link Generate}), while line numbers stay the same. On the way it
 * notes the first place of each thing named refuses and dnsjava would read: a TTL outside BIND's
 * grammar (also an SOA timer), a TTL above 2^31-1, a quoted TTL, class or type, a parenthesis still
 * open at the end, a NUL byte outside quotes, a bad {@code $ORIGIN}, and a directive on a last
 * line without newline.
 */
final class DirectiveScan {
  /** An {@code $INCLUDE} as written, with the origin and default TTL it inherits. */
  record Include(int line, String target, Name origin, long defaultTtl) {}

  byte[] text;
  final List<Integer> entryLines = new ArrayList<>();
  /** The {@code $GENERATE} lines, blank in the text dnsjava reads: zonegate expands them. */
  final List<Generate.Line> generates = new ArrayList<>();
  final List<Include> includes = new ArrayList<>();

  /**
   * The line of the parenthesis still open at the end of the file, which named refuses
   * ("unbalanced parentheses") and dnsjava closes silently; 0 when every one is closed.
   */
  int unclosedParenLine;

  /**
   * The first line with a TTL above 2^31-1 (and at most 2^32-1), 0 when there is none; how many
   * there are. named loads such a TTL as 0 with a warning (RFC 2181 §8 makes the top bit an
   * error, and a TTL of 0 is never cached), where dnsjava would clamp it to 2^31-1: the text
   * handed to dnsjava says 0 in its place, so the zone holds what named serves.
   */
  int ttlAboveMaxLine;

  String ttlAboveMax;

  int ttlAboveMaxCount;

  /** Where the TTLs above 2^31-1 of the line being scanned stand, to be written as 0. */
  private final List<int[]> zeroed = new ArrayList<>();

  /**
   * The first line with a TTL that dnsjava reads but BIND does not ({@code 1h30}, {@code 1hm},
   * {@code 1S64}): named refuses the record ("unknown class/type") or the {@code $TTL} ("bad
   * ttl"). 0 when there is none.
   */
  int badTtlLine;

  String badTtl;

  /**
   * The first line of a directive named refuses and dnsjava reads ({@code $ORIGIN} with more than
   * a name; {@code $TTL}, {@code $ORIGIN} or {@code $GENERATE} on a last line without newline), and
   * why; 0 when there is none.
   */
  int directiveProblemLine;

  String directiveProblem;

  /** The first {@code $ORIGIN} of the file, absolute; null when it has none. */
  Name firstOrigin;

  private DirectiveScan(byte[] text) {
    this.text = text;
  }

  /**
   * Scans {@code input} read with {@code origin} and the inherited default TTL ({@code -1} for
   * none). The text handed to dnsjava differs in two ways, both on the same line so line numbers
   * hold: {@code $INCLUDE} lines are blank, and {@code $ORIGIN} lines carry the absolute name,
   * since dnsjava reads a relative {@code $ORIGIN} from the root where RFC 1035 and BIND read it
   * from the current origin.
   */
  static DirectiveScan scan(byte[] input, Name origin, long defaultTtl) {
    return scan(input, origin, defaultTtl, inc -> inc.defaultTtl());
  }

  /** The default TTL in force after an included file: its own last {@code $TTL}, if any. */
  interface TtlAfter {
    long ttlAfter(Include include);
  }

  /**
   * As {@link #scan(byte[], Name, long)}, where {@code after} gives the default TTL an included file
   * leaves behind: named keeps a {@code $TTL} set inside an included file for the rest of the
   * including file, so the {@code $INCLUDE} line becomes that {@code $TTL} in the text dnsjava reads.
   */
  static DirectiveScan scan(byte[] input, Name origin, long defaultTtl, TtlAfter after) {
    byte[] text = escapeHighBytes(stripBom(input));
    DirectiveScan s = new DirectiveScan(text);
    s.after = after;
    s.run(origin, defaultTtl);
    return s;
  }

  private TtlAfter after;

  /** The default TTL at the end of the file ({@code -1} for none). */
  long finalTtl;

  /**
   * Every byte above 127 written as {@code \DDD}, which means the same octet in a master file:
   * dnsjava reads the text as ISO-8859-1 characters and stores a TXT string's characters as UTF-8,
   * so a UTF-8 "é" (two octets, as named keeps them) would become four. An escaped high byte
   * ({@code \} then the byte) becomes the same {@code \DDD}. No newline is added or removed.
   */
  static byte[] escapeHighBytes(byte[] b) {
    int high = 0;
    for (byte c : b) {
      if (c < 0) {
        high++;
      }
    }
    if (high == 0) {
      return b;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 3 * high);
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xff;
      if (c == '\\' && i + 1 < b.length && b[i + 1] < 0) {
        c = b[++i] & 0xff;
      } else if (c == '\\' && i + 1 < b.length) {
        out.write(c);
        out.write(b[++i]);
        continue;
      }
      if (c < 0x80) {
        out.write(c);
      } else {
        out.write('\\');
        out.write('0' + c / 100);
        out.write('0' + c / 10 % 10);
        out.write('0' + c % 10);
      }
    }
    return out.toByteArray();
  }

  private static byte[] stripBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return Arrays.copyOfRange(b, 3, b.length);
    }
    return b.clone();
  }

  private void run(Name startOrigin, long startTtl) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 64);
    Name origin = startOrigin;
    long defaultTtl = startTtl;
    int depth = 0;
    int line = 1;
    int i = 0;
    int copyFrom = 0;
    while (i < text.length) {
      int end = i;
      while (end < text.length && text[end] != '\n') {
        end++;
      }
      if (depth == 0) {
        int c = text[i] & 0xff;
        if (c == '$') {
          List<String> words = words(i, end);
          String directive = words.get(0).toUpperCase(Locale.ROOT);
          boolean lineCommand = directive.equals("$ORIGIN") || directive.equals("$TTL") || directive.equals("$GENERATE")
              || directive.equals("$DATE");
          if (directiveProblemLine == 0 && lineCommand && end >= text.length) {
            directiveProblemLine = line;
            directiveProblem = directive + " on the last line needs a newline after it; named refuses it"
                + " (\"extra input text\")";
          }
          if (directiveProblemLine == 0 && (directive.equals("$ORIGIN") || directive.equals("$INCLUDE"))) {
            String quoted = quotedArgument(directive, i, end);
            if (quoted != null) {
              directiveProblemLine = line;
              directiveProblem = quoted;
            }
          }
          if (directiveProblemLine == 0 && directive.equals("$ORIGIN") && words.size() > 2) {
            directiveProblemLine = line;
            directiveProblem = "$ORIGIN takes one name; named refuses the extra text '" + words.get(2) + "'";
          }
          if (directive.equals("$ORIGIN") && words.size() > 1) {
            Name next = parsedName(words.get(1), origin);
            if (next != null) {
              origin = next;
              if (firstOrigin == null) {
                firstOrigin = next;
              }
              out.writeBytes(("$ORIGIN " + origin).getBytes(StandardCharsets.ISO_8859_1));
              copyFrom = end;
            }
          } else if (directive.equals("$TTL") && words.size() > 1) {
            defaultTtl = ttlOr(words.get(1), defaultTtl);
            if (checkTtl(words.get(1), line)) {
              defaultTtl = 0; // named: "$TTL ... > MAXTTL, setting $TTL to 0"
              zero(i, end, 1);
            }
          } else if (directive.equals("$DATE")) {
            // BIND's record of when a file was dumped; dnsjava does not know it, and named reads
            // it (one time, nothing after it) but changes nothing in a zone by it.
            String problem = dateProblem(words, i, end);
            if (directiveProblemLine == 0 && problem != null) {
              directiveProblemLine = line;
              directiveProblem = problem + "; named refuses it";
            }
            copyFrom = end;
          } else if (directive.equals("$GENERATE")) {
            generates.add(
                new Generate.Line(line, new String(text, i, end - i, StandardCharsets.ISO_8859_1), origin, defaultTtl));
            copyFrom = end;
          } else if (directive.equals("$INCLUDE")) {
            String target = words.size() > 1 ? words.get(1) : "";
            Name incOrigin = words.size() > 2 ? nameOr(words.get(2), origin) : origin;
            Include inc = new Include(line, target, incOrigin, defaultTtl);
            includes.add(inc);
            long ttlAfter = after.ttlAfter(inc);
            if (ttlAfter >= 0 && ttlAfter != defaultTtl) {
              defaultTtl = ttlAfter;
              out.writeBytes(("$TTL " + ttlAfter).getBytes(StandardCharsets.ISO_8859_1));
            }
            copyFrom = end;
          }
        } else if (c != ';' && c != '\r' && c != '\n' && !(c == ' ' || c == '\t')) {
          entryLines.add(line);
          checkTtls(i, end, words(i, end), 1, line);
          checkQuotedFields(i, end, 1, line);
          checkSoaTimers(i, end, 1, line);
        } else if ((c == ' ' || c == '\t') && hasContent(i, end)) {
          entryLines.add(line);
          checkTtls(i, end, words(i, end), 0, line);
          checkQuotedFields(i, end, 0, line);
          checkSoaTimers(i, end, 0, line);
        }
      }
      int before = depth;
      depth = parens(i, end, depth);
      if (before == 0 && depth > 0) {
        openParenLine = line;
      }
      for (int[] z : zeroed) { // in line order, none before copyFrom: a rewritten line has none
        out.write(text, copyFrom, z[0] - copyFrom);
        out.write('0');
        copyFrom = z[1];
      }
      zeroed.clear();
      out.write(text, copyFrom, Math.min(text.length, end + 1) - copyFrom);
      i = end + 1;
      copyFrom = i;
      line++;
    }
    if (depth > 0) {
      unclosedParenLine = openParenLine;
    }
    findNul();
    finalTtl = defaultTtl;
    text = out.toByteArray();
    if (quotedCarriageReturn) {
      escapeQuotedCarriageReturns();
    }
  }

  /**
   * The first line with a NUL byte outside quotes and comments, or after a backslash: named refuses
   * it ("syntax error", "unexpected token"), dnsjava takes it as part of a word. 0 when there is
   * none.
   */
  int nulLine;

  private void findNul() {
    boolean quoted = false;
    int line = 1;
    for (int k = 0; k < text.length; k++) {
      int c = text[k] & 0xff;
      if (c == '\n') {
        line++;
      } else if (c == '\\' && k + 1 < text.length && text[k + 1] == 0) {
        nulLine = line; // an escaped NUL: named's text parsers see the escape end there
        return;
      } else if (c == '\\' && k + 1 < text.length && text[k + 1] != '\n') {
        k++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        while (k + 1 < text.length && text[k + 1] != '\n') {
          k++;
          if (text[k] == '\r' && k + 1 < text.length && text[k + 1] != '\n') {
            quotedCarriageReturn = true; // in a comment: see escapeQuotedCarriageReturns
          }
        }
      } else if (c == 0 && !quoted) {
        nulLine = line;
        return;
      } else if (c == '\r' && quoted && k + 1 < text.length && text[k + 1] != '\n') {
        quotedCarriageReturn = true; // rare: escapeQuotedCarriageReturns makes its own pass
      }
    }
  }

  /** See {@link #escapeQuotedCarriageReturns}; found by {@link #findNul}'s pass over every byte. */
  private boolean quotedCarriageReturn;

  /**
   * A carriage return inside quotes that does not end the line is a character of the string to
   * named ({@code "a\rb"} is the TXT string a, octet 13, b), and one in a comment is part of the
   * comment; dnsjava's tokenizer takes either for a line break (found by fuzzing). It is written
   * as the escape {@code \013} in quotes and as a blank in a comment, which dnsjava reads as
   * named reads the byte; lines stay where they are.
   */
  private void escapeQuotedCarriageReturns() {
    ByteArrayOutputStream out = null;
    boolean quoted = false;
    int copied = 0;
    for (int k = 0; k < text.length; k++) {
      int c = text[k] & 0xff;
      if (c == '\\' && k + 1 < text.length && text[k + 1] != '\n') {
        k++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        quoted = false; // a string does not go on past its line
      } else if (c == ';' && !quoted) {
        // A comment runs to the line feed; a CR in it ends nothing for named, so it is a blank.
        while (k + 1 < text.length && text[k + 1] != '\n') {
          k++;
          if (text[k] == '\r' && k + 1 < text.length && text[k + 1] != '\n') {
            out = replace(out, k, " ", copied);
            copied = k + 1;
          }
        }
      } else if (c == '\r' && quoted && k + 1 < text.length && text[k + 1] != '\n') {
        out = replace(out, k, "\\013", copied);
        copied = k + 1;
      }
    }
    if (out != null) {
      out.write(text, copied, text.length - copied);
      text = out.toByteArray();
    }
  }

  /** {@code out} (made on first use) with the text from {@code copied} to {@code k} and {@code with}. */
  private ByteArrayOutputStream replace(ByteArrayOutputStream out, int k, String with, int copied) {
    if (out == null) {
      out = new ByteArrayOutputStream(text.length + 16);
    }
    out.write(text, copied, k - copied);
    out.writeBytes(with.getBytes(StandardCharsets.ISO_8859_1));
    return out;
  }

  private int openParenLine;

  /**
   * The first line where a TTL, class or type is written in quotes, which named refuses ("unbalanced
   * quotes") and dnsjava reads; 0 when there is none. An owner or rdata may be quoted.
   */
  int quotedFieldLine;

  private void checkQuotedFields(int from, int to, int first, int line) {
    if (quotedFieldLine != 0) {
      return;
    }
    String s = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    int semi = s.indexOf(';');
    String[] raw = (semi >= 0 && s.indexOf('"') < 0 ? s.substring(0, semi) : s).trim().split("[ \t\r]+");
    for (int k = first; k < Math.min(raw.length, first + 3); k++) {
      String w = raw[k];
      if (w.startsWith("\"")) {
        quotedFieldLine = line;
        return;
      }
      boolean ttlOrClass = DClass.value(w) >= 0 || (!w.isEmpty() && Character.isDigit(w.charAt(0)));
      if (!ttlOrClass) {
        return; // the type: what follows is rdata
      }
    }
  }

  /**
   * An SOA's refresh, retry, expire and minimum are read by named with the TTL grammar ({@link
   * #isBindTtl}); dnsjava also takes {@code 1209m600}. The SOA's rdata may run over several lines
   * in parentheses, so its words are taken from the text after the type, comments skipped.
   */
  private void checkSoaTimers(int from, int to, int first, int line) {
    if (badTtlLine != 0) {
      return;
    }
    List<String> w = words(from, to);
    int k = first;
    while (k < w.size() && k < first + 2
        && (DClass.value(w.get(k)) >= 0 || (!w.get(k).isEmpty() && Character.isDigit(w.get(k).charAt(0))))) {
      k++;
    }
    if (k >= w.size() || !w.get(k).equalsIgnoreCase("SOA")) {
      return;
    }
    // The position just after the word SOA on this line.
    int at = from;
    for (int n = 0; n <= k; n++) {
      while (at < to && (text[at] == ' ' || text[at] == '\t' || text[at] == '(' || text[at] == ')')) {
        at++;
      }
      while (at < to && text[at] != ' ' && text[at] != '\t' && text[at] != '(' && text[at] != ')') {
        at++;
      }
    }
    int ln = line;
    List<String> fields = new ArrayList<>();
    List<Integer> fieldLines = new ArrayList<>();
    int depth = 0;
    StringBuilder word = new StringBuilder();
    for (int p = at; p < text.length && fields.size() < 7; p++) {
      int c = text[p] & 0xff;
      boolean end = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')' || c == ';';
      if (!end) {
        word.append((char) c);
        continue;
      }
      if (word.length() > 0) {
        fields.add(word.toString());
        fieldLines.add(ln);
        word.setLength(0);
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ';') {
        while (p + 1 < text.length && text[p + 1] != '\n') {
          p++;
        }
      } else if (c == '\n') {
        ln++;
        if (depth <= 0) {
          break;
        }
      }
    }
    for (int f = 3; f < fields.size(); f++) {
      String v = fields.get(f);
      if (!v.isEmpty() && Character.isDigit(v.charAt(0)) && !isBindTtl(v)) {
        badTtlLine = fieldLines.get(f);
        badTtl = v;
        return;
      }
    }
  }

  /** True when the line holds something before its comment. */
  private boolean hasContent(int from, int to) {
    for (int k = from; k < to; k++) {
      int c = text[k] & 0xff;
      if (c == ';') {
        return false;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  /** Parenthesis depth after the line, skipping quoted strings, escapes and comments. */
  private int parens(int from, int to, int depth) {
    boolean quoted = false;
    for (int k = from; k < to; k++) {
      int c = text[k] & 0xff;
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        break;
      } else if (!quoted && c == '(') {
        depth++; // named and dnsjava both count nested parentheses
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      } else if (!quoted && c == ')' && strayCloseLine == 0) {
        strayCloseLine = lineOf(k);
      }
    }
    return depth;
  }

  /**
   * The first line with a closing parenthesis and none open, which named refuses ("unbalanced
   * parentheses"); 0 when there is none. dnsjava refuses one in a record too, but a directive
   * line is rewritten before dnsjava reads it (found by fuzzing: {@code $ORIGIN sub )}).
   */
  int strayCloseLine;

  /** The line of byte {@code k}: counted only for the rare stray parenthesis. */
  private int lineOf(int k) {
    int line = 1;
    for (int i = 0; i < k; i++) {
      if (text[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * named reads {@code $ORIGIN}'s name and {@code $INCLUDE}'s origin as plain words: a quote there
   * ({@code $ORIGIN "sub"}, {@code sub"x}, {@code $INCLUDE f.db "sub"}) is a syntax error to it.
   * Only {@code $INCLUDE}'s file name may be quoted. Null when the line has no such quote.
   */
  private String quotedArgument(String directive, int from, int to) {
    String raw = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    // Where the words start: after the directive, and for $INCLUDE after the file name too.
    int k = directive.length();
    if (directive.equals("$INCLUDE")) {
      while (k < raw.length() && (raw.charAt(k) == ' ' || raw.charAt(k) == '\t')) {
        k++;
      }
      if (k < raw.length() && raw.charAt(k) == '"') {
        int close = raw.indexOf('"', k + 1);
        k = close < 0 ? raw.length() : close + 1;
      } else {
        while (k < raw.length() && " \t;\r".indexOf(raw.charAt(k)) < 0) {
          k++;
        }
      }
    }
    for (; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c == ';') {
        return null; // a comment: anything goes
      }
      if (c == '"') {
        return directive + (directive.equals("$ORIGIN") ? "'s name" : "'s origin")
            + " is a plain name, not quoted; named refuses the quote (\"syntax error\")";
      }
    }
    return null;
  }

  /**
   * What named finds wrong with a {@code $DATE} line ({@code dns_time64_fromtext}, then the
   * epoch check of its loader), or null: one unquoted time of 14 digits, {@code YYYYMMDDHHMMSS},
   * a real date with second 60 allowed, between 1970 and the end of 32-bit seconds in 2106, and
   * nothing after it but a comment.
   */
  private String dateProblem(List<String> words, int from, int to) {
    if (words.size() < 2) {
      return "$DATE needs a time (YYYYMMDDHHMMSS)";
    }
    String raw = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    int semi = raw.indexOf(';');
    if ((semi < 0 ? raw : raw.substring(0, semi)).indexOf('"') >= 0) {
      return "$DATE's time is not quoted";
    }
    if (words.size() > 2) {
      return "$DATE takes one time; extra text '" + words.get(2) + "'";
    }
    String t = words.get(1);
    if (!t.matches("[0-9]{14}")) {
      return "$DATE " + t + " is not a time (YYYYMMDDHHMMSS)";
    }
    int year = Integer.parseInt(t.substring(0, 4));
    int month = Integer.parseInt(t.substring(4, 6));
    int day = Integer.parseInt(t.substring(6, 8));
    int hour = Integer.parseInt(t.substring(8, 10));
    int minute = Integer.parseInt(t.substring(10, 12));
    int second = Integer.parseInt(t.substring(12, 14));
    if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
        || hour > 23 || minute > 59 || second > 60) {
      return "$DATE " + t + " is out of range";
    }
    long epoch = LocalDateTime.of(year, month, day, hour, minute, 0)
        .toEpochSecond(ZoneOffset.UTC) + second;
    if (epoch < 0 || epoch > 0xFFFFFFFFL) {
      return "$DATE " + t + " is outside the epoch (1970 to 2106)";
    }
    return null;
  }

  /**
   * The words of a directive line, before its comment; quotes removed. Words are separated by
   * blanks, tabs and CRs only, as named's lexer separates them, and parentheses, which group
   * words for it ({@code $ORIGIN ( sub )} is {@code $ORIGIN sub}): a control character such as FS
   * (0x1C), which Java counts as whitespace, is part of a word ({@code $ORIGIN\u001Csub} is a
   * directive named does not know, not {@code $ORIGIN sub}).
   */
  private List<String> words(int from, int to) {
    String s = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        break;
      } else if (!quoted && (c == ' ' || c == '\t' || c == '\r' || c == '(' || c == ')')) {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  private static Name nameOr(String s, Name origin) {
    try {
      return Name.fromString(s, origin);
    } catch (TextParseException | RuntimeException e) {
      return origin; // dnsjava reports the bad name at this line when it parses the file
    }
  }

  /** The name as BIND reads it after {@code $ORIGIN} ({@code @} is the current origin), or null. */
  private static Name parsedName(String s, Name origin) {
    try {
      return Name.fromString(s, origin);
    } catch (TextParseException | RuntimeException e) {
      return null; // dnsjava reports the bad name at this line when it parses the file
    }
  }

  /**
   * The TTL and class may come in either order after the owner: look at both places, up to the
   * type (a word after it is rdata, such as an address).
   */
  private void checkTtls(int from, int to, List<String> words, int first, int line) {
    for (int k = first; k < Math.min(words.size(), first + 2); k++) {
      String w = words.get(k);
      if (DClass.value(w) >= 0) {
        continue;
      }
      if (w.isEmpty() || !Character.isDigit(w.charAt(0))) {
        return; // the type, or something dnsjava refuses itself
      }
      if (checkTtl(w, line)) {
        zero(from, to, k);
      }
    }
  }

  /** Whether the word is a TTL above 2^31-1 that named reads (as 0); counted when it is. */
  private boolean checkTtl(String word, int line) {
    if (word.isEmpty() || !Character.isDigit(word.charAt(0))) {
      return false;
    }
    if (badTtlLine == 0 && !isBindTtl(word)) {
      badTtlLine = line;
      badTtl = word;
      return false;
    }
    long v;
    try {
      v = TTL.parse(word, false);
    } catch (RuntimeException e) {
      return false; // not a TTL (a type, a number dnsjava refuses itself)
    }
    if (v <= 0x7FFFFFFFL) {
      return false;
    }
    if (ttlAboveMaxCount++ == 0) {
      ttlAboveMaxLine = line;
      ttlAboveMax = word;
    }
    return true;
  }

  /**
   * Word {@code k} of the line {@code [from, to)}, counted as {@link #words} counts them, is to be
   * written as 0 in the text dnsjava reads (a TTL is never quoted, so it stands as written).
   */
  private void zero(int from, int to, int k) {
    boolean quoted = false;
    int n = 0;
    int start = -1;
    for (int p = from; p <= to; p++) {
      int c = p < to ? text[p] & 0xff : ' ';
      boolean blank = !quoted && (c == ' ' || c == '\t' || c == '\r' || c == '(' || c == ')' || c == ';');
      if (c == '"') {
        quoted = !quoted;
      }
      if (!blank && start < 0) {
        start = p;
      } else if (blank && start >= 0) {
        if (n++ == k) {
          zeroed.add(new int[] {start, p});
          return;
        }
        start = -1;
      }
      if (!quoted && c == ';') {
        return;
      }
    }
  }

  /**
   * A TTL as BIND's {@code dns_ttl_fromtext} reads it: plain digits (at most 2^32-1), or one or
   * more groups of digits each followed by a unit {@code w d h m s} in either case. dnsjava also
   * takes a unit without digits ({@code 1hm}) and digits after the last unit ({@code 1h30}).
   */
  static boolean isBindTtl(String w) {
    int k = 0;
    int n = w.length();
    boolean units = false;
    while (k < n) {
      int start = k;
      while (k < n && w.charAt(k) >= '0' && w.charAt(k) <= '9') {
        k++;
      }
      if (k == start || k - start > 10 || Long.parseLong(w.substring(start, k)) > 0xFFFFFFFFL) {
        return false;
      }
      if (k == n) {
        return !units;
      }
      if ("wdhmsWDHMS".indexOf(w.charAt(k)) < 0) {
        return false;
      }
      units = true;
      k++;
    }
    return true;
  }

  private static long ttlOr(String s, long fallback) {
    try {
      return TTL.parseTTL(s);
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
