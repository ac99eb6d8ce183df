package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.gate.Gate;
import dev.zonegate.model.Location;
import dev.zonegate.rules.Severity;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.terraform.TerraformPlanReader;
import java.util.List;
import java.util.Map;

/**
 * A Terraform plan's JSON through {@link TerraformPlanReader} and then the whole gate: every zone
 * judged by the default rule pack (stand-ins for unknown and sensitive values included) and the
 * report rendered in every format. Reading may only fail with the reader's one-sentence error;
 * after reading, nothing may throw. Seeds (one per provider, unknown and sensitive values, a
 * plan without DNS): {@code src/test/resources/dev/zonegate/fuzz/TerraformPlanFuzzTestInputs/judge/}.
 */
class TerraformPlanFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void judge(byte[] input) throws Throwable {
    Contract.inTime("TerraformPlanFuzzTest#judge", "plan.json", input, TerraformPlanFuzzTest::gate);
  }

  private static void gate(byte[] input) throws Exception {
    TerraformPlanReader.Read plan;
    try {
      plan = TerraformPlanReader.read(input, "plan.json", Map.of("Zfuzz", "example.com."));
    } catch (ZoneReadException e) {
      Contract.expected(e);
      return;
    }
    Gate gate = new Gate(PipelineFuzzTest.Defaults.RULES, List.of(), Severity.BLOCK);
    plan.notices().forEach(gate::notice);
    for (TerraformPlanReader.PlanZone z : plan.zones()) {
      gate.judge(new Gate.Subject(z.label(), z.before(), z.after(), null, List.of("api*"), null, new Location("plan.json", 0))
          .withLive(z.live()));
    }
    Pipeline.renderAll(gate.report());
  }
}
