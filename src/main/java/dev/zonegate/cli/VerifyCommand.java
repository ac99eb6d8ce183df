package dev.zonegate.cli;

import dev.zonegate.gate.Verify;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zonegate verify REPORT.json}: run just before the deploy. Exit 0 when live is still what
 * the report judged, 1 naming each zone that moved, 2 when it cannot tell.
 */
@Command(
    name = "verify",
    description = {
      "Before deploying, check that live is still the state a check report judged (stale-plan guard).",
      "Exit 0 unchanged, 1 a zone moved, 2 cannot tell."
    })
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "REPORT.json", description = "A JSON report written by zonegate check.")
  Path report;

  @Option(names = "--repo", paramLabel = "DIR", description = "The checked-out repository (default: the current directory).")
  Path repo = Path.of(".");

  @Mixin ConfigChoice config = new ConfigChoice();

  @Override
  public Integer call() throws Exception {
    ConfigChoice c = config.checked();
    Verify.Result r = Verify.run(report, repo, c.zonegate, c.octodns, Context.env());
    for (String m : r.moved()) {
      Context.out().println("zonegate: " + m);
    }
    if (!r.moved().isEmpty()) {
      Context.out().println("zonegate: stale plan: run check again before deploying");
      return Main.BLOCK;
    }
    if (r.blocked()) {
      Context.out().println("zonegate: the report's verdict is block: nothing in it was approved, so it is not to be deployed");
      return Main.BLOCK;
    }
    Context.out().println("zonegate: live unchanged since the report for " + String.join(", ", r.verified()));
    return Main.PASS;
  }
}
