package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path repo;

  void write(String path, String text) throws Exception {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  void zones(String com) throws Exception {
    write("zonegate.yaml", CheckCommandTest.CONFIG);
    write("zones/example.com.zone", com);
    write("zones/common/mail.inc", "@ MX 10 mx1\nmx1 A 93.184.215.25\n");
    write("zones/example.net.zone", CheckCommandTest.NET);
  }

  @Test
  void aCleanRepositoryPasses() throws Exception {
    zones(CheckCommandTest.com("1", CheckCommandTest.DB));
    Cli r = Cli.run("lint", "--repo", repo.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate: pass (2 zones");
  }

  @Test
  void snapshotProblemsBlockButChangeRulesStayQuiet() throws Exception {
    zones(CheckCommandTest.com("1", CheckCommandTest.DB + "orders A 93.184.215.60\nlocal A 127.0.0.1\n"));
    Cli r = Cli.run("lint", "--repo", repo.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("cname-conflict orders.example.com.").contains("reserved-address local.example.com.");
    assertThat(r.out()).doesNotContain("apex-ns-change").doesNotContain("wildcard-change");
    // Findings only: the records themselves are not listed as adds from an empty zone.
    assertThat(r.out()).startsWith("zonegate: block (2 zones, 0 changes, ").doesNotContain("+ add");
    // lint judges what is committed, not a change: no hint offers a way to allow it.
    assertThat(r.out()).doesNotContain("to allow").doesNotContain("--allow");
    assertThat(Cli.run("lint", "--repo", repo.toString(), "--format", "markdown").out()).doesNotContain("To allow");
  }

  @Test
  void aZoneThatDoesNotParseBlocksWithItsLine() throws Exception {
    zones(CheckCommandTest.com("1", "bad A 1.2.3\n"));
    Cli r = Cli.run("lint", "--repo", repo.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("zone-parse-error").contains("zones/example.com.zone:9");
  }

  @Test
  void aMissingConfigExitsTwo() {
    Cli r = Cli.run("lint", "--repo", repo.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: ").contains("zonegate.yaml");
  }

  @Test
  void aBrokenRulePackExitsTwoWhileTheZonesRead() throws Exception {
    // The rules load beside the first zone's read; their error still decides.
    zones(CheckCommandTest.com("1", CheckCommandTest.DB));
    write("zonegate.yaml", "rules: [ builtin:default, rules/local.yaml ]\n" + CheckCommandTest.CONFIG);
    write("rules/local.yaml", "- id: x\n  type: no-such-type\n");
    Cli r = Cli.run("lint", "--repo", repo.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("zonegate: error: ").contains("rules/local.yaml").contains("no-such-type");
    assertThat(r.out()).isEmpty();
  }
}
