package dev.zonegate.zone;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated octoDNS zone files for {@link OctoDnsDifferentialTest}: each one small, each aimed at
 * one way octoDNS 1.22 reads YAML (YAML 1.1 scalars, duplicate keys, merge keys, key order), one
 * legacy validator, one value processing rule, or one provider option. Deterministic: the same
 * list every run, in the same order, with stable ids.
 */
final class OctoDnsCases {
  private OctoDnsCases() {}

  static final String ZONE = "example.com.";
  static final String FILE = "example.com.yaml";

  /** One generated case: files by name (the zone file is {@link #FILE}), and provider options. */
  record Gen(String id, Map<String, byte[]> files, OctoDnsOptions options) {}

  private static final OctoDnsOptions ORDERED = OctoDnsOptions.DEFAULTS;
  private static final OctoDnsOptions UNORDERED = OctoDnsOptions.UNORDERED;

  private static final class Out {
    final List<Gen> cases = new ArrayList<>();
    final Set<String> ids = new HashSet<>();

    void add(String id, String yaml, OctoDnsOptions o) {
      add(id, Map.of(FILE, yaml.getBytes(StandardCharsets.UTF_8)), o);
    }

    void add(String id, Map<String, byte[]> files, OctoDnsOptions o) {
      if (!ids.add(id)) {
        throw new IllegalStateException("duplicate case id " + id);
      }
      cases.add(new Gen(id, files, o));
    }

    /** Both with the order enforced (octoDNS's default) and without. */
    void both(String id, String yaml) {
      add(id, yaml, ORDERED);
      add(id + "~unordered", yaml, UNORDERED);
    }

    void lenientToo(String id, String yaml) {
      add(id, yaml, UNORDERED);
      add(id + "~lenient", yaml, UNORDERED.withLenient(true));
    }
  }

  static List<Gen> all() {
    Out o = new Out();
    keys(o);
    scalarValues(o);
    names(o);
    targets(o);
    types(o);
    duplicates(o);
    order(o);
    options(o);
    zoneChecks(o);
    documents(o);
    lenient(o);
    mixed(o);
    return o.cases;
  }

  /** One case per row: {@code prefix/row[0]}, the YAML {@code head + row[1]}. */
  private static void table(Out o, String prefix, String head, String[][] rows) {
    for (String[] row : rows) {
      o.add(prefix + "/" + row[0], head + row[1], UNORDERED);
    }
  }

  private static String a(String key) {
    return key + ":\n  type: A\n  value: 192.0.2.1\n";
  }

  // ---------------------------------------------------------------- YAML 1.1 keys as names

  static final List<String> SCALARS =
      List.of(
          "~", "null", "Null", "NULL", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
          "true", "True", "TRUE", "false", "False", "FALSE", "y", "Y", "n", "N", "1", "0", "-1", "+1", "1.0", "1.5",
          "1.", ".5", "0x1f", "0x1F", "017", "0o17", "09", "0b101", "1_000", "1:30", "1:30.5", "190:20:30", ".inf",
          "-.inf", ".nan", ".NaN", "+.nan", "1e3", "1.0e+3", "1.0e3", "2002-12-14", "2002-12-14T21:59:43.10-05:00",
          "2002-12-14 21:59:43.10 -5", "2001-12-14t21:59:43.10Z", "2002-13-14", "0_", "0b", "0x_", "1__0", "_1",
          "'1'", "\"yes\"", "'~'", "!!str 1", "!!str yes", "! 12", "!!int '12'", "!!float '1'", "!!bool 'yes'",
          "\"0x1f\"", "'1.0'");

