package dev.zonegate.zone;

import dev.zonegate.model.Location;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Loads one octoDNS YAML file into a Jackson tree that knows the line of each name, record and
 * value.
 *
 * <p>Jackson trees carry no positions, and every message zonegate prints must name a line, so the
 * tree is built here from the token stream instead of by {@code readTree}. The same pass refuses
 * what PyYAML's safe loader (octoDNS's loader) would not construct, or what would only make sense
 * with octoDNS's own extensions: any tag other than the plain core ones ({@code !include},
 * {@code !!java...}, {@code !!python/...}), and more than one document.
 *
 * <p>Anchors, aliases and {@code <<} merge keys work as in PyYAML: the anchor-replaying factory
 * expands them, and its own limits (about 10 000 replayed events per anchor) plus a token budget
 * here keep an alias bomb to a bounded amount of work. One difference from PyYAML: because
 * duplicate keys are an error, a key given both by a merge and explicitly in the same map is
 * reported as a duplicate rather than overriding the merged value.
 */
final class OctoDnsYaml {
  /**
   * A parsed document: the root (null for an empty document) and where paths start. Only names
   * and records (two levels) are located on the first pass, which is all a good file needs; the
   * first question about anything deeper (an error in a value) re-reads the file with every line.
   */
  static final class Doc {
    private final JsonNode root;
    private final byte[] bytes;
    private final String path;
    private Map<String, Integer> lines;
    private boolean complete;

    Doc(JsonNode root, Map<String, Integer> lines, byte[] bytes, String path, boolean complete) {
      this.root = root;
      this.lines = lines;
      this.bytes = bytes;
      this.path = path;
      this.complete = complete;
    }

    JsonNode root() {
      return root;
    }

    /** The line of {@code at}, or of its nearest ancestor that has one; 0 when none. */
    int line(String at) {
      if (!complete && depth(at) > SHALLOW) {
        try {
          lines = read(bytes, path, Integer.MAX_VALUE).lines;
        } catch (ZoneReadException e) {
          // It parsed once; if it does not now, the shallow lines are still right.
        }
        complete = true;
      }
      for (String p = at; ; p = parent(p)) {
        Integer l = lines.get(p);
        if (l != null) {
          return l;
        }
        if (p.isEmpty()) {
          return 0;
        }
      }
    }
  }

  /** Names and the records in a list under them. */
  private static final int SHALLOW = 2;

  /** Zone files have flat records; anything deeper than this is not octoDNS data. */
  private static final int MAX_DEPTH = 64;

  /** Legitimate files produce fewer tokens than bytes; only alias expansion gets past this. */
  private static final long BASE_TOKEN_BUDGET = 1_000_000L;

  /** Core-schema tags PyYAML's safe loader resolves to plain data; everything else is refused. */
  private static final Set<String> PLAIN_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq").stream()
          .map(t -> "tag:yaml.org,2002:" + t)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final YAMLMapper MAPPER = mapper();

  private OctoDnsYaml() {}

