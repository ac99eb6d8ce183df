package dev.zonegate.report;

import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for GitLab ({@code artifacts:reports:junit}): one {@code <testsuite>} per zone and one
 * {@code <testcase>} per rule that ran, whose {@code classname} is the zone (GitLab shows it as
 * the suite). A test case fails when the rule has open blocking findings in the zone; warnings,
 * notes and allowed findings go to its {@code <system-out>}.
 *
 * <p>A failing test case has exactly one {@code <failure>}, listing every blocking finding of the
 * rule in the zone: GitLab reads the file with {@code Hash.from_xml}, where several
 * {@code <failure>} elements turn into an array it shows as such, and JUnit schemas allow one.
 *
 * <p>The XML writer escapes markup; {@link FindingText#clean} removes what XML 1.0 cannot carry at
 * all (control characters, U+FFFE/U+FFFF, lone surrogates), which no escaping could.
 */
public final class JunitRenderer implements Renderer {
  /** The JDK's writer, whatever StAX jar is on the classpath: the same bytes everywhere. */
  private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String fileName() {
    return "zonegate-junit.xml";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    List<String> rules = FindingIds.ruleIds(report);
    Map<String, String> zonePaths = FindingIds.zonePaths(report);
    try {
      XMLStreamWriter x = XML.createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "zonegate");
      x.writeAttribute("tests", String.valueOf(report.zones().size() * rules.size()));
      x.writeAttribute("failures", String.valueOf(failures(report, null)));
      x.writeAttribute("errors", "0");
      x.writeCharacters("\n  ");
      x.writeStartElement("properties");
      for (String p : report.packs()) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", "zonegate.pack");
        x.writeAttribute("value", FindingText.clean(p));
      }
      for (Map.Entry<String, String> j : report.judged().entrySet()) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", "zonegate.judged." + j.getKey());
        x.writeAttribute("value", FindingText.clean(j.getValue()));
      }
      for (Report.ZoneSummary z : report.zones()) {
        if (report.live(z.name()) != null) {
          x.writeCharacters("\n    ");
          x.writeEmptyElement("property");
          x.writeAttribute("name", "zonegate.live." + FindingText.clean(z.name()));
          x.writeAttribute("value", FindingText.clean(report.live(z.name())));
        }
      }
      for (Notice n : report.notices()) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", "zonegate.warning");
        x.writeAttribute("value", FindingText.clean(n.toString()));
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      for (Report.ZoneSummary z : report.zones()) {
        suite(x, report, z.name(), rules, zonePaths.get(z.name()));
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the junit report: " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter x, Report report, String zone, List<String> rules, String file)
      throws XMLStreamException {
    String suite = FindingText.clean(zone);
    x.writeCharacters("\n  ");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", suite);
    x.writeAttribute("tests", String.valueOf(rules.size()));
    x.writeAttribute("failures", String.valueOf(failures(report, zone)));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", "0");
    // Grouped once, not scanned per test case: a big change has many findings.
    Map<String, List<Finding>> byRule = new HashMap<>();
    for (Finding f : report.findings()) {
      if (f.zone().equals(zone)) {
        byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
      }
    }
    for (String rule : rules) {
      List<Finding> blocking = new ArrayList<>();
      List<Finding> other = new ArrayList<>();
      for (Finding f : byRule.getOrDefault(rule, List.of())) {
        (isFailure(f) ? blocking : other).add(f);
      }
      x.writeCharacters("\n    ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", suite);
      x.writeAttribute("name", FindingText.clean(rule));
      if (file != null) {
        // GitLab links the test case to this repository file.
        x.writeAttribute("file", FindingText.clean(file));
      }
      if (!blocking.isEmpty()) {
        x.writeCharacters("\n      ");
        x.writeStartElement("failure");
        x.writeAttribute("message", failureMessage(blocking));
        x.writeAttribute("type", "block");
        x.writeCharacters(text(report, blocking));
        x.writeEndElement();
      }
      if (!other.isEmpty()) {
        x.writeCharacters("\n      ");
        x.writeStartElement("system-out");
        x.writeCharacters(text(report, other));
        x.writeEndElement();
      }
      if (!blocking.isEmpty() || !other.isEmpty()) {
        x.writeCharacters("\n    ");
      }
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static boolean isFailure(Finding f) {
    return f.severity() == Severity.BLOCK && !f.allowed();
  }

  /** Failing test cases: (zone, rule) pairs with an open blocking finding; all zones when null. */
  private static long failures(Report report, String zone) {
    return report.findings().stream()
        .filter(f -> isFailure(f) && (zone == null || f.zone().equals(zone)))
        .map(f -> f.zone() + "\n" + f.rule())
        .distinct()
        .count();
  }

  /** One line for the attribute: the finding, or the first of several and how many there are. */
  private static String failureMessage(List<Finding> blocking) {
    Finding first = blocking.get(0);
    String msg = FindingText.subject(first) + ": " + FindingText.clean(first.message());
    return noAttachment(blocking.size() == 1 ? msg : blocking.size() + " blocking findings; first: " + msg);
  }

  /** The findings' text blocks, one after the other. */
  private static String text(Report report, List<Finding> findings) {
    StringBuilder sb = new StringBuilder("\n");
    for (Finding f : findings) {
      sb.append(FindingText.block(report, f));
    }
    return noAttachment(sb.toString());
  }

  /**
   * GitLab scans test output for {@code [[ATTACHMENT|path]]} and links that job artifact, so
   * record data must not be able to spell it: a {@code [} before another gets a space after it
   * ({@code [[[} becomes {@code [ [ [}).
   */
  private static String noAttachment(String s) {
    return s.replaceAll("\\[(?=\\[)", "[ ");
  }
}
