package dev.zonegate.cli;

import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Param;
import dev.zonegate.rules.RuleCatalog;
import dev.zonegate.rules.RuleExample;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.RuleSpec;
import dev.zonegate.rules.RuleType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zonegate rules explain ID}: what a rule guards against, its params with defaults and the
 * values in force, and its example run for real.
 */
@Command(name = "explain", description = "Explain one rule: description, params, and an example that fires.")
final class RulesExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "Rule id (or a rule type).")
  String id;

  @Option(names = "--rules", paramLabel = "PACK", description = "Rule pack layered on the default pack (repeatable; builtin:none first starts from no rules).")
  List<String> packs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    RuleSet rules = GateOptions.rules(packs);
    RuleSpec spec = rules.spec(id);
    if (spec == null && RuleCatalog.type(id) != null) {
      spec = defaultSpec(RuleCatalog.type(id));
    }
    if (spec == null) {
      throw new IllegalArgumentException("no rule '" + id + "' (zonegate rules list shows the ids)");
    }
    RuleType type = RuleCatalog.type(spec.type());
    PrintStream out = Context.out();
    out.println(spec.id() + " (type " + type.name() + ", severity " + spec.severity().word()
        + (spec.enabled() ? "" : ", switched off") + (spec.overridable() ? "" : ", cannot be allowed") + ")");
    out.println();
    out.println(wrap(spec.description(), "  "));
    out.println();
    out.println("Fires when " + type.summary() + ".");
    if (!type.params().isEmpty()) {
      out.println();
      out.println("Params (default -> in force):");
      for (Param p : type.params()) {
        out.println("  " + p.name() + ": " + p.defaultValue() + " -> " + spec.params().get(p.name()));
        out.println(wrap(p.description(), "      "));
      }
    }
    if (!spec.scope().zones().isEmpty() || !spec.scope().names().isEmpty() || !spec.scope().types().isEmpty()) {
      out.println();
      out.println("Scope: zones " + spec.scope().zones() + ", names " + spec.scope().names() + ", types " + spec.scope().types());
    }
    example(out, spec, type);
    return Main.PASS;
  }

  private static void example(PrintStream out, RuleSpec spec, RuleType type) {
    if (type.name().equals("expression") && !spec.params().containsKey("when")) {
      return;
    }
    out.println();
    out.println("Example (zone example.com." + (type.example().params().isEmpty() ? "" : ", with " + type.example().params()) + "):");
    if (type.example().base() != null) {
      out.println("  base (what the repository last had):");
      out.print(indent(type.example().base(), "    "));
    }
    out.println("  live:");
    out.print(indent(type.example().before(), "    "));
    out.println("  proposed:");
    out.print(indent(type.example().after(), "    "));
    for (var d : type.example().disagreements()) {
      out.println("  live servers answer " + d.name() + " " + d.type() + ": " + d.answers());
    }
    List<Finding> found = RuleExample.run(spec);
    out.println("  finds:");
    if (found.isEmpty()) {
      out.println("    nothing (with the params in force)");
    }
    for (Finding f : found) {
      out.println("    " + f.severity().word() + " " + f.rule() + (f.name() == null ? "" : " " + f.name()) + ": " + f.message());
    }
  }

  private static RuleSpec defaultSpec(RuleType type) {
    Map<String, Object> params = new HashMap<>();
    for (Param p : type.params()) {
      if (p.defaultValue() != null) {
        params.put(p.name(), p.defaultValue());
      }
    }
    return new RuleSpec(type.name(), type.name(), type.defaultSeverity(), null, params, true, true, type.summary(), null);
  }

  private static String indent(String body, String pad) {
    StringBuilder sb = new StringBuilder();
    if (body.isBlank()) {
      return pad + "(nothing)\n";
    }
    for (String line : body.split("\n")) {
      sb.append(pad).append(line.isEmpty() ? "(empty)" : line).append('\n');
    }
    return sb.toString();
  }

  private static String wrap(String text, String pad) {
    StringBuilder sb = new StringBuilder(pad);
    int col = pad.length();
    for (String w : text.replaceAll("\\s+", " ").trim().split(" ")) {
      if (col + w.length() > 90 && col > pad.length()) {
        sb.append('\n').append(pad);
        col = pad.length();
      } else if (col > pad.length()) {
        sb.append(' ');
        col++;
      }
      sb.append(w);
      col += w.length();
    }
    return sb.toString();
  }
}
