package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules' digest in every report: the same rules must keep the same digest across releases. */
class RuleDigestTest {
  /** What a record's own toString gives, for comparison with Scope's hand-written one. */
  private record Same(List<String> zones, List<String> names, List<String> types) {}

  @Test
  void scopeIsWrittenAsARecordWritesItself() {
    for (Scope s : List.of(Scope.ALL, new Scope(List.of("example.com."), List.of("api.*", "@"), List.of("A", "AAAA")))) {
      assertThat(s.toString()).isEqualTo(new Same(s.zones(), s.names(), s.types()).toString().replace("Same[", "Scope["));
    }
  }

  @Test
  void theDefaultPacksDigestIsTheOneReportsHaveCarried() throws Exception {
    // A change here invalidates every stored report's rules digest: it must be a change of rules.
    RuleSet rules = RuleSet.of(List.of(RulePack.defaults()));
    assertThat(rules.digest()).isEqualTo("sha256:9da1c2390780e3c9");
  }
}
