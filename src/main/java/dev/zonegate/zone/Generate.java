package dev.zonegate.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TTL;
import org.xbill.DNS.Type;

/**
 * BIND's {@code $GENERATE range lhs [ttl] [class] type rhs}, read as named's master.c reads it,
 * since dnsjava's Generator knows only a few types and fewer modifiers. The range is {@code
 * start-stop[/step]}; {@code lhs} and {@code rhs} are one token each (quote an rhs with blanks);
 * in both, {@code $} is the counter, {@code ${offset[,width[,base]]}} formats it (base d, o, x, X,
 * or n/N for nibbles in reverse order, as in ip6.arpa names), {@code $$} is a dollar sign and a
 * backslash keeps the next character as it is. named does not apply check-names to the records it
 * generates, so neither does zonegate. It expands nothing itself: {@link #name} gives one line's
 * text, and the reader parses it.
 */
final class Generate {
  /** One {@code $GENERATE} line as written, with the origin and default TTL in force there. */
  record Line(int line, String text, Name origin, long defaultTtl) {}

  /** A problem with the line, in named's words where it has some. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  final long start;
  final long stop;
  final long step;
  final String lhs;
  final long ttl;
  final int type;
  final String rhs;

  private static final Pattern RANGE = Pattern.compile("^([+-]?\\d+)-([+-]?\\d+)(?:(/)([+-]?\\d+)?)?");

  private Generate(long start, long stop, long step, String lhs, long ttl, int type, String rhs) {
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.lhs = lhs;
    this.ttl = ttl;
    this.type = type;
    this.rhs = rhs;
  }

  long count() {
    return (stop - start) / step + 1;
  }

  /**
   * Parses the directive's words; {@code fallbackTtl} is the TTL when the line gives none and
   * there is no {@code $TTL} (the previous record's, as named takes it), or -1.
   */
  static Generate parse(Line l, long fallbackTtl) throws Problem {
    List<String> w = tokens(l.text());
    if (w.size() < 4) {
      throw new Problem("$GENERATE needs a range, a left-hand side, a type and a right-hand side");
    }
    Matcher m = RANGE.matcher(w.get(1));
    if (!m.find() || (m.group(3) != null && m.group(4) == null)) {
      throw new Problem("$GENERATE: invalid range '" + w.get(1) + "'");
    }
    long start = unsigned(m.group(1));
    long stop = unsigned(m.group(2));
    long step = m.group(4) == null ? 1 : unsigned(m.group(4));
    if (start > stop || step < 1 || stop > Integer.MAX_VALUE || step > Integer.MAX_VALUE) {
      throw new Problem("$GENERATE: invalid range '" + w.get(1) + "'");
    }
    String lhs = w.get(2);
    if (lhs.startsWith("\"")) {
      throw new Problem("$GENERATE: the left-hand side cannot be quoted");
    }
    int k = 3;
    long ttl = -1;
    String ttlAboveMax = null;
    boolean seenClass = false;
    for (int n = 0; n < 2 && k < w.size(); n++) {
      String word = w.get(k);
      if (ttl < 0 && !word.isEmpty() && Character.isDigit(word.charAt(0)) && DirectiveScan.isBindTtl(word)) {
        ttl = TTL.parse(word, false);
        if (ttl > 0x7FFFFFFFL) {
          ttlAboveMax = word; // named: "$TTL ... > MAXTTL, setting $TTL to 0"
          ttl = 0;
        }
        k++;
      } else if (!seenClass && DClass.value(word) >= 0) {
        if (DClass.value(word) != DClass.IN) {
          throw new Problem("class " + word + " is not supported; zones are class IN");
        }
        seenClass = true;
        k++;
      }
    }
    if (w.size() - k != 2) {
      throw new Problem(
          w.size() - k < 2 ? "$GENERATE: unexpected end of input" : "$GENERATE: extra input text after the right-hand side (quote it if it has blanks)");
    }
    int type = Type.value(w.get(k).toUpperCase(Locale.ROOT));
    if (type < 0) {
      throw new Problem("$GENERATE: unknown RR type '" + w.get(k) + "'");
    }
    if (ttl < 0) {
      ttl = l.defaultTtl() >= 0 ? l.defaultTtl() : fallbackTtl;
    }
    if (ttl < 0) {
      throw new Problem("$GENERATE: no TTL specified");
    }
    String rhs = w.get(k + 1);
    if (rhs.startsWith("\"")) {
      rhs = rhs.substring(1, rhs.length() - 1);
    }
    Generate g = new Generate(start, stop, step, lhs, ttl, type, rhs);
    g.ttlAboveMax = ttlAboveMax;
    return g;
  }

  /** The line's TTL as written when it was above 2^31-1 and is read as 0, as named reads it; else null. */
  String ttlAboveMax;

