package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link PlainArgs} reads the command lines it takes into exactly the objects picocli makes of
 * them, and leaves every other line to picocli.
 */
class PlainArgsTest {
  private static final String[] OPERANDS_OF_DIFF = {"old.zone", "new.zone"};

  /** The command object picocli makes of {@code args}, through the whole tree. */
  private static Object picocli(String... args) {
    CommandLine.ParseResult r = new CommandLine(new AllCommands()).parseArgs(args);
    return r.subcommand().commandSpec().userObject();
  }

  /** Every field of a command and of the objects picocli makes for it (mixins, groups), by path. */
  private static Map<String, Object> state(Object o) throws IllegalAccessException {
    Map<String, Object> out = new LinkedHashMap<>();
    state("", o, out);
    return out;
  }

  private static void state(String prefix, Object o, Map<String, Object> out) throws IllegalAccessException {
    for (Field f : o.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getType() == CommandLine.Model.CommandSpec.class) {
        continue;
      }
      f.setAccessible(true);
      Object v = f.get(o);
      if (v != null && v.getClass().getPackageName().equals("dev.zonegate.cli")) {
        state(prefix + f.getName() + ".", v, out);
      } else {
        out.put(prefix + f.getName(), v);
      }
    }
  }

  private static void readAsPicocli(String... args) throws Exception {
    Callable<Integer> plain = PlainArgs.read(args);
    assertThat(plain).as("%s", Arrays.asList(args)).isNotNull();
    assertThat(state(plain)).as("%s", Arrays.asList(args)).isEqualTo(state(picocli(args)));
  }

  /** The options picocli knows for a command (no help or version), each with how it takes values. */
  private static Map<String, PlainArgs.Kind> picocliOptions(String command) {
    CommandLine.Model.CommandSpec spec = new CommandLine(new AllCommands()).getSubcommands().get(command).getCommandSpec();
    Map<String, PlainArgs.Kind> out = new LinkedHashMap<>();
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp() || o.inherited()) {
        continue;
      }
      PlainArgs.Kind kind = o.arity().max() == 0 ? PlainArgs.Kind.FLAG : o.isMultiValue() ? PlainArgs.Kind.MANY : PlainArgs.Kind.ONE;
      for (String name : o.names()) {
        out.put(name, kind);
      }
    }
    return out;
  }

  @Test
  void theTableHasEveryOptionOfTheCommandsAsPicocliTakesIt() {
    for (String command : PlainArgs.COMMANDS) {
      PlainArgs.Shape<?> shape = PlainArgs.shape(command);
      Map<String, PlainArgs.Kind> table = new LinkedHashMap<>();
      shape.options().forEach((name, o) -> table.put(name, o.kind()));
      assertThat(table).as(command).isEqualTo(picocliOptions(command));
      CommandLine.Model.CommandSpec spec = new CommandLine(new AllCommands()).getSubcommands().get(command).getCommandSpec();
      Set<String> required = new HashSet<>();
      for (CommandLine.Model.OptionSpec o : spec.requiredArgs().stream()
          .filter(CommandLine.Model.OptionSpec.class::isInstance).map(CommandLine.Model.OptionSpec.class::cast).toList()) {
        required.add(o.longestName());
      }
      assertThat(shape.required()).as("%s: required options", command).isEqualTo(required);
      for (var e : shape.options().entrySet()) {
        // Two names of one option share one entry, so giving both is a repeat.
        CommandLine.Model.OptionSpec o = spec.findOption(e.getKey());
        for (String other : o.names()) {
          assertThat(shape.options().get(other)).as("%s %s", command, other).isSameAs(e.getValue());
        }
      }
      assertThat(shape.operands()).as(command).hasSize(spec.positionalParameters().size());
      for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
        assertThat(p.arity().min()).as("%s: operands are required, one word each", command).isEqualTo(1);
        assertThat(p.arity().max()).isEqualTo(1);
      }
    }
  }

  /** Each option of the command alone, with values picocli and PlainArgs must agree on. */
  private static List<List<String>> eachOption(String command, List<String> operands) {
    List<List<String>> lines = new ArrayList<>();
    PlainArgs.Shape<?> shape = PlainArgs.shape(command);
    for (var e : shape.options().entrySet()) {
      String name = e.getKey();
      if (shape.required().contains(name)) {
        continue; // in every line already
      }
      List<String> line = new ArrayList<>(List.of(command));
      switch (e.getValue().kind()) {
        case FLAG -> line.add(name);
        case ONE -> line.addAll(List.of(name, "v " + name.replace("-", "") + " ü"));
        case MANY -> line.addAll(List.of(name, "first", name + "=second=2", name, "third"));
      }
      line.addAll(operands);
      lines.add(line);
      List<String> joined = new ArrayList<>(List.of(command));
      joined.addAll(operands);
      if (e.getValue().kind() != PlainArgs.Kind.FLAG) {
        joined.add(name + "=" + "joined");
      }
      lines.add(joined);
    }
    return lines;
  }

  /** Every option of the command at once (the first of an exclusive group), in order and reversed. */
  private static List<List<String>> allOptions(String command, List<String> operands) {
    List<List<String>> words = new ArrayList<>();
    PlainArgs.Shape<?> shape = PlainArgs.shape(command);
    List<String> skip = new ArrayList<>();
    for (var group : shape.exclusive()) {
      skip.addAll(group.stream().sorted().skip(1).toList());
    }
    Set<Object> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (var e : shape.options().entrySet()) {
      if (skip.contains(e.getKey()) || shape.required().contains(e.getKey()) || !taken.add(e.getValue())) {
        continue;
      }
      words.add(e.getValue().kind() == PlainArgs.Kind.FLAG ? List.of(e.getKey()) : List.of(e.getKey(), "x" + words.size()));
    }
    List<List<String>> lines = new ArrayList<>();
    // In the second order the first operand comes before the options (a command with no operands:
    // its required options, which take their values with them).
    int first = shape.operands().isEmpty() ? operands.size() : Math.min(1, operands.size());
    for (int order = 0; order < 2; order++) {
      List<String> line = new ArrayList<>(List.of("--debug", "--limit", "maxRecords=9", command));
      if (order == 1) {
        line.addAll(operands.subList(0, first));
      }
      for (List<String> w : words) {
        line.addAll(w);
      }
      line.add("--limit=maxIncludeDepth=3");
      line.addAll(order == 1 ? operands.subList(first, operands.size()) : operands);
      lines.add(line);
      Collections.reverse(words);
    }
    return lines;
  }

  @Test
  void whatItReadsIsWhatPicocliMakesOfTheLine() throws Exception {
    // The operands, and the required options, every line of the command has.
    Map<String, List<String>> operands = Map.of("check", List.of(), "diff", List.of(OPERANDS_OF_DIFF), "lint", List.of(),
        "snapshot", List.of("--zone", "example.com."), "verify", List.of("report.json"), "terraform", List.of("-"));
    int lines = 0;
    for (String command : PlainArgs.COMMANDS) {
      List<List<String>> all = new ArrayList<>();
      all.add(new ArrayList<>(List.of(command)));
      all.get(0).addAll(operands.get(command));
      all.addAll(eachOption(command, operands.get(command)));
      all.addAll(allOptions(command, operands.get(command)));
      for (List<String> line : all) {
        readAsPicocli(line.toArray(String[]::new));
        lines++;
      }
    }
    assertThat(lines).isGreaterThan(40);
    readAsPicocli("diff", "-", "new.zone");
    readAsPicocli("diff", "old.zone", "-", "--format", "json");
    readAsPicocli("check", "--worktree", "--repo", "/srv/dns", "--allow", "address-emptied:db");
    readAsPicocli("check", "--head", "HEAD~1", "--base=main");
    readAsPicocli("terraform", "plan.json", "--zone", "Z1=example.com.", "--zone=Z2=example.net.");
    readAsPicocli("verify", "--repo", "/srv/dns", "out/report.json");
    readAsPicocli("snapshot", "-o", "live.zone", "--zone=example.com.");
  }

  @Test
  void everyOtherLineIsLeftToPicocli() {
    String[][] left = {
      {},
      {"--debug"},
      {"snapshot"},
      {"snapshot", "--repo", "."},
      {"snapshot", "--zone", "a.", "-o", "x", "--output", "y"},
      {"snapshot", "--zone", "a.", "-ox"},
      {"snapshot", "--zone", "a.", "--zone", "b."},
      {"diff", "a"},
      {"diff", "a", "b", "c"},
      {"diff", "--help", "a", "b"},
      {"diff", "-h"},
      {"diff", "--version"},
      {"diff", "a", "b", "--nope"},
      {"diff", "a", "b", "-x"},
      {"diff", "a", "b", "--origin"},
      {"diff", "a", "b", "--origin", "-x"},
      {"diff", "a", "b", "--origin", "--format"},
      {"diff", "a", "b", "--origin="},
      {"diff", "a", "b", "--origin", ""},
      {"diff", "a", "b", "--origin", "x", "--origin", "y"},
      {"diff", "--", "a", "b"},
      {"diff", "@args", "b"},
      {"diff", "a", "b", "--origin", "@x"},
      {"diff", "", "b"},
      {"check", "--worktree", "--worktree"},
      {"check", "--worktree=true"},
      {"check", "--head", "x", "--worktree"},
      {"check", "extra"},
      {"check", "--repo", "a\u0000b"},
      {"check", "--limit"},
      {"check", "--limit="},
      {"check", "--debug=true"},
      {"lint", "--format"},
      {"lint", "-"},
      {"verify"},
      {"verify", "a.json", "b.json"},
      {"terraform", "--zone"},
      {"terraform", "plan.json", "--zone", ""},
      {"--limit", "lint"},
      {"-h", "lint"},
    };
    for (String[] args : left) {
      assertThat(PlainArgs.read(args)).as("%s", Arrays.asList(args)).isNull();
    }
  }

  @Test
  void aLineReadPlainlyRunsAndFailsAsThroughPicocli() {
    // A command's own failure: the same one line and exit 2, with picocli's handler or without.
    for (String[] args : new String[][] {
        {"check", "--repo", "/nonexistent/repo"},
        {"check", "--live", "sometimes"},
        {"diff", "/nonexistent/a.zone", "/nonexistent/b.zone"},
        {"diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--fail-on", "info"}}) {
      assertThat(PlainArgs.read(args)).as("%s", Arrays.asList(args)).isNotNull();
      Cli plain = Cli.run(args);
      Cli tree = throughPicocli(args);
      assertThat(plain.exit()).as("%s", Arrays.asList(args)).isEqualTo(Main.UNDECIDED).isEqualTo(tree.exit());
      assertThat(plain.err()).as("%s", Arrays.asList(args)).isEqualTo(tree.err()).startsWith("zonegate: error: ");
      assertThat(plain.out()).isEqualTo(tree.out());
    }
    Cli demo = Cli.run("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--format", "json");
    Cli demoTree = throughPicocli("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone", "--format", "json");
    assertThat(demo.exit()).isEqualTo(Main.BLOCK).isEqualTo(demoTree.exit());
    assertThat(demo.out()).isEqualTo(demoTree.out()).contains("\"verdict\"");
  }

  /** A run through picocli's model, as before PlainArgs: the whole tree's command line. */
  private static Cli throughPicocli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Context.set(o, e, new ByteArrayInputStream(new byte[0]), Map.of());
    try {
      CommandLine cl = new CommandLine(new AllCommands());
      cl.setOut(new PrintWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), true));
      cl.setErr(new PrintWriter(new OutputStreamWriter(e, StandardCharsets.UTF_8), true));
      cl.setExitCodeExceptionMapper(x -> Main.UNDECIDED);
      cl.setExecutionExceptionHandler(new Failures(false));
      int exit = cl.execute(args);
      return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      Context.clear();
    }
  }
}
