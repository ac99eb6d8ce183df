package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The HTML report is opened in a browser from a CI artifact, and every name, message and record in
 * it comes from the change under review. These tests feed it hostile data and check that none of
 * it becomes markup: the page parses as XML, holds only the elements and attributes the renderer
 * writes itself, and shows the hostile strings as text.
 */
class HtmlRendererTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String JS_URL = "javascript:alert(1)";
  static final String MD_LINK = "[x](javascript:alert(1))";
  static final String LONG = "a".repeat(4000);
  static final String MIXED = "]]> &amp; `tick` a|b 'q' \u001b[31mred\u0000nul \u202eevil";

  /** Everything the renderer itself may emit; anything else came from data. */
  static final Set<String> ELEMENTS = Set.of(
      "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "table",
      "thead", "tbody", "tr", "th", "td", "section", "dl", "dt", "dd", "code", "span", "ul", "li", "del",
      "ins", "details", "summary", "div", "footer");

  static final Set<String> ATTRIBUTES = Set.of("xmlns", "lang", "charset", "http-equiv", "content", "name", "class");

  static final String ZONE = "example.com.";

  private static RRset set(String name, String type, String setId, long ttl, List<String> rdata) {
    return new RRset(new RRsetKey(name, type, setId), ttl, rdata, new Location("zones/" + IMG + ".zone", 3));
  }

  static Report hostile() {
    List<Change> changes = new ArrayList<>();
    changes.add(new Change(ZONE, null, set(SCRIPT + "." + ZONE, "TXT", null, 300, List.of(SCRIPT, IMG))));
    changes.add(new Change(ZONE, set("x." + ZONE, "TXT", IMG, 60, List.of(JS_URL, MIXED)),
        set("x." + ZONE, "TXT", IMG, 300, List.of(MD_LINK, MIXED)), true));
    changes.add(new Change(ZONE, set("long." + ZONE, "TXT", null, 60, List.of(LONG)), null));
    // Enough rows in a second zone to fold its table.
    String big = "big" + SCRIPT + ".";
    for (int i = 0; i < 60; i++) {
      changes.add(new Change(big, null, set("h" + i + "." + big, "A", null, 60, List.of("192.0.2." + i))));
    }
    Finding block = new Finding("address-emptied", Severity.BLOCK, ZONE, "x." + ZONE, "TXT", IMG + " " + MIXED,
        List.of(JS_URL), List.of(MD_LINK), new Location("zones/" + SCRIPT, 7), true, null);
    Finding fixed = new Finding("zone-emptied", Severity.BLOCK, ZONE, null, null, LONG, List.of(), List.of(),
        null, false, null);
    Finding warn = new Finding("ttl-guard", Severity.WARN, ZONE, SCRIPT, "A", MD_LINK, List.of(), List.of(),
        null, true, null);
    Finding allowed = new Finding("dangling-reference", Severity.BLOCK, ZONE, "y." + ZONE, "CNAME", SCRIPT,
        List.of(), List.of(), null, true, new Allowance("trailer", "commit abc by " + IMG, MIXED));
    Map<String, String> descriptions = Map.of("address-emptied", "guards " + SCRIPT, "zone-emptied", JS_URL);
    List<Notice> notices = List.of(new Notice(new Location("zones/" + MD_LINK, 1), "mixed TTLs " + IMG));
    return new Report(Outcome.BLOCK, List.of(ZONE), changes, List.of(block, fixed, warn, allowed), descriptions, notices);
  }

  static String render(Report r) throws Exception {
    StringWriter w = new StringWriter();
    new HtmlRenderer().render(r, w);
    return w.toString();
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(new HtmlRenderer().format()).isEqualTo("html");
    assertThat(new HtmlRenderer().fileName()).isEqualTo("zonegate-report.html");
  }

  @Test
  void hostileDataNeverBecomesMarkup() throws Exception {
    String html = render(hostile());
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script", "<img", "<link", "<iframe", "<object", "<a ", "href", "src=\"");
    // onerror= only ever appears inside escaped text, right after the escaped tag it came in.
    assertThat(lower.split("onerror=", -1).length - 1)
        .isEqualTo(lower.split("&lt;img src=x onerror=", -1).length - 1)
        .isPositive();
    // No raw control character but the newlines the renderer writes.
    assertThat(html.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(html).doesNotContain("\u202e");

    Document doc = parse(html);
    List<Element> all = elements(doc.getDocumentElement(), new ArrayList<>());
    for (Element e : all) {
      assertThat(ELEMENTS).as("element from data?").contains(e.getLocalName());
      NamedNodeMap attrs = e.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Node a = attrs.item(i);
        assertThat(ATTRIBUTES).as("attribute on <" + e.getLocalName() + ">").contains(a.getNodeName());
        // Attribute values are the renderer's own words: none carries data.
        assertThat(a.getNodeValue()).doesNotContain("alert", "javascript", "<", ">", "\"", "script");
      }
    }
  }

  @Test
  void hostileDataIsShownAsText() throws Exception {
    String text = parse(render(hostile())).getDocumentElement().getTextContent();
    assertThat(text).contains(SCRIPT, IMG, JS_URL, MD_LINK, LONG, "]]> &amp; `tick` a|b 'q'");
    // ESC, NUL and the bidi override as zone files show them.
    assertThat(text).contains("\\027[31mred\\000nul \\226\\128\\174evil");
    assertThat(text).contains("Zonegate-Allow: address-emptied:x.example.com. <reason>", "zonegate-allow:address-emptied");
    assertThat(text).contains("this rule cannot be allowed", "commit abc by " + IMG, "guards " + SCRIPT);
    assertThat(text).contains("drift: undoes a live change", "mixed TTLs " + IMG, "60 → 300");
  }

  @Test
  void bannerSummaryAndFolding() throws Exception {
    Document doc = parse(render(hostile()));
    Element header = (Element) doc.getElementsByTagName("header").item(0);
    assertThat(header.getAttribute("class")).isEqualTo("verdict block");
    assertThat(header.getTextContent()).contains("BLOCK", "2 blocking findings", "1 warning", "63 changes in 2 zones", "1 allowed");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).startsWith("zonegate: block");
    // The 60-row zone folds; the 3-row one does not.
    assertThat(doc.getElementsByTagName("details").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("summary").item(0).getTextContent()).isEqualTo("60 changes");
    // Blocking first, the allowed one after the warning.
    List<String> order = new ArrayList<>();
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      order.add(((Element) sections.item(i)).getAttribute("class"));
    }
    assertThat(order).containsExactly("finding block", "finding block", "finding warn", "finding allowed");
    // An update marks only what goes and what comes; a delete marks all it removes.
    List<String> del = texts(doc, "del");
    assertThat(del).hasSize(2).contains(JS_URL);
    assertThat(del.contains(LONG)).as("the deleted long record is marked").isTrue();
    assertThat(texts(doc, "ins")).contains(MD_LINK, SCRIPT, "192.0.2.0");
  }

  @Test
  void passPageIsGreenAndQuiet() throws Exception {
    Report r = new Report(Outcome.PASS, List.of(ZONE), List.of(), List.of(), Map.of(), List.of());
    Document doc = parse(render(r));
    assertThat(((Element) doc.getElementsByTagName("header").item(0)).getAttribute("class")).isEqualTo("verdict pass");
    assertThat(doc.getDocumentElement().getTextContent()).contains("No findings.");
  }

  @Test
  void sameReportSameBytes() throws Exception {
    assertThat(render(hostile())).isEqualTo(render(hostile()));
  }

  @Test
  void selfContained() throws Exception {
    String html = render(hostile());
    assertThat(html).startsWith("<!DOCTYPE html>\n").contains("<meta charset=\"utf-8\" />", "<style>");
    // The XHTML namespace is the one URL, and it is a name, not something fetched.
    assertThat(html.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", ""))
        .doesNotContain("url(", "@import", "http://", "https://", "//");
  }

  private static List<String> texts(Document doc, String tag) {
    List<String> out = new ArrayList<>();
    NodeList l = doc.getElementsByTagName(tag);
    for (int i = 0; i < l.getLength(); i++) {
      out.add(l.item(i).getTextContent());
    }
    return out;
  }

  private static List<Element> elements(Element e, List<Element> acc) {
    acc.add(e);
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        elements(c, acc);
      }
    }
    return acc;
  }
}