  /** As sscanf's {@code %u}: a sign is allowed and a negative value wraps around. */
  private static long unsigned(String s) throws Problem {
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new Problem("$GENERATE: invalid range");
    }
    return v & 0xFFFFFFFFL;
  }

  /**
   * The words of a {@code $GENERATE} line as named's lexer gives them: blank-separated, a quoted
   * word kept with its quotes, a comment ending the line; a parenthesis is an error there.
   */
  private static List<String> tokens(String text) throws Problem {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == ';') {
        break;
      } else if (c == '(' || c == ')') {
        throw new Problem("$GENERATE: unbalanced parentheses (a $GENERATE line cannot be continued)");
      } else if (c == '"') {
        int j = i + 1;
        while (j < n && text.charAt(j) != '"') {
          if (text.charAt(j) == '\\') {
            j++;
          }
          j++;
        }
        if (j >= n) {
          throw new Problem("$GENERATE: unbalanced quotes");
        }
        out.add(text.substring(i, j + 1));
        i = j + 1;
      } else {
        int j = i;
        while (j < n && " \t\r;()\"".indexOf(text.charAt(j)) < 0) {
          if (text.charAt(j) == '\\') {
            j++;
          }
          j++;
        }
        j = Math.min(j, n);
        out.add(text.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  /** named's genname(): {@code s} with the counter at {@code it} put in. */
  static String name(String s, long it) throws Problem {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = s.length();
    long delta = 0; // as in named, an offset holds for the rest of the text, a later bare $ too
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        out.append(c);
        i++;
        if (i < n) {
          out.append(s.charAt(i++));
        }
        continue;
      }
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i < n && s.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      long width = 0;
      char mode = 'd';
      if (i < n && s.charAt(i) == '{') {
        int[] at = {i + 1};
        Long d = scanInt(s, at);
        if (d == null || at[0] >= n || (s.charAt(at[0]) != ',' && s.charAt(at[0]) != '}')) {
          throw new Problem("$GENERATE: syntax error in '" + s + "'");
        }
        delta = d;
        if (s.charAt(at[0]++) == ',') {
          Long wd = scanInt(s, at);
          if (wd == null || at[0] >= n || (s.charAt(at[0]) != ',' && s.charAt(at[0]) != '}')) {
            throw new Problem("$GENERATE: syntax error in '" + s + "'");
          }
          width = wd & 0xFFFFFFFFL;
          if (s.charAt(at[0]++) == ',') {
            if (at[0] + 1 >= n || "doxXnN".indexOf(s.charAt(at[0])) < 0 || s.charAt(at[0] + 1) != '}') {
              throw new Problem("$GENERATE: syntax error in '" + s + "'");
            }
            mode = s.charAt(at[0]);
          }
        }
        int close = s.indexOf('}', i);
        i = close < 0 ? n : close + 1;
      }
      if (it > 0 && delta > Integer.MAX_VALUE - it) {
        throw new Problem("$GENERATE: offset out of range");
      }
      int value = (int) (it + delta);
      String num = format(value, width, mode);
      if (num.length() >= 128) {
        throw new Problem("$GENERATE: ran out of space");
      }
      out.append(num);
    }
    return out.toString();
  }

  /** sscanf's {@code %d}: blanks, a sign, digits; null when there are no digits. */
  private static Long scanInt(String s, int[] at) {
    int k = at[0];
    while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
      k++;
    }
    int start = k;
    if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
      k++;
    }
    int digits = k;
    while (k < s.length() && Character.isDigit(s.charAt(k))) {
      k++;
    }
    if (k == digits || k - digits > 18) {
      return null;
    }
    at[0] = k;
    return (long) (int) Long.parseLong(s.substring(start, k));
  }

  private static String format(int value, long width, char mode) throws Problem {
    if (width >= 128) {
      throw new Problem("$GENERATE: ran out of space");
    }
    String digits;
    switch (mode) {
      case 'o':
        digits = Integer.toOctalString(value);
        break;
      case 'x':
        digits = Integer.toHexString(value);
        break;
      case 'X':
        digits = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        break;
      case 'n':
      case 'N':
        return nibbles(value, (int) width, mode);
      default:
        if (value < 0) {
          return "-" + pad(Long.toString(-(long) value), (int) width - 1);
        }
        digits = Integer.toString(value);
    }
    return pad(digits, (int) width);
  }

  private static String pad(String digits, int width) {
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** named's nibbles(): hex digits, lowest first, one label each, padded to {@code width} characters. */
  private static String nibbles(int value, int width, char mode) throws Problem {
    if (value < 0) {
      throw new Problem("$GENERATE: a negative value cannot be written in nibbles");
    }
    String hex = mode == 'n' ? "0123456789abcdef" : "0123456789ABCDEF";
    StringBuilder sb = new StringBuilder();
    do {
      sb.append(hex.charAt(value & 0x0f));
      value >>= 4;
      if (width > 0) {
        width--;
      }
      if (width > 0 || value != 0) {
        sb.append('.');
        if (width > 0) {
          width--;
        }
      }
    } while (value != 0 || width > 0);
    return sb.toString();
  }
}