  private static void keys(Out o) {
    for (int i = 0; i < SCALARS.size(); i++) {
      String k = SCALARS.get(i);
      o.both("key/" + i, a(k));
    }
    // keys that are one Python key: 1, 1.0, true / the last value wins, the first key names it
    o.add("key/collide-1-1.0-true", "1:\n  type: A\n  value: 192.0.2.1\n1.0:\n  type: A\n  value: 192.0.2.2\n"
        + "true:\n  type: A\n  value: 192.0.2.3\n", UNORDERED);
    o.add("key/collide-yes-on", "yes:\n  type: A\n  value: 192.0.2.1\non:\n  type: A\n  value: 192.0.2.2\n", UNORDERED);
    o.add("key/collide-str-int", "'1':\n  type: A\n  value: 192.0.2.1\n1:\n  type: A\n  value: 192.0.2.2\n", UNORDERED);
    o.add("key/collide-none-null", "~:\n  type: A\n  value: 192.0.2.1\nnone:\n  type: A\n  value: 192.0.2.2\n", UNORDERED);
    o.add("key/sorted-mixed", "~:\n  type: A\n  value: 192.0.2.1\n1:\n  type: A\n  value: 192.0.2.2\n"
        + "a:\n  type: A\n  value: 192.0.2.3\n", ORDERED);
    o.add("key/sorted-date", "2002-12-14:\n  type: A\n  value: 192.0.2.1\n5:\n  type: A\n  value: 192.0.2.2\n", ORDERED);
    o.add("key/empty", "'':\n  type: A\n  value: 192.0.2.1\n", ORDERED);
    o.add("key/plain-empty", ":\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("key/list", "? [a, b]\n: {type: A, value: 192.0.2.1}\n", UNORDERED);
    o.add("key/map", "? {a: b}\n: {type: A, value: 192.0.2.1}\n", UNORDERED);
    o.add("key/equals", "=:\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("key/merge-value", "a:\n  type: A\n  value: <<\n", UNORDERED);
    o.add("key/equals-value", "a:\n  type: TXT\n  value: =\n", UNORDERED);
  }

  // ---------------------------------------------------------------- YAML 1.1 scalars as values

  private static void scalarValues(Out o) {
    List<String> ttls =
        List.of("0x3c", "074", "0b111100", "1:00", "60.9", "'60'", "\" 60 \"", "'6_0'", "'6__0'", "'٦٠'", "yes",
            "~", "-1", "0", "2147483647", "2147483648", "99999999999999999999", "1e3", "1.5e+2", "'1e3'", "'0x3c'",
            ".inf", ".nan", "[60]", "{a: 1}", "2002-12-14", "'-0'", "'+60'", "!!binary NjA=");
    for (int i = 0; i < ttls.size(); i++) {
      o.add("ttl/" + i, "www:\n  ttl: " + ttls.get(i) + "\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    }
    List<String> prefs =
        List.of("010", "'010'", "10.5", "'10'", "70000", "-1", "yes", "'abc'", "~", "0x0a", "1:00", "'10.5'", "[1]");
    for (int i = 0; i < prefs.size(); i++) {
      o.add("mx-preference/" + i,
          "mx:\n  type: MX\n  value:\n    exchange: mail.example.com.\n    preference: " + prefs.get(i) + "\n", UNORDERED);
    }
    List<String> txts =
        List.of("yes", "\"yes\"", "123", "1.5", "~", "2002-12-14", "a;b", "'a\\;b'", "'a\\\\;b'", "'v=DKIM1\\; p=x'",
            "'caf\u00e9'", "'say \"hi\"'", "'\"abc\" \"def\"'", "'\"quoted\"'", "'back\\slash'", "''", "'\"'",
            "\"tab\\there\"", "|\n    line one\n    line two", "'" + "x".repeat(600) + "'",
            "'" + "y".repeat(254) + "\\;z'", "'" + "\\\\".repeat(300) + "'", "'a;'", "'é;'", "';'", "'x ;y'",
            "[a, b]", "!!binary YWJj", "'\u00a0'");
    for (int i = 0; i < txts.size(); i++) {
      o.add("txt-value/" + i, "t:\n  type: TXT\n  value: " + txts.get(i) + "\n", UNORDERED);
    }
    List<String> ips =
        List.of("192.0.2.1", "01.2.3.4", "' 192.0.2.1'", "16909060", "~", "''", "192.0.2.256", "1.2.3", "1.2.3.4.5",
            "'١٩٢.0.2.1'", "192.0.2.1/32", "[]", "[192.0.2.1, 192.0.2.1]", "[192.0.2.2, 192.0.2.1]", "[192.0.2.1, ~]",
            "{a: 1}", "1.5", "true");
    for (int i = 0; i < ips.size(); i++) {
      o.add("a-value/" + i, "h:\n  type: A\n  value: " + ips.get(i) + "\n", UNORDERED);
    }
    List<String> ip6s =
        List.of("2001:db8::1", "2001:DB8::1", "'::ffff:192.0.2.1'", "'fe80::1%eth0'", "'1::2::3'", "'::'",
            "'2001:db8:0:0:0:0:0:1'", "'2001:db8::1::'", "'2001:0db8:0000:0000:0000:0000:0000:00001'", "'1:2:3:4:5:6:7:8:9'",
            "'::1:2:3:4:5:6:7'", "'1:2:3:4:5:6:7::'", "'fe80::1%'", "192.0.2.1", "'1:2:3:4:5:6:1.2.3.4'");
    for (int i = 0; i < ip6s.size(); i++) {
      o.add("aaaa-value/" + i, "h:\n  type: AAAA\n  value: " + ip6s.get(i) + "\n", UNORDERED);
    }
  }

  // ---------------------------------------------------------------- names

  private static void names(Out o) {
    List<String> names =
        List.of("'@'", "WWW", "www.", ".www", "a..b", "'a b'", "\"a\\tb\"", "'" + "l".repeat(63) + "'",
            "'" + "l".repeat(64) + "'", "'" + ("a".repeat(60) + ".").repeat(4) + "b'", "'" + ("a".repeat(60) + ".").repeat(3) + "abcdefghijklmnopqrstuvwxyz0123456789'",
            "b\u00fccher", "stra\u00dfe", "'\u2603'", "xn--bcher-kva", "xn--zz", "'xn--'", "'*'", "'*.wild'", "a/b",
            "'a;b'", "_dmarc", "B\u00dcCHER", "'e\u0301'", "'-a'", "a-", "'a\\b'", "'a\"b'", "'(x)'", "'$x'",
            "'\u00e9.\u00e9'", "'ab--c'", "'xn--ab'", "'\u0661'", "'a\u3002b'");
    for (int i = 0; i < names.size(); i++) {
      o.add("name/" + i, a(names.get(i)), UNORDERED);
    }
  }

  // ---------------------------------------------------------------- targets

  static final List<String> TARGETS =
      List.of("target.example.com.", "target.example.com", "localhost", "localhost.", "_srv.example.com.",
          "a-.example.com.", "-a.example.com.", "'*.example.com.'", "'ex ample.com.'", "b\u00fccher.example.",
          "1.2.3.4", "'{zone}'", "'{a}.example.com'", "123", "'.'", "''", "~", "TARGET.Example.COM.",
          "'" + "t".repeat(64) + ".example.com.'", "\u2603.example.com.", "'a..b.example.com.'", "[x.example.com.]",
          "'x.example.com..'", "'a_b.example.com'", "'123.example.com'");

  private static void targets(Out o) {
    for (int i = 0; i < TARGETS.size(); i++) {
      String t = TARGETS.get(i);
      o.add("cname/" + i, "c:\n  type: CNAME\n  value: " + t + "\n", UNORDERED);
      o.add("dname/" + i, "d:\n  type: DNAME\n  value: " + t + "\n", UNORDERED);
      o.add("ns/" + i, "n:\n  type: NS\n  values:\n    - ns1.example.net.\n    - " + t + "\n", UNORDERED);
      o.add("ptr/" + i, "p:\n  type: PTR\n  value: " + t + "\n", UNORDERED);
      o.add("alias/" + i, "'':\n  type: ALIAS\n  value: " + t + "\n", UNORDERED);
      o.add("mx/" + i, "m:\n  type: MX\n  value:\n    exchange: " + t + "\n    preference: 10\n", UNORDERED);
      o.add("srv/" + i, "_sip._tcp:\n  type: SRV\n  value:\n    port: 5060\n    priority: 1\n    target: " + t
          + "\n    weight: 1\n", UNORDERED);
      o.add("https/" + i, "h:\n  type: HTTPS\n  value:\n    svcpriority: 1\n    targetname: " + t + "\n", UNORDERED);
      o.add("naptr/" + i, "n:\n  type: NAPTR\n  value:\n    flags: S\n    order: 1\n    preference: 1\n"
          + "    regexp: ''\n    replacement: " + t + "\n    service: SIP+D2U\n", UNORDERED);
    }
    o.add("cname/root", "'':\n  type: CNAME\n  value: target.example.com.\n", UNORDERED);
    o.add("cname/values", "c:\n  type: CNAME\n  values: [target.example.com.]\n", UNORDERED);
    o.add("cname/both", "c:\n  type: CNAME\n  value: a.example.com.\n  values: [b.example.com.]\n", UNORDERED);
    o.add("cname/list", "c:\n  type: CNAME\n  value: [a.example.com.]\n", UNORDERED);
    o.add("alias/non-root", "www:\n  type: ALIAS\n  value: lb.example.net.\n", UNORDERED);
    o.add("mx/priority-value", "m:\n  type: MX\n  value:\n    priority: 10\n    value: mail.example.com.\n", UNORDERED);
    o.add("mx/priority-bad", "m:\n  type: MX\n  value:\n    priority: x\n    value: mail.example.com.\n", UNORDERED);
    o.add("mx/no-exchange", "m:\n  type: MX\n  value:\n    preference: 10\n", UNORDERED);
    o.add("mx/empty-exchange", "m:\n  type: MX\n  value:\n    exchange: ''\n    preference: 10\n    value: mail.example.com.\n", UNORDERED);
    o.add("mx/string", "m:\n  type: MX\n  value: 10 mail.example.com.\n", UNORDERED);
    o.add("mx/null-mx", "m:\n  type: MX\n  value:\n    exchange: .\n    preference: 0\n", UNORDERED);
    o.add("ns/empty", "n:\n  type: NS\n  values: []\n", UNORDERED);
    o.add("ns/null", "n:\n  type: NS\n  values: ~\n", UNORDERED);
  }

  // ---------------------------------------------------------------- the other types

  private static void types(Out o) {
    String caa = "c:\n  type: CAA\n  value:\n";
    table(o, "caa", caa, new String[][] {
        {"ok", "    flags: 0\n    tag: issue\n    value: ca.example.net\n"},
        {"no-flags", "    tag: issue\n    value: ca.example.net\n"},
        {"flags-256", "    flags: 256\n    tag: issue\n    value: x\n"},
        {"flags-str", "    flags: '128'\n    tag: issue\n    value: x\n"},
        {"flags-bad", "    flags: abc\n    tag: issue\n    value: x\n"},
        {"no-tag", "    value: x\n"},
        {"no-value", "    tag: issue\n"},
        {"value-null", "    tag: issue\n    value: ~\n"},
        {"value-int", "    tag: issue\n    value: 5\n"},
        {"tag-int", "    tag: 5\n    value: x\n"},
        {"quote", "    tag: issue\n    value: 'a\"b'\n"},
        {"backslash", "    tag: issue\n    value: 'a\\b'\n"},
        {"tag-bad", "    tag: 'is sue'\n    value: x\n"},
        {"unicode", "    tag: iodef\n    value: 'mailto:caf\u00e9@example.com'\n"}});
    o.add("caa/string", "c:\n  type: CAA\n  value: 0 issue x\n", UNORDERED);
    String ds = "d:\n  type: DS\n  value:\n";
    table(o, "ds", ds, new String[][] {
        {"ok", "    algorithm: 8\n    digest: " + "AB01".repeat(16) + "\n    digest_type: 2\n    key_tag: 60485\n"},
        {"legacy", "    algorithm: 2\n    flags: 60485\n    protocol: 8\n    public_key: " + "ab01".repeat(16) + "\n"},
        {"short-digest", "    algorithm: 8\n    digest: ABCDEF01\n    digest_type: 2\n    key_tag: 60485\n"},
        {"legacy-partial", "    flags: 1\n    public_key: abcdef01\n"},
        {"no-digest", "    algorithm: 8\n    digest_type: 2\n    key_tag: 1\n"},
        {"bad-key-tag", "    algorithm: 8\n    digest: ab\n    digest_type: 2\n    key_tag: x\n"},
        {"key-tag-70000", "    algorithm: 8\n    digest: ab\n    digest_type: 2\n    key_tag: 70000\n"},
        {"digest-int", "    algorithm: 8\n    digest: 1234\n    digest_type: 2\n    key_tag: 1\n"},
        {"not-hex", "    algorithm: 8\n    digest: xyz\n    digest_type: 2\n    key_tag: 1\n"}});
    String loc = "l:\n  type: LOC\n  value:\n";
    String locBase = "    altitude: 20\n    lat_degrees: 31\n    lat_direction: S\n    lat_minutes: 58\n    lat_seconds: 52.1\n"
        + "    long_degrees: 115\n    long_direction: E\n    long_minutes: 49\n    long_seconds: 11.7\n"
        + "    precision_horz: 10\n    precision_vert: 2\n    size: 10\n";
    o.add("loc/ok", loc + locBase, UNORDERED);
    o.add("loc/lowercase", loc + locBase.replace("lat_direction: S", "lat_direction: s"), UNORDERED);
    o.add("loc/lowercase~lenient", loc + locBase.replace("lat_direction: S", "lat_direction: s"), UNORDERED.withLenient(true));
    o.add("loc/degrees-91", loc + locBase.replace("lat_degrees: 31", "lat_degrees: 91"), UNORDERED);
    o.add("loc/seconds-str", loc + locBase.replace("lat_seconds: 52.1", "lat_seconds: '52.1'"), UNORDERED);
    o.add("loc/seconds-bad", loc + locBase.replace("lat_seconds: 52.1", "lat_seconds: abc"), UNORDERED);
    o.add("loc/degrees-float", loc + locBase.replace("lat_degrees: 31", "lat_degrees: 31.9"), UNORDERED);
    o.add("loc/altitude-neg", loc + locBase.replace("altitude: 20", "altitude: -100.5"), UNORDERED);
    o.add("loc/missing", loc + locBase.replace("    size: 10\n", ""), UNORDERED);
    o.add("loc/tiny", loc + locBase.replace("lat_seconds: 52.1", "lat_seconds: 0.00001"), UNORDERED);
    String naptr = "n:\n  type: NAPTR\n  value:\n";
    String naptrBase = "    flags: S\n    order: 100\n    preference: 10\n    regexp: ''\n    replacement: _sip._udp.example.com.\n"
        + "    service: SIP+D2U\n";
    o.add("naptr/ok", naptr + naptrBase, UNORDERED);
    o.add("naptr/lower-flags", naptr + naptrBase.replace("flags: S", "flags: u"), UNORDERED);
    o.add("naptr/empty-flags", naptr + naptrBase.replace("flags: S", "flags: ''"), UNORDERED);
    o.add("naptr/bad-flags", naptr + naptrBase.replace("flags: S", "flags: Q"), UNORDERED);
    o.add("naptr/regexp", naptr + naptrBase.replace("regexp: ''", "regexp: '!^.*$!sip:info@example.com!'"), UNORDERED);
    o.add("naptr/backref", naptr + naptrBase.replace("regexp: ''", "regexp: '!^(.*)$!sip:\\\\1@example.com!'"), UNORDERED);
    o.add("naptr/no-service", naptr + naptrBase.replace("    service: SIP+D2U\n", ""), UNORDERED);
    o.add("naptr/service-null", naptr + naptrBase.replace("service: SIP+D2U", "service: ~"), UNORDERED);
    o.add("naptr/order-str", naptr + naptrBase.replace("order: 100", "order: '100'"), UNORDERED);
    String sshfp = "s:\n  type: SSHFP\n  value:\n";
    table(o, "sshfp", sshfp, new String[][] {
        {"ok", "    algorithm: 1\n    fingerprint: " + "ab".repeat(20) + "\n    fingerprint_type: 1\n"},
        {"sha256", "    algorithm: 4\n    fingerprint: " + "CD".repeat(32) + "\n    fingerprint_type: 2\n"},
        {"short", "    algorithm: 1\n    fingerprint: abcd\n    fingerprint_type: 1\n"},
        {"alg-5", "    algorithm: 5\n    fingerprint: " + "ab".repeat(20) + "\n    fingerprint_type: 1\n"},
        {"type-3", "    algorithm: 1\n    fingerprint: abcd\n    fingerprint_type: 3\n"},
        {"fp-int", "    algorithm: 1\n    fingerprint: 1234\n    fingerprint_type: 1\n"},
        {"fp-int-3", "    algorithm: 1\n    fingerprint: 1234\n    fingerprint_type: 3\n"},
        {"not-hex", "    algorithm: 1\n    fingerprint: " + "zz".repeat(20) + "\n    fingerprint_type: 1\n"},
        {"no-fp", "    algorithm: 1\n    fingerprint_type: 1\n"}});
    String tlsa = "_443._tcp:\n  type: TLSA\n  value:\n";
    table(o, "tlsa", tlsa, new String[][] {
        {"ok", "    certificate_association_data: ABCDEF\n    certificate_usage: 3\n    matching_type: 1\n    selector: 1\n"},
        {"usage-4", "    certificate_association_data: ab\n    certificate_usage: 4\n    matching_type: 1\n    selector: 1\n"},
        {"no-selector", "    certificate_association_data: ab\n    certificate_usage: 3\n    matching_type: 1\n"},
        {"not-hex", "    certificate_association_data: xyz\n    certificate_usage: 3\n    matching_type: 1\n    selector: 1\n"},
        {"usage-str", "    certificate_association_data: ab\n    certificate_usage: 'x'\n    matching_type: 1\n    selector: 1\n"},
        {"data-int", "    certificate_association_data: 1234\n    certificate_usage: 3\n    matching_type: 1\n    selector: 1\n"}});
    o.add("uri/ok", "_ftp._tcp:\n  type: URI\n  value:\n    priority: 10\n    target: ftp://FTP.Example.com/Public\n    weight: 1\n", UNORDERED);
    o.add("uri/bad-name", "ftp:\n  type: URI\n  value:\n    priority: 10\n    target: ftp://x/\n    weight: 1\n", UNORDERED);
    o.add("uri/empty-target", "_ftp._tcp:\n  type: URI\n  value:\n    priority: 10\n    target: ''\n    weight: 1\n", UNORDERED);
    o.add("uri/priority-70000", "_ftp._tcp:\n  type: URI\n  value:\n    priority: 70000\n    target: ftp://x/\n    weight: 1\n", UNORDERED);
    o.add("uri/idn", "_ftp._tcp:\n  type: URI\n  value:\n    priority: 1\n    target: https://b\u00fccher.example/x\n    weight: 1\n", UNORDERED);
    o.add("uri/quote", "_ftp._tcp:\n  type: URI\n  value:\n    priority: 1\n    target: 'https://x/\"q'\n    weight: 1\n", UNORDERED);
    o.add("srv/name-bad", "sip:\n  type: SRV\n  value:\n    port: 5060\n    priority: 1\n    target: sip.example.com.\n    weight: 1\n", UNORDERED);
    o.add("srv/wildcard", "'*._tcp':\n  type: SRV\n  value:\n    port: 5060\n    priority: 1\n    target: sip.example.com.\n    weight: 1\n", UNORDERED);
    o.add("srv/port-70000", "_sip._tcp:\n  type: SRV\n  value:\n    port: 70000\n    priority: 1\n    target: sip.example.com.\n    weight: 1\n", UNORDERED);
    o.add("srv/port-str", "_sip._tcp:\n  type: SRV\n  value:\n    port: '5060'\n    priority: 1\n    target: sip.example.com.\n    weight: 1\n", UNORDERED);
    o.add("srv/missing", "_sip._tcp:\n  type: SRV\n  value:\n    priority: 1\n    target: sip.example.com.\n", UNORDERED);
    o.add("srv/null-target", "_sip._tcp:\n  type: SRV\n  value:\n    port: 0\n    priority: 0\n    target: .\n    weight: 0\n", UNORDERED);
    String urlfwd = "u:\n  type: URLFWD\n  value:\n";
    table(o, "urlfwd", urlfwd, new String[][] {
        {"ok", "    code: 301\n    masking: 2\n    path: /\n    query: 0\n    target: https://www.example.com/\n"},
        {"code-307", "    code: 307\n    masking: 2\n    path: /\n    query: 0\n    target: https://x/\n"},
        {"no-path", "    code: 301\n    masking: 2\n    query: 0\n    target: https://x/\n"},
        {"code-str", "    code: '302'\n    masking: 2\n    path: /\n    query: 0\n    target: https://x/\n"}});
    o.add("openpgpkey/ok", "o:\n  type: OPENPGPKEY\n  value: dGVzdCBrZXk=\n", UNORDERED);
    o.add("openpgpkey/spaces", "o:\n  type: OPENPGPKEY\n  value: dGVz dCBr ZXk=\n", UNORDERED);
    o.add("openpgpkey/empty", "o:\n  type: OPENPGPKEY\n  value: ''\n", UNORDERED);
    o.add("openpgpkey/not-base64", "o:\n  type: OPENPGPKEY\n  value: '***'\n", UNORDERED);
    String svcb = "s:\n  type: SVCB\n  value:\n    svcpriority: 1\n    targetname: svc.example.net.\n    svcparams:\n";
    table(o, "svcb", svcb, new String[][] {
        {"ok", "      alpn: [h2, h3]\n      port: 8443\n"},
        {"alpn-str", "      alpn: h2\n"},
        {"alpn-empty", "      alpn: []\n"},
        {"port-big", "      port: 70000\n"},
        {"port-neg", "      port: -1\n"},
        {"port-str", "      port: abc\n"},
        {"port-null", "      port: ~\n"},
        {"no-default-alpn", "      alpn: [h2]\n      no-default-alpn: ~\n"},
        {"no-default-alpn-value", "      no-default-alpn: x\n"},
        {"ipv4hint", "      ipv4hint: [192.0.2.1, 192.0.2.2]\n"},
        {"ipv4hint-bad", "      ipv4hint: [192.0.2.300]\n"},
        {"ipv4hint-str", "      ipv4hint: 192.0.2.1\n"},
        {"ipv6hint", "      ipv6hint: ['2001:db8::1']\n"},
        {"ech", "      ech: dGVzdA==\n"},
        {"ech-bad", "      ech: '***'\n"},
        {"mandatory", "      alpn: [h2]\n      mandatory: [alpn]\n"},
        {"mandatory-bad", "      mandatory: [nope]\n"},
        {"key65", "      key65: x\n"},
        {"key-big", "      key70000: x\n"},
        {"key-bad", "      keyx: x\n"},
        {"unknown", "      foo: x\n"}});
    o.add("svcb/alias-mode-params", "s:\n  type: SVCB\n  value:\n    svcpriority: 0\n    targetname: svc.example.net.\n"
        + "    svcparams:\n      port: 1\n", UNORDERED);
    o.add("svcb/alias-mode", "s:\n  type: SVCB\n  value:\n    svcpriority: 0\n    targetname: svc.example.net.\n", UNORDERED);
    o.add("svcb/no-priority", "s:\n  type: SVCB\n  value:\n    targetname: svc.example.net.\n", UNORDERED);
    o.add("svcb/params-null", "s:\n  type: SVCB\n  value:\n    svcpriority: 1\n    targetname: svc.example.net.\n    svcparams: ~\n", UNORDERED);
    o.add("spf/ok", "s:\n  type: SPF\n  value: v=spf1 -all\n", UNORDERED);
    o.add("type/lowercase", "x:\n  type: a\n  value: 192.0.2.1\n", UNORDERED);
    o.add("type/unknown", "x:\n  type: FOO\n  value: x\n", UNORDERED);
    o.add("type/missing", "x:\n  value: 192.0.2.1\n", UNORDERED);
    o.add("type/null", "x:\n  type: ~\n  value: 192.0.2.1\n", UNORDERED);
    o.add("type/list", "x:\n  type: [A]\n  value: 192.0.2.1\n", UNORDERED);
    o.add("values/precedence", "h:\n  type: A\n  value: 192.0.2.1\n  values: [192.0.2.2]\n", UNORDERED);
    o.add("values/null", "h:\n  type: A\n  value: 192.0.2.1\n  values: ~\n", UNORDERED);
    o.add("values/missing", "h:\n  type: A\n", UNORDERED);
    o.add("healthcheck/bogus", "h:\n  octodns:\n    healthcheck:\n      protocol: BOGUS\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("healthcheck/tcp", "h:\n  octodns:\n    healthcheck:\n      protocol: TCP\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/string", "h:\n  octodns: x\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/null", "h:\n  octodns: ~\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/ignored", "h:\n  octodns:\n    ignored: true\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/excluded", "h:\n  octodns:\n    excluded: [route53]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    // Loaded, but octoDNS's planning fails on every target: len(None), 'x' in None, 'x' in 5.
    o.add("octodns/excluded-null", "h:\n  octodns:\n    excluded: ~\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/included-null", "h:\n  octodns:\n    included: ~\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    // The non-specific tag: PyYAML resolves the scalar as if plain, quoted or not (YAML 1.2
    // makes it a string). Found by OctoDnsDifferentialFuzzTest.
    o.add("yaml/non-specific-tag-document", "! 0\n", UNORDERED);
    o.add("yaml/non-specific-tag-ttl-quoted", "h:\n  ttl: ! '60'\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("yaml/non-specific-tag-txt-octal", "h:\n  type: TXT\n  value: ! 010\n", UNORDERED);
    o.add("yaml/non-specific-tag-txt-bool", "h:\n  type: TXT\n  values: [! yes, ! \"no\"]\n", UNORDERED);
    o.add("yaml/non-specific-tag-name", "! 12:\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("yaml/non-specific-tag-map", "h: ! {type: A, value: 192.0.2.1}\n", UNORDERED);
    o.add("yaml/anchor-glued-to-colon", "h:\n  type: CAA\n  value:\n    &f: 5\n    tag: issue\n    value: ca.example.net\n", UNORDERED);
    o.add("yaml/anchor-glued-to-question-mark", "h:\n  type: A\n  value: &a? 192.0.2.1\n", UNORDERED);
    o.add("octodns/excluded-int", "h:\n  octodns:\n    excluded: 5\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/lenient-str", "h:\n  octodns:\n    lenient: 'yes'\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/lenient-null", "h:\n  octodns:\n    lenient: ~\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("octodns/cloudflare", "h:\n  octodns:\n    cloudflare:\n      proxied: true\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("record/string", "h: just text\n", UNORDERED);
    o.add("record/null", "h:\n", UNORDERED);
    o.add("record/int", "h: 5\n", UNORDERED);
    o.add("record/list-of-str", "h:\n  - a\n", UNORDERED);
    o.add("record/nested-list", "h:\n  - [a]\n", UNORDERED);
    o.add("record/empty-list", "h: []\n", UNORDERED);
    o.add("record/empty-map", "h: {}\n", UNORDERED);
    o.add("dynamic/plain", "h:\n  dynamic:\n    pools:\n      one:\n        values:\n          - value: 192.0.2.9\n"
        + "    rules:\n      - pool: one\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("dynamic/bad", "h:\n  dynamic:\n    pools: {}\n    rules: []\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    String pools = "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n";
    String two = pools + "      us:\n        values:\n          - value: 198.51.100.2\n";
    String three = two + "      af:\n        values:\n          - value: 198.51.100.3\n";
    String[][] dynamics = {
        {"weights", "    pools:\n      eu:\n        values:\n          - value: 198.51.100.2\n            weight: 3\n"
            + "          - value: 198.51.100.1\n            status: down\n        fallback: us\n"
            + "      us:\n        values:\n          - value: 203.0.113.1\n            weight: 7\n"
            + "    rules:\n      - geos: [EU-FR, EU-DE]\n        pool: eu\n      - pool: us\n"},
        {"undefined-pool", pools + "    rules:\n      - pool: us\n"},
        {"empty-values", "    pools:\n      eu:\n        values: []\n    rules:\n      - pool: eu\n"},
        {"weight-101", "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            weight: 101\n"
            + "          - value: 198.51.100.2\n    rules:\n      - pool: eu\n"},
        {"unused-pool", pools + "      us:\n        values:\n          - value: 198.51.100.9\n    rules:\n      - pool: eu\n"},
        {"bad-status", "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            status: maybe\n"
            + "    rules:\n      - pool: eu\n"},
        {"fallback-loop", "    pools:\n      a:\n        fallback: b\n        values:\n          - value: 198.51.100.1\n"
            + "      b:\n        fallback: a\n        values:\n          - value: 198.51.100.2\n    rules:\n      - pool: a\n"},
        {"no-rules", pools},
        {"rule-no-pool", pools + "    rules:\n      - geos: [EU]\n"},
        {"bad-geo", pools + "    rules:\n      - geos: [XX-YY]\n        pool: eu\n      - pool: eu\n"},
        {"subnets", pools + "    rules:\n      - pool: eu\n        subnets: [10.0.0.0/8]\n      - pool: eu\n"},
        {"bad-value", "    pools:\n      eu:\n        values:\n          - value: not-an-ip\n    rules:\n      - pool: eu\n"},
        // Pool values meet the type's value validators, as the record's own values do (found by
        // OctoDnsDifferentialFuzzTest): an integer is an address to Python, not to octoDNS's check.
        // A weight is what Python's int() makes of it (found by OctoDnsDifferentialFuzzTest).
        {"weight-string", two.replace("          - value: 198.51.100.2\n", "          - value: 198.51.100.2\n            weight: '5'\n"
            + "          - value: 198.51.100.4\n") + "    rules:\n      - geos: [EU]\n        pool: eu\n      - pool: us\n"},
        {"weight-float", two.replace("          - value: 198.51.100.2\n", "          - value: 198.51.100.2\n            weight: 2.5\n"
            + "          - value: 198.51.100.4\n") + "    rules:\n      - geos: [EU]\n        pool: eu\n      - pool: us\n"},
        {"weight-word", two.replace("          - value: 198.51.100.2\n", "          - value: 198.51.100.2\n            weight: heavy\n"
            + "          - value: 198.51.100.4\n") + "    rules:\n      - geos: [EU]\n        pool: eu\n      - pool: us\n"},
        {"weight-null", two.replace("          - value: 198.51.100.2\n", "          - value: 198.51.100.2\n            weight: ~\n"
            + "          - value: 198.51.100.4\n") + "    rules:\n      - geos: [EU]\n        pool: eu\n      - pool: us\n"},
        {"weight-string-single", "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            weight: '1'\n"
            + "    rules:\n      - pool: eu\n"},
        {"weight-float-single", "    pools:\n      eu:\n        values:\n          - value: 198.51.100.1\n            weight: 1.0\n"
            + "    rules:\n      - pool: eu\n"},
        {"value-int", "    pools:\n      eu:\n        values:\n          - value: 953\n    rules:\n      - pool: eu\n"},
        {"value-v6-in-a", "    pools:\n      eu:\n        values:\n          - value: '2001:db8::1'\n    rules:\n      - pool: eu\n"},
        {"value-empty", "    pools:\n      eu:\n        values:\n          - value: ''\n    rules:\n      - pool: eu\n"},
        {"catchall-not-last", pools + "    rules:\n      - pool: eu\n      - geos: [EU]\n        pool: eu\n"},
        // The rules as octoDNS's _validate_rules judges them: geo codes, subnets, order, overlap.
        {"geo-province", two + "    rules:\n      - geos: [NA-US-CA, NA-CA-BC]\n        pool: eu\n      - pool: us\n"},
        {"geo-bad-province", two + "    rules:\n      - geos: [NA-US-XX]\n        pool: eu\n      - pool: us\n"},
        {"geo-bad-country", two + "    rules:\n      - geos: [EU-XX]\n        pool: eu\n      - pool: us\n"},
        {"geo-four-parts", two + "    rules:\n      - geos: [NA-US-CA-SF]\n        pool: eu\n      - pool: us\n"},
        {"geo-lower-case", two + "    rules:\n      - geos: [eu]\n        pool: eu\n      - pool: us\n"},
        {"geo-twice", two + "    rules:\n      - geos: [EU, EU]\n        pool: eu\n      - pool: us\n"},
        {"geo-inside-earlier", two + "    rules:\n      - geos: [EU]\n        pool: eu\n      - geos: [EU-FR]\n        pool: us\n"
            + "      - pool: us\n"},
        {"geo-inside-same-rule", two + "    rules:\n      - geos: [EU-FR, EU]\n        pool: eu\n      - pool: us\n"},
        {"geo-not-list", two + "    rules:\n      - geos: EU\n        pool: eu\n      - pool: us\n"},
        {"geo-int", two + "    rules:\n      - geos: [5]\n        pool: eu\n      - pool: us\n"},
        {"pool-reused", two + "    rules:\n      - geos: [EU]\n        pool: eu\n      - geos: [AS]\n        pool: eu\n"
            + "      - pool: us\n"},
        {"pool-reused-as-default", two + "    rules:\n      - geos: [EU]\n        pool: eu\n      - pool: eu\n"
            + "      - pool: us\n"},
        {"duplicate-default", two + "    rules:\n      - pool: eu\n      - pool: us\n"},
        {"pool-int", two + "    rules:\n      - pool: 5\n"},
        {"rule-not-map", two + "    rules:\n      - eu\n"},
        {"subnet-v6", two + "    rules:\n      - pool: eu\n        subnets: ['2001:db8::/32', 10.0.0.0/8]\n      - pool: us\n"},
        {"subnet-host-bits", two + "    rules:\n      - pool: eu\n        subnets: [10.0.0.1/8]\n      - pool: us\n"},
        {"subnet-netmask", two + "    rules:\n      - pool: eu\n        subnets: [10.0.0.0/255.0.0.0]\n      - pool: us\n"},
        {"subnet-leading-zero", two + "    rules:\n      - pool: eu\n        subnets: [010.0.0.0/8]\n      - pool: us\n"},
        {"subnet-bare-address", two + "    rules:\n      - pool: eu\n        subnets: [10.1.2.3]\n      - pool: us\n"},
        {"subnet-int", two + "    rules:\n      - pool: eu\n        subnets: [167772160]\n      - pool: us\n"},
        {"subnet-twice", two + "    rules:\n      - pool: eu\n        subnets: [10.0.0.0/8]\n      - pool: us\n"
            + "        subnets: [10.0.0.0/8]\n      - pool: eu\n"},
        {"subnet-inside-earlier", two + "    rules:\n      - pool: eu\n        subnets: [10.0.0.0/8, 10.1.0.0/16]\n"
            + "      - pool: us\n"},
        {"subnet-not-list", two + "    rules:\n      - pool: eu\n        subnets: 10.0.0.0/8\n      - pool: us\n"},
        {"subnet-after-geo", two + "    rules:\n      - geos: [EU]\n        pool: eu\n      - pool: us\n"
            + "        subnets: [10.0.0.0/8]\n      - pool: eu\n"},
        {"subnet-and-geo-after-geo", two + "    rules:\n      - geos: [EU]\n        pool: eu\n      - geos: [AS]\n"
            + "        pool: us\n        subnets: [10.0.0.0/8]\n      - pool: eu\n"},
        {"subnet-then-both-then-geo", three + "    rules:\n      - pool: eu\n        subnets: [10.0.0.0/8]\n"
            + "      - geos: [AS]\n        pool: us\n        subnets: [192.168.0.0/16]\n      - geos: [EU]\n"
            + "        pool: af\n      - pool: eu\n"},
        {"geos-empty-list", two + "    rules:\n      - geos: []\n        pool: eu\n      - pool: us\n"},
        {"with-geo-block", two + "    rules:\n      - pool: eu\n      - pool: us\n"}};
    for (String[] d : dynamics) {
      String geo = d[0].equals("with-geo-block") ? "  geo:\n    EU: [192.0.2.9]\n" : "";
      o.add("dynamic/" + d[0], "h:\n  dynamic:\n" + d[1] + geo + "  type: A\n  value: 192.0.2.1\n", UNORDERED);
    }
    o.add("dynamic/cname", "c:\n  dynamic:\n    pools:\n      eu:\n        values:\n          - value: eu.example.com.\n"
        + "    rules:\n      - pool: eu\n  type: CNAME\n  value: x.example.com.\n", UNORDERED);
    // octoDNS builds the routing after validating it, lenient or not: what the lenient validation
    // lets through but the building cannot take fails the load (found by OctoDnsDifferentialFuzzTest).
    String[][] lenientDynamics = {
        {"value-missing", "    pools:\n      eu:\n        values:\n          - weight: 2\n          - value: 198.51.100.1\n"
            + "    rules:\n      - pool: eu\n"},
        {"pool-no-values", "    pools:\n      eu:\n        fallback: us\n    rules:\n      - pool: eu\n"},
        {"pool-not-map", "    pools:\n      eu: 198.51.100.1\n    rules:\n      - pool: eu\n"},
        {"pool-values-string", pools.replace("        values:\n          - value: 198.51.100.1\n", "        values: abc\n")
            + "    rules:\n      - pool: eu\n"},
        {"pool-values-empty-string", pools.replace("        values:\n          - value: 198.51.100.1\n", "        values: ''\n")
            + "    rules:\n      - pool: eu\n"},
        {"pool-names-mixed", pools + "      5:\n        values:\n          - value: 198.51.100.5\n    rules:\n      - pool: eu\n"},
        {"rule-not-map", pools + "    rules:\n      - eu\n"},
        {"rules-string", pools + "    rules: eu\n"},
        {"rules-int", pools + "    rules: 5\n"},
        {"geos-mixed", pools + "    rules:\n      - geos: [EU, 5]\n        pool: eu\n      - pool: eu\n"},
        {"geos-int", pools + "    rules:\n      - geos: 5\n        pool: eu\n"},
        {"subnets-none", pools + "    rules:\n      - subnets: ~\n        pool: eu\n"}};
    for (String[] d : lenientDynamics) {
      o.add("dynamic/lenient-" + d[0], "h:\n  dynamic:\n" + d[1] + "  octodns:\n    lenient: true\n  type: A\n  value: 192.0.2.1\n",
          UNORDERED);
    }
    String[][] lenientGeos = {
        {"bad-code", "    EUR: [192.0.2.9]\n"},
        {"int-code", "    12: [192.0.2.9]\n"},
        {"values-mixed", "    EU: [192.0.2.9, 5]\n"},
        {"values-string", "    EU: 192.0.2.9\n"},
        {"values-int", "    EU: 5\n"},
        {"unknown-continent", "    XX: [192.0.2.9]\n"}};
    for (String[] g : lenientGeos) {
      o.add("geo/lenient-" + g[0], "h:\n  geo:\n" + g[1] + "  octodns:\n    lenient: true\n  type: A\n  value: 192.0.2.1\n",
          UNORDERED);
    }
    o.add("dynamic/txt-ignored", "t:\n  dynamic:\n    pools: {}\n  type: TXT\n  value: x\n", UNORDERED);
    o.add("geo/many", "h:\n  geo:\n    NA-US: [198.51.100.1]\n    NA-US-CA: [198.51.100.2, 198.51.100.3]\n"
        + "  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/bad-value", "h:\n  geo:\n    EU: [not-an-ip]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/int-value", "h:\n  geo:\n    EU: [953]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/empty-answer", "h:\n  geo:\n    EU: []\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/int-value-lenient", "h:\n  geo:\n    EU: [953]\n  octodns:\n    lenient: true\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("dynamic/cname-value-relative", "c:\n  dynamic:\n    pools:\n      eu:\n        values:\n          - value: eu.example.com\n"
        + "    rules:\n      - pool: eu\n  type: CNAME\n  value: x.example.com.\n", UNORDERED);
    o.add("dynamic/cname-value-not-fqdn", "c:\n  dynamic:\n    pools:\n      eu:\n        values:\n          - value: eu\n"
        + "    rules:\n      - pool: eu\n  type: CNAME\n  value: x.example.com.\n", UNORDERED);
    o.add("geo/plain", "h:\n  geo:\n    EU: [192.0.2.9]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/bad", "h:\n  geo:\n    XX: [192.0.2.9]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/bad-shape", "h:\n  geo:\n    EUR: [192.0.2.9]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/four-parts", "h:\n  geo:\n    NA-US-CA-SF: [192.0.2.9]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("geo/int-key", "h:\n  geo:\n    12: [192.0.2.9]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
  }

  // ---------------------------------------------------------------- duplicates

  private static void duplicates(Out o) {
    o.add("dup/name", a("www") + a("api") + "www:\n  type: A\n  value: 192.0.2.9\n", UNORDERED);
    o.add("dup/name-case", a("www") + "WWW:\n  type: A\n  value: 192.0.2.9\n", UNORDERED);
    o.add("dup/name-case-types", a("www") + "WWW:\n  type: TXT\n  value: x\n", UNORDERED);
    o.add("dup/key-in-record", "www:\n  type: A\n  value: 192.0.2.1\n  value: 192.0.2.2\n", UNORDERED);
    o.add("dup/type-in-record", "www:\n  type: A\n  type: TXT\n  value: x\n", UNORDERED);
    o.add("dup/list-same-type", "www:\n  - type: A\n    value: 192.0.2.1\n  - type: A\n    value: 192.0.2.2\n", UNORDERED);
    o.add("dup/list-two-types", "www:\n  - type: A\n    value: 192.0.2.1\n  - type: TXT\n    value: x\n", UNORDERED);
    o.add("dup/name-ordered", "a:\n  type: A\n  value: 192.0.2.1\nb:\n  type: A\n  value: 192.0.2.2\n"
        + "a:\n  type: A\n  value: 192.0.2.3\n", ORDERED);
    o.add("dup/name-out-of-order", "b:\n  type: A\n  value: 192.0.2.1\na:\n  type: A\n  value: 192.0.2.2\n"
        + "b:\n  type: A\n  value: 192.0.2.3\n", ORDERED);
    o.add("dup/idn", "b\u00fccher:\n  type: A\n  value: 192.0.2.1\nxn--bcher-kva:\n  type: A\n  value: 192.0.2.2\n", UNORDERED);
  }

  // ---------------------------------------------------------------- key order

  private static void order(Out o) {
    String[][] pairs = {
        {"host2", "host12"}, {"host12", "host2"}, {"a", "B"}, {"B", "a"}, {"a01", "a1"}, {"a1", "a01"},
        {"''", "a"}, {"a", "''"}, {"_a", "a"}, {"a", "_a"}, {"x1y2", "x1y10"}, {"x1y10", "x1y2"}, {"\u00e9", "f"},
        {"f", "\u00e9"}, {"'1.5'", "'1.10'"}, {"2", "'10'"}, {"'10'", "2"}, {"~", "a"}, {"a", "~"}, {"1", "a"},
        {"a", "1"}, {"'x\u00b2'", "x3"}, {"x3", "'x\u00b2'"}, {"a-1", "a-02"}, {"'*'", "a"}, {"a", "'*'"},
        {"yes", "a"}, {"1.5", "2"}, {"2", "1.5"}, {"'1'", "1"}, {"A", "b"}, {"b", "A"}};
    for (int i = 0; i < pairs.length; i++) {
      String yaml = a(pairs[i][0]) + a(pairs[i][1]);
      o.add("order/natural/" + i, yaml, ORDERED);
      o.add("order/simple/" + i, yaml, new OctoDnsOptions(true, "simple", 3600, true, false, false));
    }
    o.add("order/record-fields", "www:\n  value: 192.0.2.1\n  type: A\n", ORDERED);
    o.add("order/record-fields-ttl", "www:\n  ttl: 60\n  type: A\n  value: 192.0.2.1\n", ORDERED);
    o.add("order/value-fields", "mx:\n  type: MX\n  value:\n    preference: 10\n    exchange: mail.example.com.\n", ORDERED);
    o.add("order/octodns-fields", "www:\n  octodns:\n    z: 1\n    a: 2\n  type: A\n  value: 192.0.2.1\n", ORDERED);
    o.add("order/list-items", "www:\n  - type: TXT\n    value: x\n  - type: A\n    value: 192.0.2.1\n", ORDERED);
  }

  // ---------------------------------------------------------------- provider options

  private static void options(Out o) {
    OctoDnsOptions ttl60 = new OctoDnsOptions(false, "natural", 60, true, false, false);
    o.add("option/default-ttl", a("www") + "mail:\n  ttl: 300\n  type: A\n  value: 192.0.2.2\n", ttl60);
    OctoDnsOptions bare = new OctoDnsOptions(false, "natural", 3600, false, false, false);
    List<String> txts =
        List.of("'v=DKIM1; p=x'", "'v=DKIM1\\; p=x'", "'a\\\\;b'", "plain", "[a;b, c]", "5", "~", "'a;b'");
    for (int i = 0; i < txts.size(); i++) {
      o.add("option/bare-semicolons/" + i, "t:\n  type: TXT\n  value: " + txts.get(i) + "\n", bare);
      o.add("option/bare-semicolons-values/" + i, "t:\n  type: TXT\n  values: " + txts.get(i) + "\n", bare);
    }
    o.add("option/bare-semicolons-spf", "s:\n  type: SPF\n  value: 'v=spf1; -all'\n", bare);
    o.add("option/bare-semicolons-alias", "a: &t\n  type: TXT\n  value: 'x;y'\nb: *t\n", bare);
    o.add("option/bare-semicolons-values-map", "t:\n  type: TXT\n  values: {a;b: 1}\n", bare);
    OctoDnsOptions replace = new OctoDnsOptions(false, "natural", 3600, true, true, false);
    o.add("option/replace", "www:\n  - type: A\n    value: 192.0.2.1\n  - type: A\n    value: 192.0.2.2\n", replace);
    o.add("option/replace-case", a("www") + "WWW:\n  type: A\n  value: 192.0.2.9\n", replace);
    // A replaced record never reaches a provider: what no provider could serve in it does not
    // matter; in the record that stays it does (found by OctoDnsDifferentialFuzzTest).
    o.add("option/replace-unservable-ttl-replaced", "www:\n  - ttl: 2147483648\n    type: A\n    value: 192.0.2.1\n"
        + "  - type: A\n    value: 192.0.2.2\n", replace);
    o.add("option/replace-unservable-ttl-kept", "www:\n  - type: A\n    value: 192.0.2.1\n"
        + "  - ttl: 2147483648\n    type: A\n    value: 192.0.2.2\n", replace);
    o.add("option/replace-unservable-routing-replaced", "w:\n  - geo:\n      EU: ['2001:db8::1%eth0']\n    type: AAAA\n"
        + "    value: 2001:db8::1\n  - type: AAAA\n    value: 2001:db8::2\n", replace);
    o.add("option/replace-unservable-routing-kept", "w:\n  - type: AAAA\n    value: 2001:db8::2\n  - geo:\n"
        + "      EU: ['2001:db8::1%eth0']\n    type: AAAA\n    value: 2001:db8::1\n", replace);
    o.add("option/replace-unservable-value-replaced", "m:\n  - type: MX\n    value:\n      exchange: mx.example.com.\n"
        + "      preference: 70000\n  - type: MX\n    value:\n      exchange: mx.example.com.\n      preference: 10\n", replace);
  }

  // ---------------------------------------------------------------- Zone.validate

  private static void zoneChecks(Out o) {
    o.add("zone/cname-and-a", "www:\n  - type: A\n    value: 192.0.2.1\n  - type: CNAME\n    value: x.example.com.\n", UNORDERED);
    o.add("zone/cname-and-txt", "www:\n  - type: CNAME\n    value: x.example.com.\n  - type: TXT\n    value: x\n", UNORDERED);
    o.add("zone/alias-and-a", "'':\n  - type: A\n    value: 192.0.2.1\n  - type: ALIAS\n    value: x.example.com.\n", UNORDERED);
    o.add("zone/alias-and-mx", "'':\n  - type: ALIAS\n    value: x.example.com.\n  - type: MX\n    value:\n"
        + "      exchange: mx.example.com.\n      preference: 1\n", UNORDERED);
    o.add("zone/cname-and-a-case", "www:\n  type: A\n  value: 192.0.2.1\nWWW:\n  type: CNAME\n  value: x.example.com.\n", UNORDERED);
    o.add("zone/cname-and-a-one-lenient", "www:\n  - octodns:\n      lenient: true\n    type: A\n    value: 192.0.2.1\n"
        + "  - type: CNAME\n    value: x.example.com.\n", UNORDERED);
    o.add("zone/cname-and-a-both-lenient", "www:\n  - octodns:\n      lenient: true\n    type: A\n    value: 192.0.2.1\n"
        + "  - octodns:\n      lenient: true\n    type: CNAME\n    value: x.example.com.\n", UNORDERED);
    o.add("zone/cname-and-a~lenient", "www:\n  - type: A\n    value: 192.0.2.1\n  - type: CNAME\n    value: x.example.com.\n",
        UNORDERED.withLenient(true));
  }

  // ---------------------------------------------------------------- whole documents

  private static void documents(Out o) {
    List<String> docs =
        List.of("", "---\n", "# c\n", "~\n", "[]\n", "{}\n", "0\n", "false\n", "''\n", "- www\n", "just text\n", "42\n",
            "yes\n", "---\nwww: {type: A, value: 192.0.2.1}\n---\napi: {type: A, value: 192.0.2.2}\n",
            "www:\n  type: A\n   value: [192.0.2.1\n", "www:\n\ttype: A\n", "\ufeffwww:\n  type: A\n  value: 192.0.2.1\n",
            "%YAML 1.1\n---\nwww: {type: A, value: 192.0.2.1}\n", "www: {type: A, value: 192.0.2.1,}\n",
            "www: {type: A, value: [192.0.2.1, 192.0.2.2]}\n", "www: !!map {type: A, value: 192.0.2.1}\n",
            "www: !!set {a, b}\n", "www: !!omap [{type: A}, {value: 192.0.2.1}]\n",
            "www: !!python/object:os.system {}\n", "www: !foo {type: A, value: 192.0.2.1}\n",
            "a: &x [*x]\n", "a: &x {b: *x}\n", "www:\n  type: A\n  value: \"192.0.2.1\\x\"\n",
            "www:\n  type: A\n  value: 192.0.2.1 # comment\n", "www:\n  type: TXT\n  value: a # b\n",
            "www:\n  type: TXT\n  value: \"a\\/b\"\n", "www:\n  type: TXT\n  value: \"\\_\"\n",
            "www:\n  type: TXT\n  value: >\n    folded\n    text\n", "www:\n  type: TXT\n  value: |-\n    kept\n",
            "www:\n  type: TXT\n  value: 'it''s'\n", "&a www:\n  type: A\n  value: 192.0.2.1\n",
            "www: &r\n  type: A\n  value: 192.0.2.1\napi: *r\n", "www:\n  type: TXT\n  value: \"\\u00e9\"\n",
            "www:\n  type: TXT\n  value: \"\\N\"\n", "? www\n: type: A\n  value: 192.0.2.1\n",
            "www: {type: A, value: 192.0.2.1}\r\napi: {type: A, value: 192.0.2.2}\r\n",
            "www:\n  type: TXT\n  value: a\u0085b\n", "www:\n  type: TXT\n  value: \"x\u2028y\"\n",
            "www:\n  type: A\n  value: &v 192.0.2.1\napi:\n  type: A\n  value: *v\n",
            "[www]: {type: A, value: 192.0.2.1}\n", "www:\n  type: TXT\n  value: a: b\n",
            "www:\n  type: TXT\n  value: [a:b]\n", "www: {type: TXT, value: a:b}\n");
    for (int i = 0; i < docs.size(); i++) {
      o.add("doc/" + i, docs.get(i), UNORDERED);
    }
    // YAML 1.1 (PyYAML) syntax where YAML 1.2 parsers differ
    String[][] syntax = {
        {"anchor-dot", "a: &x.y {type: A, value: 192.0.2.1}\nb: *x.y\n"},
        {"anchor-dup", "a: &x {type: A, value: 192.0.2.1}\nb: &x {type: A, value: 192.0.2.2}\nc: *x\n"},
        {"anchor-key", "&k www: {type: A, value: 192.0.2.1}\n*k : {type: TXT, value: x}\n"},
        {"yaml12", "%YAML 1.2\n---\nwww: {type: A, value: 192.0.2.1}\n"},
        {"yaml20", "%YAML 2.0\n---\nwww: {type: A, value: 192.0.2.1}\n"},
        {"tag-directive", "%TAG !e! tag:example.com,2000:\n---\nwww: {type: A, value: 192.0.2.1}\n"},
        {"bell", "www:\n  type: TXT\n  value: \"a\u0007b\"\n"},
        {"tab-flow", "www: {type:\tA, value: 192.0.2.1}\n"},
        {"tab-value", "www:\n  type:\tA\n  value: 192.0.2.1\n"},
        {"colon-flow", "www: {type: TXT, value: a:}\n"},
        {"question-plain", "www:\n  type: TXT\n  value: ?x\n"},
        {"flow-trailing-comma", "www: {type: TXT, values: [a, b, ]}\n"},
        {"flow-empty-value", "www: {type: TXT, value: }\n"},
        {"long-key", "\"" + "a".repeat(1100) + "\": {type: A, value: 192.0.2.1}\n"},
        {"bom-inside", "www:\n  type: TXT\n  value: a\ufeffb\n"},
        {"line-separator", "www:\n  type: TXT\n  value: a\u2028b\n"},
        {"escapes", "www:\n  type: TXT\n  values: [\"\\e\", \"\\a\", \"\\v\", \"\\0\", \"\\ \", \"\\t\"]\n"},
        {"single-quoted-break", "www:\n  type: TXT\n  value: 'a\n\n  b'\n"},
        {"plain-multiline", "www:\n  type: TXT\n  value: a\n    b\n"},
        {"hash-in-plain", "www:\n  type: TXT\n  value: a#b\n"},
        {"document-end", "www: {type: A, value: 192.0.2.1}\n...\n---\n"},
        {"plain-trailing-colon", "www:\n  type: TXT\n  value: a:\n"},
        {"nbsp-indent", "www:\n\u00a0 type: A\n"},
        {"crlf-quoted", "www:\r\n  type: TXT\r\n  value: \"a\r\n  b\"\r\n"},
        {"cr-only", "www:\r  type: A\r  value: 192.0.2.1\r"},
        {"document-scalar", "--- !!str\n"},
        {"big-int-key", "123456789012345678901234567890: {type: A, value: 192.0.2.1}\n"},
        {"float-key-exp", "1.5e+10: {type: A, value: 192.0.2.1}\n"},
        {"float-key-small", "0.00001: {type: A, value: 192.0.2.1}\n"},
        {"float-key-neg0", "-0.0: {type: A, value: 192.0.2.1}\n"},
        {"float-key-big", "1.0e+16: {type: A, value: 192.0.2.1}\n"},
        {"float-key-15", "123456789012345.6: {type: A, value: 192.0.2.1}\n"},
        {"complex-key", "? - a\n: b\n"},
        {"empty-str-tag", "www:\n  type: TXT\n  value: !!str\n"},
        {"anchor-unicode", "a: &\u00e9 {type: A, value: 192.0.2.1}\nb: *\u00e9\n"},
        {"tab-trailing", "www:\n  type: TXT\n  value: a\t\n"},
        {"tab-inner", "www:\n  type: TXT\n  value: a\tb\n"},
        {"tab-before-comment", "www:\n  type: TXT\n  value: a\t# c\n"},
        {"tab-in-comment", "www:\n  type: TXT\n  value: a # c\td\n"},
        {"tab-comment-line", "#\tc\nwww:\n  type: TXT\n  value: a\n"},
        {"tab-quoted", "www:\n  type: TXT\n  value: \"a\tb\"\n"},
        {"tab-single-quoted", "www:\n  type: TXT\n  value: 'a\tb'\n"},
        {"tab-block", "www:\n  type: TXT\n  value: |\n    a\tb\n"},
        {"tab-after-quoted", "www:\n  type: TXT\n  value: \"a\"\t\n"},
        {"tab-flow-comma", "www: {type: TXT, values: [a,\tb]}\n"},
        {"tab-blank-line", "www:\n  type: TXT\n\t\n  value: a\n"},
        {"tab-hash-in-plain", "www:\n  type: TXT\n  value: a#\tb\n"},
    };
    for (String[] d : syntax) {
      o.add("syntax/" + d[0], d[1], UNORDERED);
    }
    o.add("doc/not-utf8", Map.of(FILE, new byte[] {'w', ':', ' ', (byte) 0xff, '\n'}), UNORDERED);
    o.add("doc/latin1-comment", Map.of(FILE, "# caf\u00e9\nwww: {type: A, value: 192.0.2.1}\n".getBytes(StandardCharsets.ISO_8859_1)), UNORDERED);
    // merge keys: octoDNS puts the merged pairs where the << is, so later keys win
    String base = "base: &b\n  type: A\n  value: 192.0.2.1\n";
    o.add("merge/after", base + "c:\n  <<: *b\n  value: 192.0.2.2\n", UNORDERED);
    o.add("merge/before", base + "c:\n  value: 192.0.2.2\n  <<: *b\n", UNORDERED);
    o.add("merge/ordered", base + "c:\n  <<: *b\n  ttl: 60\n", ORDERED);
    o.add("merge/ordered-ok", "base: &b\n  type: A\n  value: 192.0.2.1\nc:\n  ttl: 60\n  <<: *b\n", ORDERED);
    o.add("merge/list", "x: &x {type: A, value: 192.0.2.1}\ny: &y {ttl: 60, value: 192.0.2.2}\nc:\n  <<: [*x, *y]\n", UNORDERED);
    o.add("merge/scalar", "c:\n  <<: x\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("merge/list-scalar", "c:\n  <<: [x]\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("merge/quoted", "c:\n  '<<': {type: A}\n  type: A\n  value: 192.0.2.1\n", UNORDERED);
    o.add("merge/nested", "x: &x {type: A}\ny: &y {<<: *x, value: 192.0.2.1}\nc:\n  <<: *y\n", UNORDERED);
    o.add("merge/explicit-dup", base + "c:\n  <<: *b\n  value: 192.0.2.2\n  value: 192.0.2.3\n", UNORDERED);
    // !include, relative to the including file
    o.add("include/value", Map.of(
        FILE, "www:\n  type: A\n  value: !include ip.yaml\n".getBytes(StandardCharsets.UTF_8),
        "ip.yaml", "--- 192.0.2.7\n".getBytes(StandardCharsets.UTF_8)), UNORDERED);
    o.add("include/record", Map.of(
        FILE, "www: !include rec.yaml\n".getBytes(StandardCharsets.UTF_8),
        "rec.yaml", "type: A\nvalue: 192.0.2.8\n".getBytes(StandardCharsets.UTF_8)), ORDERED);
    o.add("include/record-unordered", Map.of(
        FILE, "www: !include rec.yaml\n".getBytes(StandardCharsets.UTF_8),
        "rec.yaml", "value: 192.0.2.8\ntype: A\n".getBytes(StandardCharsets.UTF_8)), ORDERED);
    o.add("include/merge", Map.of(
        FILE, "www:\n  <<: !include rec.yaml\n  ttl: 60\n".getBytes(StandardCharsets.UTF_8),
        "rec.yaml", "value: 192.0.2.8\ntype: A\n".getBytes(StandardCharsets.UTF_8)), UNORDERED);
    o.add("include/missing", "www: !include nope.yaml\n", UNORDERED);
    // the system walks d/../ip.yaml through d: without a directory d there is no such file
    o.add("include/up-and-back", Map.of(
        FILE, "www:\n  type: A\n  value: !include d/../ip.yaml\n".getBytes(StandardCharsets.UTF_8),
        "ip.yaml", "--- 192.0.2.7\n".getBytes(StandardCharsets.UTF_8)), UNORDERED);
    o.add("include/up-and-back-through-a-directory", Map.of(
        FILE, "www:\n  type: A\n  value: !include d/../ip.yaml\n".getBytes(StandardCharsets.UTF_8),
        "ip.yaml", "--- 192.0.2.7\n".getBytes(StandardCharsets.UTF_8),
        "d/x.yaml", "--- 1\n".getBytes(StandardCharsets.UTF_8)), UNORDERED);
    o.add("include/empty", Map.of(
        FILE, "www:\n  type: TXT\n  value: !include e.yaml\n".getBytes(StandardCharsets.UTF_8),
        "e.yaml", "---\n".getBytes(StandardCharsets.UTF_8)), UNORDERED);
  }

  // ---------------------------------------------------------------- mixed, from a fixed seed

  private static final String[] MIXED_NAMES = {
      "www", "WWW", "api", "''", "'*'", "_sip._tcp", "_443._tcp", "~", "yes", "1", "1.0", "0x10", "010", "mail",
      "b\u00fccher", "'a b'", "host2", "host12", "_dmarc", "sub.www", "'@'", "x1", "X1", "2002-12-14", "no"};

  private static final String[] MIXED_TTLS = {null, null, null, "300", "'60'", "0x3c", "1:00", "-1", "60.5", "~", "yes"};

  /** Value lines (each a full "value:"/"values:" entry, indented 2) per type: valid and not. */
  private static final Map<String, String[]> MIXED_VALUES = new LinkedHashMap<>();

  static {
    MIXED_VALUES.put("A", new String[] {"value: 192.0.2.1", "values: [192.0.2.1, 192.0.2.2]", "value: 01.2.3.4",
        "value: ''", "values: []", "value: 16909060"});
    MIXED_VALUES.put("AAAA", new String[] {"value: 2001:db8::1", "value: '::ffff:192.0.2.1'", "value: 192.0.2.1"});
    MIXED_VALUES.put("CNAME", new String[] {"value: t.example.com.", "value: t.example.com", "value: localhost",
        "values: [t.example.com.]", "value: '{x}'"});
    MIXED_VALUES.put("TXT", new String[] {"value: plain", "value: 'a\\;b'", "value: a;b", "value: yes",
        "values: ['\"a\" \"b\"', c]", "value: 'caf\u00e9'", "value: 123"});
    MIXED_VALUES.put("MX", new String[] {"value: {exchange: mx.example.com., preference: 10}",
        "value: {exchange: mx, preference: 10}", "value: {priority: '5', value: mx.example.com}",
        "values: [{exchange: a.example.com., preference: 010}, {exchange: ., preference: 0}]",
        "value: {exchange: mx.example.com., preference: 70000}"});
    MIXED_VALUES.put("SRV", new String[] {"value: {port: 5060, priority: 1, target: s.example.com., weight: 1}",
        "value: {port: '5060', priority: 1, target: s.example.com, weight: 1}",
        "value: {port: 5060, priority: 1, weight: 1}"});
    MIXED_VALUES.put("NS", new String[] {"values: [ns1.example.net., ns2.example.net]", "value: ns1.example.net.",
        "value: ns1", "values: []"});
    MIXED_VALUES.put("CAA", new String[] {"value: {tag: issue, value: ca.example.net}",
        "value: {flags: 128, tag: iodef, value: 'mailto:x@example.com'}", "value: {flags: 300, tag: issue, value: x}"});
    MIXED_VALUES.put("ALIAS", new String[] {"value: lb.example.net.", "value: lb.example.net"});
    MIXED_VALUES.put("PTR", new String[] {"value: h.example.net.", "values: [a.example.net., b.example.net.]"});
  }

  /**
   * Zone files of several records each, with names, TTLs, types, values and provider options
   * drawn from the lists above by a fixed-seed generator: the rules in combination.
   */
  private static void mixed(Out o) {
    Random r = new Random(20250612L);
    List<String> types = new ArrayList<>(MIXED_VALUES.keySet());
    for (int i = 0; i < 400; i++) {
      StringBuilder yaml = new StringBuilder();
      int records = 1 + r.nextInt(5);
      Set<String> used = new HashSet<>();
      for (int k = 0; k < records; k++) {
        String name = MIXED_NAMES[r.nextInt(MIXED_NAMES.length)];
        if (!used.add(name) && r.nextInt(4) != 0) {
          continue;
        }
        String type = types.get(r.nextInt(types.size()));
        String[] values = MIXED_VALUES.get(type);
        // mostly the first (valid) forms, so that most files load and their RRsets are compared
        String ttl = MIXED_TTLS[r.nextInt(5) != 0 ? r.nextInt(5) : r.nextInt(MIXED_TTLS.length)];
        yaml.append(name).append(":\n");
        if (r.nextInt(8) == 0) {
          yaml.append("  octodns:\n    lenient: true\n");
        }
        if (ttl != null) {
          yaml.append("  ttl: ").append(ttl).append('\n');
        }
        yaml.append("  type: ").append(type).append('\n');
        yaml.append("  ").append(values[r.nextInt(5) != 0 ? r.nextInt(2) : r.nextInt(values.length)]).append('\n');
      }
      OctoDnsOptions opts =
          new OctoDnsOptions(r.nextInt(3) == 0, r.nextBoolean() ? "natural" : "simple", r.nextInt(4) == 0 ? 60 : 3600,
              r.nextInt(5) != 0, r.nextInt(6) == 0, r.nextInt(5) == 0);
      o.add("mixed/" + i, yaml.toString(), opts);
    }
  }

  // ---------------------------------------------------------------- lenient loading

  private static void lenient(Out o) {
    o.lenientToo("lenient/bad-ip", "h:\n  type: A\n  values: [192.0.2.1, not-an-ip]\n");
    o.lenientToo("lenient/unescaped", "t:\n  type: TXT\n  value: v=DMARC1; p=reject\n");
    o.lenientToo("lenient/non-ascii", "t:\n  type: TXT\n  value: caf\u00e9\n");
    o.lenientToo("lenient/root-cname", "'':\n  type: CNAME\n  value: x.example.com.\n");
    o.lenientToo("lenient/mx-pref-str", "m:\n  type: MX\n  value:\n    exchange: mx.example.com.\n    preference: abc\n");
    o.lenientToo("lenient/ttl-neg", "h:\n  ttl: -5\n  type: A\n  value: 192.0.2.1\n");
    o.lenientToo("lenient/at-name", a("'@'"));
    o.lenientToo("lenient/long-label", a("'" + "l".repeat(64) + "'"));
    o.lenientToo("lenient/srv-name", "sip:\n  type: SRV\n  value:\n    port: 1\n    priority: 1\n    target: x.example.com.\n    weight: 1\n");
    o.lenientToo("lenient/missing-value", "c:\n  type: CNAME\n");
    o.lenientToo("lenient/empty-ip", "h:\n  type: A\n  value: ''\n");
    o.lenientToo("lenient/bad-and-good", a("ok") + "bad:\n  type: A\n  value: 1.2.3\n" + "t:\n  type: TXT\n  value: a;b\n");
    o.lenientToo("lenient/idn-bad", a("'\u2603'"));
    o.lenientToo("lenient/type-error", "h:\n  type: TXT\n  value: 5\n" + a("ok"));
    o.lenientToo("lenient/healthcheck", "h:\n  octodns:\n    healthcheck:\n      protocol: BOGUS\n  type: A\n  value: 192.0.2.1\n");
    o.lenientToo("lenient/caa-flags", "c:\n  type: CAA\n  value:\n    flags: 300\n    tag: issue\n    value: x\n");
    o.lenientToo("lenient/loc", "l:\n  type: LOC\n  value:\n    altitude: 20\n    lat_degrees: 91\n    lat_direction: n\n"
        + "    lat_minutes: 58\n    lat_seconds: 52.1\n    long_degrees: 115\n    long_direction: E\n    long_minutes: 49\n"
        + "    long_seconds: 11.7\n    precision_horz: 10\n    precision_vert: 2\n    size: 10\n");
    o.add("lenient/marker", "t:\n  octodns:\n    lenient: true\n  type: TXT\n  value: a;b\n", UNORDERED);
    o.add("lenient/marker-int", "t:\n  octodns:\n    lenient: 1\n  type: TXT\n  value: a;b\n", UNORDERED);
    o.add("lenient/marker-false", "t:\n  octodns:\n    lenient: false\n  type: TXT\n  value: a;b\n", UNORDERED);
  }
}
