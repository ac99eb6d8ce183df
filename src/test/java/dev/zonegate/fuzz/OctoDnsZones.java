package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * octoDNS YAML zone files made from a fuzzer's choices: a few names, each with one or two records
 * of any type octoDNS knows (and a few it does not), their values drawn from pools of the valid,
 * the nearly valid and the invalid, as YAML 1.1 spells them (quoted or plain, numbers as strings,
 * octal, sexagesimal, booleans), with TTLs and {@code octodns:} settings. Mutating bytes of a YAML
 * file mostly breaks its syntax, where both readers agree at once; choosing among such pieces
 * keeps every file well formed and aims the comparison at what the readers make of the values.
 */
final class OctoDnsZones {
  private OctoDnsZones() {}

  static final String[] NAMES = {
    "''", "www", "'*'", "'*.wild'", "_sip._tcp", "_dmarc", "sub.deep", "UPPER", "mixed-Case", "xn--bcher-kva",
    "bücher", "a_b", "-lead", "trail-", "'123'", "'on'", "'null'", "~", "a..b", "x".repeat(63), "y".repeat(64),
    "'a b'", "mail", "ns", "sub", "'*.sub'", "example.com", "www.example.com.", "'10'", "'9'", "2001-01-01",
    "1_000", "0x1F", "yes", "Off", "'@'", "É", "'Ⅻ'", "'a\\tb'"
  };

  static final String[] TTLS = {
    null, "0", "60", "'300'", "-1", "2147483647", "2147483648", "1.5", "yes", "010", "1:30", "0x10", "''", "3600"
  };

  static final String[] TYPES = {
    "A", "AAAA", "ALIAS", "CAA", "CNAME", "DNAME", "DS", "LOC", "MX", "NAPTR", "NS", "PTR", "SPF", "SRV", "SSHFP",
    "SVCB", "HTTPS", "TLSA", "TXT", "URLFWD", "a", "BOGUS"
  };

  static final String[] HOSTS = {
    "target.example.com.", "target.example.com", "TARGET.Example.COM.", "'.'", "''", "a..b.", "'*.example.com.'",
    "_x.example.com.", "bücher.example.", "xn--bcher-kva.example.", "example.com.", "other.example.net.", "'1.2.3.4'",
    "'-x.example.com.'", "t\\.dot.example.com.", "'a b.example.com.'"
  };

  static final String[] A = {
    "192.0.2.1", "192.0.2.2", "'192.0.2.1'", "256.1.1.1", "1.2.3", "::1", "010.0.0.1", "' 192.0.2.1'", "''",
    "0.0.0.0", "192.0.2.1 ", "1", "0x7f000001", "3232235777", "'192.0.2.1\\n'", "192.000.002.001"
  };

  static final String[] AAAA = {
    "2001:db8::1", "2001:DB8::1", "'::ffff:192.0.2.1'", "1.2.3.4", "2001:db8::g", "0:0:0:0:0:0:0:1", "'::'",
    "2001:db8:0:0:1:0:0:1", "'2001:db8::1%eth0'"
  };

  static final String[] TEXTS = {
    "v=spf1 -all", "'a\\; b'", "'a; b'", "'\"quoted\"'", "'" + "z".repeat(300) + "'", "héllo", "''", "'back\\\\slash'",
    "'two  spaces'", "\"tab\\there\"", "'v=DKIM1\\; k=rsa\\; p=MIGf'", "yes", "1.0", "'\\\\;'", "' lead'",
    // YAML 1.1 scalars PyYAML makes into other things than strings
    "010", "0x1F", "1:30", "~", "null", "1e3", ".inf", "2001-01-01", "2001-01-01 10:00:00", "1_000", "0b101", "+12",
    "'0'", "!!binary aGVsbG8=", "[a, b]", "{a: b}"
  };

  static final String[] MX = {
    "{exchange: mx.example.com., preference: 10}", "{exchange: mx, preference: '10'}",
    "{value: mx.example.com., priority: 5}", "{exchange: '.', preference: 0}", "{exchange: x.example., preference: 70000}",
    "{exchange: mx.example.com.}", "{preference: 10}", "{exchange: MX.Example.com., preference: 010}",
    "{exchange: mx.example.com., preference: -1}", "{exchange: mx.example.com., preference: 1.5}"
  };

  static final String[] SRV = {
    "{port: 443, priority: 1, target: t.example.com., weight: 5}", "{port: 443, priority: 1, weight: 5}",
    "{port: 70000, priority: 1, target: t.example.com., weight: 5}", "{port: 0, priority: 0, target: '.', weight: 0}",
    "{port: '443', priority: '1', target: t.example.com, weight: '5'}", "{port: 443, priority: 1, target: '', weight: 5}",
    "{port: 443, priority: 1, target: t.example.com., weight: -5}"
  };

  static final String[] CAA = {
    "{flags: 0, tag: issue, value: ca.example.net}", "{flags: 128, tag: iodef, value: 'mailto:a@example.com'}",
    "{tag: Issue, value: ca.example.net}", "{flags: 0, tag: 'bad tag', value: x}", "{flags: 0, tag: issue, value: ''}",
    "{flags: 256, tag: issue, value: x}", "{tag: issuewild, value: ';'}"
  };

