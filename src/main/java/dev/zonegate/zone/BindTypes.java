package dev.zonegate.zone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.xbill.DNS.Address;
import org.xbill.DNS.Compression;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;
import org.xbill.DNS.utils.base32.Alphabet;

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
 *   <li>LOC ({@link BindLoc}): seconds with up to three decimals, metres with up to two, a capital
 *       hemisphere letter, C's {@code strtoul} for each number, as named reads them.
 *   <li>APL ({@link BindApl}): no quoted item, a prefix length of digits only.
 *   <li>CERT: the type by number or name, the certificate in strict base64 (dnsjava decodes what
 *       it can of any text).
 *   <li>NSEC3: the next hashed owner in base32hex without padding, ending on a whole octet, 20
 *       octets for SHA-1 (dnsjava takes any length).
 *   <li>NAPTR: the regular expression checked as named checks it ({@link BindRegex}).
 *   <li>TXT and SPF: at least one string (dnsjava reads none as one empty string).
 *   <li>NINFO, AVC, GPOS, RKEY, TALINK, CSYNC, NID, L64, L32, LP, EID, NIMLOC, SINK, DOA, URI
 *       (whose target named wants quoted), OPENPGPKEY (strict base64), KEY (flags as named reads
 *       them, no key data with the NOKEY flags), AMTRELAY and HIP ({@link Fields}, {@link
 *       AmtRelay}, {@link Hip}): dnsjava 3.6 reads most of them only as {@code \# len hex},
 *       GPOS only as numbers in range (named takes any three strings), and HIP's rendezvous
 *       servers up to the next record's owner.
 * </ul>
 *
 * And everywhere: a field named reads as a number or a word is never quoted (named's lexer gives
 * a quote as a character of the word there), and base64 ends with its unused bits clear.
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
    register(Type.LOC, "LOC", BindLoc::new);
    register(Type.APL, "APL", BindApl::new);
    fields(Type.CERT, "CERT", "certtype u16 alg certdata");
    fields(Type.NSEC3, "NSEC3", "hashalg u8 u16 salt b32hexnp bitmap");
    fields(Type.NAPTR, "NAPTR", "u16 u16 string string regexp name");
    // Types dnsjava 3.6 reads only in RFC 3597 form, or (HIP, GPOS) differently from named.
    fields(Type.TXT, "TXT", "strings"); // dnsjava reads "TXT" with nothing after it as one empty string
    fields(Type.SPF, "SPF", "strings");
    fields(Type.NINFO, "NINFO", "strings");
    fields(Type.AVC, "AVC", "strings");
    fields(Type.GPOS, "GPOS", "string string string");
    fields(Type.RKEY, "RKEY", "u16 u8 alg base64");
    fields(Type.TALINK, "TALINK", "name name");
    fields(Type.CSYNC, "CSYNC", "u32 u16 bitmap");
    fields(Type.NID, "NID", "u16 locator");
    fields(Type.L64, "L64", "u16 locator");
    fields(Type.L32, "L32", "u16 ipv4");
    fields(Type.LP, "LP", "u16 name");
    fields(Type.EID, "EID", "hex");
    fields(Type.NIMLOC, "NIMLOC", "hex");
    fields(Type.SINK, "SINK", "u8 u8 u8 base64*");
    fields(Type.URI, "URI", "u16 u16 quoted");
    fields(Type.OPENPGPKEY, "OPENPGPKEY", "base64");
    fields(Type.KEY, "KEY", "keyflags proto alg keydata");
    register(Type.AMTRELAY, "AMTRELAY", AmtRelay::new);
    fields(Type.DOA, "DOA", "u32 u32 u8 string base64-");
    register(Type.HIP, "HIP", Hip::new);
    installed = true;
  }

  private static void register(int type, String name, Supplier<Record> factory) {
    Type.register(type, name, factory);
  }

  private static void fields(int type, String name, String spec) {
    String[] kinds = spec.split(" ");
    register(type, name, () -> new Fields(kinds));
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
        int family = key == 4 ? Address.IPv4 : Address.IPv6;
        for (String item : text.split(",", -1)) {
          byte[] a = Address.toByteArray(item, family);
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
        return Base64.getDecoder().decode(text);
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
              && Arrays.equals(path.getBytes(StandardCharsets.UTF_8), v);
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
      } else if (i + 1 < b.length && !isDigit(b[i + 1]) && b[i + 1] != '\n' && b[i + 1] != '\r') {
        out.write(b[++i]);
      } else if (i + 1 < b.length && (b[i + 1] == '\n' || b[i + 1] == '\r')) {
        // Without the line: dnsjava's tokenizer is past the line break by now, and the record's
        // own line is the one to name.
        throw new TextParseException("a backslash ends the word '" + s.strip() + "'; named refuses it");
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

  /** named's key protocol mnemonics (lib/dns/rcode.c). */
  private static final Map<String, Integer> PROTOCOLS =
      Map.of("NONE", 0, "TLS", 1, "EMAIL", 2, "DNSSEC", 3, "IPSEC", 4, "ALL", 255);

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
          : DNSSEC.Algorithm.value(alg.toUpperCase(Locale.ROOT));
      if (algorithm < 0 || algorithm > 255) {
        throw st.exception("unknown algorithm '" + alg + "'");
      }
      String dt = st.getString();
      Integer d = dt.chars().allMatch(Character::isDigit) && dt.length() <= 3
          ? Integer.valueOf(dt)
          : DIGESTS.get(dt.toUpperCase(Locale.ROOT));
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

  /** named's certificate types by name ({@code dns_cert_fromtext}, RFC 4398). */
  private static final Map<String, Integer> CERT_TYPES =
      Map.of("PKIX", 1, "SPKI", 2, "PGP", 3, "IPKIX", 4, "ISPKI", 5, "IPGP", 6, "ACPKIX", 7, "IACPKIX", 8,
          "URI", 253, "OID", 254);

  /** named's NSEC3 hash algorithms by name ({@code dns_hashalg_fromtext}). */
  private static final Map<String, Integer> HASH_ALGORITHMS = Map.of("SHA-1", 1);

  private static final org.xbill.DNS.utils.base32 BASE32HEX =
      new org.xbill.DNS.utils.base32(Alphabet.BASE32HEX, false, false);

  /** A word named's lexer gives as a string: a quote is no quoting there, and no field takes one. */
  private static String unquoted(Tokenizer st) throws IOException {
    Tokenizer.Token t = st.get();
    if (t.type == Tokenizer.QUOTED_STRING) {
      throw st.exception("'" + t.value + "' is not quoted in this field");
    }
    if (!t.isString()) {
      throw st.exception("the record ends early");
    }
    return t.value;
  }

  /** A number up to {@code max} or one of named's names for it, in any case. */
  private static int mnemonic(Tokenizer st, Map<String, Integer> names, int max, String what) throws IOException {
    String w = unquoted(st);
    if (w.matches("[0-9]{1,10}")) {
      long v = Long.parseLong(w);
      if (v > max) {
        throw st.exception("the " + what + " " + w + " is out of range");
      }
      return (int) v;
    }
    Integer v = names.get(w.toUpperCase(Locale.ROOT));
    if (v == null) {
      throw st.exception("unknown " + what + " '" + w + "'");
    }
    return v;
  }

  /**
   * named's {@code isc_base32hexnp_decodestring}: base32hex digits in either case, no padding; the
   * last group must end where an octet does (2, 4, 5 or 7 digits, or a whole group) with the
   * last digit's bits past the data clear.
   */
  private static byte[] base32HexNoPad(Tokenizer st, String w) throws IOException {
    String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    int rest = w.length() % 8;
    boolean ok = !w.isEmpty() && (rest == 0 || rest == 2 || rest == 4 || rest == 5 || rest == 7);
    for (int i = 0; ok && i < w.length(); i++) {
      ok = digits.indexOf(Character.toUpperCase(w.charAt(i))) >= 0;
    }
    if (ok && rest != 0) {
      int last = digits.indexOf(Character.toUpperCase(w.charAt(w.length() - 1)));
      int unused = rest == 2 ? 0x03 : rest == 4 ? 0x0F : rest == 5 ? 0x01 : 0x07;
      ok = (last & unused) == 0;
    }
    if (!ok) {
      throw st.exception("bad base32 encoding '" + w + "'");
    }
    return BASE32HEX.fromString(w.toUpperCase(Locale.ROOT));
  }

  /** A decimal number as named's lexer reads one: digits only, at most {@code max}. */
  private static long number(Tokenizer st, long max, String what) throws IOException {
    Tokenizer.Token t = st.get();
    if (t.type == Tokenizer.QUOTED_STRING) {
      throw st.exception("a number is not quoted");
    }
    st.unget();
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

  // ---------------------------------------------------------------------------------------------
  // Records made of simple fields.

  /**
   * A record whose rdata is a sequence of fields, read and printed as named does: {@code u8},
   * {@code u16}, {@code u32} (decimal), {@code alg} (a number or a DNSSEC algorithm name),
   * {@code name} (uncompressed, lower case in canonical form), {@code ipv4}, {@code locator}
   * (four groups of up to four hex digits), {@code string} (one character-string), {@code
   * strings} (one or more, to the end), {@code base64} (one or more tokens to the end), {@code
   * base64*} (zero or more), {@code base64-} (one token, {@code -} for none), {@code certdata}
   * (one or more tokens, none on the wire), {@code hex} (one or more tokens to the end), {@code
   * bitmap} (type names to the end, as in NSEC), {@code certtype} (a CERT type, number or name),
   * {@code hashalg} (an NSEC3 hash algorithm, number or name), {@code salt} (hex or {@code -},
   * counted), {@code b32hexnp} (base32hex without padding, counted) and {@code regexp} (a NAPTR
   * regular expression as one character-string).
   */
  public static class Fields extends Record {
    private static final long serialVersionUID = 1L;
    private final String[] kinds;
    private byte[] data = new byte[0];

    Fields(String[] kinds) {
      this.kinds = kinds;
    }

    @Override
    protected void rrFromWire(DNSInput in) throws IOException {
      byte[] d = in.readByteArray();
      present(d); // refuses what does not decode
      data = d;
    }

    @Override
    protected String rrToString() {
      try {
        return present(data);
      } catch (IOException e) {
        return unknownToString(data);
      }
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
      out.writeByteArray(data);
    }

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      DNSOutput out = new DNSOutput();
      int flags = 0;
      int hashAlgorithm = -1;
      for (String k : kinds) {
        switch (k) {
          case "u8":
            out.writeU8((int) number(st, 0xFF, "number"));
            break;
          case "u16":
            out.writeU16((int) number(st, 0xFFFF, "number"));
            break;
          case "u32":
            out.writeU32(number(st, 0xFFFFFFFFL, "number"));
            break;
          case "keyflags":
            String fl = st.getString();
            flags = -1;
            try {
              flags = fl.matches("0[xX][0-9A-Fa-f]+") ? Integer.parseInt(fl.substring(2), 16)
                  : fl.matches("0[0-7]+") ? Integer.parseInt(fl.substring(1), 8)
                  : fl.matches("[0-9]+") ? Integer.parseInt(fl) : -1;
            } catch (NumberFormatException e) {
              flags = -1;
            }
            if (flags < 0 || flags > 0xFFFF) {
              throw st.exception("unknown key flags '" + fl + "'");
            }
            out.writeU16(flags);
            break;
          case "proto":
            String pr = st.getString();
            Integer proto = pr.matches("[0-9]{1,3}") ? Integer.valueOf(pr) : PROTOCOLS.get(pr.toUpperCase(Locale.ROOT));
            if (proto == null || proto > 255) {
              throw st.exception("unknown key protocol '" + pr + "'");
            }
            out.writeU8(proto);
            break;
          case "keydata":
            if ((flags & 0xC000) != 0xC000) {
              out.writeByteArray(base64Rest(st, true)); // NOKEY flags: no key data follows
            }
            break;
          case "alg":
            String a = unquoted(st);
            int alg = a.matches("[0-9]{1,3}") ? Integer.parseInt(a) : DNSSEC.Algorithm.value(a.toUpperCase(Locale.ROOT));
            if (alg < 0 || alg > 255) {
              throw st.exception("unknown algorithm '" + a + "'");
            }
            out.writeU8(alg);
            break;
          case "certtype":
            out.writeU16(mnemonic(st, CERT_TYPES, 0xFFFF, "certificate type"));
            break;
          case "hashalg":
            hashAlgorithm = mnemonic(st, HASH_ALGORITHMS, 0xFF, "hash algorithm");
            out.writeU8(hashAlgorithm);
            break;
          case "salt":
            String salt = unquoted(st);
            if (salt.equals("-")) {
              out.writeU8(0);
            } else {
              if (salt.length() > 510 || salt.length() % 2 != 0 || !salt.matches("[0-9A-Fa-f]+")) {
                throw st.exception("bad hex encoding of the salt '" + salt + "'");
              }
              out.writeCountedString(org.xbill.DNS.utils.base16.fromString(salt));
            }
            break;
          case "b32hexnp":
            byte[] hash = base32HexNoPad(st, unquoted(st));
            if (hash.length > 255 || hashAlgorithm == 1 && hash.length != 20) {
              // named: a SHA-1 hash has 20 octets; another algorithm's, any number
              throw st.exception("the next hashed owner name has " + hash.length + " octets"
                  + (hashAlgorithm == 1 ? ", where SHA-1 gives 20" : ", more than 255"));
            }
            out.writeCountedString(hash);
            break;
          case "name":
            st.getName(origin).toWireCanonical(out);
            break;
          case "ipv4":
            out.writeByteArray(st.getAddressBytes(Address.IPv4));
            break;
          case "locator":
            String l = st.getString();
            if (!l.matches("[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){3}")) {
              throw st.exception("'" + l + "' is not a locator (four groups of hex digits)");
            }
            for (String g : l.split(":")) {
              out.writeU16(Integer.parseInt(g, 16));
            }
            break;
          case "string":
            out.writeCountedString(characterString(st, st.get()));
            break;
          case "regexp":
            byte[] re = characterString(st, st.get());
            if (!BindRegex.validNaptr(re)) {
              throw st.exception("the NAPTR regular expression " + byteArrayToString(re, true)
                  + " is not one named takes (delim ERE delim substitution delim flags)");
            }
            out.writeCountedString(re);
            break;
          case "quoted":
            Tokenizer.Token q = st.get();
            if (q.type != Tokenizer.QUOTED_STRING) {
              throw st.exception("a quoted string is needed here");
            }
            out.writeByteArray(unescape(st, q.value));
            break;
          case "strings":
            int n = 0;
            for (Tokenizer.Token t = st.get(); t.isString(); t = st.get()) {
              out.writeCountedString(characterString(st, t));
              n++;
            }
            st.unget();
            if (n == 0) {
              throw st.exception("at least one string is needed");
            }
            break;
          case "base64":
          case "base64*":
          case "certdata":
            out.writeByteArray(base64Rest(st, !k.equals("base64*")));
            break;
          case "base64-":
            String b = st.getString();
            if (!b.equals("-")) {
              out.writeByteArray(base64(st, b));
            }
            break;
          case "hex":
            out.writeByteArray(hexRest(st, -1));
            break;
          case "bitmap":
            TreeSet<Integer> types = new TreeSet<>();
            for (Tokenizer.Token t = st.get(); t.isString(); t = st.get()) {
              int type = t.type == Tokenizer.QUOTED_STRING ? -1 : Type.value(t.value);
              if (type < 0) {
                throw st.exception("unknown type '" + t.value + "'");
              }
              types.add(type);
            }
            st.unget();
            writeBitmap(out, types);
            break;
          default:
            throw new IllegalStateException(k);
        }
      }
      data = out.toByteArray();
    }

    /** The presentation form of {@code d}; an IOException when it does not decode. */
    private String present(byte[] d) throws IOException {
      DNSInput in = new DNSInput(d);
      StringBuilder sb = new StringBuilder();
      for (String k : kinds) {
        if (sb.length() > 0 && in.remaining() == 0 && (k.equals("bitmap") || k.equals("base64*") || k.equals("certdata"))) {
          break;
        }
        String part;
        if (k.equals("keydata") && in.remaining() == 0) {
          break;
        }
        switch (k) {
          case "u8":
          case "alg":
          case "proto":
            part = String.valueOf(in.readU8());
            break;
          case "keyflags":
            part = String.valueOf(in.readU16());
            break;
          case "keydata":
            part = Base64.getEncoder().encodeToString(in.readByteArray());
            break;
          case "u16":
            part = String.valueOf(in.readU16());
            break;
          case "u32":
            part = String.valueOf(in.readU32());
            break;
          case "certtype":
            part = String.valueOf(in.readU16());
            break;
          case "hashalg":
            part = String.valueOf(in.readU8());
            break;
          case "salt":
            byte[] salt = in.readCountedString();
            part = salt.length == 0 ? "-" : org.xbill.DNS.utils.base16.toString(salt);
            break;
          case "b32hexnp":
            part = BASE32HEX.toString(in.readCountedString());
            break;
          case "name":
            part = new Name(in).toString();
            break;
          case "ipv4":
            part = Address.toDottedQuad(in.readByteArray(4));
            break;
          case "locator":
            StringBuilder g = new StringBuilder();
            for (int i = 0; i < 4; i++) {
              g.append(i == 0 ? "" : ":").append(String.format("%04x", in.readU16()));
            }
            part = g.toString();
            break;
          case "string":
          case "regexp":
            part = byteArrayToString(in.readCountedString(), true);
            break;
          case "quoted":
            part = byteArrayToString(in.readByteArray(), true);
            break;
          case "strings":
            StringBuilder t = new StringBuilder();
            do {
              t.append(t.length() == 0 ? "" : " ").append(byteArrayToString(in.readCountedString(), true));
            } while (in.remaining() > 0);
            part = t.toString();
            break;
          case "base64":
          case "base64*":
          case "base64-":
          case "certdata":
            byte[] rest = in.readByteArray();
            if (k.equals("base64") && rest.length == 0) {
              throw new WireParseException("no key");
            }
            part = rest.length == 0 && k.equals("base64-") ? "-" : Base64.getEncoder().encodeToString(rest);
            break;
          case "hex":
            byte[] h = in.readByteArray();
            if (h.length == 0) {
              throw new WireParseException("no data");
            }
            part = org.xbill.DNS.utils.base16.toString(h);
            break;
          case "bitmap":
            part = readBitmap(in);
            break;
          default:
            throw new IllegalStateException(k);
        }
        sb.append(sb.length() == 0 ? "" : " ").append(part);
      }
      if (in.remaining() > 0) {
        throw new WireParseException("trailing data");
      }
      return sb.toString();
    }
  }

  private static byte[] characterString(Tokenizer st, Tokenizer.Token t) throws IOException {
    if (!t.isString()) {
      throw st.exception("a string is missing");
    }
    byte[] b = unescape(st, t.value);
    if (b.length > 255) {
      throw st.exception("a string is longer than 255 octets");
    }
    return b;
  }

  private static byte[] base64(Tokenizer st, String text) throws TextParseException {
    if (text.length() % 4 != 0 || !text.matches("[A-Za-z0-9+/]*={0,2}") || !padBitsClear(text)) {
      throw st.exception("bad base64 encoding");
    }
    return Base64.getDecoder().decode(text);
  }

  /**
   * named's base64 refuses a last digit before the padding whose bits past the data are set
   * ({@code AB==}); Java's decoder drops them.
   */
  private static boolean padBitsClear(String text) {
    int pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    if (pad == 0) {
      return true;
    }
    int v = B64.indexOf(text.charAt(text.length() - pad - 1));
    return (v & (pad == 2 ? 0x0F : 0x03)) == 0;
  }

  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** named's {@code isc_base64_tobuffer}: tokens to the end; at least one when {@code required}. */
  private static byte[] base64Rest(Tokenizer st, boolean required) throws IOException {
    StringBuilder b64 = new StringBuilder();
    for (Tokenizer.Token t = st.get(); t.isString(); t = st.get()) {
      if (t.type == Tokenizer.QUOTED_STRING) {
        throw st.exception("base64 data is not quoted");
      }
      b64.append(t.value);
    }
    st.unget();
    if (required && b64.length() == 0) {
      throw st.exception("the key data is missing");
    }
    return base64(st, b64.toString());
  }

  private static void writeBitmap(DNSOutput out, TreeSet<Integer> types) {
    int window = -1;
    byte[] map = new byte[32];
    int used = 0;
    for (int t : types) {
      if (t >> 8 != window) {
        if (window >= 0) {
          out.writeU8(window);
          out.writeU8(used);
          out.writeByteArray(map, 0, used);
        }
        window = t >> 8;
        map = new byte[32];
        used = 0;
      }
      int bit = t & 0xff;
      map[bit / 8] |= (byte) (0x80 >> (bit % 8));
      used = Math.max(used, bit / 8 + 1);
    }
    if (window >= 0) {
      out.writeU8(window);
      out.writeU8(used);
      out.writeByteArray(map, 0, used);
    }
  }

  private static String readBitmap(DNSInput in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int last = -1;
    while (in.remaining() > 0) {
      int window = in.readU8();
      int len = in.readU8();
      if (window <= last || len < 1 || len > 32) {
        throw new WireParseException("bad type bitmap");
      }
      last = window;
      byte[] map = in.readByteArray(len);
      for (int i = 0; i < len * 8; i++) {
        if ((map[i / 8] & (0x80 >> (i % 8))) != 0) {
          sb.append(sb.length() == 0 ? "" : " ").append(Type.string(window * 256 + i));
        }
      }
    }
    return sb.toString();
  }

  /** HIP (RFC 8005) as named reads it: algorithm, HIT in hex, key in base64, then servers. */
  public static class Hip extends Record {
    private static final long serialVersionUID = 1L;
    private int algorithm;
    private byte[] hit = new byte[0];
    private byte[] key = new byte[0];
    private final List<Name> servers = new ArrayList<>();

    @Override
    protected void rrFromWire(DNSInput in) throws IOException {
      int hitLength = in.readU8();
      algorithm = in.readU8();
      int keyLength = in.readU16();
      hit = in.readByteArray(hitLength);
      key = in.readByteArray(keyLength);
      servers.clear();
      while (in.remaining() > 0) {
        servers.add(new Name(in));
      }
    }

    @Override
    protected String rrToString() {
      StringBuilder sb = new StringBuilder();
      sb.append(algorithm).append(' ').append(org.xbill.DNS.utils.base16.toString(hit)).append(' ')
          .append(Base64.getEncoder().encodeToString(key));
      for (Name n : servers) {
        sb.append(' ').append(n);
      }
      return sb.toString();
    }

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      algorithm = (int) number(st, 0xFF, "algorithm");
      String h = st.getString();
      if (h.length() % 2 != 0 || h.length() > 510 || !h.matches("[0-9A-Fa-f]+")) {
        throw st.exception("the HIT '" + h + "' is not hex of at most 255 octets");
      }
      hit = org.xbill.DNS.utils.base16.fromString(h);
      key = base64(st, st.getString());
      if (key.length == 0 || key.length > 0xFFFF) {
        throw st.exception("the public key is missing");
      }
      servers.clear();
      for (Tokenizer.Token t = st.get(); t.isString(); t = st.get()) {
        servers.add(Name.fromString(t.value, origin));
      }
      st.unget();
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
      out.writeU8(hit.length);
      out.writeU8(algorithm);
      out.writeU16(key.length);
      out.writeByteArray(hit);
      out.writeByteArray(key);
      for (Name n : servers) {
        n.toWire(out, null, canonical);
      }
    }
  }

  /** AMTRELAY (RFC 8777): precedence, discovery-optional bit, relay type and relay. */
  public static class AmtRelay extends Record {
    private static final long serialVersionUID = 1L;
    private int precedence;
    private int discovery;
    private int relayType;
    private byte[] relay = new byte[0];

    @Override
    protected void rrFromWire(DNSInput in) throws IOException {
      precedence = in.readU8();
      int b = in.readU8();
      discovery = b >> 7;
      relayType = b & 0x7f;
      relay = in.readByteArray();
    }

    @Override
    protected String rrToString() {
      String r;
      try {
        switch (relayType) {
          case 0:
            r = ".";
            break;
          case 1:
            r = Address.toDottedQuad(relay);
            break;
          case 2:
            r = Ipv6.format(relay);
            break;
          case 3:
            r = new Name(relay).toString();
            break;
          default:
            r = unknownToString(relay);
        }
      } catch (IOException | RuntimeException e) {
        r = unknownToString(relay);
      }
      return precedence + " " + discovery + " " + relayType + " " + r;
    }

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
      precedence = (int) number(st, 0xFF, "precedence");
      discovery = (int) number(st, 1, "discovery-optional bit (0 or 1)");
      relayType = (int) number(st, 3, "relay type (0 to 3)");
      switch (relayType) {
        case 0:
          if (!st.getString().equals(".")) {
            throw st.exception("relay type 0 is written with the relay .");
          }
          relay = new byte[0];
          break;
        case 1:
          relay = st.getAddressBytes(Address.IPv4);
          break;
        case 2:
          relay = st.getAddressBytes(Address.IPv6);
          break;
        default:
          relay = st.getName(origin).toWireCanonical();
      }
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
      out.writeU8(precedence);
      out.writeU8(discovery << 7 | relayType);
      out.writeByteArray(relay);
    }
  }
}
