package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.model.Zone;
import dev.zonegate.rules.RuleCatalog;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.RuleSpec;
import dev.zonegate.rules.Scope;
import dev.zonegate.rules.Severity;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * CEL expression rules. The input is the {@code when} expression, and after a NUL byte, if there
 * is one, the {@code message} template. First the rule is built from a {@link RuleSpec} directly,
 * where the only allowed failure is the {@link IllegalArgumentException} that names the problem.
 * An expression that compiles is then loaded again through a rule-pack file (so YAML and the
 * schema see the same text) and evaluated by the gate on a fixed diff that has an add, a delete
 * and updates; the report is rendered in every format. At evaluation the only allowed failure is
 * the rule's own {@link IllegalStateException} ({@code rule 'fuzz-expr': when failed on ...}).
 * Seeds: {@code src/test/resources/dev/zonegate/fuzz/ExpressionFuzzTestInputs/compile/}.
 */
class ExpressionFuzzTest {
  private static final String ID = "fuzz-expr";
  private static final String DEFAULT_MESSAGE = "${change.action} ${change.relativeName} ${change.rrtype} ttl ${change.ttlAfter}";

  @FuzzTest(maxDuration = "60s")
  void compile(byte[] input) throws Throwable {
    Contract.inTime("ExpressionFuzzTest#compile", "with-message-template.cel", input, ExpressionFuzzTest::rule);
  }

  private static void rule(byte[] input) throws Exception {
    String s = new String(input, StandardCharsets.UTF_8);
    int nul = s.indexOf('\0');
    String when = nul < 0 ? s : s.substring(0, nul);
    String message = nul < 0 ? DEFAULT_MESSAGE : s.substring(nul + 1);
    RuleSpec spec =
        new RuleSpec(
            ID, "expression", Severity.WARN, Scope.ALL, Map.of("when", when, "message", message), true, true, "d", null);
    try {
      RuleCatalog.type("expression").factory().apply(spec);
    } catch (IllegalArgumentException e) {
      Contract.expected(e);
      return;
    }
    RuleSet rules;
    try {
      rules = RuleSet.of(List.of(RulePack.parse("rules/fuzz.yaml", pack(when, message))));
    } catch (RulePackException e) {
      Contract.expected(e);
      return;
    }
    try {
      Pipeline.renderAll(Pipeline.judge(rules, Zones.BEFORE, Zones.AFTER, null));
    } catch (IllegalStateException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("rule '" + ID + "': ")) {
        throw e;
      }
    }
  }

  /** The fixed diff: an add, a delete, an MX update and a pool whose address and TTL change. */
  private static final class Zones {
    static final Zone BEFORE = zone(PipelineFuzzTest.LIVE);
    static final Zone AFTER =
        zone(
            (new String(PipelineFuzzTest.LIVE, StandardCharsets.UTF_8)
                    .replace("app    300 A 52.94.10.2", "app    60 A 52.94.10.3")
                    .replace("@      MX    10 mail", "@      MX    20 mail")
                    .replace("www    CNAME example.com.\n", "")
                + "blog 120 TXT \"hello\" \"world\"\n")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** A one-rule pack with both strings as YAML double-quoted scalars, every odd character escaped. */
  static byte[] pack(String when, String message) {
    String yaml =
        "- id: " + ID + "\n"
            + "  type: expression\n"
            + "  severity: warn\n"
            + "  description: fuzzed\n"
            + "  params:\n"
            + "    when: " + quote(when) + "\n"
            + "    message: " + quote(message) + "\n";
    return yaml.getBytes(StandardCharsets.UTF_8);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        b.append('\\').appendCodePoint(cp);
      } else if (cp >= 0x20 && cp < 0x7f) {
        b.appendCodePoint(cp);
      } else if (cp <= 0xffff) {
        b.append(String.format("\\u%04x", cp));
      } else {
        b.append(String.format("\\U%08x", cp));
      }
    });
    return b.append('"').toString();
  }

  private static Zone zone(byte[] text) {
    try {
      return Pipeline.read(text);
    } catch (ZoneReadException e) {
      throw new IllegalStateException(e);
    }
  }
}
