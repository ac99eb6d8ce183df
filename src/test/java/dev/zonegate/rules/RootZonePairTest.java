package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Require;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.ZoneFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A real six-month change, judged by the default pack as a reviewer judged it: the IANA root zone
 * of 2023-05-11 against that of 2023-11-05 (TLDs retired, moved to other registry backends, newly
 * signed, KSK rollovers at hundreds of children, and one ZSK rollover of the root itself). The
 * only thing to stop and confirm is the root's own key change; every delegation change warns; no
 * retired TLD's glue reads as an emptied endpoint. The zones stay outside the project, in the
 * shared corpus; without them the test is skipped and says so.
 */
class RootZonePairTest {
  private static List<Change> changes;
  private static List<Finding> findings;

  /** Reads and judges the pair once; skips the calling test, saying why, when it is absent. */
  private static synchronized void judge() throws Exception {
    Path old = Require.corpus("root-2023051100/root.zone").getParent();
    Path now = Require.corpus("root-2023110500/root.zone").getParent();
    if (findings != null) {
      return;
    }
    Zone before = new MasterFileReader().read(new DirectoryTree(old), "root.zone", ".");
    Zone after = new MasterFileReader().read(new DirectoryTree(now), "root.zone", ".");
    changes = ZoneDiff.diff(before, after);
    RuleInput in = new RuleInput(".", before, after, changes, List.of(), ZoneFormat.MASTER,
        new Location("root.zone", 0), null);
    findings = new RuleEngine(RuleSet.of(List.of(RulePack.defaults()))).judge(in);
  }

  @Test
  void onlyTheRootsOwnKeyChangeBlocks() throws Exception {
    judge();
    List<Finding> blocking = findings.stream().filter(f -> f.severity() == Severity.BLOCK).toList();
    assertThat(blocking).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("dnssec-change");
      assertThat(f.name()).isEqualTo(".");
      assertThat(f.type()).isEqualTo("DNSKEY");
      assertThat(f.message()).contains("removes ZSK key tag 60955", "adds ZSK key tag 46780");
    });
    assertThat(findings.stream().map(Finding::rule).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("dnssec-change", "delegation-change");
  }

  @Test
  void everyRedelegationAndChildKeyRolloverWarns() throws Exception {
    judge();
    Set<String> warned = new TreeSet<>();
    for (Finding f : findings) {
      if (f.rule().equals("delegation-change")) {
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        warned.add(f.name() + " " + f.type());
      }
    }
    for (Change c : changes) {
      boolean moved = !c.added().isEmpty() || !c.removed().isEmpty();
      if (c.type().equals("NS") && !c.name().equals(".") && moved && c.after() != null) {
        assertThat(warned).as("re-delegated " + c.name()).contains(c.name() + " NS");
      }
      if (c.type().equals("DS") && c.before() != null && c.after() != null && moved) {
        assertThat(warned).as("DS rollover at " + c.name()).contains(c.name() + " DS");
      }
    }
    assertThat(warned).contains("aaa. DS", "ec. DS");
  }

  @Test
  void aRetiredTldIsOneWarningAndItsGlueNoEmptiedEndpoint() throws Exception {
    judge();
    // abarth. left the root with its DS and the glue of a0/a2/b0/c0.nic.abarth. (A and AAAA each).
    assertThat(changes).anySatisfy(c -> assertThat(c.name()).isEqualTo("a0.nic.abarth."));
    List<Finding> abarth = findings.stream().filter(f -> f.name().endsWith("abarth.")).toList();
    assertThat(abarth).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo("NS");
      assertThat(f.message()).contains("delegation of abarth. deleted", "its DS goes with it");
    });
  }
}
