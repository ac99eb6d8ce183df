package dev.zonegate.cli;

import dev.zonegate.gate.Allows;
import dev.zonegate.gate.CheckException;
import dev.zonegate.gate.Gate;
import dev.zonegate.model.Location;
import dev.zonegate.rules.Allow;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RulePacks;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every judging command shares: rule packs, allows and the fail-on level. */
final class GateOptions {
  @Option(
      names = "--rules",
      paramLabel = "PACK",
      description =
          "Rule pack file, layered on the built-in default pack (repeatable; later packs override earlier ids)."
              + " builtin:default names the default pack; builtin:none as the first --rules starts from no rules.")
  List<String> rulePacks = new ArrayList<>();

  @Option(names = "--allow", paramLabel = "RULE[:NAME]", description = "Allow findings of a rule (optionally at one name) for this run.")
  List<String> allow = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "block (default) or warn: the lowest severity that blocks.")
  String failOn = "block";

  /** {@code --fail-on}: block or warn; info would block on notes, which nobody means. */
  static Severity failOn(String word) {
    if (!word.equals("block") && !word.equals("warn")) {
      throw new IllegalArgumentException("--fail-on takes block or warn");
    }
    return Severity.parse(word);
  }

  Gate newGate() throws RulePackException, IOException, CheckException {
    Severity level = failOn(failOn);
    List<Allow> allows = new ArrayList<>();
    for (String a : allow) {
      allows.add(Allow.parse(a, Allowance.flag(a)));
    }
    RuleSet rules = rules(rulePacks);
    Allows.requireKnown(allows, rules);
    return new Gate(rules, allows, level);
  }

  /** The packs named, layered on the default pack ({@code builtin:none} first: on nothing). */
  static RuleSet rules(List<String> packs) throws RulePackException {
    return RulePacks.load(packs, p -> {
      try {
        return load(Path.of(p));
      } catch (IOException e) {
        throw new RulePackException(new Location(p, 0), null, "cannot be read: " + e.getMessage());
      } catch (InvalidPathException e) {
        throw new RulePackException(new Location(p, 0), null, "is not a usable file name");
      }
    });
  }

  static RulePack load(Path p) throws RulePackException, IOException {
    try {
      if (Files.isDirectory(p)) {
        throw new RulePackException(new Location(p.toString(), 0), null, "is a directory, not a rule pack");
      }
      return RulePack.parse(p.toString(), Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      throw new RulePackException(new Location(p.toString(), 0), null, "no such file");
    }
  }
}
