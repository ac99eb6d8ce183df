package dev.zonegate.zone;

import java.io.IOException;
import org.xbill.DNS.Compression;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.WireParseException;

/**
 * LOC (RFC 1876) read as named reads it (BIND 9.18's {@code loc_29.c}), in place of dnsjava's
 * reader, which takes seconds with any number of decimals, metres with any, hemispheres in lower
 * case, and refuses {@code .5}, {@code 1.} and {@code +1m}, all the other way round from named.
 * Values are kept as their wire integers, so nothing is rounded through a double; the text is
 * dnsjava's ({@code 52 22 23.500 N 4 53 32 E -2.50m 1m 10000m 10m}: seconds and metres without
 * a zero fraction), with the sign of a negative altitude written once.
 */
public final class BindLoc extends Record {
  private static final long serialVersionUID = 1L;
  private static final long EQUATOR = 0x80000000L;
  private static final long SEA_LEVEL = 10_000_000L;

  /** The wire's precision octets (mantissa, exponent of cm): named's defaults 1 m, 10 km, 10 m. */
  private int size = 0x12;
  private int horizontal = 0x16;
  private int vertical = 0x13;
  private long latitude;
  private long longitude;
  private long altitude;

  public BindLoc() {}

  @Override
  protected void rrFromWire(DNSInput in) throws IOException {
    if (in.readU8() != 0) {
      throw new WireParseException("Invalid LOC version");
    }
    size = precision(in.readU8());
    horizontal = precision(in.readU8());
    vertical = precision(in.readU8());
    latitude = in.readU32();
    longitude = in.readU32();
    altitude = in.readU32();
  }

  private static int precision(int b) throws WireParseException {
    if ((b >> 4) > 9 || (b & 0xF) > 9) {
      throw new WireParseException("Invalid LOC Encoding");
    }
    return b;
  }

