package dev.zonegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code zonegate hook}: install the pre-push hook, and the entry point git calls. */
@Command(
    name = "hook",
    description = "Install the git pre-push hook, or run it (git does that).",
    subcommands = {HookInstallCommand.class, HookPrePushCommand.class})
final class HookCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "hook needs install or pre-push");
  }
}
