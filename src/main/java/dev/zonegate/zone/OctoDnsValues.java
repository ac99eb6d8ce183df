package dev.zonegate.zone;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import tools.jackson.databind.JsonNode;

/**
 * One octoDNS value (a scalar or a value object from the YAML) to canonical rdata.
 *
 * <p>Each value is first written as master-file rdata text, the way octoDNS itself renders it for
 * providers ({@code rdata_text}, {@code chunked_value}), and then parsed by dnsjava through {@link
 * Canonical#rdata}, so a YAML zone and a master file with the same data give byte-identical
 * canonical rdata. Fields of value objects (CAA value, NAPTR strings, URI target) are literal data
 * and are escaped for the master file; TXT/SPF values are octoDNS's escaped text ({@code \;}) and
 * are passed through as octoDNS does.
 *
 * <p>The schema has already checked shapes and ranges when these run; the checks here are the ones
 * octoDNS makes in code (absolute targets, TXT escaping) and a safety net for the rest.
 */
final class OctoDnsValues {
  private OctoDnsValues() {}

  /** Every type octoDNS's core supports (1.x, including URI and OPENPGPKEY). */
  static final Set<String> TYPES =
      Set.of(
          "A", "AAAA", "ALIAS", "CAA", "CNAME", "DNAME", "DS", "HTTPS", "LOC", "MX", "NAPTR", "NS",
          "OPENPGPKEY", "PTR", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT", "URI", "URLFWD");

  /** octoDNS's ValueMixin types: one {@code value}, never {@code values}. */
  static final Set<String> SINGLE_VALUE = Set.of("ALIAS", "CNAME", "DNAME");

  /** octoDNS's CHUNK_SIZE: the longest character-string a TXT record can carry. */
  static final int CHUNK_SIZE = 255;

  private static final Pattern UNESCAPED_SEMICOLON = Pattern.compile("\\w;");
  private static final Pattern DOUBLE_ESCAPED_SEMICOLON = Pattern.compile("\\\\\\\\;");

  /** A value octoDNS would refuse or dnsjava cannot read; the message names only the value. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message);
    }
  }

  /**
   * Canonical rdata of {@code value} for a record of {@code type} at {@code owner}. {@code lenient}
   * is octoDNS's {@code octodns.lenient}: it waives octoDNS's own TXT escaping checks.
   */
  static String rdata(String type, JsonNode value, String owner, String origin, boolean lenient)
      throws BadValue {
    if (type.equals("ALIAS")) {
      // A provider's CNAME-at-the-apex, not DNS data: no dnsjava type, so the rdata is simply the
      // target, absolute and lower-case, which is all that can differ between two ALIAS sets.
      return target(value, type, "value", false);
    }
    String text = masterText(type, value, lenient);
    if (type.equals("URLFWD")) {
      return text;
    }
    try {
      return Canonical.rdata(owner, type, text, origin);
    } catch (IOException | RuntimeException e) {
      throw new BadValue(
          "value " + show(value) + " is not valid " + type + " data (" + dnsjavaReason(e) + ")");
    }
  }

  /** The rdata as it would stand in a master file (for URLFWD, our opaque form). */
  static String masterText(String type, JsonNode v, boolean lenient) throws BadValue {
    switch (type) {
      case "A":
      case "AAAA":
        return text(v, "value");
      case "CNAME":
      case "DNAME":
      case "NS":
      case "PTR":
        return target(v, type, "value", false);
      case "MX":
        return integer(v, v.has("preference") ? "preference" : "priority", 0, 65535)
            + " "
            + target(v.has("exchange") ? v.get("exchange") : v.get("value"), type, "exchange", true);
      case "SRV":
        return integer(v, "priority", 0, 65535)
            + " "
            + integer(v, "weight", 0, 65535)
            + " "
            + integer(v, "port", 0, 65535)
            + " "
            + target(v.get("target"), type, "target", true);
      case "CAA":
        return (v.has("flags") ? integer(v, "flags", 0, 255) : 0)
            + " "
            + text(v.get("tag"), "tag")
            + " "
            + quote(text(v.get("value"), "value"));
      case "TLSA":
        return integer(v, "certificate_usage", 0, 255)
            + " "
            + integer(v, "selector", 0, 255)
            + " "
            + integer(v, "matching_type", 0, 255)
            + " "
            + text(v.get("certificate_association_data"), "certificate_association_data");
      case "SSHFP":
        return integer(v, "algorithm", 0, 255)
            + " "
            + integer(v, "fingerprint_type", 0, 255)
            + " "
            + text(v.get("fingerprint"), "fingerprint");
      case "NAPTR":
        return integer(v, "order", 0, 65535)
            + " "
            + integer(v, "preference", 0, 65535)
            + " "
            + quote(text(v.get("flags"), "flags").toUpperCase(Locale.ROOT))
            + " "
            + quote(text(v.get("service"), "service"))
            + " "
            + quote(text(v.get("regexp"), "regexp"))
            + " "
            + target(v.get("replacement"), type, "replacement", true);
      case "DS":
        return ds(v);
      case "LOC":
        return loc(v);
      case "SVCB":
      case "HTTPS":
        return svcb(v, type);
      case "TXT":
      case "SPF":
        return chunked(text(v, "value"), lenient);
      case "URI":
        return integer(v, "priority", 0, 65535)
            + " "
            + integer(v, "weight", 0, 65535)
            + " "
            + quote(text(v.get("target"), "target"));
      case "OPENPGPKEY":
        return text(v, "value").replace(" ", "");
      case "URLFWD":
        return urlfwd(v);
      default:
        throw new BadValue("type " + type + " is not supported");
    }
  }

  /**
   * URLFWD is a provider feature (a web redirect), not DNS data, so it has no wire form. Its
   * rdata here is octoDNS's own {@code rdata_text}, {@code "path" "target" code masking query}, with
   * the two strings escaped as master-file strings: stable, and readable in a report.
   */
  private static String urlfwd(JsonNode v) throws BadValue {
    return quote(text(v.get("path"), "path"))
        + " "
        + quote(text(v.get("target"), "target"))
        + " "
        + integer(v, "code", 0, 999)
        + " "
        + integer(v, "masking", 0, 9)
        + " "
        + integer(v, "query", 0, 9);
  }

  /** octoDNS still reads its pre-1.0 DS field names, shifted one place; so do we. */
  private static String ds(JsonNode v) throws BadValue {
    if (v.has("public_key") || v.has("flags")) {
      return integer(v, "flags", 0, 65535)
          + " "
          + integer(v, "protocol", 0, 255)
          + " "
          + integer(v, "algorithm", 0, 255)
          + " "
          + text(v.get("public_key"), "public_key");
    }
    return integer(v, "key_tag", 0, 65535)
        + " "
        + integer(v, "algorithm", 0, 255)
        + " "
        + integer(v, "digest_type", 0, 255)
        + " "
        + text(v.get("digest"), "digest");
  }

  private static String loc(JsonNode v) throws BadValue {
    return integer(v, "lat_degrees", 0, 90)
        + " "
        + integer(v, "lat_minutes", 0, 59)
        + " "
        + number(v, "lat_seconds")
        + " "
        + text(v.get("lat_direction"), "lat_direction").toUpperCase(Locale.ROOT)
        + " "
        + integer(v, "long_degrees", 0, 180)
        + " "
        + integer(v, "long_minutes", 0, 59)
        + " "
        + number(v, "long_seconds")
        + " "
        + text(v.get("long_direction"), "long_direction").toUpperCase(Locale.ROOT)
        + " "
        + number(v, "altitude")
        + "m "
        + number(v, "size")
        + "m "
        + number(v, "precision_horz")
        + "m "
        + number(v, "precision_vert")
        + "m";
  }

  /** As octoDNS's SvcbValue.rdata_text: list parameters comma-joined, valueless keys bare. */
  private static String svcb(JsonNode v, String type) throws BadValue {
    StringBuilder out =
        new StringBuilder()
            .append(integer(v, "svcpriority", 0, 65535))
            .append(' ')
            .append(target(v.get("targetname"), type, "targetname", true));
    JsonNode params = v.get("svcparams");
    if (params != null && !params.isNull()) {
      if (!params.isObject()) {
        throw new BadValue("svcparams must be a map of SvcParam keys to values");
      }
      for (Map.Entry<String, JsonNode> p : params.properties()) {
        out.append(' ').append(p.getKey());
        JsonNode pv = p.getValue();
        if (pv == null || pv.isNull()) {
          continue;
        }
        List<String> parts = new ArrayList<>();
        if (pv.isArray()) {
          for (JsonNode item : pv) {
            parts.add(scalar(item, "svcparams." + p.getKey()));
          }
        } else {
          parts.add(scalar(pv, "svcparams." + p.getKey()));
        }
        String joined = String.join(",", parts);
        out.append('=').append(joined.matches("[^\\s\"\\\\;()]*") ? joined : quote(joined));
      }
    }
    return out.toString();
  }

  /**
   * TXT/SPF exactly as octoDNS sends them: a value that is itself a quoted chunk list is first
   * joined back into one string ({@code _ChunkedValue.process}); then {@code "} is escaped and the
   * text cut into pieces of at most 255 characters, never just after a backslash ({@code
   * chunked_value}). Backslash escapes such as {@code \;} stay escapes, as in a master file.
   */
  static String chunked(String value, boolean lenient) throws BadValue {
    if (!lenient) {
      if (UNESCAPED_SEMICOLON.matcher(value).find()) {
        throw new BadValue("unescaped ; in " + show(value) + " (octoDNS requires \\;)");
      }
      if (DOUBLE_ESCAPED_SEMICOLON.matcher(value).find()) {
        throw new BadValue("double escaped ; in " + show(value));
      }
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7f) {
        throw new BadValue("non ASCII character in " + show(value));
      }
    }
    String v = value;
    if (!v.isEmpty() && v.charAt(0) == '"') {
      v = v.length() < 2 ? "" : v.substring(1, v.length() - 1);
    }
    v = v.replace("\" \"", "").replace("\"", "\\\"");
    List<String> chunks = new ArrayList<>();
    for (int i = 0, n = v.length(); i < n; ) {
      int c = Math.min(CHUNK_SIZE, n - i);
      while (c > 1 && v.charAt(i + c - 1) == '\\') {
        c--;
      }
      chunks.add(v.substring(i, i + c));
      i += c;
    }
    return "\"" + String.join("\" \"", chunks) + "\"";
  }

