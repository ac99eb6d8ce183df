package dev.zonegate.cli;

import dev.zonegate.gate.Lint;
import dev.zonegate.report.Report;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zonegate lint}: every zone file and the config, checked on their own. */
@Command(
    name = "lint",
    description = {
      "Check that every configured zone parses and passes the rules that judge one snapshot.",
      "Exit 0 clean, 1 a blocking finding, 2 the config or a pack is broken."
    })
final class LintCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR", description = "The repository's working tree (default: the current directory).")
  Path repo = Path.of(".");

  @Mixin ConfigChoice config = new ConfigChoice();

  @Mixin ReportOptions reports = new ReportOptions();

  @Override
  public Integer call() throws Exception {
    // lint judges what is committed, not a change: nothing in it is allowed, so no hint offers a way.
    Report report = Lint.run(repo, config.checked().zonegate, config.checked().octodns, reports.needsFingerprints())
        .withAllowRoutes(EnumSet.noneOf(Report.AllowRoute.class));
    reports.write(report);
    return report.verdict().exitCode();
  }
}