  static final String[] SSHFP = {
    "{algorithm: 1, fingerprint_type: 1, fingerprint: abcdef}", "{algorithm: 1, fingerprint_type: 1, fingerprint: xyz}",
    "{algorithm: 9, fingerprint_type: 2, fingerprint: ABCDEF}", "{algorithm: 1, fingerprint_type: 1}"
  };

  static final String[] TLSA = {
    "{certificate_usage: 3, selector: 1, matching_type: 1, certificate_association_data: abcdef}",
    "{certificate_usage: 3, selector: 1, matching_type: 1, certificate_association_data: ABCDEF}",
    "{certificate_usage: 3, selector: 1, matching_type: 1, certificate_association_data: xyz}",
    "{certificate_usage: 4, selector: 2, matching_type: 3, certificate_association_data: '00'}"
  };

  static final String[] DS = {
    "{key_tag: 12345, algorithm: 8, digest_type: 2, digest: abcdef}", "{key_tag: 70000, algorithm: 8, digest_type: 2, digest: ab}",
    "{key_tag: 1, algorithm: 8, digest_type: 2, digest: xyz}",
    "{flags: 12345, protocol: 8, algorithm: 2, public_key: abcdef}"
  };

  static final String[] NAPTR = {
    "{order: 10, preference: 20, flags: U, service: 'E2U+sip', regexp: '!^.*$!sip:x@example.com!', replacement: .}",
    "{order: 10, preference: 20, flags: S, service: 'SIP+D2U', regexp: '', replacement: _sip._udp.example.com.}",
    "{order: 70000, preference: 20, flags: U, service: x, regexp: '', replacement: .}",
    "{order: 1, preference: 1, flags: 'a\"b', service: x, regexp: '', replacement: .}"
  };

  static final String[] LOC = {
    "{lat_degrees: 51, lat_minutes: 30, lat_seconds: 12.5, lat_direction: N, long_degrees: 0, long_minutes: 7,"
        + " long_seconds: 39.6, long_direction: W, altitude: 10, size: 1, precision_horz: 10000, precision_vert: 10}",
    "{lat_degrees: 91, lat_minutes: 0, lat_seconds: 0, lat_direction: N, long_degrees: 0, long_minutes: 0,"
        + " long_seconds: 0, long_direction: E, altitude: 0, size: 0, precision_horz: 0, precision_vert: 0}",
    "{lat_degrees: 1, lat_minutes: 2, lat_seconds: 3, lat_direction: S, long_degrees: 4, long_minutes: 5,"
        + " long_seconds: 6, long_direction: E, altitude: -100000.5, size: 90000000, precision_horz: 1, precision_vert: 1}"
  };

  static final String[] SVCB = {
    "{svcpriority: 1, targetname: ., svcparams: {alpn: [h2, h3], port: 443}}", "{svcpriority: 0, targetname: t.example.com.}",
    "{svcpriority: 1, targetname: t.example.com., svcparams: {ipv4hint: [192.0.2.1], no-default-alpn: ~}}",
    "{svcpriority: 1, targetname: t.example.com., svcparams: {port: -1}}",
    "{svcpriority: 1, targetname: t.example.com., svcparams: {key65000: abc, mandatory: [alpn]}}"
  };

  static final String[] URLFWD = {
    "{code: 301, masking: 2, query: 0, path: '/', target: 'http://x.example/'}",
    "{code: 999, masking: 2, query: 0, path: '/', target: 'http://x.example/'}", "{code: 302, path: '/a'}"
  };

  static final String[] GEOS = {"EU", "NA-US", "NA-US-CA", "AS", "eu", "XX", "EU-XX", "NA-US-CA-SF"};

  static final String[] WEIGHTS = {null, "1", "50", "0", "101", "'5'", "2.5"};

  static final String[] OCTODNS = {
    "{ignored: true}", "{lenient: true}", "{cloudflare: {proxied: true}}", "{ignored: false}",
    "{healthcheck: {protocol: TCP, port: 443}}", "{route53: {healthcheck: {measure_latency: false}}}", "{}"
  };

  /**
   * How many of each pool's first entries are values octoDNS loads as they stand: three choices
   * in four take one of those, so most files load on both sides and the comparison reaches the
   * records, not only the first refusal.
   */
  private static final Map<String[], Integer> VALID = new IdentityHashMap<>();

  static {
    VALID.put(NAMES, 4);
    VALID.put(HOSTS, 1);
    VALID.put(A, 2);
    VALID.put(AAAA, 3);
    VALID.put(TEXTS, 2);
    VALID.put(MX, 2);
    VALID.put(SRV, 1);
    VALID.put(CAA, 2);
    VALID.put(SSHFP, 1);
    VALID.put(TLSA, 2);
    VALID.put(DS, 1);
    VALID.put(NAPTR, 2);
    VALID.put(LOC, 1);
    VALID.put(SVCB, 2);
    VALID.put(URLFWD, 1);
    VALID.put(OCTODNS, 7);
    VALID.put(TTLS, 4);
    VALID.put(TYPES, 20);
    VALID.put(GEOS, 4);
    VALID.put(WEIGHTS, 3);
  }

