package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Class<?>> fromAnnotations = new HashMap<>();
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

  /** What picocli makes of args for the pre-push command: remote, url, repo, config, octoDNS config. */
  private static List<Object> picocliPrePush(String... args) {
    CommandLine.ParseResult r = new CommandLine(new AllCommands()).parseArgs(args);
    HookPrePushCommand c = (HookPrePushCommand) r.subcommand().subcommand().commandSpec().userObject();
    return Arrays.asList(c.remote, c.url, c.repo, c.config.zonegate, c.config.octodns);
  }

  @Test
  void thePrePushFormTheHookRunsParsesAsPicocliParsesIt() {
    String[][] taken = {
      {"hook", "pre-push", "origin"},
      {"hook", "pre-push", "origin", "file:///srv/remote.git"},
      {"hook", "pre-push", "git@example.com:dns.git", "git@example.com:dns.git"},
      {"hook", "pre-push", "--config", "/etc/zonegate.yaml", "origin", "https://example.com/dns.git"},
      {"hook", "pre-push", "--octodns-config", "/srv/octodns.yaml", "origin"},
      {"hook", "pre-push", "install", "pre-push"},
    };
    for (String[] args : taken) {
      HookPrePushCommand fast = Main.prePush(args);
      assertThat(fast).as("%s", (Object) args).isNotNull();
      assertThat(Arrays.asList(fast.remote, fast.url, fast.repo, fast.config.zonegate, fast.config.octodns))
          .as("%s", (Object) args).isEqualTo(picocliPrePush(args));
    }
    String[][] left = {
      {"hook", "pre-push"},
      {"hook", "pre-push", "origin", "url", "extra"},
      {"hook", "pre-push", "--repo", "/srv", "origin"},
      {"hook", "pre-push", "origin", "--repo", "/srv"},
      {"hook", "pre-push", "--config", "a.yaml", "--config", "b.yaml", "origin"},
      {"hook", "pre-push", "--config", "a.yaml", "--octodns-config", "b.yaml", "origin"},
      {"hook", "pre-push", "--config"},
      {"hook", "pre-push", "--config", "-x", "origin"},
      {"hook", "pre-push", "--config=a.yaml", "origin"},
      {"hook", "pre-push", "@args.txt"},
      {"hook", "pre-push", "--", "origin"},
      {"hook", "pre-push", "", "url"},
      {"hook", "pre-push", "--help"},
      {"hook", "pre-push", "--config", "a\u0000.yaml", "origin"},
      {"--debug", "hook", "pre-push", "origin"},
      {"hook", "install"},
      {"diff", "a", "b"},
    };
    for (String[] args : left) {
      assertThat(Main.prePush(args)).as("%s", (Object) args).isNull();
    }
  }
}
