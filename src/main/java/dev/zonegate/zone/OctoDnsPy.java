package dev.zonegate.zone;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values octoDNS works with, as Python holds them once PyYAML has loaded a file, and the few
 * Python operations octoDNS applies to them: {@code str()}, {@code int()}, {@code float()},
 * truth, dict keys that compare as Python compares them ({@code 1}, {@code 1.0} and {@code True}
 * are one key), and the orders {@code enforce_order} checks (natsort's natural key, or plain
 * Python comparison).
 *
 * <p>Every value read from the file carries the line it starts on, so any problem octoDNS would
 * raise about it can name that line.
 */
final class OctoDnsPy {
  private OctoDnsPy() {}

  /** A Python exception octoDNS does not catch: the load fails, lenient or not. */
  static final class Raised extends Exception {
    private static final long serialVersionUID = 1L;
    final String kind;
    /** Where in the file, when known (0 otherwise): the value it is about. */
    final int line;
    /** The message is a sentence for a user, not Python's own words. */
    final boolean explained;

    Raised(String kind, String message) {
      this(kind, message, 0, false);
    }

    private Raised(String kind, String message, int line, boolean explained) {
      // Python control flow (a KeyError caught for a missing key) happens per record: no stack.
      super(message, null, false, false);
      this.kind = kind;
      this.line = line;
      this.explained = explained;
    }

    boolean is(String k) {
      return kind.equals(k);
    }

    /** The same exception, placed at {@code at} and explained by {@code what}; once only. */
    Raised at(Py at, String what) {
      if (explained) {
        return this;
      }
      String why = kind.equals("Exception") ? "" : " (octoDNS fails: " + kind + ": " + getMessage() + ")";
      return new Raised(kind, what + why, at == null ? 0 : at.line(), true);
    }
  }

  /** Python iteration: a list's items, a str's characters, a dict's keys; TypeError for anything else. */
  static List<Py> iterate(Py v) throws Raised {
    if (v instanceof PyList l) {
      return l.items;
    }
    if (v instanceof Str s) {
      List<Py> chars = new ArrayList<>();
      s.v().codePoints().forEach(cp -> chars.add(new Str(new String(Character.toChars(cp)), s.line())));
      return chars;
    }
    if (v instanceof PyDict d) {
      List<Py> keys = new ArrayList<>();
      d.map.values().forEach(e -> keys.add(e.key));
      return keys;
    }
    throw typeError("'" + typeName(v) + "' object is not iterable");
  }

  static Raised typeError(String message) {
    return new Raised("TypeError", message);
  }

  static Raised valueError(String message) {
    return new Raised("ValueError", message);
  }

  /** A Python value. {@code line} is where it starts in the file, 0 when it was computed. */
  sealed interface Py permits Str, Int, Flt, Bool, None, PyList, PyDict, Date, DateTime, Bytes {
    int line();
  }

  record Str(String v, int line) implements Py {}

  record Int(BigInteger v, int line) implements Py {}

  record Flt(double v, int line) implements Py {}

  record Bool(boolean v, int line) implements Py {}

  record None(int line) implements Py {}

  /** A Python date ({@code 2002-12-14}). */
  record Date(int year, int month, int day, int line) implements Py {}

  /**
   * A Python datetime; {@code offsetMinutes} null when naive. Only what {@code str()} and
   * comparison need is kept.
   */
  record DateTime(
      int year, int month, int day, int hour, int minute, int second, int micro,
      Integer offsetMinutes, int line) implements Py {}

  record Bytes(byte[] v, int line) implements Py {}

  /** A Python list; mutable, as octoDNS mutates what it loaded. */
  static final class PyList implements Py {
    final List<Py> items;
    final int line;

    PyList(List<Py> items, int line) {
      this.items = items;
      this.line = line;
    }

    @Override
    public int line() {
      return line;
    }
  }

  /** One key of a dict: the key as first written, its value as last written, and their lines. */
  static final class Entry {
    final Py key;
    Py value;
    int keyLine;
    /** Written in the map itself, not only brought in by a merge key. */
    boolean written;

