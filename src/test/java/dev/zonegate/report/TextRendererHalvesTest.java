package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Location;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A long text report (a lint's tens of thousands of findings) is written in two halves at once: the same bytes as in one. */
class TextRendererHalvesTest {
  @Test
  void twoHalvesWriteWhatOnePassWrites() throws Exception {
    List<Finding> findings = new ArrayList<>();
    Severity[] severities = Severity.values();
    for (int i = 0; i < 3 * TextRenderer.halves + 7; i++) {
      Severity s = severities[i % severities.length];
      String name = "h" + i + ".example.com.";
      Allowance allowed = i % 11 == 0 ? new Allowance("flag", "--allow r" + i, null) : null;
      findings.add(new Finding("rule-" + (i % 5), s, "example.com.", name, i % 3 == 0 ? "A" : "CNAME",
          "finding " + i + (i % 97 == 0 ? " " + MachineFormatsFixture.HOSTILE : ""), List.of(), List.of(),
          i % 7 == 0 ? null : new Location("zones/example.com.zone", i + 1), i % 13 != 0, allowed));
    }
    Report report = new Report(Outcome.BLOCK, List.of("example.com."), List.of(), findings, Map.of(), List.of());
    for (boolean color : new boolean[] {false, true}) {
      StringWriter halves = new StringWriter();
      new TextRenderer(color).render(report, halves);
      int was = TextRenderer.halves;
      TextRenderer.halves = Integer.MAX_VALUE;
      StringWriter one = new StringWriter();
      try {
        new TextRenderer(color).render(report, one);
      } finally {
        TextRenderer.halves = was;
      }
      assertThat(halves.toString()).isEqualTo(one.toString()).contains("finding " + (3 * TextRenderer.halves + 6));
    }
  }
}
