package dev.zonegate.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.zonegate.model.Change;
import dev.zonegate.model.Names;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.Limits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code expression} rule type: a user's CEL expression ({@code params.when}) evaluated once
 * per change, and a message template ({@code params.message}) rendered when it is true.
 *
 * <p>Variables (both {@code map(string, dyn)}; CEL integers are 64-bit):
 *
 * <ul>
 *   <li>{@code change.zone} string, the zone's origin ({@code example.com.});
 *   <li>{@code change.name} string, absolute and lower-case ({@code api.example.com.});
 *   <li>{@code change.relativeName} string, relative to the zone, {@code @} for the apex;
 *   <li>{@code change.rrtype} string, upper-case ({@code MX});
 *   <li>{@code change.action} string, {@code add}, {@code delete} or {@code update};
 *   <li>{@code change.ttlBefore}, {@code change.ttlAfter} int; <b>absent</b> (not null) when the
 *       RRset does not exist on that side, so {@code has(change.ttlAfter)} is false for a delete;
 *   <li>{@code change.before}, {@code change.after} list of string: rdata in canonical
 *       presentation form, sorted; empty on the side where the RRset does not exist;
 *   <li>{@code change.added}, {@code change.removed} list of string: rdata only after / only
 *       before;
 *   <li>{@code zone.name} string; {@code zone.rrsets} int, RRsets in the proposed zone;
 *       {@code zone.rrsetsBefore} int, RRsets in the live zone; {@code zone.changes},
 *       {@code zone.adds}, {@code zone.deletes}, {@code zone.updates} int, over the changes the
 *       rule's scope covers.
 * </ul>
 *
 * <p>Load-time checks: {@code when} at most {@value #MAX_WHEN} characters, the template at most
 * {@value #MAX_MESSAGE}; syntax and type errors, unknown fields of {@code change}/{@code zone}
 * and a result that cannot be a boolean are {@link IllegalArgumentException}s naming the rule and
 * the column. At evaluation, reading an absent TTL is not an error: the change cannot match, so
 * {@code when} is false for it (and the template renders it as {@code none}); any other
 * evaluation error, including a non-boolean result and the iteration budget
 * ({@value #MAX_ITERATIONS} per evaluation) being exceeded, is an {@link IllegalStateException}.
 * The standard macros ({@code has}, {@code all}, {@code exists}, {@code exists_one},
 * {@code map}, {@code filter}) and CEL's string extension ({@code lowerAscii}, {@code split},
 * {@code replace}, {@code join}, ...) are available; int and double compare with each other.
 * CEL is only loaded with this class.
 */
final class ExpressionRule implements Rule {
  static final int MAX_WHEN = 4096;
  static final int MAX_MESSAGE = 1024;
  static final int MAX_ITERATIONS = 10_000;

  /** The fields of {@code change} and {@code zone}, with their CEL types, for load-time checks. */
  static final Map<String, String> CHANGE_FIELDS = fields(
      "zone", "string",
      "name", "string",
      "relativeName", "string",
      "rrtype", "string",
      "action", "string",
      "ttlBefore", "int",
      "ttlAfter", "int",
      "before", "list(string)",
      "after", "list(string)",
      "added", "list(string)",
      "removed", "list(string)");

  static final Map<String, String> ZONE_FIELDS = fields(
      "name", "string",
      "rrsets", "int",
      "rrsetsBefore", "int",
      "changes", "int",
      "adds", "int",
      "deletes", "int",
      "updates", "int");

  private static final Set<String> OPTIONAL = Set.of("ttlBefore", "ttlAfter");

  private final String id;
  private final String whenText;
  private final CelRuntime.Program when;
  private final List<Object> template; // String literals and Placeholders, in order

  private record Placeholder(String source, CelRuntime.Program program) {}

  /** One CEL environment for all expression rules; built on first use. */
  private static final class Env {
    static final Cel CEL =
        CelFactory.standardCelBuilder()
            .setOptions(
                CelOptions.current()
                    .comprehensionMaxIterations(MAX_ITERATIONS)
                    .maxExpressionCodePointSize(1 << 20)
                    .enableHeterogeneousNumericComparisons(true)
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addVar("change", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("zone", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();
  }

  ExpressionRule(RuleSpec spec) {
    this.id = spec.id();
    Object w = spec.params().get("when");
    if (!(w instanceof String) || ((String) w).isBlank()) {
      throw new IllegalArgumentException(
          "rule '" + id + "': when: a CEL expression (a string) is required");
    }
    this.whenText = (String) w;
    long maxWhen = Limits.Limit.MAX_EXPRESSION_CHARS.get();
    if (whenText.length() > maxWhen) {
      throw new IllegalArgumentException(
          "rule '" + id + "': when: "
              + Limits.Limit.MAX_EXPRESSION_CHARS.exceeded(
                  "the expression's " + whenText.length() + " characters", maxWhen));
    }
    CelAbstractSyntaxTree ast = compile(whenText, "when", 0);
    CelKind kind = ast.getResultType().kind();
    if (kind != CelKind.BOOL && kind != CelKind.DYN) {
      throw new IllegalArgumentException(
          "rule '" + id + "': when: the expression must give a boolean, but gives "
              + ast.getResultType().name());
    }
    CelExpr root = ast.getExpr();
    String rootField = variableField(root, Set.of());
    if (rootField != null) {
      String type = fieldsOf(root.select().operand().ident().name()).get(rootField);
      throw new IllegalArgumentException(
          "rule '" + id + "': when: the expression must give a boolean, but "
              + root.select().operand().ident().name() + "." + rootField + " is "
              + (type.startsWith("int") ? "an " : "a ") + type);
    }
    this.when = program(ast, "when");
    Object m = spec.params().get("message");
    String message;
    if (m == null || (m instanceof String && ((String) m).isBlank())) {
      message = "matches " + (whenText.length() > 200 ? whenText.substring(0, 200) + "…" : whenText);
      this.template = List.of(message);
    } else if (!(m instanceof String)) {
      throw new IllegalArgumentException("rule '" + id + "': message: a string template is required");
    } else {
      message = (String) m;
      if (message.length() > MAX_MESSAGE) {
        throw new IllegalArgumentException(
            "rule '" + id + "': message: the template has " + message.length()
                + " characters, more than the limit of " + MAX_MESSAGE);
      }
      this.template = parseTemplate(message);
    }
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Map<String, Object> zone = zoneMap(in);
    for (Change c : in.changes()) {
      Map<String, Object> change = changeMap(c);
      Map<String, Object> vars = Map.of("change", change, "zone", zone);
      if (matches(c, change, vars)) {
        out.add(c, render(c, change, vars));
      }
    }
  }

  // ---- evaluation ---------------------------------------------------------------------------

  private boolean matches(Change c, Map<String, Object> change, Map<String, Object> vars) {
    Object r;
    try {
      r = when.eval(vars);
    } catch (CelEvaluationException e) {
      if (readsAbsentField(e, change)) {
        return false;
      }
      throw failure("when", c, oneLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw failure("when", c, String.valueOf(e), e);
    }
    if (r instanceof Boolean) {
      return (Boolean) r;
    }
    throw failure("when", c, "the expression gave " + describe(r) + ", not a boolean", null);
  }

  private String render(Change c, Map<String, Object> change, Map<String, Object> vars) {
    StringBuilder sb = new StringBuilder();
    for (Object part : template) {
      if (part instanceof String) {
        sb.append((String) part);
        continue;
      }
      Placeholder p = (Placeholder) part;
      try {
        sb.append(format(p.program().eval(vars)));
      } catch (CelEvaluationException e) {
        if (readsAbsentField(e, change)) {
          sb.append("none");
        } else {
          throw failure("message ${" + p.source() + "}", c, oneLine(e.getMessage()), e);
        }
      } catch (RuntimeException e) {
        throw failure("message ${" + p.source() + "}", c, String.valueOf(e), e);
      }
    }
    return sb.toString();
  }

  /** True when the error is a read of a TTL this change does not have. */
  private static boolean readsAbsentField(CelEvaluationException e, Map<String, Object> change) {
    if (e.getErrorCode() != CelErrorCode.ATTRIBUTE_NOT_FOUND || e.getMessage() == null) {
      return false;
    }
    for (String f : OPTIONAL) {
      if (!change.containsKey(f) && e.getMessage().contains(f)) {
        return true;
      }
    }
    return false;
  }

  private IllegalStateException failure(String what, Change c, String detail, Throwable cause) {
    return new IllegalStateException(
        "rule '" + id + "': " + what + " failed on " + c.action().word() + " " + c.name() + " "
            + c.type() + ": " + detail,
        cause);
  }

  static Map<String, Object> changeMap(Change c) {
    Map<String, Object> m = new HashMap<>();
    m.put("zone", c.zone());
    m.put("name", c.name());
    m.put("relativeName", Names.relative(c.name(), c.zone()));
    m.put("rrtype", c.type());
    m.put("action", c.action().word());
    if (c.ttlBefore() != null) {
      m.put("ttlBefore", c.ttlBefore());
    }
    if (c.ttlAfter() != null) {
      m.put("ttlAfter", c.ttlAfter());
    }
    m.put("before", c.beforeRdata());
    m.put("after", c.afterRdata());
    m.put("added", c.added());
    m.put("removed", c.removed());
    return m;
  }

  static Map<String, Object> zoneMap(RuleInput in) {
    long adds = 0;
    long deletes = 0;
    long updates = 0;
    for (Change c : in.changes()) {
      switch (c.action()) {
        case ADD:
          adds++;
          break;
        case DELETE:
          deletes++;
          break;
        default:
          updates++;
          break;
      }
    }
    Map<String, Object> m = new HashMap<>();
    m.put("name", in.zone());
    m.put("rrsets", count(in.after()));
    m.put("rrsetsBefore", count(in.before()));
    m.put("changes", (long) in.changes().size());
    m.put("adds", adds);
    m.put("deletes", deletes);
    m.put("updates", updates);
    return m;
  }

  private static long count(Zone z) {
    return z == null ? 0L : z.size();
  }

  /** Template text for a CEL value: strings bare, lists as {@code [a, b]}, null as {@code null}. */
  private static String format(Object v) {
    if (v == null || v instanceof NullValue) {
      return "null";
    }
    if (v instanceof List<?>) {
      List<String> parts = new ArrayList<>();
      for (Object o : (List<?>) v) {
        parts.add(format(o));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Map<?, ?>) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        parts.add(format(e.getKey()) + ": " + format(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    return String.valueOf(v);
  }

  private static String describe(Object v) {
    if (v == null || v instanceof NullValue) {
      return "null";
    }
    String type =
        v instanceof String ? "a string"
            : v instanceof Long ? "an int"
            : v instanceof Double ? "a double"
            : v instanceof List<?> ? "a list"
            : v instanceof Map<?, ?> ? "a map"
            : "a " + v.getClass().getSimpleName();
    String text = format(v);
    return type + " (" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + ")";
  }

  // ---- compilation --------------------------------------------------------------------------

  /**
   * Parses and type-checks one expression. {@code column0} is where the expression starts in the
   * text the user wrote (non-zero for a template placeholder), for error columns.
   */
  private CelAbstractSyntaxTree compile(String text, String what, int column0) {
    CelValidationResult r = Env.CEL.compile(text, what);
    if (r.hasError()) {
      List<CelIssue> errors = r.getErrors();
      CelIssue first = errors.get(0);
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      throw new IllegalArgumentException(
          "rule '" + id + "': " + what + ": " + where(first.getSourceLocation(), column0)
              + cleanMessage(first.getMessage()) + more);
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = r.getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("rule '" + id + "': " + what + ": " + oneLine(e.getMessage()), e);
    }
    checkFields(ast.getExpr(), new HashSet<>(), ast.getSource(), what, column0);
    return ast;
  }

  private CelRuntime.Program program(CelAbstractSyntaxTree ast, String what) {
    try {
      return Env.CEL.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalArgumentException("rule '" + id + "': " + what + ": " + oneLine(e.getMessage()), e);
    }
  }

  private static String where(CelSourceLocation loc, int column0) {
    if (loc == null || loc.getLine() < 1 || loc.getColumn() < 0) {
      return "";
    }
    if (loc.getLine() == 1) {
      return "column " + (column0 + loc.getColumn() + 1) + ": ";
    }
    return "line " + loc.getLine() + ", column " + (loc.getColumn() + 1) + ": ";
  }

  private static String cleanMessage(String m) {
    return oneLine(m).replace(" (in container '')", "");
  }

  private static String oneLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }

  /**
   * Rejects {@code change.x} and {@code change["x"]} (and the same on {@code zone}) for a field
   * that does not exist: the maps are {@code map(string, dyn)}, so the checker cannot.
   * Comprehension variables that shadow {@code change} or {@code zone} are honoured.
   */
  private void checkFields(CelExpr e, Set<String> bound, CelSource source, String what, int column0) {
    switch (e.getKind()) {
      case SELECT: {
        CelExpr operand = e.select().operand();
        if (isVariable(operand, bound)) {
          checkField(operand.ident().name(), e.select().field(), e.id(), source, what, column0);
        }
        checkFields(operand, bound, source, what, column0);
        break;
      }
      case CALL: {
        CelExpr.CelCall call = e.call();
        if (call.function().equals("_[_]") && call.args().size() == 2
            && isVariable(call.args().get(0), bound)
            && call.args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && call.args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
          checkField(call.args().get(0).ident().name(), call.args().get(1).constant().stringValue(),
              e.id(), source, what, column0);
        }
        if (call.target().isPresent()) {
          checkFields(call.target().get(), bound, source, what, column0);
        }
        for (CelExpr a : call.args()) {
          checkFields(a, bound, source, what, column0);
        }
        break;
      }
      case LIST:
        for (CelExpr a : e.list().elements()) {
          checkFields(a, bound, source, what, column0);
        }
        break;
      case MAP:
        for (CelExpr.CelMap.Entry en : e.map().entries()) {
          checkFields(en.key(), bound, source, what, column0);
          checkFields(en.value(), bound, source, what, column0);
        }
        break;
      case STRUCT:
        for (CelExpr.CelStruct.Entry en : e.struct().entries()) {
          checkFields(en.value(), bound, source, what, column0);
        }
        break;
      case COMPREHENSION: {
        CelExpr.CelComprehension c = e.comprehension();
        checkFields(c.iterRange(), bound, source, what, column0);
        checkFields(c.accuInit(), bound, source, what, column0);
        Set<String> inner = new HashSet<>(bound);
        inner.add(c.iterVar());
        if (c.iterVar2() != null && !c.iterVar2().isEmpty()) {
          inner.add(c.iterVar2());
        }
        inner.add(c.accuVar());
        checkFields(c.loopCondition(), inner, source, what, column0);
        checkFields(c.loopStep(), inner, source, what, column0);
        checkFields(c.result(), inner, source, what, column0);
        break;
      }
      default:
        break;
    }
  }

  private static boolean isVariable(CelExpr e, Set<String> bound) {
    if (e.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return false;
    }
    String n = e.ident().name();
    return (n.equals("change") || n.equals("zone")) && !bound.contains(n);
  }

  private void checkField(String var, String field, long exprId, CelSource source, String what, int column0) {
    Map<String, String> fields = fieldsOf(var);
    if (fields.containsKey(field)) {
      return;
    }
    String at = "";
    Integer offset = source.getPositionsMap().get(exprId);
    if (offset != null) {
      at = source.getOffsetLocation(offset).map(l -> where(l, column0)).orElse("");
    }
    throw new IllegalArgumentException(
        "rule '" + id + "': " + what + ": " + at + var + " has no field '" + field + "' (it has "
            + String.join(", ", fields.keySet()) + ")");
  }

  /** The field a bare {@code change.x}/{@code zone.x} expression reads, or null. */
  private static String variableField(CelExpr e, Set<String> bound) {
    if (e.getKind() == CelExpr.ExprKind.Kind.SELECT
        && !e.select().testOnly()
        && isVariable(e.select().operand(), bound)) {
      return e.select().field();
    }
    return null;
  }

  private static Map<String, String> fieldsOf(String var) {
    return var.equals("change") ? CHANGE_FIELDS : ZONE_FIELDS;
  }

  /** Splits a template into literal text and compiled {@code ${...}} placeholders. */
  private List<Object> parseTemplate(String t) {
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      int start = t.indexOf("${", i);
      if (start < 0) {
        lit.append(t, i, t.length());
        break;
      }
      lit.append(t, i, start);
      int end = closingBrace(t, start + 2);
      if (end < 0) {
        throw new IllegalArgumentException(
            "rule '" + id + "': message: column " + (start + 1) + ": '${' is not closed by '}'");
      }
      String src = t.substring(start + 2, end);
      if (src.isBlank()) {
        throw new IllegalArgumentException(
            "rule '" + id + "': message: column " + (start + 1) + ": empty '${}'");
      }
      if (lit.length() > 0) {
        parts.add(lit.toString());
        lit.setLength(0);
      }
      CelAbstractSyntaxTree ast = compile(src, "message", start + 2);
      parts.add(new Placeholder(src.trim(), program(ast, "message")));
      i = end + 1;
    }
    if (lit.length() > 0) {
      parts.add(lit.toString());
    }
    return List.copyOf(parts);
  }

  /** The index of the '}' closing a placeholder whose body starts at {@code from}, or -1. */
  private static int closingBrace(String t, int from) {
    int depth = 0;
    char quote = 0;
    for (int k = from; k < t.length(); k++) {
      char ch = t.charAt(k);
      if (quote != 0) {
        if (ch == '\\') {
          k++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        if (depth == 0) {
          return k;
        }
        depth--;
      }
    }
    return -1;
  }

  private static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < kv.length; k += 2) {
      m.put(kv[k], kv[k + 1].toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return "expression rule '" + id + "': " + whenText;
  }
}
