package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only the subcommand it names; it must parse, help and fail as the whole tree does. */
class CommandTreeTest {
  /** Runs args through the whole tree, as a run did before it built only one command. */
  private static Cli whole(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new AllCommands());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExitCodeExceptionMapper(e -> Main.UNDECIDED);
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  private static List<List<String>> paths(CommandLine cl, List<String> prefix) {
    List<List<String>> all = new ArrayList<>();
    for (var e : cl.getSubcommands().entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      all.add(path);
      all.addAll(paths(e.getValue(), path));
    }
    return all;
  }

  @Test
  void everyCommandsHelpIsTheWholeTreesHelp() {
    List<List<String>> paths = paths(new CommandLine(new AllCommands()), List.of());
    assertThat(paths).hasSizeGreaterThan(10);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Cli lean = Cli.run(args.toArray(String[]::new));
      Cli tree = whole(args.toArray(String[]::new));
      assertThat(lean.out()).as("%s", args).isEqualTo(tree.out()).contains("Usage: zonegate " + String.join(" ", path));
      assertThat(lean.exit()).as("%s", args).isEqualTo(tree.exit()).isZero();
    }
  }

  @Test
  void aMisspeltOptionFailsAsInTheWholeTree() {
    for (String[] args : new String[][] {
        {"diff", "--no-such-option", "a", "b"}, {"hook", "pre-pus"}, {"--debug", "rules", "lst"}, {"lint", "--format"}}) {
      Cli lean = Cli.run(args);
      Cli tree = whole(args);
      assertThat(lean.exit()).as("%s", (Object) args).isEqualTo(Main.UNDECIDED).isEqualTo(tree.exit());
      assertThat(lean.err()).as("%s", (Object) args).isEqualTo(tree.err()).isNotBlank();
    }
  }

  @Test
  void theTableOfCommandsNamesEverySubcommandTheTreeHas() {
    java.util.Map<String, Class<?>> fromAnnotations = new java.util.HashMap<>();
    for (Class<?> c : AllCommands.class.getAnnotation(CommandLine.Command.class).subcommands()) {
      CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
      assertThat(command.aliases()).as("aliases of %s", c).isEmpty();
      if (c != CommandLine.HelpCommand.class) {
        fromAnnotations.put(command.name(), c);
      }
    }
    assertThat(Main.COMMANDS).isEqualTo(fromAnnotations);
  }

  @Test
  void onlyTheNamedCommandIsBuiltAfterRootOptions() {
    assertThat(Main.commandLine(new String[] {"--debug", "--limit", "records=5", "--limit=x=1", "hook", "pre-push"})
            .getSubcommands()).containsOnlyKeys("hook");
    assertThat(Main.named(new String[] {"diff", "a", "b"})).isEqualTo(DiffCommand.class);
  }

  @Test
  void noCommandAMisspeltOneOrHelpGetsTheWholeTree() {
    for (String[] args : new String[][] {{}, {"--help"}, {"dif"}, {"help", "diff"}, {"--version"}}) {
      assertThat(Main.commandLine(args).getSubcommands()).as("%s", (Object) args)
          .containsKeys("check", "diff", "lint", "snapshot", "verify", "hook", "rules", "terraform", "help");
    }
    Cli top = Cli.run("--help");
    assertThat(top.out()).startsWith("Usage: zonegate").contains("terraform", "snapshot");
    Cli misspelt = Cli.run("dif");
    assertThat(misspelt.exit()).isEqualTo(Main.UNDECIDED);
    assertThat(misspelt.err()).contains("dif").isEqualTo(whole("dif").err());
  }
}
