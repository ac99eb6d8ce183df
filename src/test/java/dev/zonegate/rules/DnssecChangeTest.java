package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnssecChangeTest {
  private static final RuleType T = DnssecChange.TYPE;
  private static final String KSK =
      "@ DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n";
  private static final String DS =
      "dev DS 12345 13 2 3490a6806d47f17a34c29e2ce80e8a999ffbe4be7e8d0e1d1b9a2f3b4c5d6e7f\n";

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("dnssec-change");
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isEqualTo("DNSKEY");
      assertThat(x.message()).contains("DNSKEY set at example.com. deleted", "KSK key tag", "algorithm 13");
    });
  }

  @Test
  void aChildsDsIsLeftToDelegationChange() {
    // A child's KSK rollover, as a parent zone publishes it: routine, and delegation-change warns.
    String ns = "dev NS ns1.example.org.\n";
    String rolled = DS.replace("12345", "54321");
    assertThat(RuleFixture.run(T, ns, ns + DS)).isEmpty();
    assertThat(RuleFixture.run(T, ns + DS, ns + rolled)).isEmpty();
    assertThat(RuleFixture.run(T, ns + DS, ns)).isEmpty();
  }

  @Test
  void aKeyAddedOrSwappedAtTheApexBlocks() {
    String zsk = "@ DNSKEY 256 3 13 oJMRESz5E4gYzS/q6XDrvU1qMPYIjCWzJaOau8XNEZeqCYKD5ar0IRd8KqXXFJkqmVfRvMGPmM1x8fGAa2XhSA==\n";
    List<Finding> f = RuleFixture.run(T, KSK, KSK + zsk);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.message()).contains("DNSKEY set at example.com. changes: adds ZSK");
    });
  }

  @Test
  void aTtlOnlyChangeWarnsAndSaysSo() {
    List<Finding> f = RuleFixture.run(T, KSK.replace("@ DNSKEY", "@ 300 DNSKEY"), KSK.replace("@ DNSKEY", "@ 3600 DNSKEY"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.message()).contains("TTL only", "300", "3600");
    });
  }

  @Test
  void aCdsDeleteRequestIsCalledOut() {
    List<Finding> f = RuleFixture.run(T, "www A 93.184.216.34\n", "www A 93.184.216.34\n@ CDS 0 0 0 00\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("CDS");
      assertThat(x.message()).contains("delete request", "RFC 8078");
    });
  }

  @Test
  void otherChangesAreQuiet() {
    assertThat(RuleFixture.run(T, KSK + "www A 93.184.216.34\n", KSK + "www A 93.184.216.35\n")).isEmpty();
  }

  @Test
  void aCdnskeyDeleteRequestIsCalledOutAndOtherCdnskeysAreNot() {
    // RFC 8078 §4: CDNSKEY 0 3 0 AA== asks the parent to remove the DS; any other CDNSKEY publishes a key.
    List<Finding> f = RuleFixture.run(T, "www A 93.184.216.34\n", "www A 93.184.216.34\n@ CDNSKEY 0 3 0 AA==\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("CDNSKEY");
      assertThat(x.message()).startsWith("CDNSKEY set at example.com. added: flags 0 ").contains("delete request", "RFC 8078");
    });
    String cdnskey = KSK.replace("@ DNSKEY", "@ CDNSKEY");
    assertThat(RuleFixture.run(T, "www A 93.184.216.34\n", "www A 93.184.216.34\n" + cdnskey)).singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("CDNSKEY set at example.com. added: KSK key tag ")
            .endsWith(" algorithm 13"));
  }
}
