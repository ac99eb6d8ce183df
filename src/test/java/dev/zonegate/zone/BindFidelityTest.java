package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void theDateDirectiveIsIgnoredAsNamedIgnoresIt() throws Exception {
    Zone z = accepted(SKELETON + "$DATE 20200101000000\nh A 192.0.2.2\n");
    assertThat(z.get("h.example.com.", "A").location().line()).isEqualTo(6);
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
}
