package dev.zonegate.zone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.xbill.DNS.Compression;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.Type;

/**
 * Record types whose presentation form dnsjava reads differently from BIND, replaced in dnsjava's
 * type registry ({@link Type#register}) by readers that follow named:
 *
 * <ul>
 *   <li>SVCB and HTTPS (RFC 9460): each parameter becomes its wire form and is checked there, as
 *       named does, so {@code keyNNNNN=} gives a key's wire value whatever its name ({@code
 *       key3=\001\187} is port 443); {@code dohpath} (RFC 9461) is key 7 and must hold {@code
 *       {?dns}}; value lists split on unescaped commas after the master file's own escapes; an
 *       empty alpn item, a port above 65535, {@code no-default-alpn} without alpn, a duplicate or
 *       a mandatory key that is missing refuse the record; {@code ech} may be empty; AliasMode may
 *       carry parameters; mandatory keys are sorted. Key names are lower case; named 9.18 knows no
 *       {@code ohttp} (RFC 9540) name, so it is written {@code key8}.
 *   <li>EUI48 and EUI64 (RFC 7043), which dnsjava 3.6 has no reader for: named's {@code
 *       %2x-%2x-...} reading, printed as lower-case hex pairs.
 *   <li>DS, CDS, TA and DLV: algorithm and digest type as numbers or named's mnemonics; the digest
 *       must have the length of its type for SHA-1, SHA-256 and SHA-384 only (named knows no
 *       other), at least one octet otherwise. dnsjava also checks GOST and SM3 lengths and reads
 *       TA not at all.
 *   <li>CAA: the tag of letters and digits only and not quoted, the value of any length.
 * </ul>
 *
 * {@link #install()} runs before any master file is read (MasterFileReader and Canonical call it).
 */
public final class BindTypes {
  private BindTypes() {}

  private static volatile boolean installed;

  /** Puts the readers in dnsjava's registry; once per process. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    register(Type.SVCB, "SVCB", Svcb::new);
    register(Type.HTTPS, "HTTPS", Https::new);
    register(Type.EUI48, "EUI48", Eui48::new);
    register(Type.EUI64, "EUI64", Eui64::new);
    register(Type.DS, "DS", Ds::new);
    register(Type.CDS, "CDS", Ds::new);
    register(Type.TA, "TA", Ds::new);
    register(Type.DLV, "DLV", Ds::new);
    register(Type.CAA, "CAA", Caa::new);
    installed = true;
  }

  private static void register(int type, String name, Supplier<Record> factory) {
    Type.register(type, name, factory);
  }

  // ---------------------------------------------------------------------------------------------
  // SVCB and HTTPS.

  /** The keys named knows by name (lib/dns/rdata/in_1/svcb_64.c in BIND 9.18). */
  private static final Map<String, Integer> KEYS =
      Map.of("mandatory", 0, "alpn", 1, "no-default-alpn", 2, "port", 3, "ipv4hint", 4, "ech", 5,
          "ipv6hint", 6, "dohpath", 7);

