package dev.zonegate.report;

import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * GitLab Code Quality JSON ({@code artifacts:reports:codequality}): an array with one issue per
 * open finding, in report order.
 *
 * <p>Allowed findings are left out: GitLab shows every entry as an open issue in the merge
 * request and has no notion of a suppressed one, and an allowed finding is settled (the JSON,
 * SARIF and junit reports still show it). A finding without a location points at its zone's file
 * (as far as the report shows it) or else at the zone name, line 1 ({@link FindingIds#path}).
 */
public final class CodeQualityRenderer implements Renderer {
  @Override
  public String format() {
    return "codequality";
  }

  @Override
  public String fileName() {
    return "zonegate-codequality.json";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    List<Finding> findings = report.findings();
    // Fingerprints are numbered over all findings, allowed ones too, so allowing one finding
    // does not change the fingerprint of another.
    List<String> fingerprints = FindingIds.fingerprints(findings);
    Map<String, String> zonePaths = FindingIds.zonePaths(report);
    try (JsonGenerator g = ReportJson.generator(out)) {
      g.writeStartArray();
      for (int i = 0; i < findings.size(); i++) {
        Finding f = findings.get(i);
        if (f.allowed()) {
          continue;
        }
        g.writeStartObject();
        // One line: clean() turns newlines in the message into \010.
        g.writeStringProperty("description",
            FindingText.clean(f.rule()) + ": " + FindingText.subject(f) + ": " + FindingText.clean(f.message()));
        g.writeStringProperty("check_name", FindingText.clean(f.rule()));
        g.writeStringProperty("fingerprint", fingerprints.get(i));
        g.writeStringProperty("severity", severity(f));
        g.writeName("location");
        g.writeStartObject();
        g.writeStringProperty("path", FindingText.clean(FindingIds.path(f, zonePaths)));
        g.writeName("lines");
        g.writeStartObject();
        g.writeNumberProperty("begin", FindingIds.line(f));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }
      // Warnings the readers raised (a broken base read leniently, a source whose records are not
      // seen): the widget is where a reviewer looks, so they are issues of their own, as info.
      for (Notice n : report.notices()) {
        g.writeStartObject();
        g.writeStringProperty("description", "zonegate warning: " + FindingText.clean(n.message()));
        g.writeStringProperty("check_name", "zonegate-warning");
        g.writeStringProperty("fingerprint", FindingIds.noticeFingerprint(n));
        g.writeStringProperty("severity", "info");
        g.writeName("location");
        g.writeStartObject();
        g.writeStringProperty("path", FindingText.clean(n.location().path()));
        g.writeName("lines");
        g.writeStartObject();
        g.writeNumberProperty("begin", Math.max(1, n.location().line()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write('\n');
  }

  /** GitLab's scale is info, minor, major, critical, blocker. */
  private static String severity(Finding f) {
    switch (f.severity()) {
      case BLOCK:
        return "blocker";
      case WARN:
        return "major";
      default:
        return "info";
    }
  }
}
