package dev.zonegate.zone;

import dev.zonegate.model.CharacterStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;
import tools.jackson.databind.JsonNode;

/**
 * One Cloudflare DNS record's data, in the API v4 shape ({@code content}, {@code data},
 * {@code priority}), as canonical rdata: what the Cloudflare live source and the Terraform
 * Cloudflare resources (whose attributes have the same shape) both read.
 *
 * <ul>
 *   <li>Targets come without the trailing dot; they are absolute.
 *   <li>MX, SRV and URI take their priority from {@code priority} (SRV from {@code data} when
 *       given); CAA, NAPTR, TLSA, LOC, SRV and URI are built from {@code data} when it is there,
 *       the rest from {@code content}, read by dnsjava as presentation text.
 *   <li>TXT and SPF: quoted content is presentation text; unquoted content is the text itself,
 *       cut into 255-octet strings, as octoDNS renders a TXT value.
 * </ul>
 */
public final class CloudflareRdata {
  private CloudflareRdata() {}

  /** Why a record cannot be read: a field it lacks, a type zonegate does not know, or bad data. */
  public static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
      MISSING,
      UNKNOWN_TYPE,
      NOT_DATA
    }

    private final Kind kind;

    Problem(Kind kind, String what) {
      super(what, null, false, false);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  /** The canonical rdata of record {@code r} of {@code type} at {@code owner} (absolute). */
  public static String of(String owner, String type, JsonNode r) throws Problem {
    JsonNode data = r.path("data");
    String content = r.path("content").isString() ? r.get("content").asString() : null;
    String text;
    try {
      switch (type) {
        case "ALIAS":
          return Canonical.name(Name.fromString(absolute(need(content)), Name.root));
        case "CNAME":
        case "NS":
        case "PTR":
        case "DNAME":
          text = absolute(need(content));
          break;
        case "MX":
          text = integer(r.path("priority")) + " " + absolute(need(content));
          break;
        case "TXT":
        case "SPF":
          text = txt(need(content));
          break;
        case "SRV":
          text = data.isObject()
              ? integer(data.path("priority")) + " " + integer(data.path("weight")) + " " + integer(data.path("port"))
                  + " " + absolute(str(data.path("target")))
              : integer(r.path("priority")) + " " + need(content);
          break;
        case "URI":
          text = data.isObject()
              ? integer(r.path("priority")) + " " + integer(data.path("weight")) + " " + CharacterStrings.quote(str(data.path("target")))
              : integer(r.path("priority")) + " " + need(content);
          break;
        case "CAA":
          text = data.isObject()
              ? integer(data.path("flags")) + " " + str(data.path("tag")) + " " + CharacterStrings.quote(str(data.path("value")))
              : need(content);
          break;
        case "NAPTR":
          text = data.isObject()
              ? integer(data.path("order")) + " " + integer(data.path("preference")) + " "
                  + CharacterStrings.quote(str(data.path("flags"))) + " " + CharacterStrings.quote(str(data.path("service")))
                  + " " + CharacterStrings.quote(str(data.path("regex"))) + " " + absolute(str(data.path("replacement")))
              : need(content);
          break;
        case "TLSA":
        case "SMIMEA":
          text = data.isObject() && data.has("certificate")
              ? integer(data.path("usage")) + " " + integer(data.path("selector")) + " "
                  + integer(data.path("matching_type")) + " " + str(data.path("certificate"))
              : need(content);
          break;
        case "LOC":
          text = data.isObject() && data.has("lat_degrees") ? loc(data) : need(content);
          break;
        default:
          if (Type.value(type) < 0) {
            throw new Problem(Problem.Kind.UNKNOWN_TYPE, type);
          }
          text = need(content);
      }
      return Canonical.rdata(owner, type, text, ".");
    } catch (IOException | RuntimeException e) {
      throw new Problem(Problem.Kind.NOT_DATA, type);
    }
  }

  /** TXT content: presentation text when quoted, else the text itself in 255-octet strings. */
  public static String txt(String content) {
    if (content.startsWith("\"")) {
      return content;
    }
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    if (b.length == 0) {
      return "\"\"";
    }
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < b.length; i += 255) {
      chunks.add(CharacterStrings.quote(b, i, Math.min(b.length, i + 255)));
    }
    return String.join(" ", chunks);
  }

  private static String loc(JsonNode d) throws Problem {
    return integer(d.path("lat_degrees")) + " " + integer(d.path("lat_minutes")) + " " + number(d.path("lat_seconds"))
        + " " + str(d.path("lat_direction")) + " " + integer(d.path("long_degrees")) + " "
        + integer(d.path("long_minutes")) + " " + number(d.path("long_seconds")) + " " + str(d.path("long_direction"))
        + " " + number(d.path("altitude")) + "m " + number(d.path("size")) + "m " + number(d.path("precision_horz"))
        + "m " + number(d.path("precision_vert")) + "m";
  }

  private static String need(String content) throws Problem {
    if (content == null) {
      throw missing("content");
    }
    return content;
  }

  private static String integer(JsonNode n) throws Problem {
    if (n.canConvertToLong() && n.isIntegralNumber()) {
      return Long.toString(n.asLong());
    }
    if (n.isString() && n.asString().strip().matches("\\d{1,10}")) {
      return n.asString().strip();
    }
    throw missing("number");
  }

  private static String number(JsonNode n) throws Problem {
    if (n.isNumber()) {
      return n.asString();
    }
    if (n.isString() && n.asString().strip().matches("-?\\d+(\\.\\d+)?")) {
      return n.asString().strip();
    }
    throw missing("number");
  }

  private static String str(JsonNode n) throws Problem {
    if (n.isString()) {
      return n.asString();
    }
    if (n.isNumber()) {
      return n.asString();
    }
    throw missing("field");
  }

  private static Problem missing(String what) {
    return new Problem(Problem.Kind.MISSING, what);
  }

  private static String absolute(String name) {
    String n = name.strip();
    return n.endsWith(".") ? n : n + ".";
  }
}
