package dev.zonegate.zone;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * octoDNS's {@code idna_encode} and the check its {@code idna_decode} makes: names are lower-cased,
 * split on dots, and each label that is not ASCII is encoded by the {@code idna} package, which
 * implements IDNA 2008 (RFC 5891) without the UTS #46 mapping: {@code ß} stays {@code ß}
 * ({@code xn--zca}), symbols and letters outside the protocol's repertoire are refused, and a
 * label must already be in NFC. ASCII labels pass through untouched, except that an
 * {@code xn--} label must decode to a valid one.
 *
 * <p>The repertoire check approximates RFC 5892's derived property from Unicode general
 * categories (letters, marks and decimal digits that NFKC and lower-casing leave alone, plus the
 * RFC's exceptions and contextual rules); the bidi rule (RFC 5893) is not checked.
 */
final class OctoDnsIdna {
  private OctoDnsIdna() {}

  /** The {@code idna} package's IDNAError. */
  static final class IdnaError extends Exception {
    private static final long serialVersionUID = 1L;

    IdnaError(String message) {
      super(message);
    }
  }

  /** octoDNS's {@code idna_encode(name)}. */
  static String encode(String name) throws IdnaError {
    String lower = OctoDnsPy.lower(name);
    List<String> out = new ArrayList<>();
    for (String label : lower.split("\\.", -1)) {
      out.add(isAscii(label) ? label : encodeNonAscii(label));
    }
    return String.join(".", out);
  }

  /** Raises where octoDNS's {@code idna_decode(name)} would ({@code xn--} labels that do not decode). */
  static void checkDecodable(String name) throws IdnaError {
    for (String label : OctoDnsPy.lower(name).split("\\.", -1)) {
      if (label.startsWith("xn--")) {
        decodeALabel(label);
      }
    }
  }

  /** octoDNS's {@code idna_decode(name)}: lower-cased, each {@code xn--} label decoded. */
  static String decode(String name) throws IdnaError {
    List<String> out = new ArrayList<>();
    for (String label : OctoDnsPy.lower(name).split("\\.", -1)) {
      if (label.startsWith("xn--")) {
        decodeALabel(label);
        out.add(depunycode(label.substring(4)));
      } else {
        out.add(label);
      }
    }
    return String.join(".", out);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** {@code idna.encode(label)} for a label with non-ASCII characters (it may hold Unicode dots). */
  private static String encodeNonAscii(String s) throws IdnaError {
    String[] labels = s.split("[.\u3002\uff0e\uff61]", -1);
    List<String> parts = new ArrayList<>(List.of(labels));
    boolean trailingDot = false;
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
      trailingDot = true;
    }
    List<String> out = new ArrayList<>();
    for (String label : parts) {
      String a = aLabel(label);
      if (a.isEmpty()) {
        throw new IdnaError("Empty label");
      }
      out.add(a);
    }
    if (trailingDot) {
      out.add("");
    }
    String joined = String.join(".", out);
    if (joined.length() > 253) {
      throw new IdnaError("Domain too long");
    }
    return joined;
  }

  private static String aLabel(String label) throws IdnaError {
    if (isAscii(label)) {
      if (label.toLowerCase(Locale.ROOT).startsWith("xn--")) {
        decodeALabel(label.toLowerCase(Locale.ROOT));
      } else if (!label.isEmpty()) {
        checkLabel(label);
      }
      if (label.length() > 63) {
        throw new IdnaError("Label too long");
      }
      return label;
    }
    checkLabel(label);
    String a = "xn--" + punycode(label);
    if (a.length() > 63) {
      throw new IdnaError("Label too long");
    }
    return a;
  }

  private static void decodeALabel(String label) throws IdnaError {
    String body = label.substring(4);
    if (body.isEmpty()) {
      throw new IdnaError("Malformed A-label, no Punycode eligible content found");
    }
    if (body.endsWith("-")) {
      throw new IdnaError("A-label must not end with a hyphen");
    }
    String u = depunycode(body);
    if (u == null) {
      throw new IdnaError("Invalid A-label");
    }
    checkLabel(u);
  }

  /** idna's {@code check_label}: NFC, hyphens, no leading mark, every code point allowed. */
  static void checkLabel(String label) throws IdnaError {
    if (label.isEmpty()) {
      throw new IdnaError("Empty Label");
    }
    if (!Normalizer.isNormalized(label, Normalizer.Form.NFC)) {
      throw new IdnaError("Label must be in Normalization Form C");
    }
    if (label.length() >= 4 && label.startsWith("--", 2)) {
      throw new IdnaError("Label has disallowed hyphens in 3rd and 4th position");
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      throw new IdnaError("Label must not start or end with a hyphen");
    }
    int first = label.codePointAt(0);
    int t = Character.getType(first);
    if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK) {
      throw new IdnaError("Label begins with an illegal combining character");
    }
    int[] cps = label.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (pvalid(cp)) {
        continue;
      }
      if (!contextual(cps, i)) {
        throw new IdnaError(String.format("Codepoint U+%04X not allowed", cp));
      }
    }
    checkBidi(cps);
  }

  /** The idna package's {@code check_bidi} (RFC 5893), applied when the label has RTL text. */
  private static void checkBidi(int[] cps) throws IdnaError {
    boolean bidi = false;
    for (int cp : cps) {
      byte d = Character.getDirectionality(cp);
      if (d == Character.DIRECTIONALITY_UNDEFINED) {
        throw new IdnaError("Unknown directionality in label");
      }
      bidi |= d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
          || d == Character.DIRECTIONALITY_ARABIC_NUMBER;
    }
    if (!bidi) {
      return;
    }
    byte first = Character.getDirectionality(cps[0]);
    boolean rtl;
    if (first == Character.DIRECTIONALITY_RIGHT_TO_LEFT || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
      rtl = true;
    } else if (first == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
      rtl = false;
    } else {
      throw new IdnaError("First codepoint in label must be directionality L, R or AL");
    }
    boolean validEnding = false;
    byte numberType = -1;
    for (int cp : cps) {
      byte d = Character.getDirectionality(cp);
      boolean common = d == Character.DIRECTIONALITY_EUROPEAN_NUMBER
          || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR
          || d == Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR
          || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR
          || d == Character.DIRECTIONALITY_OTHER_NEUTRALS
          || d == Character.DIRECTIONALITY_BOUNDARY_NEUTRAL
          || d == Character.DIRECTIONALITY_NONSPACING_MARK;
      boolean nsm = d == Character.DIRECTIONALITY_NONSPACING_MARK;
      if (rtl) {
        boolean r = d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        boolean an = d == Character.DIRECTIONALITY_ARABIC_NUMBER;
        boolean en = d == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
        if (!(r || an || common)) {
          throw new IdnaError("Invalid direction for codepoint in a right-to-left label");
        }
        if (r || en || an) {
          validEnding = true;
        } else if (!nsm) {
          validEnding = false;
        }
        if (an || en) {
          if (numberType < 0) {
            numberType = d;
          } else if (numberType != d) {
            throw new IdnaError("Can not mix numeral types in a right-to-left label");
          }
        }
      } else {
        boolean l = d == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
        if (!(l || common)) {
          throw new IdnaError("Invalid direction for codepoint in a left-to-right label");
        }
        if (l || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER) {
          validEnding = true;
        } else if (!nsm) {
          validEnding = false;
        }
      }
    }
    if (!validEnding) {
      throw new IdnaError("Label ends with illegal codepoint directionality");
    }
  }

  private static boolean pvalid(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-';
    }
    switch (cp) {
      case 0x00DF: case 0x03C2: case 0x06FD: case 0x06FE: case 0x0F0B: case 0x3007:
        return true;
      case 0x0640: case 0x07FA: case 0x302E: case 0x302F: case 0x3031: case 0x3032:
      case 0x3033: case 0x3034: case 0x3035: case 0x303B:
        return false;
      default:
        break;
    }
    if (cp >= 0x1100 && cp <= 0x11FF || cp >= 0xA960 && cp <= 0xA97F || cp >= 0xD7B0 && cp <= 0xD7FF) {
      return false; // old Hangul jamo
    }
    switch (Character.getType(cp)) {
      case Character.LOWERCASE_LETTER:
      case Character.OTHER_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
        break;
      default:
        return false;
    }
    if (cp >= 0x0660 && cp <= 0x0669 || cp >= 0x06F0 && cp <= 0x06F9) {
      return false; // CONTEXTO, see contextual
    }
    String s = new String(Character.toChars(cp));
    if (!Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)) {
      return false;
    }
    return Character.toLowerCase(cp) == cp && !Character.isIdentifierIgnorable(cp);
  }

  /** RFC 5892's CONTEXTO rules that the idna package implements; CONTEXTJ is refused. */
  private static boolean contextual(int[] cps, int i) {
    int cp = cps[i];
    if (cp == 0x00B7) {
      return i > 0 && i < cps.length - 1 && cps[i - 1] == 'l' && cps[i + 1] == 'l';
    }
    if (cp == 0x0375) {
      return i < cps.length - 1
          && Character.UnicodeScript.of(cps[i + 1]) == Character.UnicodeScript.GREEK;
    }
    if (cp == 0x05F3 || cp == 0x05F4) {
      return i > 0 && Character.UnicodeScript.of(cps[i - 1]) == Character.UnicodeScript.HEBREW;
    }
    if (cp == 0x30FB) {
      for (int c : cps) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (c != 0x30FB && (s == Character.UnicodeScript.HIRAGANA
            || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HAN)) {
          return true;
        }
      }
      return false;
    }
    if (cp >= 0x0660 && cp <= 0x0669) {
      for (int c : cps) {
        if (c >= 0x06F0 && c <= 0x06F9) {
          return false;
        }
      }
      return true;
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) {
      for (int c : cps) {
        if (c >= 0x0660 && c <= 0x0669) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- RFC 3492

  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;

  static String punycode(String input) throws IdnaError {
    int[] cps = input.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int c : cps) {
      if (c < 0x80) {
        out.append((char) c);
      }
    }
    int b = out.length();
    int h = b;
    if (b > 0) {
      out.append('-');
    }
    int n = INITIAL_N;
    long delta = 0;
    int bias = INITIAL_BIAS;
    while (h < cps.length) {
      int m = Integer.MAX_VALUE;
      for (int c : cps) {
        if (c >= n && c < m) {
          m = c;
        }
      }
      delta += (long) (m - n) * (h + 1);
      if (delta > Integer.MAX_VALUE) {
        throw new IdnaError("punycode overflow");
      }
      n = m;
      for (int c : cps) {
        if (c < n) {
          delta++;
        }
        if (c == n) {
          long q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (q < t) {
              break;
            }
            out.append(digit((int) (t + (q - t) % (BASE - t))));
            q = (q - t) / (BASE - t);
          }
          out.append(digit((int) q));
          bias = adapt((int) delta, h + 1, h == b);
          delta = 0;
          h++;
        }
      }
      delta++;
      n++;
    }
    return out.toString();
  }

  /** Decodes punycode as Python's codec does; null where it raises. */
  static String depunycode(String input) {
    int basicEnd = input.lastIndexOf('-');
    List<Integer> out = new ArrayList<>();
    String rest = input;
    if (basicEnd >= 0) {
      for (int i = 0; i < basicEnd; i++) {
        char c = input.charAt(i);
        if (c >= 0x80) {
          return null;
        }
        out.add((int) c);
      }
      rest = input.substring(basicEnd + 1);
    }
    int n = INITIAL_N;
    long i = 0;
    int bias = INITIAL_BIAS;
    int pos = 0;
    while (pos < rest.length()) {
      long oldi = i;
      long w = 1;
      for (int k = BASE; ; k += BASE) {
        if (pos >= rest.length()) {
          return null;
        }
        int d = value(rest.charAt(pos++));
        if (d < 0) {
          return null;
        }
        i += d * w;
        int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (d < t) {
          break;
        }
        w *= BASE - t;
        if (i > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
          return null;
        }
      }
      bias = adapt((int) (i - oldi), out.size() + 1, oldi == 0);
      n += (int) (i / (out.size() + 1));
      if (n > 0x10FFFF) {
        return null;
      }
      i %= out.size() + 1;
      out.add((int) i, n);
      i++;
    }
    StringBuilder s = new StringBuilder();
    for (int c : out) {
      s.appendCodePoint(c);
    }
    return s.toString();
  }

  private static int adapt(int delta, int numPoints, boolean first) {
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / numPoints;
    int k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
      delta /= BASE - TMIN;
      k += BASE;
    }
    return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }

  private static int value(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    return -1;
  }
}