    Entry(Py key, Py value, int keyLine) {
      this(key, value, keyLine, true);
    }

    Entry(Py key, Py value, int keyLine, boolean written) {
      this.key = key;
      this.value = value;
      this.keyLine = keyLine;
      this.written = written;
    }
  }

  /** A Python dict (insertion-ordered, Python key equality); mutable like octoDNS's. */
  static final class PyDict implements Py {
    final LinkedHashMap<Key, Entry> map = new LinkedHashMap<>();
    final int line;

    PyDict(int line) {
      this.line = line;
    }

    @Override
    public int line() {
      return line;
    }

    /** {@code d.get(k)} for a str key; null when absent (Python's None default is the caller's). */
    Py get(String key) {
      Entry e = map.get(new Key(new Str(key, 0)));
      return e == null ? null : e.value;
    }

    boolean has(String key) {
      return map.containsKey(new Key(new Str(key, 0)));
    }

    void put(String key, Py value) {
      Key k = new Key(new Str(key, 0));
      Entry e = map.get(k);
      if (e == null) {
        map.put(k, new Entry(k.py, value, value.line()));
      } else {
        e.value = value;
      }
    }

    int size() {
      return map.size();
    }
  }

  /** A dict key with Python's equality and hash: numbers by value, strings by text, and so on. */
  static final class Key {
    final Py py;

    Key(Py py) {
      this.py = py;
    }

    /** The number a numeric key stands for (bool and integral float as int), else null. */
    private Object number() {
      if (py instanceof Bool b) {
        return b.v() ? BigInteger.ONE : BigInteger.ZERO;
      }
      if (py instanceof Int i) {
        return i.v();
      }
      if (py instanceof Flt f) {
        double d = f.v();
        if (Double.isFinite(d) && d == Math.rint(d)) {
          return new BigDecimal(d).toBigIntegerExact();
        }
        return d;
      }
      return null;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Py a = py;
      Py b = ((Key) o).py;
      if (a == b) {
        return true; // identity first, as Python's dict does (a NaN key finds itself)
      }
      Object na = number();
      Object nb = ((Key) o).number();
      if (na != null || nb != null) {
        return na != null && nb != null && na.equals(nb) && !(na instanceof Double d && d.isNaN());
      }
      if (a instanceof Str sa && b instanceof Str sb) {
        return sa.v().equals(sb.v());
      }
      if (a instanceof None && b instanceof None) {
        return true;
      }
      if (a instanceof Bytes ba && b instanceof Bytes bb) {
        return Arrays.equals(ba.v(), bb.v());
      }
      if (a instanceof Date da && b instanceof Date db) {
        return da.year() == db.year() && da.month() == db.month() && da.day() == db.day();
      }
      if (a instanceof DateTime da && b instanceof DateTime db) {
        if ((da.offsetMinutes() == null) != (db.offsetMinutes() == null)) {
          return false;
        }
        return instant(da).equals(instant(db));
      }
      return false;
    }

    @Override
    public int hashCode() {
      Object n = number();
      if (n != null) {
        return n.hashCode();
      }
      if (py instanceof Str s) {
        return s.v().hashCode();
      }
      if (py instanceof None) {
        return 7;
      }
      if (py instanceof Bytes b) {
        return Arrays.hashCode(b.v());
      }
      if (py instanceof Date d) {
        return d.year() * 400 + d.month() * 32 + d.day();
      }
      if (py instanceof DateTime d) {
        return instant(d).hashCode();
      }
      return System.identityHashCode(py);
    }
  }

  /** Whether Python can use {@code v} as a dict key. */
  static boolean hashable(Py v) {
    return !(v instanceof PyList) && !(v instanceof PyDict);
  }

  private static BigInteger instant(DateTime d) {
    long days = LocalDate.of(d.year(), d.month(), d.day()).toEpochDay();
    long micros =
        ((days * 86400L + d.hour() * 3600L + d.minute() * 60L + d.second()) * 1_000_000L) + d.micro();
    if (d.offsetMinutes() != null) {
      micros -= d.offsetMinutes() * 60_000_000L;
    }
    return BigInteger.valueOf(micros);
  }