  private static YAMLMapper mapper() {
    // snakeyaml-engine caps a document at 3 MiB of code points by default, which a large real
    // zone exceeds; the SourceTree already bounds the file size, so lift the cap to match it.
    // snakeyaml-engine's alias limits (maxAliasesForCollections) belong to its composer, which
    // Jackson does not use; aliases are bounded by the replaying parser and the token budget.
    LoadSettings settings =
        LoadSettings.builder()
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Limits.Limit.MAX_FILE_BYTES.defaultValue() * 4))
            .build();
    YAMLFactory factory =
        YAMLAnchorReplayingFactory.builder()
            .loadSettings(settings)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return YAMLMapper.builder(factory)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Parses {@code bytes}; every problem is a ZoneReadException naming {@code path} and a line. */
  static Doc parse(byte[] bytes, String path) throws ZoneReadException {
    return parse(bytes, path, false);
  }

  /**
   * As {@link #parse(byte[], String)}; with {@code enforceOrder} every map's keys must be in
   * natural order, as YamlProvider's {@code enforce_order} (its default) demands.
   */
  static Doc parse(byte[] bytes, String path, boolean enforceOrder) throws ZoneReadException {
    return read(bytes, path, SHALLOW, enforceOrder);
  }

  private static Doc read(byte[] bytes, String path, int lineDepth) throws ZoneReadException {
    return read(bytes, path, lineDepth, false);
  }

  private static Doc read(byte[] bytes, String path, int lineDepth, boolean enforceOrder) throws ZoneReadException {
    Builder b = new Builder(path, BASE_TOKEN_BUDGET + 2L * bytes.length, lineDepth);
    b.enforceOrder = enforceOrder;
    try (JsonParser p = MAPPER.createParser(bytes)) {
      b.parser = p;
      JsonToken first = b.next();
      if (first == null) {
        return new Doc(null, Map.of(), bytes, path, true);
      }
      b.lines.put("", b.line());
      JsonNode root = b.value("", 0);
      JsonToken extra = b.next();
      if (extra != null) {
        throw new ZoneReadException(
            new Location(path, b.line()),
            "a second YAML document starts here; an octoDNS zone file holds exactly one");
      }
      return new Doc(
          root.isNull() ? null : root, b.lines, bytes, path, lineDepth == Integer.MAX_VALUE);
    } catch (JacksonException e) {
      throw b.translate(e);
    }
  }

  private static int depth(String at) {
    int n = 0;
    for (int i = 0; i < at.length(); i++) {
      if (at.charAt(i) == '/') {
        n++;
      }
    }
    return n;
  }

  /** JSON-pointer style child path; {@code ~} and {@code /} escaped so names cannot collide. */
  static String child(String path, String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return path + "/" + name;
    }
    return path + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static String child(String path, int index) {
    return path + "/" + index;
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "" : path.substring(0, slash);
  }

  private static final class Builder {
    boolean enforceOrder;
    final String path;
    final long budget;
    final int lineDepth;
    final Map<String, Integer> lines = new HashMap<>();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonParser parser;
    long tokens;
    String container = "";

    Builder(String path, long budget, int lineDepth) {
      this.path = path;
      this.budget = budget;
      this.lineDepth = lineDepth;
    }

    JsonToken next() throws ZoneReadException {
      if (++tokens > budget) {
        throw new ZoneReadException(
            new Location(path, line()),
            "the YAML expands to more than "
                + budget
                + " tokens (anchors and aliases used as an expansion bomb?)");
      }
      return parser.nextToken();
    }

    int line() {
      int l = parser.currentTokenLocation().getLineNr();
      return Math.max(l, 0);
    }

    /** Reads the value at the current token; {@code at} is its path. */
    JsonNode value(String at, int depth) throws ZoneReadException {
      if (depth > MAX_DEPTH) {
        throw new ZoneReadException(
            new Location(path, line()), "the YAML is nested more than " + MAX_DEPTH + " levels deep");
      }
      checkTag(at);
      container = at;
      JsonToken t = parser.currentToken();
      switch (t) {
        case START_OBJECT:
          {
            ObjectNode o = nodes.objectNode();
            boolean located = depth < lineDepth;
            String previous = null;
            while (next() == JsonToken.PROPERTY_NAME) {
              String name = parser.currentName();
              if (enforceOrder && previous != null && NaturalOrder.compare(previous, name) > 0) {
                throw new ZoneReadException(
                    new Location(path, line()),
                    "keys out of order: '" + name + "' comes after '" + previous
                        + "' (octoDNS enforce_order: sort the keys, or set enforce_order: false on the provider)");
              }
              previous = name;
              String c = located ? child(at, name) : at;
              if (located) {
                lines.put(c, line());
              }
              next();
              o.set(name, value(c, depth + 1));
              container = at;
            }
            return o;
          }
        case START_ARRAY:
          {
            ArrayNode a = nodes.arrayNode();
            boolean located = depth < lineDepth;
            int i = 0;
            while (next() != JsonToken.END_ARRAY) {
              String c = located ? child(at, i) : at;
              i++;
              if (located) {
                lines.put(c, line());
              }
              a.add(value(c, depth + 1));
              container = at;
            }
            return a;
          }
        case VALUE_STRING:
          return nodes.stringNode(parser.getString());
        case VALUE_NUMBER_INT:
          {
            BigInteger v = parser.getBigIntegerValue();
            return v.bitLength() < 64 ? nodes.numberNode(v.longValue()) : nodes.numberNode(v);
          }
        case VALUE_NUMBER_FLOAT:
          try {
            // Decimal keeps 52.1 as written; a double would print 52.1 too but not 0.1+0.2.
            return nodes.numberNode(parser.getDecimalValue());
          } catch (NumberFormatException | JacksonException e) {
            return nodes.numberNode(parser.getDoubleValue()); // .inf / .nan
          }
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          throw new ZoneReadException(
              new Location(path, line()), "unexpected YAML content (" + t + ")");
      }
    }

    private void checkTag(String at) throws ZoneReadException {
      String tag = ((YAMLParser) parser).getRawTag();
      if (tag == null || PLAIN_TAGS.contains(tag)) {
        return;
      }
      String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
      String what =
          shown.equals("!include")
              ? "octoDNS's !include tag is not supported; inline the included data"
              : "the YAML tag " + shown + " is not allowed; octoDNS data uses plain values only";
      throw new ZoneReadException(new Location(path, line()), where(at) + what);
    }

    /** {@code 'www': } for a path under a top-level name, nothing at the top. */
    private String where(String at) {
      if (at.isEmpty()) {
        return "";
      }
      String first = at.substring(1).split("/", 2)[0];
      return "'" + first.replace("~1", "/").replace("~0", "~") + "': ";
    }

    ZoneReadException translate(JacksonException e) {
      Throwable cause = e.getCause();
      if (cause instanceof MarkedYamlEngineException) {
        MarkedYamlEngineException m = (MarkedYamlEngineException) cause;
        int l = m.getProblemMark().or(m::getContextMark).map(Mark::getLine).orElse(-1) + 1;
        String problem = m.getProblem() == null ? m.getContext() : m.getProblem();
        return new ZoneReadException(
            new Location(path, l > 0 ? l : lineOf(e)), "YAML syntax error: " + oneLine(problem));
      }
      String msg = oneLine(e.getOriginalMessage());
      if (msg.startsWith("Duplicate Object property ")) {
        String key = msg.substring("Duplicate Object property ".length());
        String what =
            container.isEmpty()
                ? "the name " + key.replace('"', '\'') + " appears twice"
                : where(container) + "duplicate key " + key;
        return new ZoneReadException(
            new Location(path, lineOf(e)),
            what + "; YAML would silently keep only the last one");
      }
      if (msg.startsWith("invalid alias")) {
        return new ZoneReadException(
            new Location(path, lineOf(e)),
            "YAML " + msg + " (an alias must name an anchor defined before it, outside itself)");
      }
      if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
        return new ZoneReadException(
            new Location(path, lineOf(e)), "the YAML is too large or too deeply aliased: " + msg);
      }
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof java.io.CharConversionException) {
          return new ZoneReadException(
              new Location(path, lineOf(e)), "is not UTF-8 text (" + oneLine(c.getMessage()) + ")");
        }
      }
      return new ZoneReadException(new Location(path, lineOf(e)), "cannot be read as YAML: " + msg);
    }

    private int lineOf(JacksonException e) {
      if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
        return e.getLocation().getLineNr();
      }
      return parser == null ? 0 : line();
    }
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
