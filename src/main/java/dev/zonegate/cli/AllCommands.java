package dev.zonegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The whole {@code zonegate} command tree: {@link Main}'s options and every subcommand. The man
 * pages, the shell completion and {@code --help} are made from it; a run that names a subcommand
 * builds only that one (see {@link Main#commandLine}).
 */
@Command(
    subcommands = {
      CheckCommand.class,
      DiffCommand.class,
      LintCommand.class,
      SnapshotCommand.class,
      VerifyCommand.class,
      HookCommand.class,
      RulesCommand.class,
      TerraformCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AllCommands extends Main {}