  // ---------------------------------------------------------------- str(), repr(), truth

  /** Python's {@code str(v)}. */
  static String str(Py v) {
    if (v instanceof Str s) {
      return s.v();
    }
    return repr(v);
  }

  /** Python's {@code repr(v)} (for a str: quoted, as in a list's printout). */
  static String repr(Py v) {
    if (v instanceof Str s) {
      return reprStr(s.v());
    }
    if (v instanceof Int i) {
      return i.v().toString();
    }
    if (v instanceof Flt f) {
      return reprFloat(f.v());
    }
    if (v instanceof Bool b) {
      return b.v() ? "True" : "False";
    }
    if (v instanceof None) {
      return "None";
    }
    if (v instanceof Date d) {
      return String.format(Locale.ROOT, "%04d-%02d-%02d", d.year(), d.month(), d.day());
    }
    if (v instanceof DateTime d) {
      StringBuilder out =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d",
                  d.year(), d.month(), d.day(), d.hour(), d.minute(), d.second()));
      if (d.micro() != 0) {
        out.append(String.format(Locale.ROOT, ".%06d", d.micro()));
      }
      if (d.offsetMinutes() != null) {
        int m = d.offsetMinutes();
        out.append(m < 0 ? '-' : '+');
        m = Math.abs(m);
        out.append(String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60));
      }
      return out.toString();
    }
    if (v instanceof Bytes b) {
      return reprBytes(b.v());
    }
    StringBuilder out = new StringBuilder();
    container(v, out);
    return out.toString();
  }

  /** The most text a list or map may print as: aliases can make a small file print as gigabytes. */
  static final int MAX_REPR = 1 << 20;

  /** A list or map too large to print; octoDNS would be printing it for minutes. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("a list or map in the file expands to more than " + MAX_REPR + " characters", null, false, false);
    }
  }

  private static void container(Py v, StringBuilder out) {
    if (out.length() > MAX_REPR) {
      throw new TooLarge();
    }
    if (v instanceof PyList l) {
      out.append('[');
      for (int i = 0; i < l.items.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        element(l.items.get(i), out);
      }
      out.append(']');
    } else if (v instanceof PyDict d) {
      out.append('{');
      boolean first = true;
      for (Entry e : d.map.values()) {
        out.append(first ? "" : ", ");
        first = false;
        element(e.key, out);
        out.append(": ");
        element(e.value, out);
      }
      out.append('}');
    } else {
      out.append(repr(v));
    }
  }

  private static void element(Py v, StringBuilder out) {
    if (v instanceof PyList || v instanceof PyDict) {
      container(v, out);
    } else {
      out.append(repr(v));
    }
  }

  static String reprStr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
              } else if (cp == '\t') {
                out.append("\\t");
              } else if (cp == '\n') {
                out.append("\\n");
              } else if (cp == '\r') {
                out.append("\\r");
              } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", cp));
              } else if (cp > 0x7f && !printable(cp)) {
                out.append(
                    cp <= 0xff
                        ? String.format(Locale.ROOT, "\\x%02x", cp)
                        : cp <= 0xffff
                            ? String.format(Locale.ROOT, "\\u%04x", cp)
                            : String.format(Locale.ROOT, "\\U%08x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append(quote).toString();
  }

  /** Python's {@code str.isprintable} for one code point (space counts, other separators not). */
  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static String reprBytes(byte[] b) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte x : b) {
      hasSingle |= x == '\'';
      hasDouble |= x == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder out = new StringBuilder("b").append(quote);
    for (byte x : b) {
      int c = x & 0xff;
      if (c == quote || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c >= 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else {
        out.append((char) c);
      }
    }
    return out.append(quote).toString();
  }

  /** Python's {@code repr(float)}: the shortest digits that read back to the same double. */
  static String reprFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = null;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(r.toString()) == d) {
        shortest = r;
        break;
      }
    }
    if (shortest == null) {
      shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
    BigDecimal abs = shortest.abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    int exponent = digits.length() - 1 - abs.scale(); // position of the first digit
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = abs.toPlainString();
      if (plain.indexOf('.') < 0) {
        plain += ".0";
      }
      return sign + plain;
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }

  /** Python truth. */
  static boolean truthy(Py v) {
    if (v == null || v instanceof None) {
      return false;
    }
    if (v instanceof Bool b) {
      return b.v();
    }
    if (v instanceof Int i) {
      return i.v().signum() != 0;
    }
    if (v instanceof Flt f) {
      return f.v() != 0;
    }
    if (v instanceof Str s) {
      return !s.v().isEmpty();
    }
    if (v instanceof Bytes b) {
      return b.v().length > 0;
    }
    if (v instanceof PyList l) {
      return !l.items.isEmpty();
    }
    if (v instanceof PyDict d) {
      return d.size() > 0;
    }
    return true;
  }

  private static final Map<Class<?>, String> TYPE_NAMES =
      Map.of(
          Str.class, "str", Int.class, "int", Flt.class, "float", Bool.class, "bool", None.class, "NoneType",
          Date.class, "date", DateTime.class, "datetime", Bytes.class, "bytes", PyList.class, "list",
          PyDict.class, "dict");

  /** Python's name for the type of {@code v}, for messages. */
  static String typeName(Py v) {
    return v == null ? "NoneType" : TYPE_NAMES.get(v.getClass());
  }

  // ---------------------------------------------------------------- int(), float()

  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}(?:_?\\p{Nd})*");

  /**
   * Python's {@code int(v)}. A ValueError is the error octoDNS's validators catch and report; a
   * TypeError or OverflowError they do not catch.
   */
  static BigInteger integer(Py v) throws Raised {
    if (v instanceof Int i) {
      return i.v();
    }
    if (v instanceof Bool b) {
      return b.v() ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (v instanceof Flt f) {
      if (Double.isNaN(f.v())) {
        throw valueError("cannot convert float NaN to integer");
      }
      if (Double.isInfinite(f.v())) {
        throw new Raised("OverflowError", "cannot convert float infinity to integer");
      }
      return new BigDecimal(f.v()).toBigInteger();
    }
    if (v instanceof Str s) {
      BigInteger r = parseInt(s.v());
      if (r == null) {
        throw valueError("invalid literal for int() with base 10: " + reprStr(s.v()));
      }
      return r;
    }
    if (v instanceof Bytes b) {
      String ascii = new String(b.v(), StandardCharsets.ISO_8859_1);
      BigInteger r = ascii.chars().allMatch(c -> c < 0x80) ? parseInt(ascii) : null;
      if (r == null) {
        throw valueError("invalid literal for int() with base 10: " + reprBytes(b.v()));
      }
      return r;
    }
    throw typeError(
        "int() argument must be a string, a bytes-like object or a real number, not '"
            + typeName(v) + "'");
  }

  /** Python's {@code int(str)} in base 10, or null where Python raises ValueError. */
  static BigInteger parseInt(String text) {
    String s = strip(text);
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    if (!DIGITS.matcher(body).matches()) {
      return null;
    }
    StringBuilder ascii = new StringBuilder();
    body.codePoints().filter(c -> c != '_').forEach(c -> ascii.append((char) ('0' + Character.digit(c, 10))));
    BigInteger r = new BigInteger(ascii.toString());
    return negative ? r.negate() : r;
  }

  private static final Pattern FLOAT_TEXT =
      Pattern.compile(
          "[+-]?(?:(?:\\p{Nd}(?:_?\\p{Nd})*)?\\.?(?:\\p{Nd}(?:_?\\p{Nd})*)?(?:[eE][+-]?\\p{Nd}(?:_?\\p{Nd})*)?"
              + "|(?i:inf|infinity|nan))");

  /** Python's {@code float(v)}; ValueError for text Python would not read as a number. */
  static double floating(Py v) throws Raised {
    if (v instanceof Flt f) {
      return f.v();
    }
    if (v instanceof Int i) {
      double d = i.v().doubleValue();
      if (Double.isInfinite(d)) {
        throw new Raised("OverflowError", "int too large to convert to float");
      }
      return d;
    }
    if (v instanceof Bool b) {
      return b.v() ? 1 : 0;
    }
    if (v instanceof Str s) {
      String t = strip(s.v());
      Matcher m = FLOAT_TEXT.matcher(t);
      boolean hasDigit = t.codePoints().anyMatch(Character::isDigit);
      String lower = t.toLowerCase(Locale.ROOT);
      if (m.matches() && (hasDigit || lower.matches("[+-]?(inf|infinity|nan)"))) {
        String unsigned = lower.replaceFirst("^[+-]", "");
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
          return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
          return Double.NaN;
        }
        StringBuilder ascii = new StringBuilder();
        t.codePoints()
            .filter(c -> c != '_')
            .forEach(c -> ascii.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : (char) c));
        String a = ascii.toString();
        // A mantissa needs a digit: "." or "e5" alone are not numbers.
        String mantissa = a.replaceFirst("[eE].*$", "");
        if (mantissa.chars().noneMatch(Character::isDigit)) {
          throw valueError("could not convert string to float: " + reprStr(s.v()));
        }
        return Double.parseDouble(a);
      }
      throw valueError("could not convert string to float: " + reprStr(s.v()));
    }
    throw typeError("float() argument must be a string or a real number, not '" + typeName(v) + "'");
  }

  /** Python's {@code str.strip()}: Unicode whitespace off both ends. */
  static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
  }

  /** Python's {@code str.lower()}. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- key order

  /** An incomparable pair in a sort: Python raises TypeError. */
  static final class Incomparable extends Exception {
    private static final long serialVersionUID = 1L;

    Incomparable(String message) {
      super(message);
    }
  }

  /**
   * Compares two keys as octoDNS's {@code enforce_order} does: by natsort's natural key
   * ({@code natural}) or by plain Python comparison ({@code simple}).
   */
  static int compareKeys(Py a, Py b, boolean natural) throws Incomparable {
    if (natural) {
      return compareTuples(natKey(a), natKey(b));
    }
    return compareValues(a, b);
  }

  /**
   * natsort's default key: a str is NFD-normalised and split into text and runs of digits (as
   * ints), with {@code ''} first when it starts with a digit; a number n is {@code ('', n)};
   * None and NaN are {@code ('', -inf)}.
   */
  static List<Object> natKey(Py v) {
    List<Object> out = new ArrayList<>();
    if (v instanceof Str s) {
      String t = Normalizer.normalize(s.v(), Normalizer.Form.NFD);
      int i = 0;
      while (i < t.length()) {
        int cp = t.codePointAt(i);
        int j = i;
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
          StringBuilder digits = new StringBuilder();
          while (j < t.length() && Character.getType(t.codePointAt(j)) == Character.DECIMAL_DIGIT_NUMBER) {
            digits.append((char) ('0' + Character.digit(t.codePointAt(j), 10)));
            j += Character.charCount(t.codePointAt(j));
          }
          addNumber(out, new BigInteger(digits.toString()));
        } else if (otherDigit(cp) >= 0) {
          addNumber(out, BigInteger.valueOf(otherDigit(cp)));
          j += Character.charCount(cp);
        } else {
          StringBuilder text = new StringBuilder();
          while (j < t.length()) {
            int c = t.codePointAt(j);
            if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER || otherDigit(c) >= 0) {
              break;
            }
            text.appendCodePoint(c);
            j += Character.charCount(c);
          }
          out.add(text.toString());
        }
        i = j;
      }
      return out;
    }
    if (v instanceof Bytes b) {
      out.add(b);
      return out;
    }
    out.add("");
    if (v instanceof None || (v instanceof Flt f && Double.isNaN(f.v()))) {
      out.add(Double.NEGATIVE_INFINITY);
    } else if (v instanceof Int i) {
      out.add(i.v());
    } else if (v instanceof Bool b) {
      out.add(b.v() ? BigInteger.ONE : BigInteger.ZERO);
    } else if (v instanceof Flt f) {
      out.add(f.v());
    } else {
      out.add(v); // dates: only comparable with dates
    }
    return out;
  }

  /** A number joins the key after text; natsort puts '' first or between two numbers. */
  private static void addNumber(List<Object> out, BigInteger n) {
    if (out.isEmpty() || !(out.get(out.size() - 1) instanceof String)) {
      out.add("");
    }
    out.add(n);
  }

  /** A digit-valued character that is not a decimal digit (superscript 2, circled 3), or -1. */
  private static int otherDigit(int cp) {
    if (Character.getType(cp) == Character.OTHER_NUMBER) {
      int n = Character.getNumericValue(cp);
      return n >= 0 && n <= 9 ? n : -1;
    }
    return -1;
  }

  private static int compareTuples(List<Object> a, List<Object> b) throws Incomparable {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compareParts(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareParts(Object a, Object b) throws Incomparable {
    if (a instanceof String sa && b instanceof String sb) {
      return compareCodePoints(sa, sb);
    }
    if ((a instanceof BigInteger || a instanceof Double) && (b instanceof BigInteger || b instanceof Double)) {
      return compareNumbers(a, b);
    }
    if (a instanceof Py pa && b instanceof Py pb) {
      return compareValues(pa, pb);
    }
    if (a instanceof Bytes ba && b instanceof Bytes bb) {
      return Arrays.compareUnsigned(ba.v(), bb.v());
    }
    throw new Incomparable("'<' not supported between these keys");
  }

  private static int compareNumbers(Object a, Object b) {
    if (a instanceof BigInteger ia && b instanceof BigInteger ib) {
      return ia.compareTo(ib);
    }
    double da = a instanceof Double d ? d : Double.NaN;
    double db = b instanceof Double d ? d : Double.NaN;
    if (a instanceof Double && b instanceof Double) {
      return Double.compare(da, db) == 0 ? 0 : da < db ? -1 : da > db ? 1 : 0;
    }
    // one int, one float: compare exactly
    double f = a instanceof Double ? da : db;
    BigInteger i = a instanceof BigInteger x ? x : (BigInteger) b;
    int c;
    if (Double.isNaN(f)) {
      c = 0; // NaN compares false both ways: not out of order
    } else if (Double.isInfinite(f)) {
      c = f > 0 ? 1 : -1;
    } else {
      c = new BigDecimal(f).compareTo(new BigDecimal(i));
    }
    return a instanceof Double ? c : -c;
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Python's {@code a < b} as a three-way comparison; Incomparable where Python raises. */
  static int compareValues(Py a, Py b) throws Incomparable {
    Object na = numberOf(a);
    Object nb = numberOf(b);
    if (na != null && nb != null) {
      return compareNumbers(na, nb);
    }
    if (a instanceof Str sa && b instanceof Str sb) {
      return compareCodePoints(sa.v(), sb.v());
    }
    if (a instanceof Bytes ba && b instanceof Bytes bb) {
      return Arrays.compareUnsigned(ba.v(), bb.v());
    }
    if (a instanceof Date da && b instanceof Date db) {
      return LocalDate.of(da.year(), da.month(), da.day())
          .compareTo(LocalDate.of(db.year(), db.month(), db.day()));
    }
    if (a instanceof DateTime da && b instanceof DateTime db
        && (da.offsetMinutes() == null) == (db.offsetMinutes() == null)) {
      return instant(da).compareTo(instant(db));
    }
    throw new Incomparable(
        "'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
  }

  private static Object numberOf(Py v) {
    if (v instanceof Int i) {
      return i.v();
    }
    if (v instanceof Bool b) {
      return b.v() ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (v instanceof Flt f) {
      return f.v();
    }
    return null;
  }
}
