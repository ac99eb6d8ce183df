package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md}, the rule reference, is generated from the default pack through the CLI
 * ({@code rules list}, then {@code rules explain} for each rule: what it guards against, its
 * params, and an example that is really run), so it cannot drift from the rules. This test fails
 * when the file is not what the rules say now; {@code -Dzonegate.writeDocs=true} rewrites it.
 */
class RulesDocTest {
  static final Path DOC = Path.of("docs/rules.md");

  static String generate() {
    Cli list = Cli.run("rules", "list");
    assertThat(list.exit()).isZero();
    List<String> ids = list.out().lines().skip(1).map(l -> l.split("\\s+")[0]).filter(s -> !s.isEmpty()).toList();
    StringBuilder out = new StringBuilder("# Rule reference\n\n"
        + "Every rule of the default pack (`rules/default.yaml`): what it guards against, its params\n"
        + "with their defaults, and an example, run by zonegate itself when this page was made. The\n"
        + "page is generated from `zonegate rules explain` (a test fails when it is out of date), so\n"
        + "`zonegate rules explain ID` shows the same for the rules in force, your packs included.\n\n"
        + "| rule | severity |\n|---|---|\n");
    for (String line : list.out().lines().skip(1).toList()) {
      String[] f = line.split("\\s+");
      if (f.length >= 3) {
        out.append("| [`").append(f[0]).append("`](#").append(f[0]).append(") | ").append(f[2]).append(" |\n");
      }
    }
    for (String id : ids) {
      Cli r = Cli.run("rules", "explain", id);
      assertThat(r.exit()).as(id).isZero();
      out.append("\n## ").append(id).append("\n\n```text\n").append(r.out().stripTrailing()).append("\n```\n");
    }
    return out.toString();
  }

  @Test
  void theRuleReferenceIsWhatTheRulesSayNow() throws Exception {
    String now = generate();
    if (Boolean.getBoolean("zonegate.writeDocs")) {
      Files.writeString(DOC, now);
    }
    assertThat(Files.exists(DOC) ? Files.readString(DOC) : "")
        .as("docs/rules.md is out of date; regenerate it with mvn test -Dtest=RulesDocTest -Dzonegate.writeDocs=true")
        .isEqualTo(now);
  }
}
