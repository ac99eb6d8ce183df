package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples {@code rules explain} runs: their files, and the params they are run with. */
class RuleExampleTest {
  /** The default pack's rule of this type, with some params set. */
  private static RuleSpec spec(String type, Map<String, Object> params) {
    RuleSpec d = RulePack.defaults().rules().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    Map<String, Object> all = new HashMap<>(d.params());
    all.putAll(params);
    return new RuleSpec(d.id(), d.type(), d.severity(), d.scope(), all, d.overridable(), d.enabled(), d.description(), d.where());
  }

  @Test
  void anOctoDnsExampleIsReadAsYamlWithoutAMasterFileHeaderAndPlacedInItsYamlFile() {
    List<Finding> found = RuleExample.run(spec("routing-pool", Map.of("minPool", 2L)));
    assertThat(found).isNotEmpty();
    assertThat(found).allSatisfy(f -> {
      assertThat(f.rule()).isEqualTo("routing-pool");
      assertThat(f.location().path()).isEqualTo("example.com.yaml");
    });
  }

  @Test
  void aMasterFileExampleIsPlacedInItsZoneFile() {
    List<Finding> found = RuleExample.run(spec("critical-endpoint", Map.of()));
    assertThat(found).isNotEmpty();
    assertThat(found).allSatisfy(f -> assertThat(f.location().path()).isEqualTo("example.com.zone"));
  }

  @Test
  void anEmptyListParamIsToppedUpFromTheExampleAndAConfiguredOneIsKept() {
    // The default pack leaves critical-endpoint's names empty: the example supplies "api".
    assertThat(RuleExample.run(spec("critical-endpoint", Map.of("names", List.of())))).isNotEmpty();
    assertThat(RuleExample.withExampleParams(spec("critical-endpoint", Map.of("names", List.of())),
        RuleCatalog.type("critical-endpoint").example()).params()).containsEntry("names", List.of("api"));
    // Names the user configured are theirs, even where the example's change then passes.
    RuleSpec mine = spec("critical-endpoint", Map.of("names", List.of("db")));
    assertThat(RuleExample.withExampleParams(mine, RuleCatalog.type("critical-endpoint").example()).params())
        .containsEntry("names", List.of("db"));
    assertThat(RuleExample.run(mine)).isEmpty();
  }
}
