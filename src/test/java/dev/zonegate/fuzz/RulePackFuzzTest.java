package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RuleSet;
import java.util.List;

/**
 * Rule packs: {@link RulePack#parse} and then {@link RuleSet#of}, which builds every rule (and
 * compiles every expression) at load time; alone and over the default pack, as {@code --rules}
 * loads it, so ids that replace or switch off default rules are reached too. Seeds:
 * {@code src/test/resources/dev/zonegate/fuzz/RulePackFuzzTestInputs/parse/}.
 */
class RulePackFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) throws Throwable {
    Contract.inTime("RulePackFuzzTest#parse", "scoped-and-disabled.yaml", input, in -> {
      // rules validate's every-problem listing: never a crash, only the pack's own errors.
      for (RulePackException e : RulePack.problems("rules/local.yaml", in)) {
        Contract.expected(e);
      }
      RulePack pack;
      try {
        pack = RulePack.parse("rules/local.yaml", in);
      } catch (RulePackException e) {
        Contract.expected(e);
        return;
      }
      load(List.of(pack));
      load(List.of(Defaults.PACK, pack));
    });
  }

  /** Loaded on first use, inside the warm-up, so that fuzzing instruments what it loads. */
  private static final class Defaults {
    static final RulePack PACK = RulePack.defaults();
  }

  private static void load(List<RulePack> packs) {
    try {
      RuleSet.of(packs);
    } catch (RulePackException e) {
      Contract.expected(e);
    }
  }
}
