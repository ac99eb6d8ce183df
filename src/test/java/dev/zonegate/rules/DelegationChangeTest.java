package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationChangeTest {
  private static final RuleType T = DelegationChange.TYPE;
  private static final String DS =
      "dev DS 12345 13 2 3490a6806d47f17a34c29e2ce80e8a999ffbe4be7e8d0e1d1b9a2f3b4c5d6e7f\n";

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("delegation-change");
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.name()).isEqualTo("dev.example.com.");
      assertThat(x.type()).isEqualTo("NS");
      assertThat(x.message()).contains("delegation of dev.example.com. changes", "removes ns1.dev.example.com.",
          "adds ns9.example.org.");
    });
  }

  @Test
  void aDeletedDelegationFires() {
    List<Finding> f = RuleFixture.run(T, "dev NS ns1.example.org.\nwww A 93.184.216.34\n", "www A 93.184.216.34\n");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("dev.example.com.");
      assertThat(x.message()).contains("deleted", "ns1.example.org.");
    });
  }

  @Test
  void aChangedOrDeletedDsFires() {
    String ns = "dev NS ns1.example.org.\n";
    List<Finding> changed = RuleFixture.run(T, ns + DS,
        ns + "dev DS 54321 13 2 3490a6806d47f17a34c29e2ce80e8a999ffbe4be7e8d0e1d1b9a2f3b4c5d6e7f\n");
    assertThat(changed).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("DS");
      assertThat(x.message()).contains("DS of child dev.example.com. changes", "removes key tag 12345", "adds key tag 54321");
    });
    assertThat(RuleFixture.run(T, ns + DS, ns)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("DS of child dev.example.com. deleted", "insecure"));
  }

  @Test
  void addingANewDelegationIsQuiet() {
    assertThat(RuleFixture.run(T, "www A 93.184.216.34\n",
        "www A 93.184.216.34\ndev NS ns1.example.org.\ndev NS ns2.example.org.\n" + DS)).isEmpty();
  }

  @Test
  void theApexNsIsNotADelegation() {
    assertThat(RuleFixture.run(T, "@ NS ns1.example.net.\n", "@ NS ns2.example.net.\n")).isEmpty();
  }

  @Test
  void aTtlOnlyChangeIsQuiet() {
    assertThat(RuleFixture.run(T, "dev 300 NS ns1.example.org.\n", "dev 3600 NS ns1.example.org.\n")).isEmpty();
  }

  @Test
  void otherTypesBelowTheApexAreQuiet() {
    assertThat(RuleFixture.run(T, "dev A 93.184.216.34\n", "dev A 93.184.216.35\n")).isEmpty();
  }
  @Test
  void aDsAddedToAnExistingDelegationWarns() {
    String ns = "dev NS ns1.example.org.\n";
    assertThat(RuleFixture.run(T, ns, ns + DS)).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("DS");
      assertThat(x.severity()).isEqualTo(Severity.WARN);
      assertThat(x.message()).contains("DS of child dev.example.com. added", "key tag 12345", "DNSKEY matches");
    });
  }

  @Test
  void aChildRetiredWithItsDsIsOneFinding() {
    String child = "dev NS ns1.example.org.\n" + DS;
    assertThat(RuleFixture.run(T, child + "www A 93.184.216.34\n", "www A 93.184.216.34\n")).singleElement()
        .satisfies(x -> {
          assertThat(x.type()).isEqualTo("NS");
          assertThat(x.message()).contains("delegation of dev.example.com. deleted", "its DS goes with it");
        });
  }
}
