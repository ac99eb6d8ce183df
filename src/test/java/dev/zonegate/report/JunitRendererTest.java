package dev.zonegate.report;

import static dev.zonegate.report.MachineFormatsFixture.COM;
import static dev.zonegate.report.MachineFormatsFixture.COM_FILE;
import static dev.zonegate.report.MachineFormatsFixture.NET;
import static dev.zonegate.report.MachineFormatsFixture.ORG;
import static dev.zonegate.report.MachineFormatsFixture.containsEach;
import static dev.zonegate.report.MachineFormatsFixture.containsNone;
import static dev.zonegate.report.MachineFormatsFixture.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitRendererTest {
  final JunitRenderer renderer = new JunitRenderer();

  /** Parsed from UTF-8 bytes as GitLab reads the file; fails on anything not well-formed. */
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element c && c.getTagName().equals(tag)) {
        out.add(c);
      }
    }
    return out;
  }

  static Element testcase(Document doc, String zone, String rule) {
    for (Element s : children(doc.getDocumentElement(), "testsuite")) {
      for (Element c : children(s, "testcase")) {
        if (c.getAttribute("classname").equals(zone) && c.getAttribute("name").equals(rule)) {
          return c;
        }
      }
    }
    throw new AssertionError("no test case " + zone + " " + rule);
  }

  @Test
  void oneSuitePerZoneOneCasePerRuleOneFailurePerFailingCase() throws Exception {
    String xml = render(renderer, MachineFormatsFixture.report());
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    Document doc = parse(xml);
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("zonegate");
    // Rules: five that ran plus soa-serial, which reported without a description.
    List<String> rules = List.of("address-emptied", "change-threshold", "critical-endpoint", "dnssec-change",
        "soa-serial", "ttl-guard");
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(3 * rules.size()));
    assertThat(root.getAttribute("failures")).isEqualTo("2"); // address-emptied and soa-serial in .com

    List<Element> suites = children(root, "testsuite");
    assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly(COM, NET, ORG);
    for (Element s : suites) {
      assertThat(children(s, "testcase")).extracting(c -> c.getAttribute("name")).containsExactlyElementsOf(rules);
      assertThat(children(s, "testcase")).allSatisfy(c ->
          assertThat(c.getAttribute("classname")).isEqualTo(s.getAttribute("name")));
    }
    assertThat(suites.get(0).getAttribute("failures")).isEqualTo("2");
    assertThat(suites.get(1).getAttribute("failures")).isEqualTo("0");

    Element emptied = testcase(doc, COM, "address-emptied");
    assertThat(emptied.getAttribute("file")).isEqualTo(COM_FILE);
    List<Element> failures = children(emptied, "failure");
    assertThat(failures).hasSize(1);
    Element failure = failures.get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("block");
    assertThat(failure.getAttribute("message")).startsWith("2 blocking findings; first: ");
    assertThat(failure.getTextContent())
        .contains("old.example.com. A", "the last address of old.example.com. is deleted", "[192.0.2.7] → []")
        .contains("api.example.com. A", "at zones/example.com.zone:12", "[192.0.2.1] → [192.0.2.9]")
        .contains("Zonegate-Allow: address-emptied:old.example.com. <reason>", "zonegate-allow:address-emptied");

    Element soa = testcase(doc, COM, "soa-serial");
    assertThat(children(soa, "failure")).singleElement()
        .satisfies(f -> assertThat(f.getAttribute("message")).isEqualTo("example.com. SOA: the SOA serial did not increase"));

    // Allowed: passes, and says who allowed it.
    Element critical = testcase(doc, COM, "critical-endpoint");
    assertThat(children(critical, "failure")).isEmpty();
    assertThat(children(critical, "system-out")).singleElement().satisfies(o -> assertThat(o.getTextContent())
        .contains("allowed block critical-endpoint", "allowed by commit 0123abc by Ann (planned migration)"));

    Element ttl = testcase(doc, NET, "ttl-guard");
    assertThat(ttl.getAttribute("file")).isEqualTo("zones/example.net.zone");
    assertThat(children(ttl, "failure")).isEmpty();
    assertThat(children(ttl, "system-out").get(0).getTextContent()).contains("warn ttl-guard www.example.net. AAAA");

    Element note = testcase(doc, ORG, "change-threshold");
    assertThat(note.hasAttribute("file")).isFalse();
    assertThat(children(note, "system-out").get(0).getTextContent()).contains("info change-threshold example.org.");

    Element quiet = testcase(doc, NET, "dnssec-change");
    assertThat(quiet.getChildNodes().getLength()).isZero();
  }

  @Test
  void hostileDataStaysWellFormedAndInert() throws Exception {
    String xml = render(renderer, MachineFormatsFixture.hostile());
    Document doc = parse(xml);
    containsNone(xml, "\u001b", "\u0000", "\u0007", "\ufffe", "\uffff", "\ud800", "\u202e", "<script>",
        "[[ATTACHMENT");
    for (int i = 0; i < xml.length(); i++) {
      char c = xml.charAt(i);
      assertThat(c >= 0x20 || c == '\n').as("character %d at %d", (int) c, i).isTrue();
    }
    Element emptied = testcase(doc, COM, "address-emptied");
    String text = children(emptied, "failure").get(0).getTextContent();
    containsEach(text, "<script>alert(1)</script> ]]> & \" ' ` |", "\\027[31mred", "\\000", "\\011\\012\\013\\010",
        "\\239\\191\\190", "\\237\\160\\128", "\\226\\128\\174evil", "[ [ATTACHMENT|", "y".repeat(4000));
    String message = children(emptied, "failure").get(0).getAttribute("message");
    containsEach(message, "<script>alert(1)</script>");
    containsNone(message, "\n", "[[");
    // The zone with markup in its name is a suite of its own, named as cleaned text.
    assertThat(children(doc.getDocumentElement(), "testsuite")).extracting(s -> s.getAttribute("name"))
        .contains("<zone>&\\000.");
  }

  @Test
  void sameReportSameBytes() throws Exception {
    Report report = MachineFormatsFixture.report();
    assertThat(render(renderer, report)).isEqualTo(render(renderer, report));
    // A report built anew from the same input, not just the same object rendered twice.
    assertThat(render(renderer, MachineFormatsFixture.report())).isEqualTo(render(renderer, report));
    Report hostile = MachineFormatsFixture.hostile();
    assertThat(render(renderer, hostile)).isEqualTo(render(renderer, MachineFormatsFixture.hostile()));
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(renderer.format()).isEqualTo("junit");
    assertThat(renderer.fileName()).isEqualTo("zonegate-junit.xml");
  }
}