  /**
   * A name in a value: octoDNS requires it absolute ({@code missing trailing .}) and IDNA-encodes
   * it; {@code .} is the null target only where {@code allowRoot} (MX, SRV, SVCB, NAPTR).
   */
  static String target(JsonNode node, String type, String key, boolean allowRoot) throws BadValue {
    String t = text(node, key);
    if (t.isEmpty()) {
      throw new BadValue("missing " + key);
    }
    if (t.equals(".")) {
      if (allowRoot) {
        return t;
      }
      throw new BadValue(type + " " + key + " \".\" is not a valid target");
    }
    if (!t.endsWith(".")) {
      throw new BadValue(
          type + " " + key + " \"" + t + "\" missing trailing . (names in values must be absolute)");
    }
    try {
      return Canonical.name(Name.fromString(idna(t)));
    } catch (TextParseException | IllegalArgumentException e) {
      throw new BadValue(type + " " + key + " \"" + t + "\" is not a valid name (" + e.getMessage() + ")");
    }
  }

  /** Non-ASCII names are punycoded, as octoDNS's idna_encode does; ASCII is left untouched. */
  static String idna(String name) throws BadValue {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7f) {
        try {
          return java.net.IDN.toASCII(name, java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
          throw new BadValue("\"" + name + "\" is not a valid international name");
        }
      }
    }
    return name;
  }

  private static long integer(JsonNode v, String key, long min, long max) throws BadValue {
    JsonNode n = v == null ? null : v.get(key);
    if (n == null || n.isNull()) {
      throw new BadValue("missing " + key);
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new BadValue(key + " " + show(n) + " is not an integer");
    }
    long l = n.longValue();
    if (l < min || l > max) {
      throw new BadValue(key + " " + l + " is outside " + min + ".." + max);
    }
    return l;
  }

  /** A YAML number as plain decimal text: 52.1 stays 52.1, 20 stays 20 (never 2E+1). */
  private static String number(JsonNode v, String key) throws BadValue {
    JsonNode n = v.get(key);
    if (n == null || !n.isNumber()) {
      throw new BadValue(key + " " + (n == null ? "is missing" : show(n) + " is not a number"));
    }
    return plain(n, key);
  }

  private static String plain(JsonNode n, String key) throws BadValue {
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (!Double.isFinite(n.doubleValue())) {
      throw new BadValue(key + " " + show(n) + " is not a finite number");
    }
    BigDecimal d = n.isBigDecimal() ? n.decimalValue() : BigDecimal.valueOf(n.doubleValue());
    return d.stripTrailingZeros().toPlainString();
  }

  private static String text(JsonNode n, String key) throws BadValue {
    if (n == null || n.isNull()) {
      throw new BadValue("missing " + key);
    }
    if (!n.isString()) {
      throw new BadValue(key + " " + show(n) + " is not a string");
    }
    return n.asString();
  }

  /** Strings, numbers and booleans as their text: SvcParam values such as {@code port: 443}. */
  private static String scalar(JsonNode n, String key) throws BadValue {
    if (n.isString()) {
      return n.asString();
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      return plain(n, key);
    }
    throw new BadValue(key + " " + show(n) + " must be a string or a number");
  }

  /** A master-file character-string: quoted, with {@code "} and {@code \} escaped. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  static String show(JsonNode n) {
    if (n == null) {
      return "(none)";
    }
    if (n.isString()) {
      return show(n.asString());
    }
    String t = n.toString();
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
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
