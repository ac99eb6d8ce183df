package dev.zonegate.cli;

import dev.zonegate.live.Progress;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.Limits;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code zonegate} command: wiring only; each subcommand is its own class. The command tree
 * is {@link AllCommands}; a run builds only the part its arguments name (see {@link #commandLine}).
 */
@Command(
    name = "zonegate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    scope = ScopeType.INHERIT,
    description = "A pre-deploy gate for DNS changes: compares proposed zones with live ones and blocks risky edits.")
public class Main implements Runnable {
  /** Exit codes of docs/exit-codes.md. */
  public static final int PASS = 0;

  public static final int BLOCK = 1;
  public static final int UNDECIDED = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces on errors.")
  boolean debug;

  @CommandLine.Option(
      names = "--limit",
      paramLabel = "NAME=N",
      scope = ScopeType.INHERIT,
      description = "Raise or lower a safety limit for this run (see README: Limits).")
  List<String> limits;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
  }

  /**
   * Set by the launcher and the installed hook: exit with {@code 100 + code} instead of the code,
   * so they can tell zonegate's own 0, 1 and 2 from the 1 a JVM that cannot start exits with, the
   * 3 of {@code -XX:+ExitOnOutOfMemoryError} or a crash, and make every one of those 2.
   */
  static final String SHIFTED_EXIT = "zonegate.exit.shifted";

  static final int SHIFT = 100;

  /**
   * For the tests of the failure paths only: {@code -Dzonegate.failpoint=exception} throws an
   * unchecked exception and {@code =oom} runs out of memory, where a command would start.
   */
  static final String FAILPOINT = "zonegate.failpoint";

  public static void main(String[] args) {
    int shift = Boolean.getBoolean(SHIFTED_EXIT) ? SHIFT : 0;
    // A failure on any other thread that nothing joins still ends the run undecided: never a
    // verdict that thread did not help make.
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          Failures.fatal(System.err, e, Arrays.asList(args).contains("--debug"));
          Runtime.getRuntime().halt(UNDECIDED + shift);
        });
    Warmup.start(args);
    int code;
    try {
      code = run(args, System.out, System.err);
    } catch (Throwable e) {
      code = Failures.fatal(System.err, e, Arrays.asList(args).contains("--debug"));
    }
    System.out.flush();
    System.exit(code + shift);
  }

  /** Runs one command line and returns its exit code; the entry point tests use. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.in, System.getenv());
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, with standard input and environment given. */
  public static int run(
      String[] args, PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
    boolean debug = Arrays.asList(args).contains("--debug");
    try {
      Limits.set(limitArgs(args));
    } catch (IllegalArgumentException e) {
      err.println("zonegate: error: " + e.getMessage());
      return UNDECIDED;
    }
    Context.set(out, err, in, env);
    Timings.reset();
    if (env.containsKey("ZONEGATE_TIMINGS")) {
      // The JVM's start-up up to here (java.management is loaded only when timings are asked for).
      // Loading it takes a while itself, so that part is taken off.
      long before = System.nanoTime();
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
      Timings.addNanos("start", uptime - (System.nanoTime() - before));
    }
    if (err == System.err && System.console() != null) {
      Progress.set(Progress.terminal(err));
    }
    try {
      failpoint();
      HookPrePushCommand hook = prePush(args);
      Callable<Integer> plain = hook != null ? null : PlainArgs.read(args);
      int exit = hook != null ? hook.call() : plain != null ? call(plain, err, debug) : execute(args, out, err, debug);
      if (env.containsKey("ZONEGATE_TIMINGS")) {
        // And the JVM's time so far, which the stages leave unnamed parts of.
        long total = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        err.println("zonegate: timings: " + Timings.summary() + ", until now " + Timings.seconds(total));
      }
      return exit;
    } catch (Throwable e) { // an Error (out of memory, a broken install) or a picocli failure
      return Failures.fatal(err, e, debug);
    } finally {
      Progress.get().done();
      Progress.set(null);
      Limits.reset();
      Context.clear();
    }
  }

  /**
   * Runs a command {@link PlainArgs} read as picocli runs one it parsed: its exit code, and any
   * exception from it through {@link Failures} (an Error goes on up, as from picocli).
   */
  private static int call(Callable<Integer> command, PrintStream err, boolean debug) {
    try {
      return command.call();
    } catch (Exception e) {
      return Failures.report(e, new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), debug);
    }
  }

  private static int execute(String[] args, PrintStream out, PrintStream err, boolean debug) {
    CommandLine cl = commandLine(args);
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExitCodeExceptionMapper(e -> UNDECIDED);
    cl.setExecutionExceptionHandler(new Failures(debug));
    return cl.execute(args);
  }

  /**
   * The pre-push command for the command line the installed hook runs, {@code hook pre-push
   * [--config FILE | --octodns-config FILE] REMOTE [URL]}, or null for any other. Git runs the hook
   * on every push, and picocli's model of even one command takes a third of that run to build; this
   * one form needs none of it. Anything it does not take whole (another option, a word starting
   * with {@code -} or {@code @}, a repeated option) goes to picocli, which parses it as always;
   * {@code CommandTreeTest} holds the two to the same result.
   */
  static HookPrePushCommand prePush(String[] args) {
    if (args.length < 3 || !args[0].equals("hook") || !args[1].equals("pre-push")) {
      return null;
    }
    HookPrePushCommand c = new HookPrePushCommand();
    int i = 2;
    String option = args[i];
    if (option.equals("--config") || option.equals("--octodns-config")) {
      if (args.length < i + 2 || !plain(args[i + 1])) {
        return null;
      }
      Path file;
      try {
        file = Path.of(args[i + 1]);
      } catch (InvalidPathException e) {
        return null; // picocli says what is wrong with it
      }
      if (option.equals("--config")) {
        c.config.zonegate = file;
      } else {
        c.config.octodns = file;
      }
      i += 2;
    }
    int positionals = args.length - i;
    if (positionals < 1 || positionals > 2) {
      return null;
    }
    for (int k = i; k < args.length; k++) {
      if (!plain(args[k])) {
        return null;
      }
    }
    c.remote = args[i];
    c.url = positionals == 2 ? args[i + 1] : null;
    return c;
  }

  /** A word picocli takes as it is: not an option, not the end of options, not an @file to expand. */
  private static boolean plain(String word) {
    return !word.isEmpty() && !word.startsWith("-") && !word.startsWith("@");
  }

  private static void failpoint() {
    String f = System.getProperty(FAILPOINT);
    if ("exception".equals(f)) {
      throw new IllegalStateException("failpoint: an uncaught exception, as a bug would throw");
    }
    if ("oom".equals(f)) {
      List<long[]> hog = new ArrayList<>();
      while (true) {
        hog.add(new long[1 << 20]);
      }
    }
  }

  /** The {@code --limit} values, read before picocli so every command's readers see them. */
  static List<String> limitArgs(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--limit") && i + 1 < args.length) {
        out.add(args[++i]);
      } else if (args[i].startsWith("--limit=")) {
        out.add(args[i].substring("--limit=".length()));
      }
    }
    return out;
  }

  /**
   * The command line for {@code args}: the root and the one subcommand they name, or the whole
   * tree when they name none (help, the version, a misspelt command). Picocli builds the model of
   * every command it is given by reflection, and for all of them that is a third of a pre-push
   * hook's time; one command's model parses, helps and fails exactly as it does in the tree.
   */
  static CommandLine commandLine(String[] args) {
    Class<?> only = named(args);
    if (only == null) {
      return new CommandLine(new AllCommands());
    }
    CommandLine cl = new CommandLine(new Main());
    try {
      cl.addSubcommand(only.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make the " + only.getSimpleName() + " command", e);
    }
    return cl;
  }

  /** The subcommand class the first argument that is not a root option names, or null. */
  static Class<?> named(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--debug") || a.startsWith("--limit=")) {
        continue;
      }
      if (a.equals("--limit")) {
        i++;
        continue;
      }
      return COMMANDS.get(a);
    }
    return null;
  }

  /**
   * The subcommands {@link AllCommands} lists, by name; a table rather than their annotations,
   * which take a run longer to read than it takes to start. {@code CommandTreeTest} holds the two
   * to the same names.
   */
  static final Map<String, Class<?>> COMMANDS = Map.of(
      "check", CheckCommand.class,
      "diff", DiffCommand.class,
      "lint", LintCommand.class,
      "snapshot", SnapshotCommand.class,
      "verify", VerifyCommand.class,
      "hook", HookCommand.class,
      "rules", RulesCommand.class,
      "terraform", TerraformCommand.class);

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"zonegate " + (v == null ? "dev" : v)};
    }
  }
}
