package dev.zonegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code zonegate rules}: the rule catalogue, for people writing or reviewing packs. */
@Command(
    name = "rules",
    description = "List, explain and validate rules.",
    subcommands = {RulesListCommand.class, RulesExplainCommand.class, RulesValidateCommand.class})
final class RulesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "rules needs list, explain or validate");
  }
}