  /** SVCB with named's reading of the presentation form. */
  public static class Svcb extends SVCBBase {
    private static final long serialVersionUID = 1L;

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      svcPriority = st.getUInt16();
      targetName = st.getName(origin);
      svcParams.clear();
      Map<Integer, byte[]> params = new TreeMap<>();
      while (true) {
        Tokenizer.Token t = st.get();
        if (!t.isString()) {
          st.unget();
          break;
        }
        if (t.type == Tokenizer.QUOTED_STRING) {
          throw st.exception("a SvcParam is written key=value, not as one quoted string");
        }
        String word = t.value;
        int eq = word.indexOf('=');
        String keyName = eq < 0 ? word : word.substring(0, eq);
        String value = null;
        if (eq >= 0) {
          value = word.substring(eq + 1);
          if (value.isEmpty()) {
            Tokenizer.Token q = st.get();
            if (q.type == Tokenizer.QUOTED_STRING) {
              value = q.value;
            } else {
              st.unget();
            }
          }
        }
        int key = keyNumber(st, keyName);
        if (params.containsKey(key)) {
          throw st.exception("SvcParam key " + keyName + " appears twice");
        }
        params.put(key, wire(st, key, keyName, value, KEYS.containsKey(keyName)));
      }
      validate(st, params);
      for (Map.Entry<Integer, byte[]> p : params.entrySet()) {
        SVCBBase.ParameterBase b = parameter(p.getKey());
        b.fromWire(p.getValue());
        svcParams.put(p.getKey(), b);
      }
    }
  }

  /** HTTPS: the same reading as SVCB. */
  public static class Https extends Svcb {
    private static final long serialVersionUID = 1L;
  }

  private static int keyNumber(Tokenizer st, String name) throws TextParseException {
    Integer k = KEYS.get(name);
    if (k != null) {
      return k;
    }
    if (name.startsWith("key") && name.length() > 3 && name.length() <= 8) {
      String digits = name.substring(3);
      if (digits.chars().allMatch(c -> c >= '0' && c <= '9')
          && (digits.length() == 1 || digits.charAt(0) != '0')) {
        int v = Integer.parseInt(digits);
        if (v <= 65535) {
          return v;
        }
      }
    }
    throw st.exception("unknown SvcParam key '" + name + "'");
  }

  /** The wire form of one parameter's value as named builds it from text. */
  private static byte[] wire(Tokenizer st, int key, String keyName, String value, boolean named)
      throws IOException {
    byte[] raw = value == null ? new byte[0] : unescape(st, value);
    if (!named) {
      return raw; // keyNNNNN=: the value is the wire form
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (key) {
      case 0:
        List<Integer> keys = new ArrayList<>();
        for (String item : text.split(",", -1)) {
          if (item.isEmpty()) {
            throw st.exception("empty key in mandatory=" + text);
          }
          keys.add(keyNumber(st, item));
        }
        keys.sort(null);
        for (int k : keys) {
          out.write(k >> 8);
          out.write(k);
        }
        return out.toByteArray();
      case 1:
        for (byte[] item : valueList(st, raw)) {
          if (item.length == 0 || item.length > 255) {
            throw st.exception("an alpn protocol id must be 1 to 255 octets");
          }
          out.write(item.length);
          out.writeBytes(item);
        }
        return out.toByteArray();
      case 3:
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
          throw st.exception("port '" + text + "' is not a number from 0 to 65535");
        }
        int port = Integer.parseInt(text);
        return new byte[] {(byte) (port >> 8), (byte) port};
      case 4:
      case 6:
        int family = key == 4 ? org.xbill.DNS.Address.IPv4 : org.xbill.DNS.Address.IPv6;
        for (String item : text.split(",", -1)) {
          byte[] a = org.xbill.DNS.Address.toByteArray(item, family);
          if (a == null) {
            throw st.exception("'" + item + "' is not an IPv" + (key == 4 ? "4" : "6") + " address");
          }
          out.writeBytes(a);
        }
        return out.toByteArray();
      case 5:
        if (text.length() % 4 != 0 || !text.matches("[A-Za-z0-9+/]*={0,2}")) {
          throw st.exception("ech is not base64");
        }
        return java.util.Base64.getDecoder().decode(text);
      default:
        return raw; // no-default-alpn, dohpath: the text itself
    }
  }

  /** named's checks of the wire forms (svcb_validate), then of the set of keys. */
  private static void validate(Tokenizer st, Map<Integer, byte[]> params) throws TextParseException {
    for (Map.Entry<Integer, byte[]> p : params.entrySet()) {
      byte[] v = p.getValue();
      boolean ok;
      switch (p.getKey()) {
        case 0:
          ok = v.length > 0 && v.length % 2 == 0 && mandatoryOk(v);
          break;
        case 1:
          ok = alpnOk(v);
          break;
        case 2:
          ok = v.length == 0;
          break;
        case 3:
          ok = v.length == 2;
          break;
        case 4:
          ok = v.length > 0 && v.length % 4 == 0;
          break;
        case 6:
          ok = v.length > 0 && v.length % 16 == 0;
          break;
        case 7:
          String path = new String(v, StandardCharsets.UTF_8);
          ok = path.startsWith("/") && path.contains("{?dns}")
              && java.util.Arrays.equals(path.getBytes(StandardCharsets.UTF_8), v);
          break;
        default:
          ok = true;
      }
      if (!ok) {
        throw st.exception("the value of SvcParam key" + p.getKey() + " is not valid");
      }
    }
    byte[] mandatory = params.get(0);
    if (mandatory != null) {
      for (int i = 0; i < mandatory.length; i += 2) {
        int k = ((mandatory[i] & 0xff) << 8) | (mandatory[i + 1] & 0xff);
        if (!params.containsKey(k)) {
          throw st.exception("mandatory lists key" + k + ", which the record does not have");
        }
      }
    }
    if (params.containsKey(2) && !params.containsKey(1)) {
      throw st.exception("no-default-alpn needs an alpn parameter");
    }
  }

  private static boolean mandatoryOk(byte[] v) {
    int last = -1;
    for (int i = 0; i < v.length; i += 2) {
      int k = ((v[i] & 0xff) << 8) | (v[i + 1] & 0xff);
      if (k == 0 || k <= last) {
        return false;
      }
      last = k;
    }
    return true;
  }

  private static boolean alpnOk(byte[] v) {
    if (v.length == 0) {
      return false;
    }
    int i = 0;
    while (i < v.length) {
      int n = v[i] & 0xff;
      if (n == 0 || i + 1 + n > v.length) {
        return false;
      }
      i += 1 + n;
    }
    return true;
  }

  private static SVCBBase.ParameterBase parameter(int key) {
    switch (key) {
      case 0:
        return new SVCBBase.ParameterMandatory();
      case 1:
        return new SVCBBase.ParameterAlpn();
      case 2:
        return new SVCBBase.ParameterNoDefaultAlpn();
      case 3:
        return new SVCBBase.ParameterPort();
      case 4:
        return new SVCBBase.ParameterIpv4Hint();
      case 5:
        return new SVCBBase.ParameterEch();
      case 6:
        return new SVCBBase.ParameterIpv6Hint();
      default:
        return new SVCBBase.ParameterUnknown(key);
    }
  }

  /** A master-file token's escapes ({@code \DDD}, {@code \X}) resolved to bytes. */
  private static byte[] unescape(Tokenizer st, String s) throws TextParseException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] != '\\') {
        out.write(b[i]);
      } else if (i + 3 < b.length && isDigit(b[i + 1]) && isDigit(b[i + 2]) && isDigit(b[i + 3])) {
        int v = (b[i + 1] - '0') * 100 + (b[i + 2] - '0') * 10 + (b[i + 3] - '0');
        if (v > 255) {
          throw st.exception("escape \\" + v + " is above 255");
        }
        out.write(v);
        i += 3;
      } else if (i + 1 < b.length && !isDigit(b[i + 1])) {
        out.write(b[++i]);
      } else {
        throw st.exception("bad escape in '" + s + "'");
      }
    }
    return out.toByteArray();
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** RFC 9460 appendix A: items split on commas, {@code \,} and {@code \\} escaping them. */
  private static List<byte[]> valueList(Tokenizer st, byte[] raw) throws TextParseException {
    List<byte[]> out = new ArrayList<>();
    ByteArrayOutputStream item = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\\' && i + 1 < raw.length) {
        item.write(raw[++i]);
      } else if (raw[i] == ',') {
        out.add(item.toByteArray());
        item.reset();
      } else {
        item.write(raw[i]);
      }
    }
    out.add(item.toByteArray());
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // EUI48 and EUI64.

  /** A record whose rdata is a fixed number of octets written as hex pairs joined by hyphens. */
  public abstract static class Eui extends Record {
    private static final long serialVersionUID = 1L;
    private byte[] address = new byte[0];

    abstract int octets();

    @Override
    protected void rrFromWire(DNSInput in) throws IOException {
      address = in.readByteArray(octets());
    }

    @Override
    protected String rrToString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < address.length; i++) {
        sb.append(i == 0 ? "" : "-").append(String.format("%02x", address[i] & 0xff));
      }
      return sb.toString();
    }

    /**
     * As named reads it ({@code sscanf("%2x-%2x-...")}): each octet is one or two hex digits (a
     * sign counts toward the two), joined by hyphens; what follows the last octet is ignored.
     */
    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      String s = st.getString();
      byte[] out = new byte[octets()];
      int k = 0;
      for (int i = 0; i < out.length; i++) {
        if (i > 0) {
          if (k >= s.length() || s.charAt(k) != '-') {
            throw st.exception("invalid " + Type.string(getType()) + " address " + s);
          }
          k++;
        }
        int start = k;
        boolean negative = false;
        if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
          negative = s.charAt(k) == '-';
          k++;
        }
        int value = 0;
        int digits = 0;
        while (k < s.length() && k - start < 2 && Character.digit(s.charAt(k), 16) >= 0) {
          value = value * 16 + Character.digit(s.charAt(k), 16);
          k++;
          digits++;
        }
        if (digits == 0 || (negative && value != 0)) {
          throw st.exception("invalid " + Type.string(getType()) + " address " + s);
        }
        out[i] = (byte) value;
      }
      address = out;
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
      out.writeByteArray(address);
    }
  }

  /** EUI48 (RFC 7043). */
  public static class Eui48 extends Eui {
    private static final long serialVersionUID = 1L;

    @Override
    int octets() {
      return 6;
    }
  }

  /** EUI64 (RFC 7043). */
  public static class Eui64 extends Eui {
    private static final long serialVersionUID = 1L;

    @Override
    int octets() {
      return 8;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DS, CDS, TA, DLV.

  /** named's digest type mnemonics (lib/dns/rcode.c). */
  private static final Map<String, Integer> DIGESTS =
      Map.of("SHA-1", 1, "SHA1", 1, "SHA-256", 2, "SHA256", 2, "GOST", 3, "SHA-384", 4, "SHA384", 4);

  /** A delegation signer as named reads it ({@code generic_fromtext_ds}). */
  public static class Ds extends Record {
    private static final long serialVersionUID = 1L;
    private int footprint;
    private int algorithm;
    private int digestType;
    private byte[] digest = new byte[0];

    @Override
    protected void rrFromWire(DNSInput in) throws IOException {
      footprint = in.readU16();
      algorithm = in.readU8();
      digestType = in.readU8();
      digest = in.readByteArray();
    }

    @Override
    protected String rrToString() {
      return footprint + " " + algorithm + " " + digestType + " " + org.xbill.DNS.utils.base16.toString(digest);
    }

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      footprint = (int) number(st, 0xFFFF, "key tag");
      String alg = st.getString();
      algorithm = alg.chars().allMatch(Character::isDigit) && alg.length() <= 3
          ? Integer.parseInt(alg)
          : org.xbill.DNS.DNSSEC.Algorithm.value(alg.toUpperCase(java.util.Locale.ROOT));
      if (algorithm < 0 || algorithm > 255) {
        throw st.exception("unknown algorithm '" + alg + "'");
      }
      String dt = st.getString();
      Integer d = dt.chars().allMatch(Character::isDigit) && dt.length() <= 3
          ? Integer.valueOf(dt)
          : DIGESTS.get(dt.toUpperCase(java.util.Locale.ROOT));
      if (d == null || d > 255) {
        throw st.exception("unknown digest type '" + dt + "'");
      }
      digestType = d;
      int length = digestType == 1 ? 20 : digestType == 2 ? 32 : digestType == 4 ? 48 : -1;
      digest = hexRest(st, length);
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
      out.writeU16(footprint);
      out.writeU8(algorithm);
      out.writeU8(digestType);
      out.writeByteArray(digest);
    }
  }

  /** A decimal number as named's lexer reads one: digits only, at most {@code max}. */
  private static long number(Tokenizer st, long max, String what) throws IOException {
    String s = st.getString();
    if (!s.matches("[0-9]{1,10}") || Long.parseLong(s) > max) {
      throw st.exception("'" + s + "' is not a valid " + what);
    }
    return Long.parseLong(s);
  }

  /**
   * named's {@code isc_hex_tobuffer}: hex digits over the rest of the record's tokens, exactly
   * {@code length} octets when it is positive, at least one otherwise.
   */
  private static byte[] hexRest(Tokenizer st, int length) throws IOException {
    StringBuilder hex = new StringBuilder();
    while (true) {
      Tokenizer.Token t = st.get();
      if (!t.isString()) {
        st.unget();
        break;
      }
      hex.append(t.value);
    }
    String h = hex.toString();
    if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9A-Fa-f]*")) {
      throw st.exception(h.isEmpty() ? "the digest is missing" : "bad hex encoding");
    }
    byte[] out = org.xbill.DNS.utils.base16.fromString(h);
    if (length > 0 && out.length != length) {
      throw st.exception("the digest has " + out.length + " octets where its type has " + length);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // CAA.

  /** CAA as named reads it ({@code caa_257.c}). */
  public static class Caa extends Record {
    private static final long serialVersionUID = 1L;
    private int flags;
    private byte[] tag = new byte[0];
    private byte[] value = new byte[0];

    @Override
    protected void rrFromWire(DNSInput in) throws IOException {
      flags = in.readU8();
      tag = in.readCountedString();
      value = in.readByteArray();
    }

    @Override
    protected String rrToString() {
      return flags + " " + byteArrayToString(tag, false) + " " + byteArrayToString(value, true);
    }

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      flags = (int) number(st, 255, "CAA flags value");
      Tokenizer.Token t = st.get();
      if (t.type != Tokenizer.IDENTIFIER) {
        throw st.exception("the CAA tag is missing or quoted");
      }
      if (t.value.length() > 255 || !t.value.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
        throw st.exception("the CAA tag '" + t.value + "' must be 1 to 255 letters and digits");
      }
      tag = t.value.getBytes(StandardCharsets.US_ASCII);
      t = st.get();
      if (!t.isString()) {
        throw st.exception("the CAA value is missing");
      }
      value = unescape(st, t.value);
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
      out.writeU8(flags);
      out.writeCountedString(tag);
      out.writeByteArray(value);
    }
  }
}
