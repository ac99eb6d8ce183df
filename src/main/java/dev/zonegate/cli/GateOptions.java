package dev.zonegate.cli;

import dev.zonegate.gate.Gate;
import dev.zonegate.model.Location;
import dev.zonegate.rules.Allow;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every judging command shares: rule packs, allows and the fail-on level. */
final class GateOptions {
  @Option(names = "--rules", paramLabel = "FILE", description = "Rule pack (repeatable; later packs override earlier ids). Default: the built-in rules/default.yaml.")
  List<Path> rulePacks = new ArrayList<>();

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

  Gate newGate() throws RulePackException, IOException {
    Severity level = failOn(failOn);
    List<Allow> allows = new ArrayList<>();
    for (String a : allow) {
      allows.add(Allow.parse(a, Allowance.flag(a)));
    }
    return new Gate(rules(rulePacks), allows, level);
  }

  /** The default pack when none is named; named packs alone otherwise. */
  static RuleSet rules(List<Path> packs) throws RulePackException, IOException {
    List<RulePack> loaded = new ArrayList<>();
    if (packs.isEmpty()) {
      loaded.add(RulePack.defaults());
    }
    for (Path p : packs) {
      loaded.add(load(p));
    }
    return RuleSet.of(loaded);
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
