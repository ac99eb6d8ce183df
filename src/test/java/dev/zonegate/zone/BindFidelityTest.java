package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Zone;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.APLRecord;
import org.xbill.DNS.CERTRecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.LOCRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Regression tests for the places where zonegate's master-file reader was made to agree with
 * named-checkzone (BindDifferentialTest finds them; docs/fidelity-bind.md lists what remains
 * different on purpose). Each runs without BIND installed. Both reader paths are held to it: the
 * fast path must decline what it would read differently.
 */
class BindFidelityTest {
  private static final String SKELETON = BindCorpus.SKELETON;

  private static Zone read(String text, boolean fast) throws ZoneReadException {
    MemoryTree tree = new MemoryTree(Map.of("z.db", text.getBytes(StandardCharsets.UTF_8)));
    return new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, fast).read(tree, "z.db", "example.com.");
  }

  /** Both paths refuse {@code text}, at {@code line}, with a message containing {@code words}. */
  private static void refused(String text, int line, String words) {
    for (boolean fast : new boolean[] {true, false}) {
      assertThatThrownBy(() -> read(text, fast))
          .as("fast path %s", fast)
          .isInstanceOf(ZoneReadException.class)
          .hasMessageStartingWith("z.db:" + line + ": ")
          .hasMessageContaining(words);
    }
  }

  private static Zone accepted(String text) throws ZoneReadException {
    Zone fast = read(text, true);
    assertThat(read(text, false)).isEqualTo(fast);
    return fast;
  }

  @Test
  void aParenthesisLeftOpenAtTheEndOfTheFileIsAnErrorAtItsLine() {
    refused(SKELETON + "txt TXT \"hello\" (\n", 5, "parenthesis opened on this line is not closed");
    refused(SKELETON + "txt TXT \"hello\" (", 5, "not closed");
    refused(SKELETON + "a TXT ( \"x\" )\ntxt TXT ( \"a\"\n\"b\"\nh A 192.0.2.2\n", 6, "not closed");
  }

  @Test
  void nestedParenthesesAreReadAsNamedReadsThem() throws Exception {
    Zone z = accepted(SKELETON + "txt TXT ( ( \"a\" ) \"b\" )\n");
    assertThat(z.get("txt.example.com.", "TXT").rdata()).containsExactly("\"a\" \"b\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "h 1h30 A 192.0.2.2|1h30",
        "h 1hm A 192.0.2.2|1hm",
        "h 1S64 A 192.0.2.2|1S64",
        "  IN 1h30 AAAA ::1|1h30",
      })
  void ttlsNamedDoesNotReadAreRefused(String line, String ttl) {
    String text = SKELETON + (line.startsWith(" ") ? "h A 192.0.2.9\n" : "") + line + "\n";
    refused(text, line.startsWith(" ") ? 6 : 5, "'" + ttl + "' is not a TTL named reads");
  }

  @Test
  void soaTimersNamedDoesNotReadAreRefusedAtTheirLine() {
    // Found by BindDifferentialFuzzTest: dnsjava read 1209m600 as 1209 minutes and 600 seconds.
    refused("$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 900 1209m600 300\n@ NS ns1\nns1 A 192.0.2.1\n", 2, "'1209m600'");
    refused("$TTL 300\n@ IN SOA ns1 hostmaster (\n 1 ; serial\n 7200 900\n 2w 1h30 )\n@ NS ns1\nns1 A 192.0.2.1\n", 5, "'1h30'");
  }

  @Test
  void soaTimersWithUnitsStillRead() throws Exception {
    Zone z = accepted("$TTL 300\n@ IN SOA ns1 hostmaster ( 1 1h 15m\n 2w 5m ) ; x\n@ NS ns1\nns1 A 192.0.2.1\n");
    assertThat(z.get("example.com.", "SOA").rdata()).containsExactly("ns1.example.com. hostmaster.example.com. 1 3600 900 1209600 300");
  }

  @Test
  void directivesNamedRefusesAreRefused() {
    // Found by BindDifferentialFuzzTest: named refuses both, dnsjava read them.
    refused(SKELETON + "$ORIGIN sub extra\nh A 192.0.2.2\n", 5, "$ORIGIN takes one name");
    refused(SKELETON + "$TTL 600", 5, "$TTL on the last line needs a newline");
    refused(SKELETON + "$ORIGIN sub ; comment", 5, "$ORIGIN on the last line");
    refused(SKELETON + "$GENERATE 1-2 h$ A 192.0.2.$", 5, "$GENERATE on the last line");
  }

  @Test
  void aNulByteOutsideQuotesAndCommentsIsRefused() throws Exception {
    // Found by BindDifferentialFuzzTest.
    refused(SKELETON + "h\u0000 TXT a\n", 5, "NUL byte");
    refused(SKELETON + "h TXT \"a\"\u0000\u0000\n", 5, "NUL byte");
    refused(SKELETON + "h TXT a\n\u0000\n", 6, "NUL byte");
    // Found by the third campaign: an escaped NUL, inside quotes too.
    refused(SKELETON + "h TXT \"a\\\u0000b\"\n", 5, "after a backslash");
    assertThat(accepted(SKELETON + "h TXT a ; c\u0000c\nx TXT \"a\u0000b\"\n").get("x.example.com.", "TXT").rdata())
        .containsExactly("\"a\\000b\"");
  }

  @Test
  void aRecordOrIncludeOnTheLastLineNeedsNoNewline() throws Exception {
    assertThat(accepted(SKELETON + "h A 192.0.2.9").get("h.example.com.", "A")).isNotNull();
    assertThat(accepted(SKELETON + "$ORIGIN sub ; comment\nh A 192.0.2.9\n").get("h.sub.example.com.", "A")).isNotNull();
  }

  @Test
  void aTtlSetInAnIncludedFileHoldsForTheRestOfTheIncludingFile() throws Exception {
    MemoryTree tree =
        new MemoryTree(
            Map.of(
                "z.db", (SKELETON + "$INCLUDE a.db\n$INCLUDE b.db\nafter A 192.0.2.3\n").getBytes(StandardCharsets.UTF_8),
                "a.db", "$INCLUDE c.db\nmid A 192.0.2.4\n".getBytes(StandardCharsets.UTF_8),
                "b.db", "g A 192.0.2.5\n".getBytes(StandardCharsets.UTF_8),
                "c.db", "$TTL 60\nh A 192.0.2.2\n".getBytes(StandardCharsets.UTF_8)));
    Zone z = new MasterFileReader().read(tree, "z.db", "example.com.");
    assertThat(z.get("h.example.com.", "A").ttl()).isEqualTo(60);
    assertThat(z.get("mid.example.com.", "A").ttl()).isEqualTo(60);
    assertThat(z.get("g.example.com.", "A").ttl()).isEqualTo(60);
    assertThat(z.get("after.example.com.", "A").ttl()).isEqualTo(60);
    assertThat(z.get("after.example.com.", "A").location().line()).isEqualTo(7);
  }

  @Test
  void aDefaultTtlNamedDoesNotReadIsRefused() {
    refused("$TTL 1h30\n" + SKELETON.substring(9), 1, "'1h30' is not a TTL");
  }

  @Test
  void ttlUnitsNamedReadsStillRead() throws Exception {
    Zone z = accepted(SKELETON + "a 1h1h A 192.0.2.2\nb 1m1h A 192.0.2.3\nc 1W2d3H4m5S A 192.0.2.4\n");
    assertThat(z.get("a.example.com.", "A").ttl()).isEqualTo(7200);
    assertThat(z.get("b.example.com.", "A").ttl()).isEqualTo(3660);
    assertThat(z.get("c.example.com.", "A").ttl()).isEqualTo(788645);
  }

  @Test
  void theDateDirectiveIsReadAsNamedReadsItAndChangesNothing() throws Exception {
    Zone z = accepted(SKELETON + "$DATE 20200101000000\nh A 192.0.2.2\n");
    assertThat(z.get("h.example.com.", "A").location().line()).isEqualTo(6);
    assertThat(z.get("h.example.com.", "A").ttl()).isEqualTo(300);
    refused(SKELETON + "$DATE 1-3 x\nh A 192.0.2.2\n", 5, "$DATE takes one time");
    refused(SKELETON + "$DATE 20200230000000\nh A 192.0.2.2\n", 5, "is out of range");
    refused(SKELETON + "$DATE 19691231235959\nh A 192.0.2.2\n", 5, "outside the epoch");
    refused(SKELETON + "$DATE\nh A 192.0.2.2\n", 5, "$DATE needs a time");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a_b A 192.0.2.2|owner a_b.example.com. is not a host name",
        "-h AAAA ::1|owner -h.example.com. is not a host name",
        "h- MX 10 mail.example.net.|owner h-.example.com. is not a host name",
        "a.*.b A 192.0.2.2|owner a.*.b.example.com. is not a host name",
        "a\\.b WKS 192.0.2.1 tcp 25|is not a host name",
        "h MX 10 a_b.example.net.|mail exchange a_b.example.net. of this MX record is not a host name",
        "h MX 10 *.example.net.|is not a host name",
        "sub NS ns_1.example.net.|name server ns_1.example.net.",
        "_s._tcp SRV 0 0 1 a_b.example.net.|target a_b.example.net.",
        "h AFSDB 1 a_b.example.net.|host a_b.example.net.",
        "h RT 1 a_b.example.net.|host a_b.example.net.",
        "h SVCB 1 a_b.example.net.|target a_b.example.net.",
        "h HTTPS 1 a_b.example.net.|target a_b.example.net.",
        "sub SOA a_b.example.net. hm.example.net. 1 2 3 4 5|primary server a_b.example.net.",
        "sub SOA ns.example.net. hm.a_b.example.net. 1 2 3 4 5|mailbox hm.a_b.example.net.",
      })
  void namesThatCheckNamesRefusesAreRefused(String line, String words) {
    refused(SKELETON + line + "\n", 5, words);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "* A 192.0.2.2",
        "*.sub MX 10 mail.example.net.",
        "_dmarc TXT \"v=DMARC1; p=none\"",
        "_sip._tcp SRV 0 0 5060 sip.example.net.",
        "_acme-challenge CNAME t.example.net.",
        "a_b NS ns.example.net.",
        "h PTR a_b.example.net.",
        "h CNAME a_b.example.net.",
        "h MX 0 .",
        "123 A 192.0.2.2",
        "h KX 10 a_b.example.net.",
        "svc SVCB 0 s_v.example.net.",
        "svc HTTPS 0 s_v.example.net. alpn=h2",
      })
  void namesThatCheckNamesAllowAreRead(String line) throws Exception {
    assertThat(accepted(SKELETON + line + "\n").size()).isEqualTo(4);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "h MD mail.example.net.|type MD is obsolete",
        "h MF mail.example.net.|type MF is obsolete",
        "h AXFR \\# 0|type AXFR is a meta type",
        "h MAILA \\# 0|type MAILA is a meta type",
        "h OPT \\# 0|type OPT is a meta type",
        "h TYPE0 \\# 0|type TYPE0 is a meta type",
        "* NS ns.example.net.|wildcard owner",
      })
  void typesAndOwnersNamedWillNotLoadAreRefused(String line, String words) {
    refused(SKELETON + line + "\n", 5, words);
  }

  @Test
  void anSoaBelowTheApexAndADsAtItAreRefused() {
    refused(SKELETON + "sub SOA ns.example.net. hm.example.net. 1 2 3 4 5\n", 5, "below the top of the zone");
    refused(SKELETON + "@ DS 12345 8 2 " + "ab".repeat(32) + "\n", 5, "DS record at the top of the zone");
  }

  private static List<String> rdata(String line, String name, String type) throws Exception {
    return accepted(SKELETON + line + "\n").get(name, type).rdata();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s SVCB 0 svc.example.net. alpn=h2|0 svc.example.net. alpn=h2",
        "s SVCB 1 . ech=|1 . ech",
        "s SVCB 1 . dohpath=/dns-query{?dns}|1 . key7=/dns-query{?dns}",
        "s SVCB 1 . key3=\\001\\187|1 . port=443",
        "s SVCB 1 . key1=\\002h2|1 . alpn=h2",
        "s SVCB 1 . key4=\\192\\000\\002\\001|1 . ipv4hint=192.0.2.1",
        "s SVCB 1 . alpn=h2\\,x,h3|1 . alpn=h2,x,h3",
        "s SVCB 1 . mandatory=ipv4hint,alpn ipv4hint=192.0.2.1 alpn=h2|1 . mandatory=alpn,ipv4hint alpn=h2 ipv4hint=192.0.2.1",
        "s HTTPS 1 . key8|1 . key8",
      })
  void svcbParametersReadAsNamedReadsThem(String line, String expected) throws Exception {
    String type = line.split(" ")[1];
    assertThat(rdata(line, "s.example.com.", type)).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s SVCB 1 . alpn=,h2|alpn protocol id",
        "s SVCB 1 . alpn=h2,|alpn protocol id",
        "s SVCB 1 . alpn= h2|alpn protocol id",
        "s SVCB 1 . no-default-alpn|no-default-alpn needs an alpn",
        "s SVCB 1 . key2|no-default-alpn needs an alpn",
        "s SVCB 1 . port=65536|not a number from 0 to 65535",
        "s SVCB 1 . port=0x1bb|not a number from 0 to 65535",
        "s SVCB 1 . ipv4hint=192.0.2.1,|not an IPv4 address",
        "s SVCB 1 . key1=h2|not valid",
        "s SVCB 1 . key3=443|not valid",
        "s SVCB 1 . ALPN=h2|unknown SvcParam key 'ALPN'",
        "s SVCB 1 . ohttp|unknown SvcParam key 'ohttp'",
        "s SVCB 1 . dohpath=/dns-query|not valid",
        "s SVCB 1 . \"alpn=h2\"|one quoted string",
        "s SVCB 1 . ech=AAA|not base64",
        "s SVCB 1 . alpn=h2 key1=\\002h3|appears twice",
        "s SVCB 1 . mandatory=port alpn=h2|does not have",
        "s SVCB 1 . mandatory=mandatory|not valid",
      })
  void svcbParametersNamedRefusesAreRefused(String line, String words) {
    refused(SKELETON + line + "\n", 5, words);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "h EUI48 00-00-5E-00-53-2A|EUI48|00-00-5e-00-53-2a",
        "h EUI48 0-0-5e-0-53-2a|EUI48|00-00-5e-00-53-2a",
        "h EUI48 00-00-5e-00-53-2a-01|EUI48|00-00-5e-00-53-2a",
        "h EUI64 00-00-5e-ef-10-00-00-2a|EUI64|00-00-5e-ef-10-00-00-2a",
      })
  void euiAddressesReadAsNamedReadsThem(String line, String type, String expected) throws Exception {
    assertThat(rdata(line, "h.example.com.", type)).containsExactly(expected);
  }

  @Test
  void euiAddressesNamedRefusesAreRefused() {
    refused(SKELETON + "h EUI48 00-00-5e-00-53\n", 5, "invalid EUI48 address");
    refused(SKELETON + "h EUI64 00:00:5e:ef:10:00:00:2a\n", 5, "invalid EUI64 address");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 0 .5 N 0 E 0m|0 0 0.500 N 0 0 0 E 0m 1m 10000m 10m",
        "0 0 1. N 0 E +1m|0 0 1 N 0 0 0 E 1m 1m 10000m 10m",
        "0 N 0 E .5m 1.m|0 0 0 N 0 0 0 E 0.50m 1m 10000m 10m",
        "52 22 23.5 N 4 53 32.25 E -2.5m 1.5m|52 22 23.500 N 4 53 32.250 E -2.50m 1m 10000m 10m",
        "1 2 3.456 S 7 8 9.012 W -0.05m 1234m 0.09m 0m|1 2 3.456 S 7 8 9.012 W -0.05m 1000m 0.09m 0m",
      })
  void locReadsAsNamedReadsIt(String rdata, String expected) throws Exception {
    assertThat(rdata("h LOC " + rdata, "h.example.com.", "LOC")).containsExactly(expected);
  }

  @Test
  void locFormsNamedRefusesAreRefused() {
    refused(SKELETON + "h LOC 0 0 59.1234 N 0 E 0m\n", 5, "is not a LOC number");
    refused(SKELETON + "h LOC 0 n 0 e 0m\n", 5, "is not a valid number of LOC minutes");
    refused(SKELETON + "h LOC 0 N 0 E 1.123m\n", 5, "is not a LOC number");
    refused(SKELETON + "h LOC 0 N 0 E 1m 0.001m\n", 5, "is not a LOC precision");
    refused(SKELETON + "h LOC 0 N 0 E 1M\n", 5, "is not a LOC number");
    refused(SKELETON + "h LOC 0.5 N 0 E 0m\n", 5, "is not a valid number of LOC degrees");
    refused(SKELETON + "h LOC 0 60 N 0 E 0m\n", 5, "minutes 60 are out of range");
    refused(SKELETON + "h LOC 0 N 0 E \"1m\"\n", 5, "is not quoted");
  }

  /** dnsjava's own reader of a type, and its text for {@code wire}: the reference for ours. */
  private static String dnsjavaText(Class<? extends org.xbill.DNS.Record> type, byte[] wire) throws Exception {
    Constructor<? extends org.xbill.DNS.Record> make = type.getDeclaredConstructor();
    make.setAccessible(true);
    org.xbill.DNS.Record r = make.newInstance();
    Method fromWire = type.getDeclaredMethod("rrFromWire", DNSInput.class);
    Method text = type.getDeclaredMethod("rrToString");
    fromWire.setAccessible(true);
    text.setAccessible(true);
    fromWire.invoke(r, new DNSInput(wire));
    return (String) text.invoke(r);
  }

  /** Our reader's text for {@code wire}, through dnsjava's registry as the master-file readers use it. */
  private static String ourText(int type, byte[] wire) {
    BindTypes.install();
    return org.xbill.DNS.Record.newRecord(Name.root, type, DClass.IN, 0, wire).rdataToString();
  }

  @Test
  void aplCertAndNsec3AreWrittenAsDnsjavaWritesThem() throws Exception {
    BindTypes.install();
    assertThat(org.xbill.DNS.Record.newRecord(Name.root, Type.APL, DClass.IN, 0,
        new byte[] {0, 1, 24, 1, (byte) 192})).isInstanceOf(BindApl.class);
    SplittableRandom r = new SplittableRandom(3123);
    for (int i = 0; i < 2000; i++) {
      // APL: one to three items of IPv4 or IPv6, trailing zero octets left out as on the wire.
      ByteArrayOutputStream apl = new ByteArrayOutputStream();
      for (int k = r.nextInt(1, 4); k > 0; k--) {
        int family = r.nextInt(1, 3);
        byte[] a = new byte[r.nextInt(0, family == 1 ? 5 : 17)];
        for (int j = 0; j < a.length; j++) {
          a[j] = (byte) (j == a.length - 1 ? r.nextInt(1, 256) : r.nextInt(256));
        }
        apl.write(0);
        apl.write(family);
        apl.write(r.nextInt(0, family == 1 ? 33 : 129));
        apl.write(a.length | (r.nextBoolean() ? 0x80 : 0));
        apl.write(a);
      }
      byte[] w = apl.toByteArray();
      assertThat(ourText(Type.APL, w)).isEqualTo(dnsjavaText(APLRecord.class, w));
      // CERT: type, key tag, algorithm, one or more octets of certificate.
      byte[] cert = new byte[5 + r.nextInt(1, 40)];
      for (int j = 0; j < cert.length; j++) {
        cert[j] = (byte) r.nextInt(256);
      }
      assertThat(ourText(Type.CERT, cert)).isEqualTo(dnsjavaText(CERTRecord.class, cert));
      // NSEC3: algorithm, flags, iterations, a salt (maybe none), a hash, a few types.
      ByteArrayOutputStream n = new ByteArrayOutputStream();
      n.write(1);
      n.write(r.nextInt(2));
      n.write(0);
      n.write(r.nextInt(20));
      int saltLength = r.nextBoolean() ? 0 : r.nextInt(1, 9);
      n.write(saltLength);
      for (int j = 0; j < saltLength; j++) {
        n.write(r.nextInt(256));
      }
      n.write(20);
      for (int j = 0; j < 20; j++) {
        n.write(r.nextInt(256));
      }
      if (r.nextBoolean()) {
        n.write(new byte[] {0, 6, 0x40, 0x01, 0, 0, 0, 0x03}); // A, MX, RRSIG, NSEC: window 0
      }
      byte[] nw = n.toByteArray();
      assertThat(ourText(Type.NSEC3, nw)).isEqualTo(dnsjavaText(NSEC3Record.class, nw));
    }
  }

  @Test
  void aplCertAndNsec3FormsNamedRefusesAreRefused() throws Exception {
    String b32 = "2vptu5timamqttgl4luu9kg21e0aor3s";
    refused(SKELETON + "h APL \"1:192.0.2.0/24\"\n", 5, "an APL item is not quoted");
    refused(SKELETON + "h APL 1:192.0.2.0/+24\n", 5, "not a valid APL prefix length");
    refused(SKELETON + "h CERT 1 0 0 !!!!\n", 5, "bad base64 encoding");
    refused(SKELETON + "h CERT 1 0 0 AB==\n", 5, "bad base64 encoding");
    refused(SKELETON + "h CERT 1 \"0\" 0 AAAA\n", 5, "a number is not quoted");
    refused(SKELETON + b32 + " NSEC3 1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor A\n", 5, "bad base32 encoding");
    refused(SKELETON + b32 + " NSEC3 1 0 0 - " + b32 + "00 A\n", 5, "where SHA-1 gives 20");
    refused(SKELETON + "$ORIGIN\u001csub\nh A 192.0.2.2\n", 5, "Invalid directive");
    assertThat(rdata("h APL +1:192.0.2.0/024", "h.example.com.", "APL")).containsExactly("1:192.0.2.0/24");
    assertThat(rdata("h CERT pkix 0 rsasha256 AAAA AAE=", "h.example.com.", "CERT")).containsExactly("1 0 8 AAAAAAE=");
    assertThat(rdata(b32 + " NSEC3 SHA-1 0 0 - " + b32 + " A", b32 + ".example.com.", "NSEC3"))
        .containsExactly("1 0 0 - " + b32.toUpperCase(Locale.ROOT) + " A");
    assertThat(rdata(b32 + " NSEC3 2 0 0 - 00 A", b32 + ".example.com.", "NSEC3")).containsExactly("2 0 0 - 00 A");
  }

  @Test
  void naptrRegularExpressionsAreCheckedAsNamedChecksThem() throws Exception {
    String naptr = "h NAPTR 100 10 \"u\" \"E2U+sip\" ";
    refused(SKELETON + naptr + "\"!bad\" .\n", 5, "is not one named takes");
    refused(SKELETON + naptr + "\"!a**!x!\" .\n", 5, "is not one named takes");
    refused(SKELETON + naptr + "\"!^.*$!\\\\1!\" .\n", 5, "is not one named takes"); // no group 1
    refused(SKELETON + naptr + "\"1^.*$1x1\" .\n", 5, "is not one named takes"); // a digit delimits
    assertThat(rdata(naptr + "\"!^(.*)$!sip:\\\\1@example.com!i\" .", "h.example.com.", "NAPTR"))
        .containsExactly("100 10 \"u\" \"E2U+sip\" \"!^(.*)$!sip:\\\\1@example.com!i\" .");
    assertThat(BindRegex.groups("([[:alpha:]]+)-(x|y){1,3}")).isEqualTo(2);
    assertThat(BindRegex.groups("[[:alpah:]]")).isEqualTo(-1);
    assertThat(BindRegex.groups("[]a]")).isZero();
    assertThat(BindRegex.groups("a{2,1}")).isEqualTo(-1);
  }

  @Test
  void parenthesesGroupADirectivesWordsAndOneClosedWithNoneOpenIsRefused() throws Exception {
    assertThat(accepted(SKELETON + "$ORIGIN ( sub )\nh A 192.0.2.2\n").get("h.sub.example.com.", "A")).isNotNull();
    refused(SKELETON + "$ORIGIN sub )\nh A 192.0.2.2\n", 5, "a closing parenthesis with none open");
    refused(SKELETON + "h A 192.0.2.2 )\n", 5, "");
  }

  /** The text is dnsjava's LOCRecord's, but for the sign of a negative altitude with centimetres. */
  @Test
  void locIsWrittenAsDnsjavaWritesIt() throws Exception {
    SplittableRandom r = new SplittableRandom(1876);
    Constructor<LOCRecord> make = LOCRecord.class.getDeclaredConstructor();
    make.setAccessible(true);
    Method fromWire = LOCRecord.class.getDeclaredMethod("rrFromWire", DNSInput.class);
    Method text = LOCRecord.class.getDeclaredMethod("rrToString");
    fromWire.setAccessible(true);
    text.setAccessible(true);
    Method ours = BindLoc.class.getDeclaredMethod("rrFromWire", DNSInput.class);
    Method oursText = BindLoc.class.getDeclaredMethod("rrToString");
    ours.setAccessible(true);
    oursText.setAccessible(true);
    for (int i = 0; i < 5000; i++) {
      ByteBuffer b = ByteBuffer.allocate(16);
      b.put((byte) 0);
      for (int k = 0; k < 3; k++) {
        b.put((byte) (r.nextInt(10) << 4 | r.nextInt(10)));
      }
      b.putInt((int) (0x80000000L + r.nextLong(-90L * 3_600_000, 90L * 3_600_000 + 1)));
      b.putInt((int) (0x80000000L + r.nextLong(-180L * 3_600_000, 180L * 3_600_000 + 1)));
      long alt = r.nextBoolean() ? 10_000_000L + r.nextLong(0, 4_000_000_000L) : 10_000_000L - 100 * r.nextLong(0, 100_001);
      b.putInt((int) alt);
      LOCRecord theirs = make.newInstance();
      fromWire.invoke(theirs, new DNSInput(b.array()));
      BindLoc mine = new BindLoc();
      ours.invoke(mine, new DNSInput(b.array()));
      assertThat(oursText.invoke(mine)).as("wire %s", HexFormat.of().formatHex(b.array())).isEqualTo(text.invoke(theirs));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$GENERATE 1-2 h$ TXT \"a b $\"|h2.example.com.|TXT|\"a\" \"b\" \"2\"",
        "$GENERATE 1-2 h$ MX \"10 a_b$.example.net.\"|h1.example.com.|MX|10 a_b1.example.net.",
        "$GENERATE 1-2 h${0,5,n} A 192.0.2.$|h2.0.0.example.com.|A|192.0.2.2",
        "$GENERATE 1-2 h${-5} A 192.0.2.$|h-3.example.com.|A|192.0.2.2",
        "$GENERATE 6-6 g${2,4,o}$$$ A 192.0.2.$|g0010\\$8.example.com.|A|192.0.2.6",
        "$GENERATE 10-10 h${0,3,X} AAAA 2001:db8::${0,0,x}|h00a.example.com.|AAAA|2001:db8::a",
        "$GENERATE 1-2 h$ IN 60 A 192.0.2.$|h1.example.com.|A|192.0.2.1",
        "$GENERATE 1-2x h_$ A 192.0.2.$|h_2.example.com.|A|192.0.2.2",
      })
  void generateExpandsAsNamedExpandsIt(String line, String name, String type, String rdata) throws Exception {
    Zone z = accepted(SKELETON + line + "\n");
    assertThat(z.get(name, type).rdata()).containsExactly(rdata);
    assertThat(z.get(name, type).location().line()).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$GENERATE 1-2 h$ MX 10 mail$.example.net.|extra input text",
        "$GENERATE 3-1 h$ A 192.0.2.$|invalid range '3-1'",
        "$GENERATE 1-3/0 h$ A 192.0.2.$|invalid range",
        "$GENERATE 1-3/-1 h$ A 192.0.2.$|invalid range",
        "$GENERATE 1-2/x h$ A 192.0.2.$|invalid range",
        "$GENERATE 1-2 h${0,3,d A 192.0.2.$|syntax error",
        "$GENERATE 1-2 h${0,200,d} A 192.0.2.$|ran out of space",
        "$GENERATE 1-2 h$ TXT ( \"a\" )|unbalanced parentheses",
        "$GENERATE 1-2 \"h$\" A 192.0.2.$|cannot be quoted",
        "$GENERATE 1-2 h$ FOO 1|unknown RR type 'FOO'",
        "$GENERATE 250-260 h$ A 192.0.2.$|192.0.2.256",
      })
  void generateLinesNamedRefusesAreRefusedAtTheirLine(String line, String words) {
    refused(SKELETON + line + "\n", 5, words);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sub DS 12345 RSASHA256 SHA-256 %h32|DS|12345 8 2 %H32",
        "sub DS 12345 8 5 %h32|DS|12345 8 5 %H32",
        "sub DS 12345 8 6 %h48|DS|12345 8 6 %H48",
        "sub CDS 0 0 0 00|CDS|0 0 0 00",
        "h TA 12345 8 2 %h32|TA|12345 8 2 %H32",
        "@ CAA 0 issue \"%long\"|CAA|0 issue \"%long\"",
        "@ CAA 128 tbs0 ca.example.net|CAA|128 tbs0 \"ca.example.net\"",
        "t TXT \"caf\u00e9\"|TXT|\"caf\\195\\169\"",
        "t\u00e9 TXT x|TXT|\"x\"",
        "h NINFO \"hello\" world|NINFO|\"hello\" \"world\"",
        "h GPOS abc def ghi|GPOS|\"abc\" \"def\" \"ghi\"",
        "h L64 10 14:4fff:ff20:ee64|L64|10 0014:4fff:ff20:ee64",
        "h L32 10 10.1.2.0|L32|10 10.1.2.0",
        "h LP 10 L64-Subnet.Example.NET.|LP|10 l64-subnet.example.net.",
        "@ CSYNC 66 3 A NS AAAA|CSYNC|66 3 A NS AAAA",
        "h TALINK prev.example.net. next.example.net.|TALINK|prev.example.net. next.example.net.",
        "h AMTRELAY 128 1 3 relay.example.net.|AMTRELAY|128 1 3 relay.example.net.",
        "h DOA 0 1 2 \"text/plain\" -|DOA|0 1 2 \"text/plain\" -",
        "h URI 10 1 \"https://example.net/\"|URI|10 1 \"https://example.net/\"",
        "h KEY 0xc000 3 8|KEY|49152 3 8",
        "h KEY 256 DNSSEC RSASHA256 AwEAAQ==|KEY|256 3 8 AwEAAQ==",
      })
  void typesDnsjavaReadsDifferentlyReadAsNamedReadsThem(String line, String type, String rdata) throws Exception {
    Zone z = accepted(SKELETON + fill(line) + "\n");
    String owner = fill(line).split(" ")[0];
    String name = owner.equals("@") ? "example.com." : owner.startsWith("t\u00e9") ? "t\\195\\169.example.com." : owner + ".example.com.";
    assertThat(z.get(name, type).rdata()).containsExactly(fill(rdata));
  }

  @Test
  void aHipRecordsServersEndAtTheEndOfItsLine() throws Exception {
    Zone z = accepted(SKELETON + "h HIP 2 200100107B1A74DF365639CC39F1D578 AwEAAQ== rvs.example.com.\nx A 192.0.2.9\n");
    assertThat(z.get("h.example.com.", "HIP").rdata())
        .containsExactly("2 200100107B1A74DF365639CC39F1D578 AwEAAQ== rvs.example.com.");
    assertThat(z.get("x.example.com.", "A")).isNotNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "h DLV 12345 8 2 ab|has 1 octets where its type has 32",
        "sub DS 12345 8 1 %h32|has 32 octets where its type has 20",
        "sub DS 12345 8 2 -|bad hex",
        "sub DS 12345 8 2|digest is missing",
        "@ CAA 0 \"issue\" \"x\"|tag is missing or quoted",
        "@ CAA 0 tag-with-dash \"x\"|letters and digits",
        "t TXT|at least one string",
        "t TXT abc\\|a backslash ends the word 'abc\\'",
        "h SPF|at least one string",
        "h X25 \"123\"|4 or more digits",
        "h KEY 256 3 8|key data is missing",
        "h KEY 256 3 8 !!!!|bad base64",
        "@ DNSKEY 257 3 8|no key data",
        "h SSHFP 1 1 ab cd|of type 1 has 20 octets",
        "h IPSECKEY 10 0 0 .|no public key",
        "@ NSEC next.example.com.|lists no types",
        "h LOC 90 0 1 N 0 E 0m|beyond 90 degrees",
        "h LOC 0 N 180 0 1 E 0m|beyond 90 degrees latitude or 180",
        "h URI 10 1 https://example.net/|quoted string",
        "h OPENPGPKEY !!!!|bad base64",
        "h SINK 1 0 AAAA|not a valid number",
        "h AMTRELAY 0 0 1 .|Invalid address",
        "h NID 10 0014:4fff:ff20|not a locator",
        "h \"A\" 192.0.2.2|written in quotes",
        "h \"60\" A 192.0.2.2|written in quotes",
        "h IN \"A\" 192.0.2.2|written in quotes",
      })
  void rdataNamedRefusesIsRefused(String line, String words) {
    refused(SKELETON + fill(line) + "\n", 5, words);
  }

  private static String fill(String s) {
    return s.replace("%h32", "ab".repeat(32)).replace("%H32", "AB".repeat(32))
        .replace("%h48", "ab".repeat(48)).replace("%H48", "AB".repeat(48))
        .replace("%long", "x".repeat(300));
  }
}
