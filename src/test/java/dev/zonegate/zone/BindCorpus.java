package dev.zonegate.zone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated corpus of the BIND differential test: small master files, each checked by
 * named-checkzone and by zonegate as zone {@link #ORIGIN}. Most cases are a valid skeleton (SOA,
 * apex NS, its address) plus the lines under test, so that a verdict is about those lines; the
 * rest are whole files (directives, missing SOA, parentheses at EOF, ...). Hand-written forms go
 * deep on the stricter types; a seeded generator ({@link #SEED}) adds combinations, so the corpus
 * is the same on every run and a case id always names the same text.
 */
final class BindCorpus {
  static final String ORIGIN = "example.com.";
  static final long SEED = 0x5EEDB1ADL;

  static final String SKELETON =
      "$TTL 300\n"
          + "@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n"
          + "@ IN NS ns1\n"
          + "ns1 IN A 192.0.2.1\n";

  /** One case: the zone file {@code zone.db} and any files it includes. */
  record Case(String id, String text, Map<String, String> files) {}

  private final Map<String, Case> cases = new LinkedHashMap<>();

  static List<Case> all() {
    BindCorpus c = new BindCorpus();
    c.types();
    c.svcb();
    c.dnssec();
    c.eui();
    c.tlsa();
    c.caa();
    c.loc();
    c.apl();
    c.directives();
    c.generate();
    c.syntax();
    c.names();
    c.ttls();
    c.zoneStructure();
    c.generated(new SplittableRandom(SEED));
    return new ArrayList<>(c.cases.values());
  }

  /** A case of the skeleton plus {@code lines}. */
  private void rr(String id, String... lines) {
    raw(id, SKELETON + String.join("\n", lines) + "\n");
  }

  /** A whole file. */
  private void raw(String id, String text) {
    file(id, text, Map.of());
  }

  private void file(String id, String text, Map<String, String> files) {
    if (cases.putIfAbsent(id, new Case(id, text, files)) != null) {
      throw new IllegalStateException("duplicate case id " + id);
    }
  }

  /** One case per rdata form: {@code prefix/N} is {@code owner TYPE rdata}. */
  private void forms(String prefix, String owner, String type, String... rdatas) {
    for (int i = 0; i < rdatas.length; i++) {
      rr(prefix + "/" + i, owner + " " + type + " " + rdatas[i]);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Every type dnsjava knows by name, in valid and invalid presentation forms. */
  private void types() {
    forms("a", "h", "A", "192.0.2.1", "192.0.2.256", "192.0.2", "1.2.3.4.5", "01.2.3.4",
        "0x7f.0.0.1", "192.0.2.1 extra", "", "::1", "1.2.3.-4");
    forms("ns", "sub", "NS", "ns.example.net.", "ns.sub\nns.sub A 192.0.2.3", "192.0.2.9",
        "ns.example.net. extra", "", "ns1", "*.example.net.");
    forms("md", "h", "MD", "mail.example.net.", "");
    forms("mf", "h", "MF", "mail.example.net.", "");
    forms("cname", "c", "CNAME", "target.example.net.", "", "a b", "@", "under_score.example.net.");
    forms("mb", "h", "MB", "mail.example.net.", "");
    forms("mg", "h", "MG", "mail.example.net.", "");
    forms("mr", "h", "MR", "mail.example.net.", "");
    forms("null", "h", "NULL", "\\# 0", "\\# 2 abcd", "");
    forms("wks", "h", "WKS", "192.0.2.1 tcp smtp http", "192.0.2.1 6 25 80", "192.0.2.1 udp 53",
        "192.0.2.1 tcp", "192.0.2.1 17 domain", "192.0.2.1 bogus 25", "192.0.2.1 tcp 70000",
        "192.0.2.1 tcp nosuchservice");
    forms("ptr", "h", "PTR", "target.example.net.", "", "under_score.example.net.");
    forms("hinfo", "h", "HINFO", "\"PC\" \"Linux\"", "PC Linux", "\"PC\"", "a b c", "\"\" \"\"");
    forms("minfo", "h", "MINFO", "rmail.example.net. email.example.net.", "rmail.example.net.");
    forms("mx", "m", "MX", "10 mail.example.net.", "65535 mail.example.net.", "65536 mail.example.net.",
        "-1 mail.example.net.", "mail.example.net.", "10", "10 .", "10 192.0.2.1", "x mail.example.net.",
        "10 under_score.example.net.", "10 *.example.net.", "010 mail.example.net.");
    forms("txt", "t", "TXT", "\"hello\"", "hello world", "\"a\" \"b\" c", "\"\"", "",
        "\"" + "x".repeat(255) + "\"", "\"" + "x".repeat(256) + "\"", "\"tab\there\"",
        "\"quote\\\"inside\"", "\"\\255\\000\"", "\"\\256\"", "\"\\65\"", "\"\\0651\"", "\"semi;colon\"",
        "semi;colon", "\"unterminated", "\"utf8 \u00e9\"", "\\\"bare", "a\\ b");
    forms("rp", "h", "RP", "admin.example.net. txt.example.net.", ". .", "admin.example.net.");
    forms("afsdb", "h", "AFSDB", "1 afs.example.net.", "70000 afs.example.net.",
        "1 under_score.example.net.", "1");
    forms("x25", "h", "X25", "311061700956", "\"311061700956\"", "abc", "\"\"", "");
    forms("isdn", "h", "ISDN", "150862028003217", "150862028003217 004", "\"a\" \"b\" \"c\"", "");
    forms("rt", "h", "RT", "0 relay.example.net.", "0 under_score.example.net.", "0");
    forms("nsap", "h", "NSAP", "0x47.0005.80.005a00.0000.0001.e133.ffffff000162.00",
        "0x47000580005a0000000001e133ffffff00016200", "47000580", "0x4", "0xZZ", "");
    forms("nsap-ptr", "h", "NSAP-PTR", "foo.example.net.", "");
    forms("sig", "h", "SIG",
        "A 8 3 300 20300101000000 20200101000000 12345 example.com. AAAA",
        "A 8 3 300 20300101000000 20200101000000 12345 example.com.");
    forms("key", "h", "KEY", "256 3 8 AwEAAQ==", "256 3 8", "256 3 8 !!!!", "0xc000 3 8");
    forms("px", "h", "PX", "10 map822.example.net. mapx400.example.net.", "10 map822.example.net.");
    forms("gpos", "h", "GPOS", "-32.6882 116.8652 10.0", "\"-32.6882\" \"116.8652\" \"10.0\"",
        "-32.6882 116.8652", "abc def ghi", "-91 116 10", "-32.6882 181 10");
    forms("aaaa", "h", "AAAA", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "::ffff:192.0.2.1",
        "2001:db8::1::2", "2001:db8:0:0:0:0:0:0:1", "192.0.2.1", "2001:db8::g", "::", "::1%eth0",
        "[2001:db8::1]");
    forms("nxt", "h", "NXT", "next.example.com. A NS", "next.example.com.");
    forms("eid", "h", "EID", "\\# 2 abcd", "abcd", "");
    forms("nimloc", "h", "NIMLOC", "\\# 2 abcd", "abcd", "");
    forms("srv", "_sip._tcp", "SRV", "10 20 5060 sip.example.net.", "10 20 5060 .", "10 20 sip.example.net.",
        "10 20 70000 sip.example.net.", "10 20 5060 under_score.example.net.", "65536 0 0 .");
    forms("atma", "h", "ATMA", "39246f00e7c9c0312000010000010000010000", "+358400123", "+abc", "xyz", "");
    forms("naptr", "h", "NAPTR",
        "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.",
        "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .",
        "100 10 S SIP+D2U \"\" _sip._udp.example.com.",
        "100 10 \"S\" \"SIP+D2U\" \"\"", "100 10 \"S\" \"SIP+D2U\" \"!bad\" .",
        "70000 10 \"S\" \"\" \"\" .",
        // named's check of the regular expression (BIND's own POSIX checker, delimiters, flags).
        "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:x@example.com!\" .", "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:x@example.com!i\" .", "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:x@example.com!x\" .", "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:x@example.com\" .", "100 10 \"u\" \"E2U+sip\" \"!^(.*)$!\\\\1@example.com!\" .", "100 10 \"u\" \"E2U+sip\" \"!^.*$!\\\\1@example.com!\" .", "100 10 \"u\" \"E2U+sip\" \"!^(a)(b)$!\\\\2!\" .", "100 10 \"u\" \"E2U+sip\" \"!^.*$!\\\\0!\" .", "100 10 \"u\" \"E2U+sip\" \"1^.*$1x1\" .", "100 10 \"u\" \"E2U+sip\" \"i^.*$ixi\" .", "100 10 \"u\" \"E2U+sip\" \"\\\\^.*$\\\\x\\\\\" .", "100 10 \"u\" \"E2U+sip\" \"/^.*$/x/\" .", "100 10 \"u\" \"E2U+sip\" \"//x/\" .", "100 10 \"u\" \"E2U+sip\" \"!!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a**!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!*a!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a{2}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a{2,1}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a{256}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a{1,}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a{!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!{1}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a|!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!|a!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!(a|)!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!()!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!(a!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a)!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![a-z]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![z-a]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![]a]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![^]a]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![[:alpha:]]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![[:alpah:]]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![[.a.]]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![[=a=]]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![[..]]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![a!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a\\\\!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a$b!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!^*!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a??!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!.+!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a{1}{2}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!\\\\1(a)!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!(a)\\\\1!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!a-z!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![a-]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![-a]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"![a-c-e]!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!}!x!\" .", "100 10 \"u\" \"E2U+sip\" \"!x!x!ii\" .", "100 10 \"u\" \"E2U+sip\" \"!x!\\\\9!\" .");
    forms("kx", "h", "KX", "10 kx.example.net.", "10 under_score.example.net.", "10");
    forms("cert", "h", "CERT", "PGP 0 0 AAAA", "1 0 0 AAAA", "PKIX 65535 255 AAAA",
        "BOGUS 0 0 AAAA", "1 0 0", "1 0 RSASHA256 AAAA", "1 0 0 !!!!", "pkix 0 0 AAAA", "1 0 0 AAAA AAAA",
        "1 0 0 AAA=", "1 0 0 AB==", "1 0 0 AAE=", "1 0 0 A", "1 0 0 \"AAAA\"", "1 \"0\" 0 AAAA",
        "1 0 rsasha256 AAAA", "65536 0 0 AAAA", "1 65536 0 AAAA", "1 0 256 AAAA", "URI 0 0 AAAA", "254 0 0 AAAA",
        "\"1\" 0 0 AAAA", "1 0 \"8\" AAAA");
    forms("a6", "h", "A6", "0 2001:db8::1", "64 ::1:2:3:4 prefix.example.net.", "128 prefix.example.net.",
        "129 ::1", "");
    forms("dname", "d", "DNAME", "target.example.net.", "", "under_score.example.net.");
    forms("sink", "h", "SINK", "\\# 1 00", "1 0 AAAA", "");
    forms("apl-basic", "h", "APL", "1:192.0.2.0/24", "");
    forms("sshfp", "h", "SSHFP", "1 1 0123456789abcdef0123456789abcdef01234567",
        "4 2 " + "ab".repeat(32), "1 1", "1 1 xyz", "256 1 ab", "1 1 a", "1 1 ab cd", "0 0 00");
    forms("ipseckey", "h", "IPSECKEY", "10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
        "10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
        "10 3 2 gw.example.net. AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
        "10 2 2 2001:db8::1 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
        "10 1 2 2001:db8::1 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
        "10 0 0 .", "10 4 2 . AQNR", "10 0 2 gw.example.net. AQNR", "10 1 0 192.0.2.38");
    forms("dhcid", "h", "DHCID", "AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=", "", "!!!");
    forms("tlsa-basic", "_443._tcp", "TLSA", "3 1 1 " + "ab".repeat(32));
    forms("smimea", "h", "SMIMEA", "3 1 1 " + "ab".repeat(32), "3 1 1", "3 1 1 xyz");
    forms("hip", "h", "HIP",
        "2 200100107B1A74DF365639CC39F1D578 AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D",
        "2 200100107B1A74DF365639CC39F1D578 AwEAAQ== rvs.example.com.",
        "2 xyz AwEAAQ==", "2 200100107B1A74DF365639CC39F1D578");
    forms("ninfo", "h", "NINFO", "\"hello\"", "hello", "");
    forms("rkey", "h", "RKEY", "0 3 253 AwEAAQ==", "0 3 253");
    forms("talink", "h", "TALINK", "prev.example.net. next.example.net.", "prev.example.net.");
    forms("openpgpkey", "h", "OPENPGPKEY", "AwEAAQ==", "", "!!!!");
    forms("csync", "@", "CSYNC", "66 3 A NS AAAA", "66 3", "66 3 BOGUS", "4294967296 3 A", "66 65536 A");
    forms("zonemd", "@", "ZONEMD", "1 1 1 " + "ab".repeat(48), "1 1 1 " + "ab".repeat(12),
        "1 1 1 " + "ab".repeat(10), "1 1 2 " + "ab".repeat(64), "1 0 1 " + "ab".repeat(48),
        "1 240 1 " + "ab".repeat(48), "1 1 240 " + "ab".repeat(48), "1 1 1");
    forms("spf", "h", "SPF", "\"v=spf1 -all\"", "v=spf1 -all", "");
    forms("uinfo", "h", "UINFO", "\\# 1 00", "\"x\"", "");
    forms("uid", "h", "UID", "\\# 4 00000001", "1", "");
    forms("gid", "h", "GID", "\\# 4 00000001", "1", "");
    forms("unspec", "h", "UNSPEC", "\\# 1 00", "x", "");
    forms("nid", "h", "NID", "10 0014:4fff:ff20:ee64", "10 0014:4fff:ff20", "10 14:4fff:ff20:ee64",
        "10 0014:4fff:ff20:ee6g", "10");
    forms("l32", "h", "L32", "10 10.1.2.0", "10 10.1.2", "10");
    forms("l64", "h", "L64", "10 2001:0db8:1140:1000", "10 2001:0db8:1140", "10");
    forms("lp", "h", "LP", "10 l64-subnet.example.net.", "10", "10 under_score.example.net.");
    forms("tkey", "h", "TKEY", "\\# 0", "hmac-sha256. 0 0 3 0 0 0");
    forms("tsig", "h", "TSIG", "\\# 0");
    forms("ixfr", "h", "IXFR", "\\# 0");
    forms("axfr", "h", "AXFR", "\\# 0");
    forms("maila", "h", "MAILA", "\\# 0");
    forms("mailb", "h", "MAILB", "\\# 0");
    forms("any", "h", "ANY", "\\# 0");
    forms("opt", "h", "OPT", "\\# 0");
    forms("uri", "h", "URI", "10 1 \"https://example.net/\"", "10 1 https://example.net/", "10 1 \"\"",
        "10 1", "70000 1 \"x\"");
    forms("avc", "h", "AVC", "\"app-name:WOLFGANG|app-class:OAM\"", "");
    forms("doa", "h", "DOA", "0 1 2 \"\" aHR0cHM6Ly93d3cuaXNjLm9yZy8=", "0 1 2 \"text/plain\" -", "0 1 2",
        "4294967296 1 2 \"\" -");
    forms("amtrelay", "h", "AMTRELAY", "0 0 0 .", "0 0 1 203.0.113.15", "0 1 2 2600:db8::15",
        "128 1 3 amtrelays.example.com.", "0 0 0", "0 0 1 .", "0 0 4 x", "256 0 0 .", "0 2 0 .",
        "0 0 3 under_score.example.net.");
    forms("ta", "h", "TA", "12345 8 2 " + "ab".repeat(32), "12345 8 2 ab");
    forms("dlv", "h", "DLV", "12345 8 2 " + "ab".repeat(32), "12345 8 2 ab");
    forms("unknown", "h", "TYPE65534", "\\# 3 abcdef", "\\# 0", "\\# 3 abcd", "\\# 2 abcdef",
        "\\# 3 ab cd ef", "\\# x", "abcdef", "\\# 0 00");
    forms("unknown-known", "h", "TYPE1", "\\# 4 c0000201", "\\# 3 c00002", "192.0.2.1");
    forms("known-generic", "h", "A", "\\# 4 c0000201", "\\# 5 c000020101");
    forms("typecode", "h", "TYPE0", "\\# 0");
    forms("class-generic", "h CLASS1", "A", "192.0.2.1");
    forms("class-ch", "h CH", "A", "192.0.2.1");
    forms("class-hs", "h HS", "TXT", "x");
    forms("class-none", "h NONE", "A", "192.0.2.1");
    forms("class-any", "h ANY", "A", "192.0.2.1");
    forms("bogus-type", "h", "FOO", "1");
  }

  /** SVCB and HTTPS (RFC 9460, RFC 9461, RFC 9540): every key, and what makes a set invalid. */
  private void svcb() {
    String h = "3 svc.example.net. ";
    forms("svcb", "s", "SVCB", "1 .", "1 svc.example.net.", "0 svc.example.net.", "0 .",
        "0 svc.example.net. alpn=h2", "0 svc.example.net. port=443", "65535 .", "65536 .", "-1 .",
        "1", "", "x .", "1 . mandatory=alpn alpn=h2",
        "1 . mandatory=alpn", "1 . mandatory=port alpn=h2", "1 . mandatory=mandatory",
        "1 . mandatory=alpn,alpn alpn=h2", "1 . mandatory=key0 alpn=h2", "1 . mandatory= alpn=h2",
        "1 . mandatory=key65535 key65535=x", "1 . mandatory=bogus",
        "1 . alpn=h2", "1 . alpn=h2,h3", "1 . alpn=\"h2,h3\"", "1 . alpn=h2\\,x,h3", "1 . alpn=h2\\\\,x",
        "1 . alpn=", "1 . alpn", "1 . alpn=,h2", "1 . alpn=h2,", "1 . alpn=" + "x".repeat(255),
        "1 . alpn=" + "x".repeat(256), "1 . no-default-alpn", "1 . alpn=h2 no-default-alpn",
        "1 . no-default-alpn=x", "1 . no-default-alpn=", "1 . port=443", "1 . port=65535",
        "1 . port=65536", "1 . port=-1", "1 . port=0x1bb", "1 . port=", "1 . port", "1 . port=443,444",
        "1 . ipv4hint=192.0.2.1", "1 . ipv4hint=192.0.2.1,192.0.2.2", "1 . ipv4hint=",
        "1 . ipv4hint=2001:db8::1", "1 . ipv4hint=192.0.2.256", "1 . ipv4hint=192.0.2.1,",
        "1 . ipv6hint=2001:db8::1", "1 . ipv6hint=2001:db8::1,2001:db8::2", "1 . ipv6hint=192.0.2.1",
        "1 . ipv6hint=", "1 . ipv6hint=::ffff:192.0.2.1",
        "1 . ech=AEn+DQBFKwAgACABWIHUGj4u+PIggYXcR5JF0gYk3dCRioBW8uJq9H4mKAAIAAEAAQABAANAEnB1YmxpYy50ZXN0LmV4YW1wbGUAAA==",
        "1 . ech=", "1 . ech=!!!", "1 . ech=\"AAAA\"", "1 . ech=AAA",
        "1 . dohpath=/dns-query{?dns}", "1 . dohpath=/dns-query", "1 . dohpath=\"/q{?dns}\"",
        "1 . dohpath=", "1 . dohpath=\\255", "1 . key7=/dns-query{?dns}",
        "1 . ohttp", "1 . ohttp=x", "1 . key8", "1 . mandatory=ohttp ohttp",
        "1 . key65535", "1 . key65535=abc", "1 . key65535=\"a b\"", "1 . key65536=x", "1 . key=x",
        "1 . key1=h2", "1 . key1=\\002h2", "1 . key3=\\001\\187", "1 . key3=443", "1 . key2",
        "1 . key2=x", "1 . key0=\\000\\001", "1 . key0", "1 . key4=\\192\\000\\002\\001",
        "1 . key4=\\192\\000\\002", "1 . key9=x", "1 . key65280=x", "1 . key65534",
        "1 . port=443 port=443", "1 . alpn=h2 alpn=h3", "1 . alpn=h2 key1=\\002h3", "1 . port=443 key3=\\001\\187",
        "1 . port=443 alpn=h2", "1 . ipv6hint=::1 ipv4hint=192.0.2.1", "1 . key65535=x key65534=y",
        "1 . bogus=x", "1 . ALPN=h2", "1 . Port=443", "1 . alpn = h2", "1 . alpn =h2", "1 . alpn= h2",
        "1 . \"alpn=h2\"", "1 . alpn=\"h2\" port=\"443\"", "1 . port=\"443\"",
        "1 . mandatory=ipv4hint,alpn ipv4hint=192.0.2.1 alpn=h2",
        "1 . mandatory=alpn,ipv4hint alpn=h2 ipv4hint=192.0.2.1", "1 . mandatory=no-default-alpn",
        "1 . mandatory=no-default-alpn alpn=h2 no-default-alpn", "1 . mandatory=key1 alpn=h2",
        "1 . mandatory=port,port port=1", "1 . mandatory=,port port=1",
        h + "alpn=h2 port=443 ipv4hint=192.0.2.1 ech=AAAA ipv6hint=2001:db8::1",
        "1 under_score.example.net.", "1 *.example.net.", "1 svc.example.net. (\n alpn=h2\n port=443 )");
    forms("https", "@", "HTTPS", "1 . alpn=h2,h3", "0 www.example.net.", "0 www.example.net. alpn=h2",
        "1 . no-default-alpn", "1 . no-default-alpn alpn=h2", "1 .", "1 . mandatory=alpn",
        "1 . dohpath=/dns-query{?dns}", "1 . ohttp", "1 . ohttp alpn=h2", "1 . port=0");
    forms("https-named", "_8443._https.www", "HTTPS", "1 . port=8443");
    forms("svcb-dns", "_dns", "SVCB", "1 dns.example.net. alpn=dot", "1 dns.example.net. alpn=h2 dohpath=/q{?dns}",
        "1 dns.example.net. alpn=h2", "1 dns.example.net. dohpath=/q{?dns}");
  }

  /** DS, CDS, CDNSKEY, DNSKEY, RRSIG, NSEC, NSEC3, NSEC3PARAM. */
  private void dnssec() {
    String h20 = "ab".repeat(20);
    String h32 = "ab".repeat(32);
    String h48 = "ab".repeat(48);
    forms("ds", "sub", "DS", "12345 8 1 " + h20, "12345 8 2 " + h32, "12345 8 4 " + h48,
        "12345 8 3 " + h32, "12345 8 1 " + h32, "12345 8 2 " + h20, "12345 8 4 " + h32,
        "12345 8 2 " + h32.substring(2), "12345 8 2 " + h32 + "ab", "12345 8 5 " + h32,
        "12345 8 0 " + h20, "12345 8 0 00", "12345 8 2 " + h32.substring(0, 63), "12345 8 2",
        "12345 8 2 " + h32.substring(0, 32) + " " + h32.substring(32), "12345 8 2 xyz",
        "65536 8 2 " + h32, "12345 256 2 " + h32, "12345 RSASHA256 2 " + h32, "12345 8 SHA-256 " + h32,
        "12345 8 2 -", "12345 8 6 " + "ab".repeat(48), "0 0 0 00", "12345 8 2 (\n " + h32 + " )");
    forms("cds", "sub", "CDS", "12345 8 2 " + h32, "0 0 0 00", "0 0 0 0", "0 0 0 0000", "0 0 0",
        "0 0 0 -", "12345 8 0 00", "0 8 0 00", "12345 8 2 " + h20, "0 0 1 " + h20);
    String key = "AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0=";
    forms("dnskey", "@", "DNSKEY", "257 3 8 " + key, "256 3 13 " + key, "257 3 8", "257 4 8 " + key,
        "65536 3 8 " + key, "257 3 RSASHA256 " + key, "257 3 8 !!!", "257 3 8 ( " + key + " )",
        "257 3 8 AwEA AQ==");
    forms("cdnskey", "@", "CDNSKEY", "257 3 8 " + key, "0 3 0 AA==", "0 3 0 0", "0 3 0", "0 3 0 AA",
        "0 3 0 -", "257 3 0 AA==", "0 3 8 " + key);
    forms("rrsig", "@", "RRSIG",
        "SOA 8 2 300 20300101000000 20200101000000 12345 example.com. " + key,
        "SOA 8 2 300 1893456000 1577836800 12345 example.com. " + key,
        "SOA 8 2 300 20301301000000 20200101000000 12345 example.com. " + key,
        "SOA 8 2 300 2030010100000 20200101000000 12345 example.com. " + key,
        "BOGUS 8 2 300 20300101000000 20200101000000 12345 example.com. " + key,
        "TYPE65534 8 2 300 20300101000000 20200101000000 12345 example.com. " + key,
        "SOA 8 2 300 20300101000000 20200101000000 12345 example.com.",
        "SOA 8 256 300 20300101000000 20200101000000 12345 example.com. " + key,
        "SOA 8 2 4294967296 20300101000000 20200101000000 12345 example.com. " + key,
        "SOA 8 2 300 20300101000000 20200101000000 12345 example.com. AwEA AQ==");
    forms("nsec", "@", "NSEC", "next.example.com. A NS SOA RRSIG NSEC", "next.example.com.",
        "next.example.com. TYPE65534", "next.example.com. BOGUS", "next.example.com. A A",
        "next.example.com. NSEC A", "next.example.com. TYPE0", "next.example.com. TYPE65536");
    String b32 = "2vptu5timamqttgl4luu9kg21e0aor3s";
    forms("nsec3", "2vptu5timamqttgl4luu9kg21e0aor3s", "NSEC3", "1 1 12 aabbccdd " + b32 + " A RRSIG",
        "1 0 0 - " + b32, "1 0 0 - " + b32 + " A", "1 1 12 AABBCCDD " + b32.toUpperCase(Locale.ROOT) + " A",
        "1 0 0 aabbccd " + b32 + " A", "1 0 0 xyz " + b32 + " A", "1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3w A",
        "1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor A", "1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3s00 A",
        "1 0 0 - " + b32 + "= A", "1 0 0 - - A", "1 0 0 ''", "256 0 0 - " + b32, "1 256 0 - " + b32,
        "1 0 65536 - " + b32, "1 0 0 " + "ab".repeat(255) + " " + b32, "1 0 0 " + "ab".repeat(256) + " " + b32,
        "1 0 0 - " + b32 + " A BOGUS", "1 0 0 00 " + b32, "1 0 0 - zzzz",
        // named's base32hex without padding, and SHA-1's 20 octets; quotes are no quoting there.
        "2 0 0 - 00 A", "0 0 0 - 0000 A", "1 0 0 - 00 A", "2 0 0 - ab A", "2 0 0 - 0g A", "2 0 0 - 2v A",
        "2 0 0 - " + b32 + "00 A", "SHA-1 0 0 - " + b32 + " A", "sha-1 0 0 - " + b32 + " A",
        "SHA1 0 0 - " + b32 + " A", "1 0 0 \"aa\" " + b32 + " A", "1 0 0 - \"" + b32 + "\" A",
        "1 0 0 - " + b32 + " \"A\"", "1 \"0\" 0 - " + b32 + " A", "1 0 0 - " + b32);
    forms("nsec3param", "@", "NSEC3PARAM", "1 0 0 -", "1 0 10 aabbccdd", "1 0 0", "1 0 0 xyz",
        "1 0 0 abc", "0 0 0 -", "1 0 0 - extra", "1 0 0 \"\"");
  }

  private void eui() {
    forms("eui48", "h", "EUI48", "00-00-5e-00-53-2a", "00-00-5E-00-53-2A", "00:00:5e:00:53:2a",
        "00005e00532a", "00-00-5e-00-53", "00-00-5e-00-53-2a-01", "0-0-5e-0-53-2a", "00-00-5e-00-53-2g",
        "00-00-5e-00-53--2a", "00-00-5e-00-53-2a-");
    forms("eui64", "h", "EUI64", "00-00-5e-ef-10-00-00-2a", "00-00-5E-EF-10-00-00-2A",
        "00:00:5e:ef:10:00:00:2a", "00-00-5e-ef-10-00-00", "00-00-5e-ef-10-00-00-2a-00",
        "0000-5eef-1000-002a", "00-00-5e-ef-10-00-00-zz");
  }

  private void tlsa() {
    String h32 = "ab".repeat(32);
    forms("tlsa", "_443._tcp.www", "TLSA", "3 1 1 " + h32, "0 0 0 " + "ab".repeat(100), "3 1 2 " + "ab".repeat(64),
        "3 1 1 " + h32.substring(2), "3 1 1 " + h32 + "ab", "3 1 2 " + h32, "3 1 0 ab", "4 0 0 ab",
        "255 255 255 ab", "256 1 1 " + h32, "3 256 1 " + h32, "3 1 256 " + h32, "3 1 1", "3 1 1 -",
        "3 1 1 xyz", "3 1 1 abc", "PKIX-TA 0 0 ab", "3 1 1 " + h32.substring(0, 32) + " " + h32.substring(32),
        "3 1 1 ( " + h32 + " )");
    forms("tlsa-owner", "www", "TLSA", "3 1 1 " + h32);
  }

  private void caa() {
    forms("caa", "@", "CAA", "0 issue \"ca.example.net\"", "0 issue ca.example.net", "128 issue \"x\"",
        "255 issue \"x\"", "256 issue \"x\"", "-1 issue \"x\"", "0 iodef \"mailto:security@example.com\"",
        "0 issuewild \";\"", "0 issue \"\"", "0 issue", "0 \"issue\" \"x\"", "0 Issue \"x\"",
        "0 ISSUEWILD \"x\"", "0 tag-with-dash \"x\"", "0 tag_with_underscore \"x\"", "0 tbs0 \"x\"",
        "0 " + "t".repeat(15) + " \"x\"", "0 " + "t".repeat(16) + " \"x\"", "0 " + "t".repeat(255) + " \"x\"",
        "0 " + "t".repeat(256) + " \"x\"", "0 issue \"ca.example.net; account=123\"",
        "0 issue ca.example.net; account=123", "0 issue \"a\" \"b\"", "0 issue a b", "0 issue \"\\\"q\\\"\"",
        "0 issue \"\\255\"", "0 issue \"" + "x".repeat(300) + "\"", "0 \"\" \"x\"", "x issue \"x\"",
        "0 contactemail \"a@example.com\"", "0 issuemail \"ca.example.net\"", "0 issuevmc \"ca.example.net\"");
  }

  private void loc() {
    forms("loc", "h", "LOC", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m",
        "52 22 23 N 4 53 32 E -2m", "52 N 4 E 10m", "52 22 N 4 53 E 10m", "0 N 0 E 0m",
        "90 0 0 N 180 0 0 W 0m", "90 0 1 N 0 E 0m", "91 N 0 E 0m", "0 N 181 E 0m", "0 N 180 0 1 E 0m",
        "0 60 N 0 E 0m", "0 0 60 N 0 E 0m", "0 0 59.999 N 0 E 0m", "0 0 59.9999 N 0 E 0m",
        "0 N 0 E -100000.00m", "0 N 0 E -100000.01m", "0 N 0 E 42849672.95m", "0 N 0 E 42849672.96m",
        "0 N 0 E 0", "0 N 0 E 10", "0 N 0 E 10m 1m", "0 N 0 E 10m 1m 2m 3m", "0 N 0 E 10m 90000000m",
        "0 N 0 E 10m 90000001m", "0 N 0 E 10m 1m 1m 90000000m", "0 N 0 E 10m 1.5m", "0 N 0 E 10m 0.01m",
        "0 N 0 E 10m 0.001m", "0 X 0 E 0m", "0 N 0 N 0m", "0 S 0 W 0m", "0 n 0 e 0m", "0 N 0 E",
        "0 N 0 E 0m 1m 1m 1m extra", "0 N 0 E 1.123m", "0 N 0 E 1.12m", "52 22 23.5 N 4 53 32.25 E 0m",
        "52 22 -23 N 4 53 32 E 0m", "52 22 23.000N 4 53 32.000 E 0m", "0 N 0 E 10m 1e3m",
        "0 N 0 E 10m 0m 0m 0m", "0 N 0 E 10cm", "0 N 0 E 10 1 1 1",
        // named's strtoul and decimals: what dnsjava read the other way round.
        "0 N 0 E 1.m", "0 N 0 E .5m", "0 0 .5 N 0 E 0m", "0 0 1. N 0 E 0m", "0 N 0 E +1m", "0 N 0 E 1M",
        "0 N 0 E -1.123m", "0 N 0 E 1m 1.123m", "0 N 0 E 1m 1m 1m 1.123m", "0 s 0 E 0m", "0 N 0 w 0m",
        "0 0 -0 N 0 E 0m", "0 0 +1 N 0 E 0m", "0 0 +.5 N 0 E 0m", "0 N 0 E -m", "0 N 0 E -0.5m",
        "0 N 0 E 10m .m", "0 N 0 E 10m 1.5m 1234m 99999999m", "0 N 0 E 10m 0.09m 0.1m 9m",
        "1 2 3.456 S 7 8 9.012 W -12345.67m 100m 1000m 100000m", "0 N 0 E \"1m\"",
        "0 N 0 E 42849672.95m 90000000m 90000000m 90000000m", "0 N 0 E 10m 90000000.01m");
  }

  private void apl() {
    forms("apl", "h", "APL", "1:192.0.2.0/24", "1:192.0.2.0/24 !1:192.0.2.128/25", "2:2001:db8::/32",
        "1:192.0.2.0/24 2:2001:db8::/32", "!2:2001:db8::/32", "1:0.0.0.0/0", "1:192.0.2.1/32",
        "1:192.0.2.1/33", "2:::/0", "2:2001:db8::1/128", "2:2001:db8::/129", "3:192.0.2.0/24",
        "0:192.0.2.0/24", "1:2001:db8::/32", "2:192.0.2.0/24", "1:192.0.2.0", "1:192.0.2.0/",
        "1:192.0.2.0/-1", "1:192.0.2.0/24/1", "1:192.0.2.1/24", "192.0.2.0/24", "!!1:192.0.2.0/24",
        "1:192.0.2/24", "1:192.0.2.0/24 ", "\"1:192.0.2.0/24\"", "65536:00/0", "1:192.0.2.0/8",
        "1:192.0.2.0/024",
        // named's strtoul family, digits-only prefix, inet_pton addresses; quotes are no quoting.
        "+1:192.0.2.0/24", "-1:192.0.2.0/24", "-0:192.0.2.0/24", "+:192.0.2.0/24", ":192.0.2.0/24",
        "1:192.0.2.0/+24", "1:192.0.2.0/", "1:192.0.2.00/24", "1:192.0.02.0/24", "2:2001:db8::1.2.3.4/128",
        "2:::ffff:1.2.3.4/128", "1:192.0.2.0/24 \"1:10.0.0.0/8\"", "01:192.0.2.0/24", "1:192.0.2.0/0024",
        "1:192.0.2.0/a", "2:2001:DB8::/32", "2:2001:db8:0:0:0:0:0:0/32", "!2:::/0 1:0.0.0.0/0",
        "1:255.255.255.255/32", "1:256.0.0.0/8", "2:2001:db8::g/32", "2:1:2:3:4:5:6:7:8/128");
  }

  /** $ORIGIN, $TTL, $INCLUDE. */
  private void directives() {
    raw("origin/absolute", "$ORIGIN example.com.\n" + SKELETON + "h A 192.0.2.2\n");
    raw("origin/relative", SKELETON + "$ORIGIN sub\nh A 192.0.2.2\n");
    raw("origin/relative-twice", SKELETON + "$ORIGIN sub\n$ORIGIN deeper\nh A 192.0.2.2\n");
    // Found by fuzzing: named separates words by blanks and tabs only, not by other controls.
    // $DATE, found by fuzzing: named reads one time and nothing after it.
    String[] dates = {"20200101000000", "", "2020010100000", "20201301000000", "20200230000000", "20240229000000",
        "20200101240000", "20200101235960", "19691231235959", "19700101000000", "21060207062815", "21060207062816",
        "99991231235959", "20200101000000 x", "\"20200101000000\"", "20200101000000 ; c", "+0200101000000",
        "20230229000000", "00000101000000"};
    for (int i = 0; i < dates.length; i++) {
      raw("date/" + i, SKELETON + "$DATE " + dates[i] + "\nh A 192.0.2.2\n");
    }
    // Found by fuzzing: $ORIGIN's name and $INCLUDE's origin are plain words to named.
    raw("origin/quoted", SKELETON + "$ORIGIN \"sub\"\nh A 192.0.2.2\n");
    raw("origin/quote-inside", SKELETON + "$ORIGIN sub\"x\nh A 192.0.2.2\n");
    raw("origin/quote-in-comment", SKELETON + "$ORIGIN sub ; \"x\nh A 192.0.2.2\n");
    raw("origin/quote-and-paren-last-line", SKELETON + "$ORIGIN sub\" ) ; comment\n");
    file("include/quoted-origin", SKELETON + "$INCLUDE inc.db \"sub\"\n", Map.of("inc.db", "h A 192.0.2.2\n"));
    file("include/quoted-file-plain-origin", SKELETON + "$INCLUDE \"inc.db\" sub\n", Map.of("inc.db", "h A 192.0.2.2\n"));
    file("include/quoted-file-quoted-origin", SKELETON + "$INCLUDE \"inc.db\" \"sub\"\n", Map.of("inc.db", "h A 192.0.2.2\n"));
    // Found by fuzzing: check-names looks at a ServiceMode SVCB/HTTPS target only.
    rr("names/svcb-alias-target-underscore", "svc SVCB 0 s_v.example.net.");
    rr("names/svcb-service-target-underscore", "svc SVCB 1 s_v.example.net. alpn=h2");
    rr("names/https-alias-target-underscore", "svc HTTPS 0 s_v.example.net.");
    rr("names/https-service-target-underscore", "svc HTTPS 1 s_v.example.net.");
    rr("names/svcb-alias-target-control", "svc SVCB 0 s\\027v.example.net. alpn=h2");
    // Found by fuzzing: a CR inside quotes is a character of the string to named.
    rr("quote/carriage-return", "txt TXT \"a\rb\"");
    rr("quote/carriage-returns-multiline", "txt TXT ( \"c\r\rd\"", " \"e\" )");
    rr("quote/carriage-return-line-feed", "txt TXT \"a\r", "b\"");
    rr("quote/carriage-return-outside", "txt TXT \"a\"\r\"b\"");
    rr("quote/carriage-return-in-comment", "txt TXT \"a\" ; x\ry");
    // Parentheses group a directive's words for named; one closed with none open is refused.
    raw("paren/origin-grouped", SKELETON + "$ORIGIN ( sub )\nh A 192.0.2.2\n");
    raw("paren/origin-grouped-tight", SKELETON + "$ORIGIN (sub)\nh A 192.0.2.2\n");
    raw("paren/origin-stray-close", SKELETON + "$ORIGIN sub )\nh A 192.0.2.2\n");
    raw("paren/ttl-grouped", SKELETON + "$TTL ( 60 )\nh A 192.0.2.2\n");
    rr("paren/record-stray-close", "h A 192.0.2.2 )");
    rr("paren/record-one-too-many", "h A ( 192.0.2.2 ) )");
    raw("paren/generate-grouped", SKELETON + "$GENERATE 1-2 h$ A ( 192.0.2.$ )\n");
    raw("date/last-line", SKELETON + "h A 192.0.2.2\n$DATE 20200101000000");
    raw("date/lower-case", SKELETON + "$date 20200101000000\nh A 192.0.2.2\n");
    raw("origin/control-separator", SKELETON + "$ORIGIN\u001csub\nh A 192.0.2.2\n");
    raw("ttl/vertical-tab-separator", SKELETON + "$TTL\u000b60\nh A 192.0.2.2\n");
    raw("ttl/form-feed-separator", SKELETON + "$TTL\f60\nh A 192.0.2.2\n");
    raw("origin/unit-separator-after", SKELETON + "$ORIGIN sub.example.com.\u001f\nh A 192.0.2.2\n");
    raw("origin/at", SKELETON + "$ORIGIN sub\n$ORIGIN @\nh A 192.0.2.2\n");
    raw("origin/outside", SKELETON + "$ORIGIN example.net.\nh A 192.0.2.2\n");
    raw("origin/outside-unused", SKELETON + "$ORIGIN example.net.\n$ORIGIN example.com.\nh A 192.0.2.2\n");
    raw("origin/none", SKELETON + "$ORIGIN\nh A 192.0.2.2\n");
    raw("origin/two-args", SKELETON + "$ORIGIN sub. extra\nh A 192.0.2.2\n");
    raw("origin/bad-name", SKELETON + "$ORIGIN a..b\nh A 192.0.2.2\n");
    raw("origin/lower", SKELETON + "$origin sub\nh A 192.0.2.2\n");
    raw("origin/comment", SKELETON + "$ORIGIN sub ; comment\nh A 192.0.2.2\n");
    raw("origin/escaped", SKELETON + "$ORIGIN s\\.ub\nh A 192.0.2.2\n");
    raw("origin/root", SKELETON + "$ORIGIN .\nh.example.com A 192.0.2.2\n");
    raw("origin/first-line-sub", "$ORIGIN sub.example.com.\n$TTL 300\n@ A 192.0.2.9\n$ORIGIN example.com.\n"
        + SKELETON.substring(SKELETON.indexOf('\n') + 1));
    raw("ttl/units", "$TTL 1h30m\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/week", "$TTL 1w\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/upper", "$TTL 1H2M3S\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/all-units", "$TTL 1w2d3h4m5s\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/repeat-unit", "$TTL 1h1h\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/unit-order", "$TTL 1m1h\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/bad", "$TTL abc\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/bare-unit", "$TTL h\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/trailing-digits", "$TTL 1h30\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/max", "$TTL 2147483647\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/over-max", "$TTL 2147483648\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/2^32", "$TTL 4294967296\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/units-over-max", "$TTL 3551w\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/units-over-2^32", "$TTL 7102w\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/record-over-max-then-prior", "@ 300 SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\n"
        + "ns1 A 192.0.2.1\na 2147483648 A 192.0.2.2\nb A 192.0.2.3\n");
    raw("ttl/record-over-max-then-default", SKELETON + "a 2147483648 A 192.0.2.2\nb A 192.0.2.3\nc ( 4294967295 A\n 192.0.2.4 )\n");
    raw("ttl/record-over-max-joins-set", SKELETON + "e 1 A 192.0.2.6\ne 4000000000 A 192.0.2.7\nf 4000000000 A 192.0.2.8\nf 2 A 192.0.2.9\n");
    raw("ttl/record-over-max-class-first", SKELETON + "a IN 2147483648 A 192.0.2.2\n\t2147483649 TXT \"x\"\n");
    raw("ttl/generate-over-max", SKELETON + "$GENERATE 1-2 g$ 2147483648 A 192.0.2.$\n");
    raw("ttl/none", SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("ttl/none-first-record", "@ IN NS ns1\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\nns1 A 192.0.2.1\n");
    raw("ttl/missing-value", "$TTL\n" + SKELETON.substring(9));
    raw("ttl/two-values", "$TTL 300 600\n" + SKELETON.substring(9));
    raw("ttl/later", SKELETON + "$TTL 600\nh A 192.0.2.2\n");
    raw("ttl/negative", "$TTL -1\n" + SKELETON.substring(9));
    raw("ttl/zero", "$TTL 0\n" + SKELETON.substring(9) + "h A 192.0.2.2\n");
    raw("directive/unknown", SKELETON + "$FOO bar\n");
    raw("directive/date", SKELETON + "$DATE 20200101000000\n");
    raw("directive/indented", SKELETON + " $TTL 600\nh A 192.0.2.2\n");
    // Found by BindDifferentialFuzzTest: named refuses a directive on a last line without newline.
    raw("directive/ttl-at-eof", SKELETON + "$TTL 600");
    raw("directive/origin-at-eof", SKELETON + "$ORIGIN sub ; comment");
    raw("directive/generate-at-eof", SKELETON + "$GENERATE 1-2 h$ A 192.0.2.$");
    file("directive/include-at-eof", SKELETON + "$INCLUDE inc.db", Map.of("inc.db", "x A 192.0.2.7\n"));
    raw("directive/record-at-eof", SKELETON + "h A 192.0.2.2");
    String inc = "h A 192.0.2.2\n";
    file("include/plain", SKELETON + "$INCLUDE inc.db\n", Map.of("inc.db", inc));
    file("include/origin", SKELETON + "$INCLUDE inc.db sub\n", Map.of("inc.db", inc));
    file("include/origin-absolute", SKELETON + "$INCLUDE inc.db sub.example.com.\n", Map.of("inc.db", inc));
    file("include/origin-outside", SKELETON + "$INCLUDE inc.db example.net.\n", Map.of("inc.db", inc));
    file("include/origin-restored", SKELETON + "$INCLUDE inc.db sub\nafter A 192.0.2.3\n", Map.of("inc.db", inc));
    file("include/origin-inside-restored", SKELETON + "$INCLUDE inc.db\nafter A 192.0.2.3\n",
        Map.of("inc.db", "$ORIGIN sub\nh A 192.0.2.2\n"));
    file("include/ttl-inside", SKELETON + "$INCLUDE inc.db\nafter A 192.0.2.3\n",
        Map.of("inc.db", "$TTL 60\nh A 192.0.2.2\n"));
    file("include/owner-after", SKELETON + "x A 192.0.2.4\n$INCLUDE inc.db\n  AAAA ::1\n", Map.of("inc.db", inc));
    file("include/ttl-nested", SKELETON + "$INCLUDE a.db\nafter A 192.0.2.3\n",
        Map.of("a.db", "$INCLUDE b.db\nmid A 192.0.2.4\n", "b.db", "$TTL 60\nh A 192.0.2.2\n"));
    file("include/ttl-two", SKELETON + "$INCLUDE a.db\n$INCLUDE b.db\nafter A 192.0.2.3\n",
        Map.of("a.db", "$TTL 60\nh A 192.0.2.2\n", "b.db", "g A 192.0.2.4\n$TTL 120\n"));
    file("include/ttl-none", SKELETON + "$INCLUDE a.db\nafter A 192.0.2.3\n", Map.of("a.db", "h 60 A 192.0.2.2\n"));
    file("include/quoted", SKELETON + "$INCLUDE \"inc.db\"\n", Map.of("inc.db", inc));
    file("include/subdir", SKELETON + "$INCLUDE d/inc.db\n", Map.of("d/inc.db", inc));
    file("include/nested", SKELETON + "$INCLUDE d/a.db\n", Map.of("d/a.db", "$INCLUDE d/b.db\n", "d/b.db", inc));
    file("include/nested-beside", SKELETON + "$INCLUDE d/a.db\n", Map.of("d/a.db", "$INCLUDE b.db\n", "d/b.db", inc));
    file("include/nested-both", SKELETON + "$INCLUDE d/a.db\n",
        Map.of("d/a.db", "$INCLUDE b.db\n", "d/b.db", inc, "b.db", "other A 192.0.2.9\n"));
    file("include/up-and-back", SKELETON + "$INCLUDE d/../inc.db\n", Map.of("inc.db", inc));
    file("include/bad-record", SKELETON + "$INCLUDE inc.db\n", Map.of("inc.db", "h A 192.0.2.256\n"));
    file("include/missing", SKELETON + "$INCLUDE nope.db\n", Map.of());
    file("include/no-file", SKELETON + "$INCLUDE\n", Map.of());
    file("include/unclosed-paren", SKELETON + "$INCLUDE inc.db\n", Map.of("inc.db", "h TXT ( \"x\"\n"));
    file("include/outside-zone", SKELETON + "$INCLUDE inc.db\n", Map.of("inc.db", "h.example.net. A 192.0.2.2\n"));
  }

  private void generate() {
    String[] g = {
      "$GENERATE 1-3 h$ A 192.0.2.$",
      "$GENERATE 1-10/3 h$ A 192.0.2.$",
      "$GENERATE 0-2 h${0,3,d} A 192.0.2.$",
      "$GENERATE 10-12 h${-10,2,x} A 192.0.2.${0,0,d}",
      "$GENERATE 10-12 h${0,4,X} TXT \"${0,2,o}\"",
      "$GENERATE 1-2 h${0,0,n} A 192.0.2.$",
      "$GENERATE 1-2 h${0,8,N} A 192.0.2.$",
      "$GENERATE 1-2 h${0,3} A 192.0.2.$",
      "$GENERATE 1-2 h${5} A 192.0.2.$",
      "$GENERATE 1-2 h${0,3,z} A 192.0.2.$",
      "$GENERATE 1-2 h$$ TXT \"$$\"",
      "$GENERATE 1-2 h\\$ TXT \"\\$\"",
      "$GENERATE 1-2 h$ TXT \"a\\$b$\"",
      "$GENERATE 3-1 h$ A 192.0.2.$",
      "$GENERATE 1-1 h$ A 192.0.2.$",
      "$GENERATE 1 h$ A 192.0.2.$",
      "$GENERATE 1-3/0 h$ A 192.0.2.$",
      "$GENERATE 1-3/-1 h$ A 192.0.2.$",
      "$GENERATE -1-3 h$ A 192.0.2.$",
      "$GENERATE 1-300 h$ A 192.0.2.$",
      "$GENERATE 1-2 h$ 60 A 192.0.2.$",
      "$GENERATE 1-2 h$ IN A 192.0.2.$",
      "$GENERATE 1-2 h$ 60 IN A 192.0.2.$",
      "$GENERATE 1-2 h$ IN 60 A 192.0.2.$",
      "$GENERATE 1-2 h$ CH A 192.0.2.$",
      "$GENERATE 1-2 h$ CNAME t$",
      "$GENERATE 1-2 h$ PTR t$.example.net.",
      "$GENERATE 1-2 h$ NS ns$.example.net.",
      "$GENERATE 1-2 h$ DNAME t$.example.net.",
      "$GENERATE 1-2 h$ AAAA 2001:db8::$",
      "$GENERATE 1-2 h$ MX 10 mail$.example.net.",
      "$GENERATE 1-2 h$ SRV 0 0 $ t.example.net.",
      "$GENERATE 1-2 h$ TXT x$",
      "$GENERATE 1-2 h$ FOO 1",
      "$GENERATE 1-2 @ A 192.0.2.$",
      "$GENERATE 1-2 h$.example.com. A 192.0.2.$",
      "$GENERATE 1-2 h$.example.net. A 192.0.2.$",
      "$GENERATE 1-2 h$ A",
      "$GENERATE 1-2 h$",
      "$GENERATE",
      "$GENERATE x-y h$ A 192.0.2.$",
      "$GENERATE 1-2 h${0,3,d A 192.0.2.$",
      "$GENERATE 1-2 h${,3,d} A 192.0.2.$",
      "$GENERATE 1-2 h$ A 192.0.2.${0,0,d}${0,0,d}",
      "$GENERATE 0-4294967295 h$ A 192.0.2.1",
      "$GENERATE 1-2 h${-1} A 192.0.2.$",
      "$GENERATE 1-2 h${2147483648} A 192.0.2.$",
      "$GENERATE 1-2 h_$ A 192.0.2.$",
      "$GENERATE 1-2 h$ A 192.0.2.${0,1000,d}",
      "$generate 1-2 h$ A 192.0.2.$",
      "$GENERATE 1-2 h$ A 192.0.2.$ ; comment",
      "$GENERATE 1-2 h$ TXT ( \"a\" )",
      "$GENERATE 1-2 h$ 1h A 192.0.2.$",
    };
    for (int i = 0; i < g.length; i++) {
      rr("generate/" + i, g[i]);
    }
    raw("generate/before-ttl", "$GENERATE 1-2 h$ A 192.0.2.$\n" + SKELETON);
    raw("generate/in-origin", SKELETON + "$ORIGIN sub\n$GENERATE 1-2 h$ A 192.0.2.$\n");
    raw("generate/owner-after", SKELETON + "x A 192.0.2.9\n$GENERATE 1-2 h$ A 192.0.2.$\n  AAAA ::1\n");
    raw("generate/ttl-after", SKELETON + "$GENERATE 1-2 h$ 60 A 192.0.2.$\nx A 192.0.2.9\n");
  }

  /** Parentheses, quoting, escapes, comments, blank owners, class and TTL order. */
  private void syntax() {
    raw("paren/unclosed-at-eof", SKELETON + "txt TXT \"hello\" (\n");
    raw("paren/unclosed-at-eof-no-newline", SKELETON + "txt TXT \"hello\" (");
    raw("paren/unclosed-then-records", SKELETON + "txt TXT ( \"hello\"\nh A 192.0.2.2\n");
    raw("paren/unclosed-soa", "$TTL 300\n@ SOA ns1 hostmaster ( 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n");
    raw("paren/unclosed-comment-eof", SKELETON + "txt TXT \"hello\" ( ; open\n; more\n");
    raw("paren/unclosed-empty", SKELETON + "txt TXT (\n\n");
    raw("paren/closed-multiline", SKELETON + "txt TXT (\n \"a\"\n \"b\" )\n");
    raw("paren/close-only", SKELETON + "txt TXT \"a\" )\n");
    raw("paren/nested", SKELETON + "txt TXT ( ( \"a\" ) )\n");
    raw("paren/two-groups", SKELETON + "txt TXT ( \"a\" ) ( \"b\" )\n");
    raw("paren/in-quotes", SKELETON + "txt TXT \"(\"\n");
    raw("paren/in-comment", SKELETON + "txt TXT \"a\" ; (\nh A 192.0.2.2\n");
    raw("paren/escaped", SKELETON + "txt TXT \\(\n");
    raw("paren/owner", SKELETON + "( h A 192.0.2.2 )\n");
    raw("paren/before-type", SKELETON + "h ( A 192.0.2.2 )\n");
    raw("paren/empty-line-inside", SKELETON + "txt TXT ( \"a\"\n\n \"b\" )\n");
    raw("paren/directive", SKELETON + "$TTL ( 600 )\nh A 192.0.2.2\n");
    raw("paren/unclosed-then-directive", SKELETON + "txt TXT ( \"a\"\n$TTL 600\n)\n");
    rr("quote/unterminated-eof", "txt TXT \"abc");
    rr("quote/unterminated-line", "txt TXT \"abc\nh A 192.0.2.2");
    rr("quote/multiline", "txt TXT \"abc\ndef\"");
    rr("quote/owner", "\"quoted\" A 192.0.2.2");
    rr("quote/owner-empty", "\"\" A 192.0.2.2");
    rr("quote/type", "h \"A\" 192.0.2.2");
    rr("quote/address", "h A \"192.0.2.2\"");
    rr("quote/mx-name", "h MX 10 \"mail.example.net.\"");
    rr("quote/ttl", "h \"60\" A 192.0.2.2");
    rr("escape/ddd", "txt TXT \"\\065\\066\"");
    rr("escape/ddd-256", "txt TXT \"\\256\"");
    rr("escape/ddd-short", "txt TXT \"\\06\"");
    rr("escape/ddd-owner", "a\\065b A 192.0.2.2");
    rr("escape/dot-owner", "a\\.b A 192.0.2.2");
    rr("escape/dot-owner-txt", "a\\.b TXT x");
    rr("escape/dot-target", "h CNAME a\\.b.example.net.");
    rr("escape/quote", "txt TXT \"a\\\"b\"");
    rr("escape/backslash", "txt TXT \"a\\\\b\"");
    rr("escape/trailing-backslash", "txt TXT abc\\");
    rr("escape/space-owner", "a\\032b TXT x");
    rr("escape/space-owner-escaped", "a\\ b TXT x");
    rr("escape/at-owner", "a\\@b TXT x");
    rr("escape/owner-000", "a\\000b TXT x");
    rr("escape/type", "h \\065 192.0.2.2");
    rr("escape/in-address", "h A 192.0.2.\\050");
    rr("comment/after-record", "h A 192.0.2.2 ; comment");
    rr("comment/no-space", "h A 192.0.2.2;comment");
    rr("comment/line", "; only a comment");
    rr("comment/indented", "   ; indented comment");
    rr("comment/in-txt", "txt TXT a;b");
    rr("nul/owner", "h\u0000 TXT a");
    rr("nul/after-word", "h TXT a\u0000");
    rr("nul/in-quotes", "h TXT \"a\u0000b\"");
    rr("nul/in-comment", "h TXT a ; c\u0000c");
    rr("nul/line", "h TXT a", "\u0000");
    rr("nul/escaped-in-quotes", "h TXT \"a\\\u0000b\"");
    rr("nul/escaped-backslash-then-nul", "h TXT \"a\\\\\u0000b\"");
    rr("blank/owner-inherits", "h A 192.0.2.2", "  AAAA ::1");
    rr("blank/owner-tab", "h A 192.0.2.2", "\tAAAA ::1");
    rr("blank/owner-after-comment", "h A 192.0.2.2", "; c", "  AAAA ::1");
    rr("blank/owner-after-blank-line", "h A 192.0.2.2", "", "  AAAA ::1");
    raw("blank/owner-first", "$TTL 300\n  A 192.0.2.2\n" + SKELETON.substring(9));
    rr("blank/owner-after-origin", "h A 192.0.2.2", "$ORIGIN sub", "  AAAA ::1");
    rr("blank/owner-after-ttl", "h A 192.0.2.2", "$TTL 60", "  AAAA ::1");
    rr("blank/whitespace-only", "h A 192.0.2.2", "   ", "\t");
    rr("blank/crlf", "h A 192.0.2.2\r\n  AAAA ::1\r");
    rr("blank/cr-inside", "h A 192.0.2.2\rx A 192.0.2.3");
    rr("blank/at", "@ A 192.0.2.2");
    rr("blank/at-relative", "@.sub A 192.0.2.2");
    rr("blank/at-inside", "a@b TXT x");
    rr("order/ttl-class", "h 60 IN A 192.0.2.2");
    rr("order/class-ttl", "h IN 60 A 192.0.2.2");
    rr("order/class-only", "h IN A 192.0.2.2");
    rr("order/ttl-only", "h 60 A 192.0.2.2");
    rr("order/two-ttls", "h 60 60 A 192.0.2.2");
    rr("order/two-classes", "h IN IN A 192.0.2.2");
    rr("order/lower", "h in a 192.0.2.2");
    rr("order/ttl-units", "h 1h30m A 192.0.2.2");
    rr("order/ttl-unit-only", "h 1m A 192.0.2.2");
    rr("order/type-as-owner", "A A 192.0.2.2");
    rr("order/class-as-owner", "IN A 192.0.2.2");
    rr("order/number-owner", "60 A 192.0.2.2");
    rr("order/blank-owner-ttl", "h A 192.0.2.2", "  60 AAAA ::1");
    rr("order/blank-owner-class-ttl", "h A 192.0.2.2", "  IN 60 AAAA ::1");
    rr("dup/same-record", "h A 192.0.2.2", "h A 192.0.2.2");
    rr("dup/same-record-case", "h CNAME T.example.net.", "H CNAME t.example.net.");
    rr("dup/txt-case", "h TXT \"A\"", "h TXT \"a\"");
    rr("dup/ttl-mixed-up", "h 300 A 192.0.2.2", "h 60 A 192.0.2.3");
    rr("dup/ttl-mixed-down", "h 60 A 192.0.2.2", "h 300 A 192.0.2.3");
    rr("dup/ttl-mixed-same-rdata", "h 300 A 192.0.2.2", "h 60 A 192.0.2.2");
    rr("dup/ttl-default-mixed", "h A 192.0.2.2", "h 60 A 192.0.2.3");
    rr("dup/two-soa", "@ SOA ns1 hostmaster 2 7200 900 1209600 300");
    rr("dup/two-cname", "h CNAME a.example.net.", "h CNAME b.example.net.");
    rr("dup/two-dname", "h DNAME a.example.net.", "h DNAME b.example.net.");
  }

  /** Owner names: lengths, labels, escapes, wildcards, underscores, host-name rules. */
  private void names() {
    String l63 = "a".repeat(63);
    String l64 = "a".repeat(64);
    rr("name/label-63", l63 + " TXT x");
    rr("name/label-64", l64 + " TXT x");
    rr("name/label-64-escaped", "a".repeat(62) + "\\.b TXT x");
    // example.com. is 13 octets on the wire; 255 in all.
    rr("name/length-255", l63 + "." + l63 + "." + l63 + "." + "a".repeat(50) + " TXT x");
    rr("name/length-256", l63 + "." + l63 + "." + l63 + "." + "a".repeat(51) + " TXT x");
    rr("name/target-length-256", "h CNAME " + l63 + "." + l63 + "." + l63 + "." + "a".repeat(51));
    rr("name/empty-label", "a..b TXT x");
    rr("name/leading-dot", ".a TXT x");
    rr("name/root-owner", ". TXT x");
    rr("name/wildcard", "* A 192.0.2.2");
    rr("name/wildcard-sub", "*.sub A 192.0.2.2");
    rr("name/wildcard-inner", "a.*.sub A 192.0.2.2");
    rr("name/wildcard-inner-txt", "a.*.sub TXT x");
    rr("name/wildcard-partial", "a* A 192.0.2.2");
    rr("name/wildcard-partial-txt", "a* TXT x");
    rr("name/wildcard-mx", "* MX 10 mail.example.net.");
    rr("name/wildcard-cname", "* CNAME t.example.net.");
    rr("name/wildcard-ns", "* NS ns.example.net.");
    rr("name/underscore-a", "_a A 192.0.2.2");
    rr("name/underscore-aaaa", "a_b AAAA ::1");
    rr("name/underscore-mx-owner", "a_b MX 10 mail.example.net.");
    rr("name/underscore-txt", "_dmarc TXT \"v=DMARC1; p=none\"");
    rr("name/underscore-srv", "_sip._tcp SRV 0 0 5060 sip.example.net.");
    rr("name/underscore-cname", "_acme-challenge CNAME t.example.net.");
    rr("name/underscore-ns", "_sub NS ns.example.net.");
    rr("name/underscore-ds", "_sub DS 12345 8 2 " + "ab".repeat(32), "_sub NS ns.example.net.");
    rr("name/underscore-parent-a", "h._tcp A 192.0.2.2");
    rr("name/hyphen-leading", "-h A 192.0.2.2");
    rr("name/hyphen-trailing", "h- A 192.0.2.2");
    rr("name/hyphen-middle", "h-h A 192.0.2.2");
    rr("name/hyphen-only", "- A 192.0.2.2");
    rr("name/digit-label", "1 TXT x");
    rr("name/digits-a", "123 A 192.0.2.2");
    rr("name/space-escaped-a", "a\\032b A 192.0.2.2");
    rr("name/slash-a", "a/b A 192.0.2.2");
    rr("name/slash-txt", "0/25 TXT x");
    rr("name/upper", "HOST A 192.0.2.2");
    rr("name/non-ascii-a", "h\u00e9 A 192.0.2.2");
    rr("name/non-ascii-txt", "h\u00e9 TXT x");
    rr("name/punycode", "xn--bcher-kva A 192.0.2.2");
    rr("name/mx-target-underscore", "h MX 10 a_b.example.net.");
    rr("name/mx-target-wildcard", "h MX 10 *.example.net.");
    rr("name/mx-target-root", "h MX 0 .");
    rr("name/mx-target-hyphen", "h MX 10 -a.example.net.");
    rr("name/ns-target-underscore", "sub NS a_b.example.net.");
    rr("name/srv-target-underscore", "_s._tcp SRV 0 0 1 a_b.example.net.");
    rr("name/soa-mname-underscore", "sub SOA a_b.example.net. hostmaster.example.net. 1 2 3 4 5");
    rr("name/soa-rname-first-label", "sub SOA ns.example.net. host_master.example.net. 1 2 3 4 5");
    rr("name/soa-rname-underscore", "sub SOA ns.example.net. hostmaster.a_b.example.net. 1 2 3 4 5");
    rr("name/soa-rname-escaped-dot", "sub SOA ns.example.net. host\\.master.example.net. 1 2 3 4 5");
    rr("name/soa-rname-root", "sub SOA ns.example.net. . 1 2 3 4 5");
    rr("name/soa-mname-root", "sub SOA . hostmaster.example.net. 1 2 3 4 5");
    rr("name/afsdb-target-underscore", "h AFSDB 1 a_b.example.net.");
    rr("name/rt-target-underscore", "h RT 1 a_b.example.net.");
    rr("name/svcb-target-underscore", "h SVCB 1 a_b.example.net.");
    rr("name/https-target-underscore", "h HTTPS 1 a_b.example.net.");
    rr("name/ptr-target-underscore", "h PTR a_b.example.net.");
    rr("name/wks-owner-underscore", "a_b WKS 192.0.2.1 tcp 25");
    rr("name/a6-owner-underscore", "a_b A6 0 2001:db8::1");
    rr("name/sub-zone-underscore-a", "sub NS ns.example.net.", "a_b.sub A 192.0.2.2");
    rr("name/out-of-zone", "h.example.net. A 192.0.2.2");
    rr("name/out-of-zone-txt", "example.net. TXT x");
    rr("name/parent", "com. TXT x");
    rr("name/below-delegation", "sub NS ns.example.net.", "h.sub A 192.0.2.2");
    rr("name/below-dname", "d DNAME t.example.net.", "h.d A 192.0.2.2");
  }

  private void ttls() {
    rr("ttl/record-max", "h 2147483647 A 192.0.2.2");
    rr("ttl/record-over-max", "h 2147483648 A 192.0.2.2");
    rr("ttl/record-2^32-1", "h 4294967295 A 192.0.2.2");
    rr("ttl/record-2^32", "h 4294967296 A 192.0.2.2");
    rr("ttl/record-units-over", "h 3551w A 192.0.2.2");
    rr("ttl/record-units-max", "h 3550w A 192.0.2.2");
    rr("ttl/record-leading-zeros", "h 0060 A 192.0.2.2");
    rr("ttl/record-upper-unit", "h 1H A 192.0.2.2");
    rr("ttl/record-zero", "h 0 A 192.0.2.2");
    rr("ttl/record-bad-unit", "h 1y A 192.0.2.2");
    rr("ttl/record-huge", "h 99999999999999999999 A 192.0.2.2");
    rr("ttl/soa-timers-units", "sub SOA ns.example.net. hm.example.net. 1 1h 15m 2w 5m");
    rr("ttl/soa-timer-trailing-digits", "sub SOA ns.example.net. hm.example.net. 1 7200 900 1209m600 300");
    raw("ttl/soa-timer-multiline", "$TTL 300\n@ SOA ns1 hostmaster (\n 1 ; serial\n 7200 900\n 2w 1h30 )\n@ NS ns1\nns1 A 192.0.2.1\n");
    rr("ttl/soa-serial-units", "sub SOA ns.example.net. hm.example.net. 1h 1 1 1 1");
    rr("ttl/soa-serial-max", "sub SOA ns.example.net. hm.example.net. 4294967295 1 1 1 1");
    rr("ttl/soa-serial-over", "sub SOA ns.example.net. hm.example.net. 4294967296 1 1 1 1");
    rr("ttl/soa-timer-over", "sub SOA ns.example.net. hm.example.net. 1 4294967296 1 1 1");
    rr("ttl/soa-short", "sub SOA ns.example.net. hm.example.net. 1 2 3 4");
    rr("ttl/soa-long", "sub SOA ns.example.net. hm.example.net. 1 2 3 4 5 6");
    raw("ttl/soa-minimum-default", "@ IN SOA ns1 hostmaster 1 7200 900 1209600 321\n@ NS ns1\nns1 A 192.0.2.1\n");
    raw("ttl/previous-record", "@ 600 IN SOA ns1 hostmaster 1 7200 900 1209600 321\n@ NS ns1\nns1 A 192.0.2.1\n");
  }

  /** What a whole zone needs: SOA, NS, glue; CNAME and other data; records below a cut. */
  private void zoneStructure() {
    raw("zone/empty", "");
    raw("zone/only-comments", "; nothing\n");
    raw("zone/no-soa", "$TTL 300\n@ NS ns1\nns1 A 192.0.2.1\n");
    raw("zone/no-ns", "$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\nns1 A 192.0.2.1\n");
    raw("zone/soa-not-apex", "$TTL 300\nsub SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n");
    raw("zone/ns-no-address", "$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\n");
    raw("zone/ns-out-of-zone", "$TTL 300\n@ SOA ns hostmaster 1 7200 900 1209600 300\n@ NS ns.example.net.\n");
    raw("zone/ns-cname", "$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 CNAME t.example.net.\n");
    rr("zone/cname-and-a", "c CNAME t.example.net.", "c A 192.0.2.2");
    rr("zone/cname-and-txt", "c CNAME t.example.net.", "c TXT x");
    rr("zone/cname-and-rrsig", "c CNAME t.example.net.",
        "c RRSIG CNAME 8 3 300 20300101000000 20200101000000 12345 example.com. AwEAAQ==");
    rr("zone/cname-and-nsec", "c CNAME t.example.net.", "c NSEC d.example.com. CNAME RRSIG NSEC");
    rr("zone/cname-at-apex", "@ CNAME t.example.net.");
    rr("zone/cname-and-ns", "c CNAME t.example.net.", "c NS ns.example.net.");
    rr("zone/cname-and-ds", "c CNAME t.example.net.", "c DS 12345 8 2 " + "ab".repeat(32));
    rr("zone/dname-and-cname", "d DNAME t.example.net.", "d CNAME t.example.net.");
    rr("zone/dname-and-a", "d DNAME t.example.net.", "d A 192.0.2.2");
    rr("zone/dname-at-apex", "@ DNAME t.example.net.");
    rr("zone/ns-glue-missing", "sub NS ns.sub");
    rr("zone/ns-glue-present", "sub NS ns.sub", "ns.sub A 192.0.2.3");
    rr("zone/ns-glue-sibling", "sub NS ns.other", "other NS ns.example.net.");
    rr("zone/ns-in-zone-no-address", "sub NS nohost");
    rr("zone/ns-target-cname", "sub NS c", "c CNAME t.example.net.");
    rr("zone/mx-target-cname", "h MX 10 c", "c CNAME t.example.net.");
    rr("zone/srv-target-cname", "_s._tcp SRV 0 0 1 c", "c CNAME t.example.net.");
    rr("zone/mx-no-address", "h MX 10 nohost");
    rr("zone/ds-at-apex", "@ DS 12345 8 2 " + "ab".repeat(32));
    rr("zone/ds-no-ns", "sub DS 12345 8 2 " + "ab".repeat(32));
    rr("zone/nonterminal-wildcard", "*.a.b TXT x", "x.*.c TXT y");
    rr("zone/spf-only", "h SPF \"v=spf1 -all\"");
    loadChecks();
  }

  /**
   * The checks named makes of the whole zone once read (zonegate's BindZoneChecks): how it finds
   * an apex NS name's address, CDS/CDNSKEY against the apex keys, NSEC3PARAM hashes, singletons.
   */
  private void loadChecks() {
    String top = "$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n";
    raw("load/ns-wildcard", top + "@ NS ns1\n* A 192.0.2.9\n");
    raw("load/ns-wildcard-cname", top + "@ NS ns1\n* CNAME t.example.net.\n");
    raw("load/ns-wildcard-txt", top + "@ NS ns1\n* TXT x\n");
    raw("load/ns-empty-nonterminal", top + "@ NS ns1\nx.ns1 A 192.0.2.9\n* A 192.0.2.9\n");
    raw("load/ns-txt-only", top + "@ NS ns1\nns1 TXT hi\n");
    raw("load/ns-aaaa-only", top + "@ NS ns1\nns1 AAAA 2001:db8::1\n");
    raw("load/ns-below-delegation", top + "@ NS ns.sub\nsub NS ns.sub\n");
    raw("load/ns-at-delegation", top + "@ NS sub\nsub NS ns.example.net.\n");
    raw("load/ns-below-dname", top + "@ NS ns1.d\nd DNAME t.example.net.\n");
    raw("load/ns-at-dname", top + "@ NS d\nd DNAME t.example.net.\n");
    raw("load/ns-at-dname-with-a", top + "@ NS d\nd DNAME t.example.net.\nd A 192.0.2.1\n");
    raw("load/ns-delegation-beside-dname", top + "@ NS ns1.d\nd NS ns.example.net.\nd DNAME t.example.net.\n");
    raw("load/ns-dname-above-delegation", top + "@ NS ns1.s.d\nd DNAME t.example.net.\ns.d NS ns.example.net.\n");
    raw("load/ns-delegation-above-dname", top + "@ NS ns1.d.s\ns NS ns.example.net.\nd.s DNAME t.example.net.\n");
    raw("load/ns-apex-with-address", top + "@ NS @\n@ A 192.0.2.1\n");
    raw("load/ns-apex-without-address", top + "@ NS @\n@ NS ns.example.net.\n");
    raw("load/ns-upper-case", top + "@ NS NS1\nns1 A 192.0.2.1\n");
    raw("load/ns-second-is-cname", top + "@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 CNAME ns1\n");
    raw("load/ns-only-out-of-zone-with-apex-dname", top + "@ NS ns.example.net.\n@ DNAME t.example.net.\n");
    String key = "AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0=";
    String digest = "ab".repeat(32);
    rr("load/cds-key-of-its-algorithm", "@ DNSKEY 257 3 8 " + key, "@ CDS 1 8 2 " + digest);
    rr("load/cds-no-key-of-one-algorithm", "@ DNSKEY 257 3 8 " + key, "@ CDS 1 8 2 " + digest, "@ CDS 1 13 2 " + digest);
    rr("load/cds-unknown-digest", "@ DNSKEY 257 3 8 " + key, "@ CDS 1 8 200 abcd");
    rr("load/cds-delete-beside-another", "@ DNSKEY 257 3 8 " + key, "@ CDS 1 8 2 " + digest, "@ CDS 0 0 0 00");
    rr("load/cds-delete-twice", "@ CDS 0 0 0 00", "@ CDS 0 0 0 00");
    rr("load/cds-and-cdnskey-delete", "@ CDS 0 0 0 00", "@ CDNSKEY 0 3 0 AA==");
    rr("load/cds-delete-cdnskey-key", "@ DNSKEY 257 3 8 " + key, "@ CDS 0 0 0 00", "@ CDNSKEY 257 3 8 " + key);
    rr("load/cds-below-apex-no-key", "sub CDS 1 8 2 " + digest);
    rr("load/cds-key-below-apex", "sub DNSKEY 257 3 8 " + key, "@ CDS 1 8 2 " + digest);
    rr("load/cdnskey-other-flags", "@ DNSKEY 257 3 8 " + key, "@ CDNSKEY 256 3 8 " + key);
    rr("load/cdnskey-protocol-4-delete", "@ DNSKEY 257 3 8 " + key, "@ CDNSKEY 0 4 0 AA==");
    rr("load/cdnskey-delete-beside-key", "@ DNSKEY 257 3 8 " + key, "@ CDNSKEY 257 3 8 " + key, "@ CDNSKEY 0 3 0 AA==");
    rr("load/dnskey-not-zone-key", "@ DNSKEY 0 3 8 " + key, "@ CDS 1 8 2 " + digest);
    rr("load/nsec3param-one-supported", "@ NSEC3PARAM 0 0 0 -", "@ NSEC3PARAM 1 0 0 -");
    rr("load/nsec3param-245", "@ NSEC3PARAM 245 0 0 -");
    rr("load/nsec3param-2", "@ NSEC3PARAM 2 0 0 -");
    rr("load/nsec3param-iterations", "@ NSEC3PARAM 1 0 500 -");
    rr("load/nsec3param-below-apex", "sub NSEC3PARAM 0 0 0 -");
    rr("load/cname-and-key", "c CNAME t.example.net.", "c KEY 256 3 8 AwEAAQ==");
    rr("load/cname-and-sig", "c CNAME t.example.net.",
        "c SIG A 8 2 300 20300101000000 20200101000000 12345 example.com. AwEAAQ==");
    rr("load/cname-and-nxt", "c CNAME t.example.net.", "c NXT d.example.com. A");
    rr("load/cname-and-private-type", "c CNAME t.example.net.", "c TYPE65534 \\# 1 00");
    rr("load/dname-twice-same", "d DNAME t.example.net.", "d DNAME t.example.net.");
    rr("load/soa-twice-same", "@ SOA ns1 hostmaster 1 7200 900 1209600 300");
  }

  // ---------------------------------------------------------------------------------------------

  /** Seeded combinations; the ids name the generator and a counter. */
  private void generated(SplittableRandom r) {
    String[] keys = {"mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint",
      "dohpath", "ohttp", "key65333", "key9", "key1", "key3"};
    String[][] values = {
      {"alpn", "port", "ipv4hint", "key65333", "alpn,port", "port,alpn", "ech", "bogus", ""},
      {"h2", "h3", "h2,h3", "\"h2\"", "http/1.1", "", "h2,,h3"},
      {null, "", "x"},
      {"443", "65535", "0", "65536", "x", ""},
      {"192.0.2.1", "192.0.2.1,192.0.2.2", "::1", ""},
      {"AAAA", "AEn+DQ==", "!", ""},
      {"2001:db8::1", "::1,::2", "192.0.2.1", ""},
      {"/q{?dns}", "/q", "", "\"/dns-query{?dns}\""},
      {null, "", "x"},
      {null, "abc", "\\000"},
      {"x", null},
      {"\\002h2", "h2"},
      {"\\001\\187", "443"},
    };
    for (int i = 0; i < 160; i++) {
      StringBuilder sb = new StringBuilder(r.nextInt(6) == 0 ? "0 svc.example.net." : "1 .");
      int n = 1 + r.nextInt(4);
      for (int k = 0; k < n; k++) {
        int key = r.nextInt(keys.length);
        String v = values[key][r.nextInt(values[key].length)];
        sb.append(' ').append(keys[key]).append(v == null ? "" : "=" + v);
      }
      rr("gen-svcb/" + i, "s " + (r.nextBoolean() ? "SVCB " : "HTTPS ") + sb);
    }
    String alphabet = "abz09-_*.\\A";
    for (int i = 0; i < 80; i++) {
      StringBuilder name = new StringBuilder();
      int len = 1 + r.nextInt(r.nextInt(8) == 0 ? 70 : 8);
      for (int k = 0; k < len; k++) {
        name.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String nm = name.toString();
      if (nm.endsWith("\\")) {
        nm = nm + "0";
      }
      String[] types = {"A 192.0.2.7", "TXT x", "MX 10 mail.example.net.", "AAAA ::7", "CNAME t.example.net."};
      rr("gen-name/" + i, nm + " " + types[r.nextInt(types.length)]);
    }
    String[] units = {"w", "d", "h", "m", "s", "W", "D", "H", "M", "S", "", "x"};
    for (int i = 0; i < 40; i++) {
      StringBuilder ttl = new StringBuilder();
      int parts = 1 + r.nextInt(3);
      for (int k = 0; k < parts; k++) {
        ttl.append(r.nextInt(r.nextInt(4) == 0 ? 5000 : 100)).append(units[r.nextInt(units.length)]);
      }
      rr("gen-ttl/" + i, "h " + ttl + " A 192.0.2.2");
    }
    String[] mods = {"", "${0}", "${1,3}", "${-1,2,x}", "${0,0,X}", "${2,4,o}", "${0,2,n}", "${0,6,N}",
      "${0,1,d}", "$$", "\\$", "${0,3,q}", "${"};
    String[] rhs = {"A 192.0.2.$", "TXT \"$\"", "CNAME t$.example.net.", "AAAA 2001:db8::$",
      "PTR t$.example.net.", "60 A 192.0.2.$", "IN TXT x$"};
    for (int i = 0; i < 60; i++) {
      int start = r.nextInt(20);
      int stop = start + r.nextInt(r.nextInt(10) == 0 ? 300 : 6) - (r.nextInt(10) == 0 ? 10 : 0);
      String step = r.nextInt(3) == 0 ? "/" + r.nextInt(4) : "";
      String lhs = "g" + mods[r.nextInt(mods.length)] + (r.nextBoolean() ? "$" : "") + mods[r.nextInt(mods.length)];
      rr("gen-generate/" + i, "$GENERATE " + start + "-" + stop + step + " " + lhs + " " + rhs[r.nextInt(rhs.length)]);
    }
    for (int i = 0; i < 50; i++) {
      String lat = r.nextInt(92) + (r.nextBoolean() ? " " + r.nextInt(61) : "")
          + (r.nextBoolean() ? " " + r.nextInt(61) + "." + r.nextInt(1000) : "") + (r.nextBoolean() ? " N" : " S");
      String lon = r.nextInt(182) + (r.nextBoolean() ? " " + r.nextInt(61) : "") + (r.nextBoolean() ? " E" : " W");
      String alt = (r.nextBoolean() ? "-" : "") + r.nextInt(100001) + (r.nextBoolean() ? "." + r.nextInt(100) : "") + "m";
      StringBuilder rest = new StringBuilder();
      int extra = r.nextInt(4);
      for (int k = 0; k < extra; k++) {
        rest.append(' ').append(r.nextInt(r.nextInt(3) == 0 ? 100000000 : 1000)).append(r.nextBoolean() ? "m" : "");
      }
      rr("gen-loc/" + i, "h LOC " + lat + " " + lon + " " + alt + rest);
    }
    for (int i = 0; i < 30; i++) {
      StringBuilder apl = new StringBuilder();
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) {
        boolean v6 = r.nextBoolean();
        apl.append(k == 0 ? "" : " ").append(r.nextInt(4) == 0 ? "!" : "").append(r.nextInt(8) == 0 ? 3 : v6 ? 2 : 1)
            .append(':').append(v6 ? "2001:db8:" + Integer.toHexString(r.nextInt(65536)) + "::" : "192.0." + r.nextInt(256) + ".0")
            .append('/').append(r.nextInt(v6 ? 140 : 40));
      }
      rr("gen-apl/" + i, "h APL " + apl);
    }
    int[] lens = {0, 1, 10, 19, 20, 21, 31, 32, 33, 47, 48, 49, 64};
    for (int i = 0; i < 40; i++) {
      String type = new String[] {"DS", "CDS", "TA", "DLV"}[r.nextInt(4)];
      int digest = r.nextInt(7);
      int len = lens[r.nextInt(lens.length)];
      String hex = len == 0 ? "-" : "a1".repeat(len);
      rr("gen-ds/" + i, "sub " + type + " " + r.nextInt(65536) + " " + (r.nextInt(5) == 0 ? 0 : 8) + " " + digest + " " + hex);
    }
    String[] tags = {"issue", "issuewild", "iodef", "Issue", "x", "a-b", "a_b", "tbs", "", "0abc", "abc0"};
    String[] vals = {"\"ca.example.net\"", "ca.example.net", "\"\"", "\";\"", "a b", "\"a\\\"b\""};
    for (int i = 0; i < 30; i++) {
      int flags = r.nextInt(5) == 0 ? 256 : new int[] {0, 128, 1, 255}[r.nextInt(4)];
      rr("gen-caa/" + i, "@ CAA " + flags + " " + tags[r.nextInt(tags.length)] + " " + vals[r.nextInt(vals.length)]);
    }
    for (int i = 0; i < 20; i++) {
      int octets = r.nextInt(3) == 0 ? 8 : 6;
      if (r.nextInt(4) == 0) {
        octets += r.nextBoolean() ? 1 : -1;
      }
      StringBuilder eui = new StringBuilder();
      char sep = r.nextInt(5) == 0 ? ':' : '-';
      for (int k = 0; k < octets; k++) {
        eui.append(k == 0 ? "" : String.valueOf(sep)).append(String.format("%02x", r.nextInt(256)));
      }
      String type = r.nextBoolean() ? (octets >= 7 ? "EUI64" : "EUI48") : (octets >= 7 ? "EUI48" : "EUI64");
      rr("gen-eui/" + i, "h " + type + " " + eui);
    }
  }
}
