package dev.zonegate.cli;

import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zonegate rules list}: id, type, severity and one line of description per rule. */
@Command(name = "list", description = "List the rules in force (the default pack, or --rules packs merged).")
final class RulesListCommand implements Callable<Integer> {
  @Option(names = "--rules", paramLabel = "PACK", description = "Rule pack layered on the default pack (repeatable; builtin:none first starts from no rules).")
  List<String> packs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    RuleSet rules = GateOptions.rules(packs);
    int idWidth = 4;
    int typeWidth = 4;
    for (RuleSpec s : rules.specs()) {
      idWidth = Math.max(idWidth, s.id().length());
      typeWidth = Math.max(typeWidth, s.type().length());
    }
    String row = "%-" + idWidth + "s  %-" + typeWidth + "s  %-8s %s%n";
    Context.out().printf(row, "ID", "TYPE", "SEVERITY", "DESCRIPTION");
    for (RuleSpec s : rules.specs()) {
      Context.out().printf(row, s.id(), s.type(), s.enabled() ? s.severity().word() : "off", firstSentence(s.description()));
    }
    return Main.PASS;
  }

  static String firstSentence(String text) {
    String t = text.replaceAll("\\s+", " ").trim();
    int dot = t.indexOf(". ");
    String first = dot < 0 ? t : t.substring(0, dot + 1);
    return first.length() > 110 ? first.substring(0, 107) + "..." : first;
  }
}
