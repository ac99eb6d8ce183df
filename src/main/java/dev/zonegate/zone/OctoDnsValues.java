package dev.zonegate.zone;

import dev.zonegate.model.CharacterStrings;
import dev.zonegate.zone.OctoDnsPy.Bool;
import dev.zonegate.zone.OctoDnsPy.Bytes;
import dev.zonegate.zone.OctoDnsPy.Int;
import dev.zonegate.zone.OctoDnsPy.Py;
import dev.zonegate.zone.OctoDnsPy.PyDict;
import dev.zonegate.zone.OctoDnsPy.PyList;
import dev.zonegate.zone.OctoDnsPy.Raised;
import dev.zonegate.zone.OctoDnsPy.Str;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * What octoDNS 1.22 makes of one record's data with its default ("legacy") validator set: the
 * reasons its validators give, and, for a record it loads, each value as it renders it for
 * providers ({@code Record.to_rrset()}), turned into canonical rdata.
 *
 * <p>The legacy validators check less than DNS demands and coerce more than a schema would: every
 * number goes through Python's {@code int()} ({@code "10"} and {@code 10.7} are 10, {@code true}
 * is 1), MX, SRV and URI numbers are not range-checked, and a target without a trailing dot is
 * valid as long as it is a well-formed name of two labels or more (the trailing-dot check belongs
 * to the "best-practice" set). This class does the same, operation by operation, so it accepts
 * and refuses what octoDNS accepts and refuses; where octoDNS would raise a Python exception it
 * does not catch (a TypeError on a map where a string belongs), so does this ({@link Raised}).
 *
 * <p>A value octoDNS loads but that is not DNS data (an MX preference of 70000, a TLSA
 * association that is not hex) cannot become rdata: {@link #rdata} says so, and the reader
 * refuses it, since any provider would.
 */
final class OctoDnsValues {
  private OctoDnsValues() {}

  /** Every type octoDNS 1.22's core registers. */
  static final Set<String> TYPES =
      Set.of(
          "A", "AAAA", "ALIAS", "CAA", "CNAME", "DNAME", "DS", "HTTPS", "LOC", "MX", "NAPTR", "NS",
          "OPENPGPKEY", "PTR", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT", "URI", "URLFWD");

  /** octoDNS's ValueMixin types: one {@code value}, never {@code values}. */
  static final Set<String> SINGLE_VALUE = Set.of("ALIAS", "CNAME", "DNAME");

  /** Types with a {@code dynamic} block ({@code _DynamicMixin}) and a {@code geo} one. */
  static final Set<String> DYNAMIC = Set.of("A", "AAAA", "CNAME", "DNAME");

  static final Set<String> GEO = Set.of("A", "AAAA");

  /** A validation reason octoDNS reports (a ValidationError unless lenient), with its line. */
  record Reason(String message, int line) {}

  /**
   * One value as octoDNS holds it: the presentation text zonegate parses ({@code text}), where
   * in the file it came from, and the name in it that lacks a trailing dot, if any.
   */
  record Value(String text, int line, String relativeTarget) {}

  /** A value octoDNS holds that is not DNS data; the message names only the value. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;
    /**
     * The value is one octoDNS takes but no DNS server or provider can hold: it matters only if
     * the record reaches a provider (a record replaced under populate_should_replace does not).
     */
    final boolean unservable;

    BadValue(String message) {
      this(message, false);
    }

    BadValue(String message, boolean unservable) {
      super(message);
      this.unservable = unservable;
    }
  }

  // ---------------------------------------------------------------- Python access

  /** {@code v[key]}: KeyError when absent, TypeError when {@code v} is not a dict. */
  static Py sub(Py v, String key) throws Raised {
    if (v instanceof PyDict d) {
      Py r = d.get(key);
      if (r == null) {
        throw new Raised("KeyError", "'" + key + "'");
      }
      return r;
    }
    throw OctoDnsPy.typeError(
        v instanceof Str || v instanceof PyList
            ? OctoDnsPy.typeName(v) + " indices must be integers"
            : "'" + OctoDnsPy.typeName(v) + "' object is not subscriptable");
  }

  /** {@code v.get(key, default)}: AttributeError when {@code v} is not a dict. */
  static Py get(Py v, String key, Py dflt) throws Raised {
    if (v instanceof PyDict d) {
      Py r = d.get(key);
      return r == null ? dflt : r;
    }
    throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(v) + "' object has no attribute 'get'");
  }

  /** {@code key in v} for a str key. */
  static boolean in(String key, Py v) throws Raised {
    if (v instanceof PyDict d) {
      return d.has(key);
    }
    if (v instanceof Str s) {
      return s.v().contains(key);
    }
    if (v instanceof PyList l) {
      for (Py item : l.items) {
        if (item instanceof Str s && s.v().equals(key)) {
          return true;
        }
      }
      return false;
    }
    throw OctoDnsPy.typeError("argument of type '" + OctoDnsPy.typeName(v) + "' is not iterable");
  }

  /** {@code s in v} where the needle is an arbitrary value (only str haystacks matter here). */
  private static boolean contains(Py haystack, String needle) throws Raised {
    if (haystack instanceof Str s) {
      return s.v().contains(needle);
    }
    if (haystack instanceof PyList || haystack instanceof PyDict) {
      return in(needle, haystack);
    }
    throw OctoDnsPy.typeError("argument of type '" + OctoDnsPy.typeName(haystack) + "' is not iterable");
  }

  /** {@code v[key]}, or null (with the reason {@code missing KEY}) where Python raises KeyError. */
  private static Py field(Py v, String key, Check c) throws Raised {
    Py f = orNull(v, key);
    if (f == null) {
      c.reason("missing " + key, v);
    }
    return f;
  }

  /** {@code v[key]}, or null where Python raises KeyError; TypeError still escapes. */
  static Py orNull(Py v, String key) throws Raised {
    try {
      return sub(v, key);
    } catch (Raised r) {
      if (r.is("KeyError")) {
        return null;
      }
      throw r;
    }
  }

  /** {@code v[key]}, or {@code v[fallback]} where there is no {@code key} (octoDNS's old field names). */
  private static Py either(Py v, String key, String fallback) throws Raised {
    Py f = orNull(v, key);
    return f != null ? f : sub(v, fallback);
  }

  /** {@code int(v[key])} where KeyError means {@code missing} and ValueError {@code invalid}. */
  private static BigInteger intField(Py v, String key, Check c, String missing, String invalid)
      throws Raised {
    Py f = orNull(v, key);
    if (f == null) {
      c.reason(missing, v);
      return null;
    }
    try {
      return OctoDnsPy.integer(f);
    } catch (Raised r) {
      if (r.is("ValueError")) {
        c.reason(invalid + " \"" + OctoDnsPy.str(f) + "\"", f);
        return null;
      }
      throw r;
    }
  }

  private static int lineOf(Py v, int dflt) {
    return v != null && v.line() > 0 ? v.line() : dflt;
  }

  /** Collects reasons; lines default to the record's. */
  static final class Check {
    final List<Reason> reasons = new ArrayList<>();
    final int recordLine;

    Check(int recordLine) {
      this.recordLine = recordLine;
    }

    void reason(String message, Py at) {
      reasons.add(new Reason(message, lineOf(at, recordLine)));
    }
  }

  // ---------------------------------------------------------------- record validation

  /**
   * The legacy validators of octoDNS's {@code Record.new} for a record of {@code type} named
   * {@code name} (IDNA-encoded, relative) with fqdn {@code fqdn}: reasons, or Raised where
   * octoDNS itself fails.
   */
  static List<Reason> validate(String type, String name, String fqdn, PyDict data, int line)
      throws Raised {
    Check c = new Check(line);
    // '*': name-rfc, ttl-rfc, healthcheck
    if (name.equals("@")) {
      c.reason("invalid name \"@\", use \"\" instead", null);
    }
    int fqdnLength = fqdn.codePointCount(0, fqdn.length());
    if (fqdnLength > 253) {
      c.reason("invalid fqdn, \"" + fqdn + "\" is too long at " + fqdnLength + " chars, max is 253", null);
    }
    for (String label : name.split("\\.", -1)) {
      int n = label.codePointCount(0, label.length());
      if (n > 63) {
        c.reason("invalid label, \"" + label + "\" is too long at " + n + " chars, max is 63", null);
      }
    }
    if (name.contains("..") || name.endsWith(".")) {
      c.reason("invalid name, double `.` in \"" + fqdn + "\"", null);
    }
    Py ttl = sub(data, "ttl");
    BigInteger t;
    try {
      t = OctoDnsPy.integer(ttl); // ValueError and TypeError both escape octoDNS here
    } catch (Raised r) {
      throw r.at(ttl, "ttl " + show(OctoDnsPy.str(ttl)) + " is not a whole number");
    }
    if (t.signum() < 0) {
      c.reason("invalid ttl", ttl);
    }
    healthcheck(data, c);
    // the type's own record validators, then its value validators
    switch (type) {
      case "CNAME":
        if (name.isEmpty()) {
          c.reason("root CNAME not allowed", null);
        }
        break;
      case "ALIAS":
        if (!name.isEmpty()) {
          c.reason("non-root ALIAS not allowed", null);
        }
        break;
      case "SRV":
        if (!SERVICE_NAME.matcher(name).lookingAt()) {
          c.reason("invalid name for SRV record", null);
        }
        break;
      case "URI":
        if (!SERVICE_NAME.matcher(name).lookingAt()) {
          c.reason("invalid name for URI record", null);
        }
        break;
      default:
        break;
    }
    valueChecks(type, SINGLE_VALUE.contains(type) ? Collections.singletonList(get(data, "value", null)) : valuesOf(data), c);
    routingValues(type, data, c);
    return c.reasons;
  }

  /**
   * octoDNS's DynamicValidator and GeoValidator hold every pool value and geo answer to the type's
   * own value validators ({@code _process_value_validators}), as the record's values are: a
   * dynamic A pool value {@code 953} is "invalid IPv4 address", though octoDNS would turn it into
   * an address were it one of the record's values. What is not a map or a list here is the
   * structure's problem, judged where the routing is read ({@link OctoDnsExtras}).
   */
  private static void routingValues(String type, PyDict data, Check c) throws Raised {
    if (DYNAMIC.contains(type) && data.get("dynamic") instanceof PyDict dynamic
        && dynamic.get("pools") instanceof PyDict pools) {
      for (OctoDnsPy.Entry pool : pools.map.values()) {
        if (pool.value instanceof PyDict p && p.get("values") instanceof PyList values) {
          for (Py v : values.items) {
            if (v instanceof PyDict d && d.has("value")) {
              valueChecks(type, List.of(d.get("value")), c);
            }
          }
        }
      }
    }
    if (GEO.contains(type) && data.get("geo") instanceof PyDict geo) {
      for (OctoDnsPy.Entry answer : geo.map.values()) {
        valueChecks(type, answer.value instanceof PyList l ? l.items : List.of(answer.value), c);
      }
    }
  }

  /** The type's value validators on {@code values}: each target of a single-value type, or the list. */
  private static void valueChecks(String type, List<Py> values, Check c) throws Raised {
    if (SINGLE_VALUE.contains(type)) {
      for (Py v : values) {
        targetFormat(v, type, "value", c, v);
      }
    } else {
      valueValidators(type, values, c);
    }
  }

  private static final Pattern SERVICE_NAME = Pattern.compile("^(\\*|_[^.]+)\\.[^.]+");

  private static void healthcheck(PyDict data, Check c) throws Raised {
    Py meta = orNull(data, "octodns");
    Py check = meta == null ? null : orNull(meta, "healthcheck");
    Py p = check == null ? null : orNull(check, "protocol");
    if (p != null && !(p instanceof Str s && Set.of("HTTP", "HTTPS", "ICMP", "TCP", "UDP").contains(s.v()))) {
      c.reason("invalid healthcheck protocol", p);
    }
  }

  /** ValuesTypeValidator's {@code values}: {@code values}, else {@code value}, as a list. */
  static List<Py> valuesOf(PyDict data) {
    Py v = data.get("values");
    if (v == null) {
      v = data.get("value");
    }
    if (v == null || v instanceof OctoDnsPy.None) {
      return List.of();
    }
    if (v instanceof PyList l) {
      return l.items;
    }
    return List.of(v);
  }

  private static void valueValidators(String type, List<Py> data, Check c) throws Raised {
    switch (type) {
      case "A":
      case "AAAA":
        ipValues(type, data, c);
        break;
      case "TXT":
      case "SPF":
        chunkedValues(data, c, "value(s)");
        break;
      case "NS":
      case "PTR":
        if (data.isEmpty()) {
          c.reason("missing value(s)", null);
        }
        for (Py v : data) {
          targetFormat(v, type, "value", c, v);
        }
        break;
      case "MX":
        for (Py v : data) {
          mx(v, c);
        }
        break;
      case "SRV":
        for (Py v : data) {
          intField(v, "priority", c, "missing priority", "invalid priority");
          intField(v, "weight", c, "missing weight", "invalid weight");
          intField(v, "port", c, "missing port", "invalid port");
          Py target = field(v, "target", c);
          if (target != null) {
            targetFormat(target, type, "target", c, target);
          }
        }
        break;
      case "CAA":
        for (Py v : data) {
          Py flags = get(v, "flags", new Int(BigInteger.ZERO, 0));
          try {
            BigInteger f = OctoDnsPy.integer(flags);
            if (f.signum() < 0 || f.compareTo(BigInteger.valueOf(255)) > 0) {
              c.reason("invalid flags \"" + f + "\"", flags);
            }
          } catch (Raised r) {
            if (!r.is("ValueError")) {
              throw r;
            }
            c.reason("invalid flags \"" + OctoDnsPy.str(sub(v, "flags")) + "\"", flags);
          }
          if (!in("tag", v)) {
            c.reason("missing tag", v);
          }
          if (!in("value", v)) {
            c.reason("missing value", v);
          }
        }
        break;
      case "DS":
        for (Py v : data) {
          ds(v, c);
        }
        break;
      case "LOC":
        for (Py v : data) {
          loc(v, c);
        }
        break;
      case "NAPTR":
        for (Py v : data) {
          intField(v, "order", c, "missing order", "invalid order");
          intField(v, "preference", c, "missing preference", "invalid preference");
          Py flags = field(v, "flags", c);
          if (flags != null
              && !(flags instanceof Str s && Set.of("S", "A", "U", "P", "s", "a", "u", "p").contains(s.v()))) {
            c.reason("unrecognized flags \"" + OctoDnsPy.str(flags) + "\"", flags);
          }
          for (String k : List.of("service", "regexp", "replacement")) {
            if (!in(k, v)) {
              c.reason("missing " + k, v);
            }
          }
        }
        break;
      case "SSHFP":
        for (Py v : data) {
          sshfp(v, c);
        }
        break;
      case "TLSA":
        for (Py v : data) {
          tlsa(v, c);
        }
        break;
      case "URI":
        for (Py v : data) {
          intField(v, "priority", c, "missing priority", "invalid priority");
          intField(v, "weight", c, "missing weight", "invalid weight");
          Py target = field(v, "target", c);
          if (target != null && !OctoDnsPy.truthy(target)) {
            c.reason("missing target", target);
          }
        }
        break;
      case "URLFWD":
        for (Py v : data) {
          enumField(v, "code", Set.of(301, 302), c, "missing code", "invalid return code", "unrecognized return code");
          enumField(v, "masking", Set.of(0, 1, 2), c, "missing masking", "invalid masking setting",
              "unrecognized masking setting");
          enumField(v, "query", Set.of(0, 1), c, "missing query", "invalid query setting",
              "unrecognized query setting");
          for (String k : List.of("path", "target")) {
            if (!in(k, v)) {
              c.reason("missing " + k, v);
            }
          }
        }
        break;
      case "OPENPGPKEY":
        if (data.isEmpty() || data.stream().noneMatch(OctoDnsPy::truthy)) {
          c.reason("missing value(s)", null);
        }
        break;
      case "SVCB":
      case "HTTPS":
        for (Py v : data) {
          svcb(v, type, c);
        }
        break;
      default:
        break;
    }
  }

  private static void enumField(Py v, String key, Set<Integer> allowed, Check c, String missing,
      String invalid, String unrecognized) throws Raised {
    BigInteger n = intField(v, key, c, missing, invalid);
    if (n != null && (n.bitLength() > 31 || !allowed.contains(n.intValue()))) {
      c.reason(unrecognized + " \"" + n + "\"", sub(v, key));
    }
  }

  private static void ipValues(String type, List<Py> data, Check c) {
    if (data.isEmpty()) {
      c.reason("missing value(s)", null);
    }
    for (Py v : data) {
      if (v instanceof Str s && s.v().isEmpty()) {
        c.reason("empty value", v);
      } else if (v instanceof OctoDnsPy.None) {
        c.reason("missing value(s)", v);
      } else if (address(type, OctoDnsPy.str(v)) == null) {
        c.reason("invalid " + (type.equals("A") ? "IPv4" : "IPv6") + " address \"" + OctoDnsPy.str(v) + "\"", v);
      }
    }
  }

  private static final Pattern UNESCAPED_SEMICOLON = Pattern.compile("\\w;", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DOUBLE_ESCAPED_SEMICOLON = Pattern.compile("\\\\\\\\;");

  /** ChunkedValueValidator (TXT, SPF, SVCB alpn). */
  private static void chunkedValues(List<Py> data, Check c, String what) throws Raised {
    if (data.isEmpty()) {
      c.reason("missing " + what, null);
      return;
    }
    for (Py v : data) {
      if (v instanceof OctoDnsPy.None) {
        c.reason("missing value(s)", v);
        continue;
      }
      if (!(v instanceof Str s)) {
        throw OctoDnsPy.typeError("expected string or bytes-like object, got '" + OctoDnsPy.typeName(v) + "'");
      }
      for (String problem : chunkedProblems(s.v())) {
        c.reason(problem, v);
      }
    }
  }

  /** {@code ChunkedValueValidator}'s reasons to refuse the TXT or SPF value {@code s}; none when it takes it. */
  static List<String> chunkedProblems(String s) {
    List<String> out = new ArrayList<>(0);
    if (UNESCAPED_SEMICOLON.matcher(s).find()) {
      out.add("unescaped ; in \"" + s + "\"");
    }
    if (DOUBLE_ESCAPED_SEMICOLON.matcher(s).find()) {
      out.add("double escaped ; in \"" + s + "\"");
    }
    if (!OctoDnsIdna.isAscii(s)) {
      out.add("non ASCII character in \"" + s + "\"");
    }
    return out;
  }

  private static void mx(Py v, Check c) throws Raised {
    Py pref = orNull(v, "preference");
    if (pref == null) {
      pref = orNull(v, "priority");
    }
    if (pref == null) {
      c.reason("missing preference", v);
    } else {
      try {
        OctoDnsPy.integer(pref);
      } catch (Raised r) {
        if (!r.is("ValueError")) {
          throw r;
        }
        // octoDNS words this reason with value["preference"]: a bad "priority" fails it (KeyError)
        c.reason("invalid preference \"" + OctoDnsPy.str(sub(v, "preference")) + "\"", pref);
      }
    }
    try {
      Py exchange = get(v, "exchange", null);
      if (!OctoDnsPy.truthy(exchange)) {
        exchange = sub(v, "value");
      }
      targetFormat(exchange, "MX", "exchange", c, exchange);
    } catch (Raised r) {
      if (!r.is("KeyError")) {
        throw r;
      }
      c.reason("missing exchange", v);
    }
  }

  private static void ds(Py v, Check c) throws Raised {
    if (in("public_key", v) || in("flags", v)) {
      intField(v, "flags", c, "missing flags", "invalid flags");
      intField(v, "protocol", c, "missing protocol", "invalid protocol");
      intField(v, "algorithm", c, "missing algorithm", "invalid algorithm");
      if (!in("public_key", v)) {
        c.reason("missing public_key", v);
      }
    } else {
      intField(v, "key_tag", c, "missing key_tag", "invalid key_tag");
      intField(v, "algorithm", c, "missing algorithm", "invalid algorithm");
      intField(v, "digest_type", c, "missing digest_type", "invalid digest_type");
      if (!in("digest", v)) {
        c.reason("missing digest", v);
      }
    }
  }

  private static void loc(Py v, Check c) throws Raised {
    for (String key : List.of("lat_degrees", "lat_minutes", "long_degrees", "long_minutes")) {
      BigInteger n = intField(v, key, c, "missing " + key, "invalid " + key);
      if (n != null) {
        long max = key.equals("lat_degrees") ? 90 : key.equals("long_degrees") ? 180 : 59;
        if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
          c.reason("invalid value for " + key + " \"" + OctoDnsPy.str(sub(v, key)) + "\"", sub(v, key));
        }
      }
    }
    for (String key : List.of("lat_seconds", "long_seconds", "altitude", "size", "precision_horz", "precision_vert")) {
      Py f = field(v, key, c);
      if (f == null) {
        continue;
      }
      double d;
      try {
        d = OctoDnsPy.floating(f);
      } catch (Raised r) {
        if (!r.is("ValueError")) {
          throw r;
        }
        c.reason("invalid " + key + " \"" + OctoDnsPy.str(f) + "\"", f);
        continue;
      }
      boolean bad =
          key.endsWith("_seconds") ? !(d >= 0 && d <= 59.999)
              : key.equals("altitude") ? !(d >= -100000.00 && d <= 42849672.95)
              : !(d >= 0 && d <= 90000000.00);
      if (bad) {
        c.reason("invalid value for " + key + " \"" + OctoDnsPy.str(f) + "\"", f);
      }
    }
    for (String key : List.of("lat_direction", "long_direction")) {
      Py d = field(v, key, c);
      if (d == null) {
        continue;
      }
      Set<String> ok = key.equals("lat_direction") ? Set.of("N", "S") : Set.of("E", "W");
      if (!(d instanceof Str s && ok.contains(s.v()))) {
        c.reason("invalid direction for " + key + " \"" + OctoDnsPy.str(d) + "\"", d);
      }
    }
  }

  private static void sshfp(Py v, Check c) throws Raised {
    BigInteger algorithm = intField(v, "algorithm", c, "missing algorithm", "invalid algorithm");
    if (algorithm != null && !(algorithm.compareTo(BigInteger.ONE) >= 0 && algorithm.compareTo(BigInteger.valueOf(4)) <= 0)) {
      c.reason("unrecognized algorithm \"" + algorithm + "\"", sub(v, "algorithm"));
    }
    BigInteger fpType = intField(v, "fingerprint_type", c, "missing fingerprint_type", "invalid fingerprint_type");
    if (fpType != null && !(fpType.equals(BigInteger.ONE) || fpType.equals(BigInteger.TWO))) {
      c.reason("unrecognized fingerprint_type \"" + fpType + "\"", sub(v, "fingerprint_type"));
    }
    if (!in("fingerprint", v)) {
      c.reason("missing fingerprint", v);
    } else if (fpType != null && (fpType.equals(BigInteger.ONE) || fpType.equals(BigInteger.TWO))) {
      int expected = fpType.equals(BigInteger.ONE) ? 40 : 64;
      Py fp = sub(v, "fingerprint");
      int actual = len(fp);
      if (actual != expected) {
        c.reason("fingerprint length " + actual + " does not match fingerprint_type " + fpType
            + " (expected " + expected + ")", fp);
      }
    }
  }

  /** Python's {@code len()}. */
  private static int len(Py v) throws Raised {
    if (v instanceof Str s) {
      return s.v().codePointCount(0, s.v().length());
    }
    if (v instanceof PyList l) {
      return l.items.size();
    }
    if (v instanceof PyDict d) {
      return d.size();
    }
    if (v instanceof Bytes b) {
      return b.v().length;
    }
    throw OctoDnsPy.typeError("object of type '" + OctoDnsPy.typeName(v) + "' has no len()");
  }

  private static void tlsa(Py v, Check c) throws Raised {
    for (String key : List.of("certificate_usage", "selector", "matching_type")) {
      long max = key.equals("certificate_usage") ? 3 : key.equals("selector") ? 1 : 2;
      Py f = get(v, key, new Int(BigInteger.ZERO, 0));
      try {
        BigInteger n = OctoDnsPy.integer(f);
        if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
          c.reason("invalid " + key + " \"" + n + "\"", f);
        }
      } catch (Raised r) {
        if (!r.is("ValueError")) {
          throw r;
        }
        c.reason("invalid " + key + " \"" + OctoDnsPy.str(sub(v, key)) + "\"", f);
      }
    }
    for (String key : List.of("certificate_usage", "selector", "matching_type", "certificate_association_data")) {
      if (!in(key, v)) {
        c.reason("missing " + key, v);
      }
    }
  }

  private static final Map<String, Integer> SVC_PARAMS = new LinkedHashMap<>();

  static {
    SVC_PARAMS.put("mandatory", 0);
    SVC_PARAMS.put("alpn", 1);
    SVC_PARAMS.put("no-default-alpn", 2);
    SVC_PARAMS.put("port", 3);
    SVC_PARAMS.put("ipv4hint", 4);
    SVC_PARAMS.put("ech", 5);
    SVC_PARAMS.put("ipv6hint", 6);
  }

  private static void svcb(Py v, String type, Check c) throws Raised {
    BigInteger priority = BigInteger.ONE.negate();
    if (!in("svcpriority", v)) {
      c.reason("missing svcpriority", v);
    } else {
      Py p = get(v, "svcpriority", new Int(BigInteger.ZERO, 0));
      try {
        priority = OctoDnsPy.integer(p);
        if (priority.signum() < 0 || priority.compareTo(BigInteger.valueOf(65535)) > 0) {
          c.reason("invalid priority \"" + priority + "\"", p);
        }
      } catch (Raised r) {
        if (!r.is("ValueError")) {
          throw r;
        }
        c.reason("invalid priority \"" + OctoDnsPy.str(sub(v, "svcpriority")) + "\"", p);
      }
    }
    Py target = get(v, "targetname", null);
    targetFormat(target, type, "targetname", c, target == null ? v : target);
    if (in("svcparams", v)) {
      Py params = get(v, "svcparams", null);
      if (priority.signum() == 0 && len(params) != 0) {
        c.reason("svcparams set on AliasMode SVCB record", params);
      }
      if (!(params instanceof PyDict d)) {
        throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(params) + "' object has no attribute 'items'");
      }
      for (OctoDnsPy.Entry e : d.map.values()) {
        if (!(e.key instanceof Str ks)) {
          throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(e.key) + "' object has no attribute 'startswith'");
        }
        String key = ks.v();
        Py value = e.value;
        if (key.startsWith("key")) {
          svcKeyNumber(key, c, value);
          continue;
        }
        if (!SVC_PARAMS.containsKey(key)) {
          c.reason("Unknown SvcParam " + key, value);
          continue;
        }
        switch (key) {
          case "no-default-alpn":
            if (!(value instanceof OctoDnsPy.None)) {
              c.reason("SvcParam no-default-alpn has value when it should not", value);
            }
            break;
          case "port":
            try {
              BigInteger port = OctoDnsPy.integer(value);
              if (port.compareTo(BigInteger.valueOf(65535)) > 0) {
                c.reason("port " + port + " is not a valid number", value);
              }
            } catch (Raised r) {
              if (!r.is("ValueError")) {
                throw r;
              }
              c.reason("port is not a number", value);
            }
            break;
          case "alpn":
            if (!(value instanceof PyList l)) {
              c.reason("alpn is not a list", value);
            } else {
              chunkedValues(l.items, c, "value(s)");
            }
            break;
          case "ipv4hint":
          case "ipv6hint":
            if (!(value instanceof PyList l)) {
              c.reason(key + " is not a list", value);
            } else {
              String t = key.equals("ipv4hint") ? "A" : "AAAA";
              for (Py a : l.items) {
                if (!hintAddress(t, a)) {
                  c.reason(key + " \"" + OctoDnsPy.str(a) + "\" is not a valid IPv" + (t.equals("A") ? 4 : 6)
                      + " address", a);
                }
              }
            }
            break;
          case "mandatory":
            if (!(value instanceof PyList l)) {
              c.reason("mandatory is not a list", value);
            } else {
              for (Py m : l.items) {
                if (!OctoDnsPy.hashable(m)) {
                  throw OctoDnsPy.typeError("unhashable type: '" + OctoDnsPy.typeName(m) + "'");
                }
                boolean known = m instanceof Str ms && SVC_PARAMS.containsKey(ms.v());
                if (!(m instanceof Str ms)) {
                  throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(m) + "' object has no attribute 'startswith'");
                }
                if (!known && !ms.v().startsWith("key")) {
                  c.reason("unsupported SvcParam \"" + ms.v() + "\" in mandatory", m);
                }
                if (ms.v().startsWith("key")) {
                  svcKeyNumber(ms.v(), c, m);
                }
              }
            }
            break;
          case "ech":
            if (value instanceof Str s) {
              if (!OctoDnsIdna.isAscii(s.v())) {
                throw OctoDnsPy.valueError("string argument should contain only ASCII characters");
              }
              if (!base64Valid(s.v())) {
                c.reason("ech SvcParam is invalid Base64", value);
              } else {
                // octoDNS's validate_svcparam_ech returns None for valid Base64, and its caller
                // then fails adding None to its list of reasons: a valid ech cannot be loaded.
                throw OctoDnsPy.typeError("'NoneType' object is not iterable (octoDNS 1.22 cannot load a valid ech)");
              }
            } else if (!(value instanceof Bytes)) {
              throw OctoDnsPy.typeError("argument should be a bytes-like object or ASCII string, not '"
                  + OctoDnsPy.typeName(value) + "'");
            }
            break;
          default:
            break;
        }
      }
    }
  }

  /** IPv4Address(a)/IPv6Address(a) as the hint validators call them (ints are addresses too). */
  private static boolean hintAddress(String type, Py a) {
    if (a instanceof Int || a instanceof Bool) {
      BigInteger n = a instanceof Int i ? i.v() : ((Bool) a).v() ? BigInteger.ONE : BigInteger.ZERO;
      return n.signum() >= 0 && n.bitLength() <= (type.equals("A") ? 32 : 128);
    }
    return address(type, OctoDnsPy.str(a)) != null;
  }

  private static void svcKeyNumber(String key, Check c, Py at) {
    BigInteger n = OctoDnsPy.parseInt(key.substring(3));
    if (n == null) {
      c.reason("SvcParam key \"" + key + "\" has wrong format", at);
    } else if (n.compareTo(BigInteger.valueOf(65535)) > 0) {
      c.reason("SvcParam key \"" + key + "\" has wrong key number", at);
    }
  }

  /** Python's {@code b64decode(s, validate=True)} succeeding. */
  private static boolean base64Valid(String s) {
    if (!s.matches("[A-Za-z0-9+/]*={0,2}") || s.length() % 4 != 0) {
      return false;
    }
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- targets

  private static final Pattern FQDN =
      Pattern.compile(
          "^((?![-])[-_A-Z\\d]{1,63}(?<!-)[.])*(?!-)[-_A-Z\\d]{1,63}(?<!-)[.]?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);

  /** octoDNS's {@code _check_target_format}. */
  static void targetFormat(Py target, String type, String key, Check c, Py at) throws Raised {
    if (!OctoDnsPy.truthy(target)) {
      c.reason("missing " + key, at);
      return;
    }
    if (target instanceof Str s && s.v().equals(".") && Set.of("HTTPS", "MX", "SVCB", "SRV").contains(type)) {
      return;
    }
    if (contains(target, "{") && contains(target, "}")) {
      return;
    }
    String t = idna(target);
    if (!fqdnValid(t)) {
      c.reason(type + " " + key + " \"" + t + "\" is not a valid FQDN", at);
    }
  }

  /** The fqdn package's {@code FQDN(name, allow_underscores=True).is_valid}. */
  static boolean fqdnValid(String name) {
    String f = name.toLowerCase(Locale.ROOT);
    int length = f.endsWith(".") ? f.length() - 1 : f.length();
    if (length > 253 || !FQDN.matcher(f).find()) {
      return false;
    }
    int labels = (int) f.chars().filter(ch -> ch == '.').count() + (f.endsWith(".") ? 0 : 1);
    return labels >= 2;
  }

  /** {@code idna_encode(v)} of a value: AttributeError for a non-str, IdnaError escaping. */
  static String idna(Py v) throws Raised {
    if (!(v instanceof Str s)) {
      throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(v) + "' object has no attribute 'lower'");
    }
    try {
      return OctoDnsIdna.encode(s.v());
    } catch (OctoDnsIdna.IdnaError e) {
      throw new Raised("IdnaError", e.getMessage());
    }
  }

  // ---------------------------------------------------------------- IP addresses

  /** Python's {@code str(IPv4Address(s))}/{@code str(IPv6Address(s))}, or null where it raises. */
  static String address(String type, String s) {
    return type.equals("A") ? ipv4(s) : ipv6(s);
  }

  private static String ipv4(String s) {
    long v = ipv4Int(s);
    return v < 0 ? null : (v >> 24) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
  }

  private static long ipv4Int(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return -1;
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return -1;
      }
      int o = Integer.parseInt(p);
      if (o > 255) {
        return -1;
      }
      v = (v << 8) | o;
    }
    return v;
  }

  /** Python's IPv6Address parsing (scope ids kept, as Python 3.9+ does) and its str(). */
  private static String ipv6(String s) {
    String addr = s;
    String scope = null;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      addr = s.substring(0, pct);
      scope = s.substring(pct + 1);
      if (scope.isEmpty() || scope.indexOf('%') >= 0) {
        return null;
      }
    }
    if (addr.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>(List.of(addr.split(":", -1)));
    if (parts.size() < 3) {
      return null;
    }
    if (parts.get(parts.size() - 1).contains(".")) {
      long v4 = ipv4Int(parts.remove(parts.size() - 1));
      if (v4 < 0) {
        return null;
      }
      parts.add(Long.toHexString((v4 >> 16) & 0xffff));
      parts.add(Long.toHexString(v4 & 0xffff));
    }
    if (parts.size() > 9) {
      return null;
    }
    Integer skip = null;
    for (int i = 1; i < parts.size() - 1; i++) {
      if (parts.get(i).isEmpty()) {
        if (skip != null) {
          return null;
        }
        skip = i;
      }
    }
    int hi;
    int lo;
    if (skip != null) {
      hi = skip;
      lo = parts.size() - skip - 1;
      if (parts.get(0).isEmpty()) {
        if (--hi != 0) {
          return null;
        }
      }
      if (parts.get(parts.size() - 1).isEmpty()) {
        if (--lo != 0) {
          return null;
        }
      }
      if (8 - (hi + lo) < 1) {
        return null;
      }
    } else {
      if (parts.size() != 8 || parts.get(0).isEmpty() || parts.get(parts.size() - 1).isEmpty()) {
        return null;
      }
      hi = parts.size();
      lo = 0;
    }
    int[] words = new int[8];
    for (int i = 0; i < hi; i++) {
      Integer w = hextet(parts.get(i));
      if (w == null) {
        return null;
      }
      words[i] = w;
    }
    for (int i = 0; i < lo; i++) {
      Integer w = hextet(parts.get(parts.size() - lo + i));
      if (w == null) {
        return null;
      }
      words[8 - lo + i] = w;
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (words[i] >> 8);
      bytes[2 * i + 1] = (byte) words[i];
    }
    return Ipv6.format(bytes) + (scope == null ? "" : "%" + scope);
  }

  private static Integer hextet(String h) {
    if (h.isEmpty() || h.length() > 4) {
      return null;
    }
    for (int i = 0; i < h.length(); i++) {
      if (Character.digit(h.charAt(i), 16) < 0 || h.charAt(i) > 0x7f) {
        return null;
      }
    }
    return Integer.parseInt(h, 16);
  }

  // ---------------------------------------------------------------- values as octoDNS holds them

  /**
   * The record's values as octoDNS's record class processes them ({@code Record.__init__}), each
   * as the presentation text zonegate reads: Raised where that processing fails.
   */
  static List<Value> values(String type, PyDict data, int line) throws Raised {
    List<Value> out = new ArrayList<>();
    if (SINGLE_VALUE.contains(type)) {
      Py v = sub(data, "value");
      if (!OctoDnsPy.truthy(v)) {
        return out; // _TargetValue.process(falsy) is None: nothing to serve
      }
      out.add(one(type, v, lineOf(v, line)));
      return out;
    }
    Py raw = data.get("values");
    if (raw == null) {
      raw = data.get("value");
    }
    List<Py> items =
        raw == null ? List.of() : raw instanceof PyList l ? l.items : List.of(raw);
    for (Py v : items) {
      out.add(one(type, v, lineOf(v, line)));
    }
    return out;
  }

  /**
   * One value of a record of {@code type} as octoDNS's value class processes it, on line
   * {@code at}: also a value in a dynamic pool or a geo answer.
   */
  static Value one(String type, Py v, int at) throws Raised {
    switch (type) {
      case "CNAME":
      case "DNAME":
      case "ALIAS":
        {
          String t = idna(v);
          return new Value(t, at, relative(t));
        }
      case "A":
      case "AAAA":
        {
          if (v instanceof OctoDnsPy.None || (v instanceof Str s && s.v().isEmpty())) {
            return new Value("", at, null);
          }
          String a = address(type, OctoDnsPy.str(v));
          if (a == null) {
            if (v instanceof Int || v instanceof Bool) {
              a = intAddress(type, v);
            }
            if (a == null) {
              throw OctoDnsPy.valueError("'" + OctoDnsPy.str(v) + "' does not appear to be an "
                  + (type.equals("A") ? "IPv4" : "IPv6") + " address");
            }
          }
          return new Value(a, at, null);
        }
      case "TXT":
      case "SPF":
        {
          if (!(v instanceof Str s)) {
            throw OctoDnsPy.typeError("'" + OctoDnsPy.typeName(v) + "' object is not subscriptable");
          }
          String t = s.v();
          if (!t.isEmpty() && t.charAt(0) == '"') {
            t = t.length() < 2 ? "" : t.substring(1, t.length() - 1);
          }
          t = t.replace("\" \"", "");
          return new Value(txt(t), at, null);
        }
      case "NS":
      case "PTR":
        {
          String t = idna(v);
          return new Value(t, at, relative(t));
        }
      case "MX":
        {
          Py pref = either(v, "preference", "priority");
          String exchange = idna(either(v, "exchange", "value"));
          return new Value(OctoDnsPy.integer(pref) + " " + exchange, at, relative(exchange));
        }
      case "SRV":
        {
          BigInteger p = OctoDnsPy.integer(sub(v, "priority"));
          BigInteger w = OctoDnsPy.integer(sub(v, "weight"));
          BigInteger port = OctoDnsPy.integer(sub(v, "port"));
          String target = idna(sub(v, "target"));
          return new Value(p + " " + w + " " + port + " " + target, at, relative(target));
        }
      case "CAA":
        {
          BigInteger flags = OctoDnsPy.integer(get(v, "flags", new Int(BigInteger.ZERO, 0)));
          Py tag = sub(v, "tag");
          Py value = sub(v, "value");
          return new Value(flags + " " + OctoDnsPy.str(tag) + " " + asWritten(OctoDnsPy.str(value)), at, null);
        }
      case "DS":
        {
          boolean old = in("public_key", v) || in("flags", v);
          String text =
              old
                  ? OctoDnsPy.integer(sub(v, "flags")) + " " + OctoDnsPy.integer(sub(v, "protocol")) + " "
                      + OctoDnsPy.integer(sub(v, "algorithm")) + " " + OctoDnsPy.lower(OctoDnsPy.str(sub(v, "public_key")))
                  : OctoDnsPy.integer(sub(v, "key_tag")) + " " + OctoDnsPy.integer(sub(v, "algorithm")) + " "
                      + OctoDnsPy.integer(sub(v, "digest_type")) + " " + OctoDnsPy.lower(OctoDnsPy.str(sub(v, "digest")));
          return new Value(text, at, null);
        }
      case "LOC":
        return new Value(loc(v), at, null);
      case "NAPTR":
        {
          BigInteger order = OctoDnsPy.integer(sub(v, "order"));
          BigInteger pref = OctoDnsPy.integer(sub(v, "preference"));
          Py flags = sub(v, "flags");
          if (!(flags instanceof Str fs)) {
            throw new Raised("AttributeError", "'" + OctoDnsPy.typeName(flags) + "' object has no attribute 'upper'");
          }
          String f = fs.v().toUpperCase(Locale.ROOT);
          Py service = sub(v, "service");
          Py regexp = sub(v, "regexp");
          Py replacement = sub(v, "replacement");
          String rep = OctoDnsPy.str(replacement);
          return new Value(
              order + " " + pref + " " + asWritten(f) + " " + asWritten(orEmpty(service)) + " "
                  + asWritten(orEmpty(regexp)) + " " + rep,
              at, relative(rep));
        }
      case "SSHFP":
        return new Value(
            OctoDnsPy.integer(sub(v, "algorithm")) + " " + OctoDnsPy.integer(sub(v, "fingerprint_type")) + " "
                + OctoDnsPy.lower(OctoDnsPy.str(sub(v, "fingerprint"))),
            at, null);
      case "TLSA":
        {
          Py zero = new Int(BigInteger.ZERO, 0);
          return new Value(
              OctoDnsPy.integer(get(v, "certificate_usage", zero)) + " "
                  + OctoDnsPy.integer(get(v, "selector", zero)) + " "
                  + OctoDnsPy.integer(get(v, "matching_type", zero)) + " "
                  + OctoDnsPy.lower(OctoDnsPy.str(sub(v, "certificate_association_data"))),
              at, null);
        }
      case "URI":
        {
          BigInteger p = OctoDnsPy.integer(sub(v, "priority"));
          BigInteger w = OctoDnsPy.integer(sub(v, "weight"));
          String target = idna(sub(v, "target"));
          return new Value(p + " " + w + " " + asWritten(target), at, null);
        }
      case "URLFWD":
        {
          Py path = sub(v, "path");
          Py target = sub(v, "target");
          BigInteger code = OctoDnsPy.integer(sub(v, "code"));
          BigInteger masking = OctoDnsPy.integer(sub(v, "masking"));
          BigInteger query = OctoDnsPy.integer(sub(v, "query"));
          return new Value(
              quote(OctoDnsPy.str(path)) + " " + quote(OctoDnsPy.str(target)) + " " + code + " " + masking + " " + query,
              at, null);
        }
      case "OPENPGPKEY":
        return new Value(OctoDnsPy.str(v), at, null);
      case "SVCB":
      case "HTTPS":
        return svcbValue(v, at);
      default:
        throw new Raised("Exception", "Unknown record type: \"" + type + "\"");
    }
  }

  private static String intAddress(String type, Py v) {
    BigInteger n = v instanceof Int i ? i.v() : ((Bool) v).v() ? BigInteger.ONE : BigInteger.ZERO;
    if (n.signum() < 0 || n.bitLength() > (type.equals("A") ? 32 : 128)) {
      return null;
    }
    byte[] raw = n.toByteArray();
    byte[] bytes = new byte[type.equals("A") ? 4 : 16];
    int copy = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    if (type.equals("A")) {
      return (bytes[0] & 255) + "." + (bytes[1] & 255) + "." + (bytes[2] & 255) + "." + (bytes[3] & 255);
    }
    return Ipv6.format(bytes);
  }

  /** Python's {@code x or ''} then str(). */
  private static String orEmpty(Py v) {
    return OctoDnsPy.truthy(v) ? OctoDnsPy.str(v) : "";
  }

  /**
   * The LOC value as octoDNS writes it: ints and Python floats ({@code 52.1}, {@code 20.0m}).
   */
  private static String loc(Py v) throws Raised {
    Py ld = sub(v, "lat_direction");
    Py gd = sub(v, "long_direction");
    if (!(ld instanceof Str lds) || !(gd instanceof Str gds)) {
      throw new Raised("AttributeError", "object has no attribute 'upper'");
    }
    return OctoDnsPy.integer(sub(v, "lat_degrees")) + " " + OctoDnsPy.integer(sub(v, "lat_minutes")) + " "
        + OctoDnsPy.reprFloat(OctoDnsPy.floating(sub(v, "lat_seconds"))) + " " + lds.v().toUpperCase(Locale.ROOT) + " "
        + OctoDnsPy.integer(sub(v, "long_degrees")) + " " + OctoDnsPy.integer(sub(v, "long_minutes")) + " "
        + OctoDnsPy.reprFloat(OctoDnsPy.floating(sub(v, "long_seconds"))) + " " + gds.v().toUpperCase(Locale.ROOT) + " "
        + OctoDnsPy.reprFloat(OctoDnsPy.floating(sub(v, "altitude"))) + "m "
        + OctoDnsPy.reprFloat(OctoDnsPy.floating(sub(v, "size"))) + "m "
        + OctoDnsPy.reprFloat(OctoDnsPy.floating(sub(v, "precision_horz"))) + "m "
        + OctoDnsPy.reprFloat(OctoDnsPy.floating(sub(v, "precision_vert"))) + "m";
  }

  /** SvcbValue.to_rdata_text: params sorted by key number, lists comma-joined. */
  private static Value svcbValue(Py v, int at) throws Raised {
    BigInteger priority = OctoDnsPy.integer(sub(v, "svcpriority"));
    String target = idna(sub(v, "targetname"));
    Py params = get(v, "svcparams", null);
    StringBuilder out = new StringBuilder().append(priority).append(' ').append(target);
    if (params instanceof PyDict d) {
      List<OctoDnsPy.Entry> entries = new ArrayList<>(d.map.values());
      List<long[]> order = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        String key = OctoDnsPy.str(entries.get(i).key);
        long n;
        if (key.startsWith("key")) {
          BigInteger k = OctoDnsPy.parseInt(key.substring(3));
          if (k == null) {
            throw OctoDnsPy.valueError("invalid literal for int() with base 10: " + OctoDnsPy.reprStr(key.substring(3)));
          }
          n = k.longValue();
        } else if (SVC_PARAMS.containsKey(key)) {
          n = SVC_PARAMS.get(key);
        } else {
          // octoDNS's validators name it (a warning in a lenient zone); rendering then fails.
          throw new Raised("KeyError", "'" + key + "'").at(entries.get(i).key,
              "SvcParam " + OctoDnsPy.reprStr(key) + " is no SvcParam key DNS defines, so no provider can serve it");
        }
        order.add(new long[] {n, i});
      }
      order.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      for (long[] o : order) {
        OctoDnsPy.Entry e = entries.get((int) o[1]);
        out.append(' ').append(OctoDnsPy.str(e.key));
        if (e.value instanceof OctoDnsPy.None) {
          continue;
        }
        String joined;
        if (e.value instanceof PyList l) {
          List<String> parts = new ArrayList<>();
          for (Py item : l.items) {
            if (!(item instanceof Str s)) {
              throw OctoDnsPy.typeError("sequence item: expected str instance, " + OctoDnsPy.typeName(item) + " found");
            }
            parts.add(s.v());
          }
          joined = String.join(",", parts);
        } else {
          joined = OctoDnsPy.str(e.value);
        }
        out.append('=').append(joined);
      }
    } else if (params != null && OctoDnsPy.truthy(params)) {
      throw new Raised("TypeError", "svcparams is not a map");
    }
    return new Value(out.toString(), at, relative(target));
  }

  /**
   * TXT/SPF as octoDNS 1.22 renders it ({@code _ChunkedValue.to_rdata_text}): {@code \;}
   * becomes {@code ;}, every other character is literal, and the text is cut into
   * character-strings of at most 255 octets. Non-ASCII text (which only a lenient record can
   * hold) keeps octoDNS's older rendering: quotes escaped, backslashes as written, 255
   * characters a piece never ending in a backslash.
   */
  static String txt(String value) {
    String raw = value.replace("\\;", ";");
    if (OctoDnsIdna.isAscii(raw)) {
      List<String> chunks = new ArrayList<>();
      for (int i = 0; i < raw.length(); i += 255) {
        chunks.add(quote(raw.substring(i, Math.min(raw.length(), i + 255))));
      }
      return chunks.isEmpty() ? "\"\"" : String.join(" ", chunks);
    }
    String v = value.replace("\"", "\\\"");
    List<String> chunks = new ArrayList<>();
    for (int i = 0, n = v.length(); i < n; ) {
      int c = Math.min(255, n - i);
      while (c > 1 && v.charAt(i + c - 1) == '\\') {
        c--;
      }
      chunks.add(v.substring(i, i + c));
      i += c;
    }
    return utf8Escaped("\"" + String.join("\" \"", chunks) + "\"");
  }

  /** Non-ASCII characters as {@code \DDD} escapes of their UTF-8 octets, the rest as is. */
  static String utf8Escaped(String text) {
    if (OctoDnsIdna.isAscii(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 0x80) {
        out.append('\\').append(String.format(Locale.ROOT, "%03d", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  /** The name in a value when it has no trailing dot (and is not a template), else null. */
  static String relative(String name) {
    if (name.isEmpty() || name.equals(".") || name.endsWith(".") || (name.contains("{") && name.contains("}"))) {
      return null;
    }
    return name;
  }

  // ---------------------------------------------------------------- canonical rdata

  /**
   * Canonical rdata of one value of {@code type} at {@code owner}. Names without a trailing dot
   * are taken as written, from the root: what octoDNS passes on and API providers serve.
   */
  static String rdata(String type, Value value, String owner) throws BadValue {
    String text = value.text();
    if (type.equals("ALIAS")) {
      try {
        return Canonical.name(Name.fromString(text, Name.root));
      } catch (TextParseException e) {
        throw new BadValue(
            "ALIAS value " + show(text) + " is not a valid name, so no provider can serve it (" + e.getMessage() + ")", true);
      }
    }
    if (type.equals("URLFWD")) {
      return text;
    }
    try {
      return Canonical.rdata(owner, type, text, ".");
    } catch (IOException | RuntimeException e) {
      throw new BadValue(
          "value " + show(text) + " is not valid " + type + " data, so no provider can serve it ("
              + dnsjavaReason(e) + ")", true);
    }
  }

  /**
   * A field as octoDNS puts it in its presentation text: between quotes, not escaped, so a
   * backslash in it is a presentation-format escape (as providers that take presentation text
   * read it) and a quote in it ends the string. Non-ASCII characters stand for their UTF-8
   * octets.
   */
  static String asWritten(String s) {
    return utf8Escaped("\"" + s + "\"");
  }

  /**
   * A master-file character-string holding {@code s} literally: quoted, {@code "} and
   * {@code \} escaped, control characters and non-ASCII ones as {@code \DDD} escapes of their
   * UTF-8 octets (as dnspython writes them).
   */
  static String quote(String s) {
    return CharacterStrings.quote(s);
  }

  static String show(String s) {
    String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    return "\"" + t + "\"";
  }

  /** dnsjava prefixes its messages with {@code <none>:1: }; that says nothing to a user. */
  private static String dnsjavaReason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return OctoDnsYaml.oneLine(m.replaceFirst("^<none>:\\d+:\\s*", ""));
  }
}