  /** One of the pool's entries, valid three times in four. */
  static String pick(FuzzedDataProvider d, String[] pool) {
    Integer valid = VALID.get(pool);
    return valid != null && d.consumeInt(0, 3) > 0 ? pool[d.consumeInt(0, valid - 1)] : d.pickValue(pool);
  }

  /** A whole zone file; {@code settings} (0 to 5) is written last as the fuzz test reads it. */
  static byte[] zone(FuzzedDataProvider d, int settings) {
    StringBuilder y = new StringBuilder("---\n");
    int names = d.consumeInt(1, 5);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < names; i++) {
      chosen.add(pick(d, NAMES));
    }
    if (d.consumeBoolean()) {
      chosen.sort(null); // mostly in order; natural order may still differ, which both must judge
    }
    for (String name : chosen) {
      y.append(name).append(":\n");
      int records = d.consumeInt(1, 2);
      for (int r = 0; r < records; r++) {
        String indent = records == 1 ? "  " : "    ";
        y.append(records == 1 ? "" : "  - ");
        record(d, y, indent, records == 1);
      }
    }
    y.append("# settings ").append(settings);
    return y.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void record(FuzzedDataProvider d, StringBuilder y, String indent, boolean first) {
    String type = pick(d, TYPES);
    boolean lead = !first; // in a list, the first key follows "- "
    if (d.consumeInt(0, 3) == 0) {
      key(y, indent, lead).append("octodns: ").append(pick(d, OCTODNS)).append('\n');
      lead = false;
    }
    String ttl = pick(d, TTLS);
    if (ttl != null) {
      key(y, indent, lead).append("ttl: ").append(ttl).append('\n');
      lead = false;
    }
    key(y, indent, lead).append("type: ").append(type).append('\n');
    String[] pool = pool(type);
    String upper = type.toUpperCase(Locale.ROOT);
    if (Set.of("A", "AAAA").contains(upper) && d.consumeInt(0, 5) == 0) {
      y.append(indent).append("geo:\n");
      int codes = d.consumeInt(1, 2);
      for (int g = 0; g < codes; g++) {
        y.append(indent).append("  ").append(pick(d, GEOS)).append(": [").append(pick(d, pool)).append("]\n");
      }
    } else if (Set.of("A", "AAAA", "CNAME", "DNAME").contains(upper) && d.consumeInt(0, 4) == 0) {
      dynamic(d, y, indent, pool);
    }
    int values = d.consumeInt(0, 3);
    if (values == 0) {
      y.append(indent).append("value: ").append(pick(d, pool)).append('\n');
    } else {
      y.append(indent).append("values:\n");
      for (int v = 0; v < values; v++) {
        y.append(indent).append("  - ").append(pick(d, pool)).append('\n');
      }
    }
  }

  /** A dynamic block: one or two pools of a value or two, a rule per pool, the last a catch-all. */
  private static void dynamic(FuzzedDataProvider d, StringBuilder y, String indent, String[] pool) {
    int pools = d.consumeInt(1, 2);
    y.append(indent).append("dynamic:\n").append(indent).append("  pools:\n");
    for (int p = 0; p < pools; p++) {
      y.append(indent).append("    p").append(p).append(":\n").append(indent).append("      values:\n");
      int values = d.consumeInt(1, 2);
      for (int v = 0; v < values; v++) {
        y.append(indent).append("        - value: ").append(pick(d, pool)).append('\n');
        String weight = pick(d, WEIGHTS);
        if (weight != null) {
          y.append(indent).append("          weight: ").append(weight).append('\n');
        }
      }
    }
    y.append(indent).append("  rules:\n");
    for (int p = 0; p < pools; p++) {
      y.append(indent).append("    - pool: p").append(p).append('\n');
      if (p < pools - 1) {
        y.append(indent).append("      geos: [").append(pick(d, GEOS)).append("]\n");
      }
    }
  }

  /** The indent before a key; none for the first key of a list item, which follows "- ". */
  private static StringBuilder key(StringBuilder y, String indent, boolean lead) {
    return lead ? y : y.append(indent);
  }

  private static String[] pool(String type) {
    switch (type.toUpperCase(Locale.ROOT)) {
      case "A":
        return A;
      case "AAAA":
        return AAAA;
      case "ALIAS":
      case "CNAME":
      case "DNAME":
      case "NS":
      case "PTR":
        return HOSTS;
      case "CAA":
        return CAA;
      case "DS":
        return DS;
      case "LOC":
        return LOC;
      case "MX":
        return MX;
      case "NAPTR":
        return NAPTR;
      case "SRV":
        return SRV;
      case "SSHFP":
        return SSHFP;
      case "SVCB":
      case "HTTPS":
        return SVCB;
      case "TLSA":
        return TLSA;
      case "URLFWD":
        return URLFWD;
      default:
        return TEXTS;
    }
  }
}