  @Override
  protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
    out.writeU8(0);
    out.writeU8(size);
    out.writeU8(horizontal);
    out.writeU8(vertical);
    out.writeU32(latitude);
    out.writeU32(longitude);
    out.writeU32(altitude);
  }

  @Override
  protected String rrToString() {
    StringBuilder sb = new StringBuilder();
    position(sb, latitude, 'N', 'S');
    sb.append(' ');
    position(sb, longitude, 'E', 'W');
    sb.append(' ');
    fixed(sb, altitude - SEA_LEVEL, 100, 2);
    for (int p : new int[] {size, horizontal, vertical}) {
      sb.append("m ");
      long cm = p >> 4;
      for (int e = p & 0xF; e > 0; e--) {
        cm *= 10;
      }
      fixed(sb, cm, 100, 2);
    }
    return sb.append('m').toString();
  }

  private static void position(StringBuilder sb, long value, char positive, char negative) {
    long ms = value - EQUATOR;
    char hemisphere = ms < 0 ? negative : positive;
    ms = Math.abs(ms);
    sb.append(ms / 3_600_000).append(' ').append(ms % 3_600_000 / 60_000).append(' ');
    fixed(sb, ms % 60_000, 1000, 3);
    sb.append(' ').append(hemisphere);
  }

  /** {@code value / divisor}, with {@code digits} decimals when there is a fraction. */
  private static void fixed(StringBuilder sb, long value, long divisor, int digits) {
    if (value < 0) {
      sb.append('-');
      value = -value;
    }
    sb.append(value / divisor);
    long fraction = value % divisor;
    if (fraction != 0) {
      String f = Long.toString(fraction);
      sb.append('.').append("0".repeat(digits - f.length())).append(f);
    }
  }

  @Override
  protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
    latitude = coordinate(st, "SN", 90);
    longitude = coordinate(st, "WE", 180);
    String alt = word(st);
    if (alt.startsWith("-")) {
      long cm = decimal(st, alt.substring(1), 100_000, 2, 'm');
      if (cm > SEA_LEVEL) {
        throw st.exception("the LOC altitude " + alt + " is out of range");
      }
      altitude = SEA_LEVEL - cm;
    } else {
      long cm = decimal(st, alt, 42_849_672, 2, 'm');
      if (cm > 4_284_967_295L) {
        throw st.exception("the LOC altitude " + alt + " is out of range");
      }
      altitude = SEA_LEVEL + cm;
    }
    int[] precisions = {0x12, 0x16, 0x13};
    for (int i = 0; i < 3; i++) {
      Tokenizer.Token t = st.get();
      if (t.isEOL()) {
        st.unget();
        break;
      }
      precisions[i] = precision(st, text(st, t));
    }
    size = precisions[0];
    horizontal = precisions[1];
    vertical = precisions[2];
  }

  /**
   * {@code d [m [s]] H}: degrees and minutes as named's lexer reads numbers (digits only), seconds
   * with up to three decimals, the hemisphere one capital letter ({@code directions}: negative,
   * positive). The wire value is thousandths of a second from {@link #EQUATOR}.
   */
  private static long coordinate(Tokenizer st, String directions, long maxDegrees) throws IOException {
    long d = number(st, "degrees");
    long m = 0;
    long s = 0;
    check(st, d, m, s, maxDegrees);
    char h = direction(st, directions);
    if (h == 0) {
      m = number(st, "minutes");
      check(st, d, m, s, maxDegrees);
      h = direction(st, directions);
      if (h == 0) {
        String sec = word(st);
        s = decimal(st, sec, 59, 3, '\0');
        check(st, d, m, s, maxDegrees);
        h = direction(st, directions);
        if (h == 0) {
          throw st.exception("the LOC position needs " + directions.charAt(1) + " or " + directions.charAt(0));
        }
      }
    }
    long ms = (d * 3600 + m * 60) * 1000 + s;
    return h == directions.charAt(1) ? EQUATOR + ms : EQUATOR - ms;
  }

  private static void check(Tokenizer st, long d, long m, long s, long maxDegrees) throws IOException {
    if (m > 59) {
      throw st.exception("the LOC minutes " + m + " are out of range (0 to 59)");
    }
    if (d > maxDegrees || d == maxDegrees && (m != 0 || s != 0)) {
      throw st.exception("the LOC position is beyond 90 degrees latitude or 180 longitude; named refuses it");
    }
  }

  /** The next word if it is one hemisphere letter of {@code directions}, else 0 (word put back). */
  private static char direction(Tokenizer st, String directions) throws IOException {
    Tokenizer.Token t = st.get();
    if (t.type == Tokenizer.IDENTIFIER && t.value.length() == 1 && directions.indexOf(t.value.charAt(0)) >= 0) {
      return t.value.charAt(0);
    }
    st.unget();
    return 0;
  }

  /** named's lexer's number: digits only, at most 2^32 - 1. */
  private static long number(Tokenizer st, String what) throws IOException {
    Tokenizer.Token t = st.get();
    String s = t.isString() ? text(st, t) : "";
    if (!s.matches("[0-9]{1,10}") || Long.parseLong(s) > 0xFFFFFFFFL) {
      throw st.exception("'" + s + "' is not a valid number of LOC " + what);
    }
    return Long.parseLong(s);
  }

  /** The next word of the rdata (an end of line is an error). */
  private static String word(Tokenizer st) throws IOException {
    Tokenizer.Token t = st.get();
    if (!t.isString()) {
      throw st.exception("the LOC record ends early");
    }
    return text(st, t);
  }

  /**
   * A word as named's lexer gives it: without its quoting option a {@code "} is a character of
   * the word, which no LOC field takes.
   */
  private static String text(Tokenizer st, Tokenizer.Token t) throws IOException {
    if (t.type == Tokenizer.QUOTED_STRING) {
      throw st.exception("a LOC field is not quoted");
    }
    return t.value;
  }

  /**
   * named's {@code loc_getdecimal}: C's {@code strtoul} (an optional sign, digits), at most
   * {@code max}; a fraction of up to {@code precision} digits; then the {@code units} letter, if
   * any; nothing else. The value in units of 10^-precision.
   */
  private static long decimal(Tokenizer st, String s, long max, int precision, char units) throws IOException {
    return decimal(st, s, max, precision, units, "LOC number");
  }

  private static long decimal(Tokenizer st, String s, long max, int precision, char units, String what)
      throws IOException {
    int[] at = {0};
    long value = strtoul(s, at);
    int e = at[0];
    char c = e < s.length() ? s.charAt(e) : '\0';
    if (c != '\0' && c != '.' && c != units) {
      throw st.exception("'" + s + "' is not a " + what);
    }
    if (Long.compareUnsigned(value, max) > 0) {
      throw st.exception("'" + s + "' is out of range for a " + what);
    }
    boolean ok = e != 0;
    int i = 0;
    if (c == '.') {
      e++;
      for (; i < precision; i++) {
        c = e < s.length() ? s.charAt(e) : '\0';
        if (c == '\0' || c == units) {
          break;
        }
        if (c < '0' || c > '9') {
          throw st.exception("'" + s + "' is not a " + what);
        }
        e++;
        ok = true;
        value = value * 10 + (c - '0');
      }
    }
    for (; i < precision; i++) {
      value *= 10;
    }
    if (units != '\0' && e < s.length() && s.charAt(e) == units) {
      e++;
    }
    if (!ok || e != s.length()) {
      throw st.exception("'" + s + "' is not a " + what);
    }
    return value;
  }

  /**
   * C's {@code strtoul} in base 10 on a word (no blanks): an optional sign and the digits after
   * it; {@code at[0]} where it stopped (0 when no digits). A minus sign negates modulo 2^64, as C
   * does; too many digits give the largest value.
   */
  private static long strtoul(String s, int[] at) {
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int digits = i;
    long v = 0;
    boolean overflow = false;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      int d = s.charAt(i) - '0';
      if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
        overflow = true;
      }
      v = v * 10 + d;
      i++;
    }
    if (i == digits) {
      at[0] = 0;
      return 0;
    }
    at[0] = i;
    if (overflow) {
      return -1L; // ULONG_MAX
    }
    return negative ? -v : v;
  }

  /**
   * named's {@code loc_getprecision}: metres up to 90,000,000 with up to two decimals and an
   * optional {@code m}, as the wire's mantissa and exponent of centimetres (the metres' leading
   * digit and their count, the centimetres only under a metre).
   */
  private static int precision(Tokenizer st, String s) throws IOException {
    // loc_getprecision reads as loc_getdecimal does, then keeps the metres or, under one, the cm.
    long value = decimal(st, s, 90_000_000, 2, 'm', "LOC precision");
    long m = value / 100;
    long cm = value % 100;
    if (m > 0) {
      int exp = 0;
      long power = 1;
      while (exp < 7 && m >= power * 10) {
        power *= 10;
        exp++;
      }
      return (int) (m / power) << 4 | exp + 2;
    }
    return cm >= 10 ? (int) (cm / 10) << 4 | 1 : (int) cm << 4;
  }

}
