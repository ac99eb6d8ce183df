package dev.zonegate.fuzz;

import dev.zonegate.gate.Gate;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.report.Renderer;
import dev.zonegate.report.Report;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.Severity;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;

/** What the pipeline targets share: reading a zone, judging a pair, and rendering every format. */
final class Pipeline {
  static final String ORIGIN = "example.com.";
  static final String FILE = "example.com.zone";

  /**
   * The report formats of {@code --format}; those {@link Renderer#forFormat} does not know yet are
   * skipped, so a format wired in later is fuzzed without a change here.
   */
  static final List<String> FORMATS =
      List.of("text", "markdown", "json", "junit", "codequality", "sarif", "html");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Pipeline() {}

  static Zone read(byte[] bytes) throws ZoneReadException {
    return new MasterFileReader().read(new MemoryTree(Map.of(FILE, bytes)), FILE, ORIGIN);
  }

  /** One zone through the gate: {@code after} null with its error when it did not read. */
  static Report judge(RuleSet rules, Zone before, Zone after, ZoneReadException afterError) {
    Gate gate = new Gate(rules, List.of(), Severity.BLOCK);
    gate.judge(
        new Gate.Subject(
            ORIGIN, before, after, afterError, List.of("api", "www"), ZoneFormat.MASTER, new Location(FILE, 0)));
    return gate.report();
  }

  /**
   * Renders {@code r} in every known format. Record data is untrusted and each format must escape
   * it, so the machine formats must also still parse: JSON ones as JSON, JUnit as XML.
   */
  static void renderAll(Report r) throws Exception {
    List<String> rendered = new ArrayList<>();
    for (String format : FORMATS) {
      Renderer renderer;
      try {
        renderer = Renderer.forFormat(format);
      } catch (IllegalArgumentException unknown) {
        continue;
      }
      String out = render(renderer, r);
      rendered.add(format);
      switch (format) {
        case "json", "codequality", "sarif" -> JSON.readTree(out);
        case "junit" -> {
          DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
          f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
          f.newDocumentBuilder().parse(new InputSource(new StringReader(out)));
        }
        default -> { }
      }
    }
    if (!rendered.containsAll(List.of("text", "markdown", "json"))) {
      throw new AssertionError("text, markdown and json must always render; rendered " + rendered);
    }
  }

  private static String render(Renderer renderer, Report r) throws IOException {
    StringWriter w = new StringWriter();
    renderer.render(r, w);
    return w.toString();
  }
}
