package dev.zonegate.live.route53;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One ListResourceRecordSets answer read straight from its XML into the JSON shape {@link
 * RecordSetJson} writes from the SDK's objects, for {@link DirectListing}: the same keys, the same
 * values, fields the answer lacks left out. It reads what the SDK's model of the operation reads
 * and skips what it does not know, as the SDK does. Anything else that is not a plain Route 53
 * answer (another root, a number that is not one, no IsTruncated) is {@link NotPlain}: the caller
 * then asks the SDK for that page, whose reading and messages are the reference
 * (Route53DirectListingTest holds the two to each other).
 */
final class RecordSetXml {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RecordSetXml() {}

  /** An answer this reader leaves to the SDK. */
  static final class NotPlain extends Exception {
    NotPlain(String why) {
      super(why, null, false, false);
    }
  }

  /** Where the next page starts; {@code name} null when the listing is complete. */
  record Next(String name, String type, String identifier) {
    static final Next END = new Next(null, null, null);

    boolean end() {
      return name == null;
    }
  }

  /** One page: its record sets (as {@code aws route53 list-resource-record-sets} prints them) and what follows. */
  record Page(ArrayNode sets, Next next) {}

  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    // The JDK's own parser, whatever else is on the class path; no DTD, no external entity.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  static Page page(byte[] body) throws NotPlain {
    try {
      XMLStreamReader x = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        x.nextTag();
        if (!x.getLocalName().equals("ListResourceRecordSetsResponse")) {
          throw new NotPlain("the answer is " + x.getLocalName());
        }
        ArrayNode sets = F.arrayNode();
        String truncated = null;
        String name = null;
        String type = null;
        String identifier = null;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
          switch (x.getLocalName()) {
            case "ResourceRecordSets" -> {
              while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (x.getLocalName().equals("ResourceRecordSet")) {
                  sets.add(set(x));
                } else {
                  skip(x);
                }
              }
            }
            case "IsTruncated" -> truncated = text(x);
            case "NextRecordName" -> name = text(x);
            case "NextRecordType" -> type = text(x);
            case "NextRecordIdentifier" -> identifier = text(x);
            default -> skip(x);
          }
        }
        if (truncated == null) {
          throw new NotPlain("no IsTruncated");
        }
        // The SDK reads a boolean as Boolean.parseBoolean does. A truncated page without a next
        // name gets an empty one: the listing refuses that, as it refuses the SDK's null.
        return new Page(sets, Boolean.parseBoolean(truncated) ? new Next(name == null ? "" : name, type, identifier) : Next.END);
      } finally {
        x.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      throw new NotPlain("not XML this reader reads (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A ResourceRecordSet element, its start just read; its end read when this returns. */
  private static ObjectNode set(XMLStreamReader x) throws XMLStreamException, NotPlain {
    ObjectNode o = F.objectNode();
    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String key = x.getLocalName();
      switch (key) {
        case "Name", "Type", "SetIdentifier", "Region", "Failover", "HealthCheckId", "TrafficPolicyInstanceId" -> o.put(key, text(x));
        case "Weight", "TTL" -> o.put(key, number(key, text(x)));
        case "MultiValueAnswer" -> o.put(key, Boolean.parseBoolean(text(x)));
        case "GeoLocation" -> o.set(key, strings(x, "ContinentCode", "CountryCode", "SubdivisionCode"));
        case "ResourceRecords" -> o.set(key, records(x));
        case "AliasTarget" -> o.set(key, alias(x));
        case "CidrRoutingConfig" -> o.set(key, strings(x, "CollectionId", "LocationName"));
        case "GeoProximityLocation" -> o.set(key, proximity(x));
        default -> skip(x);
      }
    }
    return o;
  }

  private static ArrayNode records(XMLStreamReader x) throws XMLStreamException {
    ArrayNode out = F.arrayNode();
    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (x.getLocalName().equals("ResourceRecord")) {
        out.add(strings(x, "Value"));
      } else {
        skip(x);
      }
    }
    return out;
  }

  private static ObjectNode alias(XMLStreamReader x) throws XMLStreamException {
    ObjectNode o = F.objectNode();
    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String key = x.getLocalName();
      switch (key) {
        case "HostedZoneId", "DNSName" -> o.put(key, text(x));
        case "EvaluateTargetHealth" -> o.put(key, Boolean.parseBoolean(text(x)));
        default -> skip(x);
      }
    }
    return o;
  }

  private static ObjectNode proximity(XMLStreamReader x) throws XMLStreamException, NotPlain {
    ObjectNode o = F.objectNode();
    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String key = x.getLocalName();
      switch (key) {
        case "AWSRegion", "LocalZoneGroup" -> o.put(key, text(x));
        case "Coordinates" -> o.set(key, strings(x, "Latitude", "Longitude"));
        case "Bias" -> {
          long bias = number(key, text(x));
          if (bias != (int) bias) {
            throw new NotPlain("Bias out of range");
          }
          o.put(key, (int) bias);
        }
        default -> skip(x);
      }
    }
    return o;
  }

  /** An element whose children are the text fields {@code keys} (others skipped). */
  private static ObjectNode strings(XMLStreamReader x, String... keys) throws XMLStreamException {
    ObjectNode o = F.objectNode();
    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String key = x.getLocalName();
      if (Arrays.asList(keys).contains(key)) {
        o.put(key, text(x));
      } else {
        skip(x);
      }
    }
    return o;
  }

  private static long number(String key, String text) throws NotPlain {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new NotPlain(key + " is not a number");
    }
  }

  /** The text of an element with no child elements (the reader left on its end). */
  private static String text(XMLStreamReader x) throws XMLStreamException {
    return x.getElementText();
  }

  /** Skips the element just started, whatever it holds. */
  private static void skip(XMLStreamReader x) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int e = x.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Where the next page starts, found without reading the page: the four elements after the
  // record sets, at the end of the answer. The next request goes out on this while another
  // thread reads the page; that reading then checks it ({@link #page} is the judge), so a
  // mistake here costs time, never a wrong zone.

  /**
   * The next page's start from the tail of the answer, or null when the tail is not the plain
   * form this looks for (then the caller waits for {@link #page}).
   */
  static Next scan(byte[] body) {
    String s = new String(body, Math.max(0, body.length - 4096), Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    int end = Math.max(s.lastIndexOf("</ResourceRecordSets>"), s.lastIndexOf("<ResourceRecordSets/>"));
    if (end < 0) {
      return null;
    }
    String tail = s.substring(end + 1);
    String truncated = element(tail, "IsTruncated");
    if (truncated == null || truncated.isEmpty()) {
      return null;
    }
    if (!Boolean.parseBoolean(truncated)) {
      return Next.END;
    }
    String name = element(tail, "NextRecordName");
    String type = element(tail, "NextRecordType");
    String identifier = element(tail, "NextRecordIdentifier");
    if (name == null || type == null || identifier == null && tail.contains("NextRecordIdentifier")) {
      return null; // absent or not plain: the page's reading says
    }
    return new Next(utf8(name), utf8(type), identifier == null ? null : utf8(identifier));
  }

  /**
   * The text of the one {@code <tag>text</tag>} in {@code tail}: null when absent, twice, or not
   * plain (a CDATA section, an entity other than XML's five, a namespace prefix).
   */
  private static String element(String tail, String tag) {
    String open = "<" + tag + ">";
    int at = tail.indexOf(open);
    if (at < 0 || tail.indexOf(open, at + 1) >= 0) {
      return null;
    }
    int from = at + open.length();
    int to = tail.indexOf("</" + tag + ">", from);
    if (to < 0) {
      return null;
    }
    String raw = tail.substring(from, to);
    if (raw.indexOf('<') >= 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '&') {
        out.append(c);
        continue;
      }
      int semi = raw.indexOf(';', i);
      if (semi < 0) {
        return null;
      }
      switch (raw.substring(i + 1, semi)) {
        case "amp" -> out.append('&');
        case "lt" -> out.append('<');
        case "gt" -> out.append('>');
        case "quot" -> out.append('"');
        case "apos" -> out.append('\'');
        default -> {
          return null;
        }
      }
      i = semi;
    }
    return out.toString();
  }

  /** The text read as bytes (ISO-8859-1) taken as the UTF-8 it was. */
  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
