package dev.zonegate.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The command lines of {@code check}, {@code diff}, {@code lint}, {@code snapshot}, {@code verify}
 * and {@code terraform} that hold only plain options
 * and operands, read without picocli. Picocli builds a command's model by reading its annotations,
 * and Java makes a class for each kind of annotation read: for these commands that is most of the
 * 70 ms picocli takes before the command starts, a sixth of a short check.
 *
 * <p>A line is read here only when every word is one picocli takes the same way: an option of
 * {@link #shape} with its value as the next word or after {@code =}, a flag without one, an operand,
 * and the root's {@code --debug} and {@code --limit} (read before the command, as always). Anything
 * else gives null and goes to picocli, which parses it, or says what is wrong with it, as it always
 * has: help and version, a word starting with {@code -} that is not such an option (a short option,
 * {@code --}, a value starting with {@code -}), a word starting with {@code @} (picocli's argument
 * files), an empty value, a single-valued option or a flag given twice (under either of its
 * names), two options of one exclusive group, a required option missing, a missing or extra
 * operand, a path Java cannot take. {@code PlainArgsTest}
 * holds the table to the commands' annotations and what is read here to what picocli reads.
 */
final class PlainArgs {
  private PlainArgs() {}

  /** How an option takes its value. */
  enum Kind {
    /** No value: sets a boolean. */
    FLAG,
    /** One value, once. */
    ONE,
    /** One value each time, repeatable: appends to a list. */
    MANY
  }

  /** One option of a command: how it takes a value and what it sets. */
  record Option<T>(Kind kind, BiConsumer<T, String> set) {}

  /**
   * What a command takes: a new command object (its mixins are made with it, and picocli uses
   * those rather than making its own), its options by name (an option with two names under both),
   * its operands in order, the options of which at most one may be given, and those that must be.
   */
  record Shape<T extends Callable<Integer>>(
      Supplier<T> make,
      Map<String, Option<T>> options,
      List<BiConsumer<T, String>> operands,
      List<Set<String>> exclusive,
      Set<String> required) {
    Shape(Supplier<T> make, Map<String, Option<T>> options, List<BiConsumer<T, String>> operands, List<Set<String>> exclusive) {
      this(make, options, operands, exclusive, Set.of());
    }
  }

  /** The commands read here. */
  static final List<String> COMMANDS = List.of("check", "diff", "lint", "snapshot", "verify", "terraform");

  /**
   * What the command takes, or null for one not read here. Made for the one command a run asks
   * for: each shape's setters are lambdas, and linking all six commands' took 0.01–0.03 s of every
   * run.
   */
  static Shape<?> shape(String command) {
    return switch (command) {
      case "check" -> check();
      case "diff" -> diff();
      case "lint" -> lint();
      case "snapshot" -> snapshot();
      case "verify" -> verify();
      case "terraform" -> terraform();
      default -> null;
    };
  }

  /** The command {@code args} name, with its options and operands set, or null for picocli to read. */
  static Callable<Integer> read(String[] args) {
    int i = 0;
    while (i < args.length && root(args, i) > 0) {
      i += root(args, i);
    }
    if (i >= args.length) {
      return null;
    }
    Shape<?> shape = shape(args[i]);
    return shape == null ? null : read(shape, args, i + 1);
  }

  /** How many words a root option at {@code i} takes (2 for {@code --limit V}), or 0. */
  private static int root(String[] args, int i) {
    String a = args[i];
    if (a.equals("--debug")) {
      return 1;
    }
    if (a.startsWith("--limit=")) {
      return value(a.substring("--limit=".length())) ? 1 : 0;
    }
    if (a.equals("--limit")) {
      return i + 1 < args.length && value(args[i + 1]) ? 2 : 0;
    }
    return 0;
  }

  /** A word picocli takes as a value as it is: not empty, not an option, not an @file. */
  private static boolean value(String word) {
    return !word.isEmpty() && !word.startsWith("-") && !word.startsWith("@");
  }

  private static <T extends Callable<Integer>> T read(Shape<T> shape, String[] args, int from) {
    T command = shape.make().get();
    // By identity: an option with two names is one object under both. (A record's own hashCode
    // would also do, but its first call links an invokedynamic site, 10 ms of every run.)
    Set<Option<T>> given = Collections.newSetFromMap(new IdentityHashMap<>());
    int operands = 0;
    try {
      for (int i = from; i < args.length; i++) {
        String a = args[i];
        int root = root(args, i);
        if (root > 0) {
          i += root - 1; // inherited by every command; already read
          continue;
        }
        if (a.equals("-")) { // standard input, an operand
          if (operands >= shape.operands().size()) {
            return null;
          }
          shape.operands().get(operands++).accept(command, a);
          continue;
        }
        if (!a.startsWith("-")) {
          if (!value(a) || operands >= shape.operands().size()) {
            return null;
          }
          shape.operands().get(operands++).accept(command, a);
          continue;
        }
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        Option<T> option = shape.options().get(name);
        if (option == null || (option.kind() != Kind.MANY && !given.add(option))) {
          return null;
        }
        given.add(option);
        if (option.kind() == Kind.FLAG) {
          if (eq >= 0) {
            return null;
          }
          option.set().accept(command, "true");
          continue;
        }
        String v;
        if (eq >= 0) {
          v = a.substring(eq + 1);
        } else if (i + 1 < args.length) {
          v = args[++i];
        } else {
          return null;
        }
        if (!value(v)) {
          return null;
        }
        option.set().accept(command, v);
      }
    } catch (RuntimeException e) { // a path Java cannot take: picocli says so
      return null;
    }
    if (operands != shape.operands().size()) {
      return null;
    }
    for (Set<String> group : shape.exclusive()) {
      if (group.stream().map(shape.options()::get).filter(given::contains).count() > 1) {
        return null;
      }
    }
    for (String name : shape.required()) {
      if (!given.contains(shape.options().get(name))) {
        return null;
      }
    }
    return command;
  }

  private static Shape<CheckCommand> check() {
    Map<String, Option<CheckCommand>> o = new LinkedHashMap<>();
    o.put("--repo", one((c, v) -> c.repo = Path.of(v)));
    config(o, c -> c.config);
    o.put("--base", one((c, v) -> c.base = v));
    o.put("--head", one((c, v) -> c.head.ref = v));
    o.put("--worktree", flag((c, v) -> c.head.worktree = true));
    o.put("--all-zones", flag((c, v) -> c.allZones = true));
    o.put("--live", one((c, v) -> c.live = v));
    o.put("--allow", many((c, v) -> c.allow.add(v)));
    o.put("--fail-on", one((c, v) -> c.failOn = v));
    reports(o, c -> c.reports);
    return new Shape<>(CheckCommand::new, o, List.of(), List.of(Set.of("--head", "--worktree")));
  }

  private static Shape<DiffCommand> diff() {
    Map<String, Option<DiffCommand>> o = new LinkedHashMap<>();
    o.put("--origin", one((c, v) -> c.origin = v));
    o.put("--format-in", one((c, v) -> c.formatIn = v));
    o.put("--check-names", one((c, v) -> c.checkNames = v));
    o.put("--include-directory", one((c, v) -> c.includeDirectory = Path.of(v)));
    o.put("--server-directory", one((c, v) -> c.serverDirectory = v));
    gate(o, c -> c.gate);
    reports(o, c -> c.reports);
    List<BiConsumer<DiffCommand, String>> operands = List.of((c, v) -> c.oldFile = v, (c, v) -> c.newFile = v);
    return new Shape<>(DiffCommand::new, o, operands, List.of());
  }

  private static Shape<LintCommand> lint() {
    Map<String, Option<LintCommand>> o = new LinkedHashMap<>();
    o.put("--repo", one((c, v) -> c.repo = Path.of(v)));
    config(o, c -> c.config);
    reports(o, c -> c.reports);
    return new Shape<>(LintCommand::new, o, List.of(), List.of());
  }

  private static Shape<SnapshotCommand> snapshot() {
    Map<String, Option<SnapshotCommand>> o = new LinkedHashMap<>();
    o.put("--repo", one((c, v) -> c.repo = Path.of(v)));
    config(o, c -> c.config);
    o.put("--zone", one((c, v) -> c.zone = v));
    Option<SnapshotCommand> output = one((c, v) -> c.output = Path.of(v));
    o.put("--output", output);
    o.put("-o", output);
    return new Shape<>(SnapshotCommand::new, o, List.of(), List.of(), Set.of("--zone"));
  }

  private static Shape<VerifyCommand> verify() {
    Map<String, Option<VerifyCommand>> o = new LinkedHashMap<>();
    o.put("--repo", one((c, v) -> c.repo = Path.of(v)));
    config(o, c -> c.config);
    return new Shape<>(VerifyCommand::new, o, List.of((c, v) -> c.report = Path.of(v)), List.of());
  }

  private static Shape<TerraformCommand> terraform() {
    Map<String, Option<TerraformCommand>> o = new LinkedHashMap<>();
    o.put("--zone", many((c, v) -> c.zones.add(v)));
    gate(o, c -> c.gate);
    reports(o, c -> c.reports);
    return new Shape<>(TerraformCommand::new, o, List.of((c, v) -> c.plan = v), List.of());
  }

  /** {@link GateOptions}' options. */
  private static <T> void gate(Map<String, Option<T>> o, Function<T, GateOptions> gate) {
    o.put("--rules", many((c, v) -> gate.apply(c).rulePacks.add(v)));
    o.put("--allow", many((c, v) -> gate.apply(c).allow.add(v)));
    o.put("--fail-on", one((c, v) -> gate.apply(c).failOn = v));
  }

  /** {@link ConfigChoice}'s options. */
  private static <T> void config(Map<String, Option<T>> o, Function<T, ConfigChoice> config) {
    o.put("--config", one((c, v) -> config.apply(c).zonegate = Path.of(v)));
    o.put("--octodns-config", one((c, v) -> config.apply(c).octodns = Path.of(v)));
  }

  /** {@link ReportOptions}' options. */
  private static <T> void reports(Map<String, Option<T>> o, Function<T, ReportOptions> reports) {
    o.put("--format", many((c, v) -> reports.apply(c).formats.add(v)));
    o.put("--out", one((c, v) -> reports.apply(c).out = Path.of(v)));
    o.put("--timestamp", flag((c, v) -> reports.apply(c).timestamp = true));
  }

  private static <T> Option<T> flag(BiConsumer<T, String> set) {
    return new Option<>(Kind.FLAG, set);
  }

  private static <T> Option<T> one(BiConsumer<T, String> set) {
    return new Option<>(Kind.ONE, set);
  }

  private static <T> Option<T> many(BiConsumer<T, String> set) {
    return new Option<>(Kind.MANY, set);
  }
}
