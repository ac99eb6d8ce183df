package dev.zonegate.cli;

import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zonegate rules validate FILE...}: each pack parsed, checked against its schema and built
 * (expressions compiled). Exit 0 when all are valid, 1 when any is not.
 */
@Command(name = "validate", description = {"Validate rule packs.", "Exit 0 all valid, 1 any invalid, 2 usage."})
final class RulesValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule pack files.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    int bad = 0;
    for (Path f : files) {
      try {
        RulePack pack = GateOptions.load(f);
        RuleSet.of(List.of(pack));
        Context.out().println(f + ": " + pack.rules().size() + " rule" + (pack.rules().size() == 1 ? "" : "s") + ", valid");
      } catch (RulePackException first) {
        // Every problem of the pack, each at its own line, not only the first.
        List<RulePackException> all;
        try {
          all = Files.isRegularFile(f) ? RulePack.problems(f.toString(), Files.readAllBytes(f)) : List.of();
        } catch (RuntimeException | IOException e) {
          all = List.of(); // the first problem, which loading found, is said
        }
        if (all.isEmpty()) {
          all = List.of(first);
        }
        for (RulePackException e : all) {
          Context.err().println("zonegate: error: " + e.getMessage());
        }
        bad++;
      }
    }
    return bad == 0 ? Main.PASS : Main.BLOCK;
  }
}
