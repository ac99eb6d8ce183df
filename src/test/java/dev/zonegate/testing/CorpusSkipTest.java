package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests that read the shared corpus (../shared/corpus: the IANA root zones, octoDNS's test data)
 * must not vanish where it is absent: each is reported aborted (skipped) with the reason, and fails where
 * {@value Require#CORPUS_ENV}=1. Runs them in a nested JUnit with the corpus made unfindable.
 */
class CorpusSkipTest {
  static final String NOWHERE = "/nonexistent/corpus";
  /** Every class with tests of the corpus, and how many it has. */
  static final Map<String, Integer> CLASSES = Map.of(
      "dev.zonegate.config.ConfigLoaderTest", 5,
      "dev.zonegate.zone.OctoDnsYamlReaderTest", 2,
      "dev.zonegate.zone.MasterFileReaderTest", 1,
      "dev.zonegate.zone.FastMasterReaderTest", 2,
      "dev.zonegate.rules.RootZonePairTest", 3);

  @Test
  void withoutTheCorpusEachCorpusTestIsReportedSkippedWithTheReason() {
    SkipProbe.Outcome o = SkipProbe.run(Map.of(Require.CORPUS_PROPERTY, NOWHERE, Require.CORPUS_ENV, "0"),
        CLASSES.keySet().toArray(String[]::new));
    assertThat(o.failed()).isEmpty();
    assertThat(o.skipped()).isEmpty();
    assertThat(o.aborted()).hasSize(CLASSES.values().stream().mapToInt(Integer::intValue).sum())
        .allMatch(r -> r.startsWith("the shared test corpus is missing: no ") && r.contains(" in " + NOWHERE + " ("));
  }

  @Test
  void aRequiredCorpusThatIsAbsentFails() {
    SkipProbe.Outcome o = SkipProbe.run(Map.of(Require.CORPUS_PROPERTY, NOWHERE, Require.CORPUS_ENV, "1"),
        "dev.zonegate.rules.RootZonePairTest");
    assertThat(o.skipped()).isEmpty();
    assertThat(o.aborted()).isEmpty();
    assertThat(o.failed()).hasSize(3).allMatch(f -> f.contains(NOWHERE) && f.contains(Require.CORPUS_ENV + "=1 requires it"));
  }
}
