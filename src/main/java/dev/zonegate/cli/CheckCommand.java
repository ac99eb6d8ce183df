package dev.zonegate.cli;

import dev.zonegate.gate.Check;
import dev.zonegate.report.Report;
import dev.zonegate.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zonegate check}: the zones a git change touches, judged base to head. */
@Command(
    name = "check",
    description = {
      "Judge the zones a git change touches: base commit to head commit.",
      "Exit 0 pass, 1 blocked, 2 could not decide."
    })
final class CheckCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the current directory).")
  Path repo = Path.of(".");

  @Mixin ConfigChoice config = new ConfigChoice();

  @Option(names = "--base", paramLabel = "REF", description = "Base commit (default: $CI_MERGE_REQUEST_DIFF_BASE_SHA, else the merge-base with origin's default branch).")
  String base;

  @ArgGroup(exclusive = true)
  HeadChoice head = new HeadChoice();

  static final class HeadChoice {
    @Option(names = "--head", paramLabel = "REF", description = "Head commit (default: HEAD).")
    String ref;

    @Option(names = "--worktree", description = "Read the proposed zones from the working tree instead of a commit.")
    boolean worktree;
  }

  @Option(names = "--all-zones", description = "Judge every zone, not only those the change touches.")
  boolean allZones;

  @Option(names = "--live", paramLabel = "MODE", description = {"auto (default): each zone's live source from the config (axfr, query, snapshot, route53, powerdns, cloudflare; with --octodns-config, the first target zonegate reads).", "none: live is taken to be base."})
  String live = "auto";

  @Option(names = "--allow", paramLabel = "RULE[:NAME]", description = "Allow findings of a rule (optionally at one name).")
  List<String> allow = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "block (default) or warn.")
  String failOn = "block";

  @Mixin ReportOptions reports = new ReportOptions();

  @Override
  public Integer call() throws Exception {
    if (!live.equals("auto") && !live.equals("none")) {
      throw new IllegalArgumentException("--live takes auto or none");
    }
    Report report = Check.run(options(), Context.env());
    reports.write(report);
    return report.verdict().exitCode();
  }

  Check.Options options() {
    return new Check.Options(
        repo, config.checked().zonegate, config.checked().octodns, base, head.ref, head.worktree, allZones, live, allow, GateOptions.failOn(failOn),
        reports.needsFingerprints());
  }
}
