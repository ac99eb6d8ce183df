package dev.zonegate.report;

import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0 for code-scanning tools: one run whose driver lists every rule that ran, and one
 * result per finding. Allowed findings stay, with an external suppression naming who allowed
 * them, so a viewer shows them as dismissed rather than forgetting them. A finding without a
 * location points at its zone's file or name, line 1 ({@link FindingIds#path}).
 */
public final class SarifRenderer implements Renderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final String SEMVER = "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?";

  private final String version;

  /** The driver version is the jar's, or {@code dev} when run from classes. */
  public SarifRenderer() {
    this(implementationVersion());
  }

  /** A fixed driver version, so tests get the same bytes wherever they run. */
  public SarifRenderer(String version) {
    this.version = version;
  }

  private static String implementationVersion() {
    Package p = Renderer.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String fileName() {
    return "zonegate-report.sarif";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    List<String> rules = FindingIds.ruleIds(report);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      index.put(rules.get(i), i);
    }
    try (JsonGenerator g = ReportJson.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("$schema", SCHEMA);
      g.writeStringProperty("version", "2.1.0");
      g.writeName("runs");
      g.writeStartArray();
      g.writeStartObject();
      driver(g, report, rules);
      invocation(g, report);
      results(g, report, index);
      g.writeName("properties");
      g.writeStartObject();
      g.writeName("packs");
      g.writeStartArray();
      for (String p : report.packs()) {
        g.writeString(FindingText.clean(p));
      }
      g.writeEndArray();
      if (!report.judged().isEmpty()) {
        g.writeName("judged");
        g.writeStartObject();
        report.judged().forEach((k, v) -> g.writeStringProperty(k, FindingText.clean(v)));
        g.writeEndObject();
      }
      if (report.zones().stream().anyMatch(z -> report.live(z.name()) != null)) {
        // The live source each zone was judged against.
        g.writeName("live");
        g.writeStartObject();
        for (Report.ZoneSummary z : report.zones()) {
          if (report.live(z.name()) != null) {
            g.writeStringProperty(FindingText.clean(z.name()), FindingText.clean(report.live(z.name())));
          }
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** How the rule's findings are allowed here, in the ways the command that judged reads. */
  private static String allowHelp(Report report, String id) {
    List<String> ways = new ArrayList<>();
    if (report.allows(Report.AllowRoute.TRAILER)) {
      ways.add("the commit trailer 'Zonegate-Allow: " + id + "[:<name>] <reason>'");
    }
    if (report.allows(Report.AllowRoute.LABEL)) {
      ways.add("the merge-request label 'zonegate-allow:" + id + "'");
    }
    if (report.allows(Report.AllowRoute.FLAG)) {
      ways.add("--allow " + id + "[:<name>]");
    }
    return ways.isEmpty() ? "" : "\nA blocking finding is allowed with " + FindingText.oneOf(ways) + ", unless the rule is not overridable.";
  }

  private void driver(JsonGenerator g, Report report, List<String> rules) {
    g.writeName("tool");
    g.writeStartObject();
    g.writeName("driver");
    g.writeStartObject();
    g.writeStringProperty("name", "zonegate");
    g.writeStringProperty("version", version);
    if (version.matches(SEMVER)) {
      g.writeStringProperty("semanticVersion", version);
    }
    Map<String, Finding> worstByRule = new HashMap<>();
    for (Finding f : report.findings()) {
      worstByRule.putIfAbsent(f.rule(), f);
    }
    g.writeName("rules");
    g.writeStartArray();
    for (String id : rules) {
      String description = FindingText.clean(report.description(id));
      String full = description.isEmpty() ? FindingText.clean(id) : description;
      g.writeStartObject();
      g.writeStringProperty("id", FindingText.clean(id));
      text(g, "shortDescription", firstSentence(full));
      text(g, "fullDescription", full);
      text(g, "help", full + allowHelp(report, FindingText.clean(id)));
      // The report does not carry each rule's configured severity; the most severe level it
      // reported is the best stand-in (findings come blocking first), and a rule that reported
      // nothing gets none rather than a guess.
      Finding worst = worstByRule.get(id);
      if (worst != null) {
        g.writeName("defaultConfiguration");
        g.writeStartObject();
        g.writeStringProperty("level", level(worst));
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The readers' warnings, as SARIF tool execution notifications of level warning. */
  private static void invocation(JsonGenerator g, Report report) {
    g.writeName("invocations");
    g.writeStartArray();
    g.writeStartObject();
    g.writeBooleanProperty("executionSuccessful", true);
    g.writeName("toolExecutionNotifications");
    g.writeStartArray();
    for (Notice n : report.notices()) {
      g.writeStartObject();
      g.writeStringProperty("level", "warning");
      g.writeName("message");
      g.writeStartObject();
      g.writeStringProperty("text", FindingText.clean(n.message()));
      g.writeEndObject();
      if (n.location().logical()) {
        logicalLocations(g, n.location().path());
      } else {
        locations(g, n.location().path(), n.location().line());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  /** {@code "locations": [one physical location]}, with its line when it has one (> 0). */
  private static void locations(JsonGenerator g, String path, int line) {
    g.writeName("locations");
    g.writeStartArray();
    g.writeStartObject();
    g.writeName("physicalLocation");
    g.writeStartObject();
    g.writeName("artifactLocation");
    g.writeStartObject();
    g.writeStringProperty("uri", uri(path));
    g.writeEndObject();
    if (line > 0) {
      g.writeName("region");
      g.writeStartObject();
      g.writeNumberProperty("startLine", line);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
  }

  /** A resource address (a Terraform resource, which has no file and line of its own) as a logical location. */
  private static void logicalLocations(JsonGenerator g, String address) {
    g.writeName("locations");
    g.writeStartArray();
    g.writeStartObject();
    g.writeName("logicalLocations");
    g.writeStartArray();
    g.writeStartObject();
    g.writeStringProperty("fullyQualifiedName", FindingText.clean(address));
    g.writeStringProperty("kind", "resource");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void results(JsonGenerator g, Report report, Map<String, Integer> index) {
    List<Finding> findings = report.findings();
    List<String> fingerprints = FindingIds.fingerprints(findings);
    Map<String, String> zonePaths = FindingIds.zonePaths(report);
    g.writeName("results");
    g.writeStartArray();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      g.writeStartObject();
      g.writeStringProperty("ruleId", FindingText.clean(f.rule()));
      g.writeNumberProperty("ruleIndex", index.get(f.rule()));
      g.writeStringProperty("level", level(f));
      String evidence = FindingText.evidence(f);
      String hint = FindingText.allowHint(report, f);
      text(g, "message", FindingText.subject(f) + ": " + FindingText.clean(f.message())
          + (evidence.isEmpty() ? "" : "\n" + evidence) + (hint.isEmpty() ? "" : "\n" + hint));
      if (f.location() != null && f.location().logical()) {
        logicalLocations(g, f.location().path());
      } else {
        locations(g, FindingIds.path(f, zonePaths), FindingIds.line(f));
      }
      g.writeName("partialFingerprints");
      g.writeStartObject();
      g.writeStringProperty("zonegate/v1", fingerprints.get(i));
      g.writeEndObject();
      if (f.allowed()) {
        g.writeName("suppressions");
        g.writeStartArray();
        g.writeStartObject();
        // external: the allowance lives in a trailer, label or flag, not in the zone file.
        g.writeStringProperty("kind", "external");
        g.writeStringProperty("status", "accepted");
        g.writeStringProperty("justification", FindingText.clean(f.allowedBy().toString()));
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String level(Finding f) {
    switch (f.severity()) {
      case BLOCK:
        return "error";
      case WARN:
        return "warning";
      default:
        return "note";
    }
  }

  private static void text(JsonGenerator g, String name, String text) {
    g.writeName(name);
    g.writeStartObject();
    g.writeStringProperty("text", text);
    g.writeEndObject();
  }

  private static String firstSentence(String s) {
    int end = s.indexOf(". ");
    return end < 0 ? s : s.substring(0, end + 1);
  }

  /**
   * A relative URI reference for a repository path: everything but unreserved characters, sub-delims,
   * {@code @} and {@code /} percent-encoded as UTF-8, so spaces or odd bytes in a file name give a
   * valid {@code uri-reference}, and a {@code :} cannot make the first segment read as a scheme.
   */
  static String uri(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alnum || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }
}
