package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.zone.OctoDnsPy.Bool;
import dev.zonegate.zone.OctoDnsPy.Bytes;
import dev.zonegate.zone.OctoDnsPy.Date;
import dev.zonegate.zone.OctoDnsPy.DateTime;
import dev.zonegate.zone.OctoDnsPy.Entry;
import dev.zonegate.zone.OctoDnsPy.Flt;
import dev.zonegate.zone.OctoDnsPy.Int;
import dev.zonegate.zone.OctoDnsPy.Key;
import dev.zonegate.zone.OctoDnsPy.Py;
import dev.zonegate.zone.OctoDnsPy.PyDict;
import dev.zonegate.zone.OctoDnsPy.PyList;
import dev.zonegate.zone.OctoDnsPy.Str;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Loads one octoDNS YAML file as octoDNS's loader does (PyYAML's safe loader with octoDNS's
 * additions, {@code octodns/yaml.py}), into {@link OctoDnsPy} values that know their line.
 *
 * <p>The YAML is parsed and composed by snakeyaml-engine; everything after that follows PyYAML,
 * not YAML 1.2:
 *
 * <ul>
 *   <li>Plain scalars are resolved by PyYAML's YAML 1.1 rules: {@code yes no on off true false}
 *       (in three casings) are booleans, {@code y}/{@code n} are not; {@code ~}, {@code null} and
 *       nothing are None; ints may be {@code 0x1f}, {@code 017} (octal), {@code 0b101},
 *       {@code 1_000} or sexagesimal {@code 1:30} (90), while {@code 0o17} and {@code 09} are
 *       strings; floats need a dot ({@code 1e3} is a string, {@code 1.0e+3} a float); dates and
 *       timestamps are dates. Quoted scalars are strings.
 *   <li>A key given twice keeps its first place and its last value, silently in PyYAML; here each
 *       such pair is reported ({@link Doc#duplicates()}) so the reader can say so.
 *   <li>Merge keys ({@code <<}) follow octoDNS's own flattening: the merged pairs take the place
 *       of the {@code <<} entry, so a key written after it overrides the merged one and a key
 *       written before it is overridden.
 *   <li>With {@code enforce_order} every map's keys must be in order, natural (natsort) or
 *       simple (Python's own), compared as the values PyYAML made of them.
 *   <li>{@code !include FILE} loads another file of the tree, relative to the including one.
 * </ul>
 *
 * Tags PyYAML's safe loader has no constructor for ({@code !!python/...}, {@code !!java...}) are
 * errors, as they are in octoDNS; {@code !!set}, {@code !!omap} and {@code !!pairs}, which build
 * Python sets and lists of pairs that no octoDNS record field accepts, are refused too.
 */
final class OctoDnsYaml {
  private OctoDnsYaml() {}

  /** How keys must be ordered, YamlProvider's {@code enforce_order} and {@code order_mode}. */
  enum Order {
    NONE,
    NATURAL,
    SIMPLE
  }

  /** A key written twice in one map: octoDNS keeps the value from {@code second}. */
  record Duplicate(String key, int first, int second) {}

  /** A loaded document: its root (null for an empty one) and the duplicate keys seen. */
  record Doc(Py root, List<Duplicate> duplicates) {}

  /** Zone files have flat records; anything deeper than this is not octoDNS data. */
  static final int MAX_DEPTH = 64;

  /** Nested {@code !include}s beyond this are a loop (Python would exhaust its stack). */
  static final int MAX_INCLUDE_DEPTH = 16;

  private static final String YAML = "tag:yaml.org,2002:";
  private static final Tag PLAIN = new Tag("tag:zonegate,2025:plain");

  private static final ScalarResolver RESOLVER = (value, implicit) -> implicit ? PLAIN : Tag.STR;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setSchema(
              new Schema() {
                @Override
                public ScalarResolver getScalarResolver() {
                  return RESOLVER;
                }

                @Override
                public Map<Tag, ConstructNode> getSchemaTagConstructors() {
                  return Map.of();
                }
              })
          .setAllowDuplicateKeys(true)
          .setAllowRecursiveKeys(true)
          .setMaxAliasesForCollections(Integer.MAX_VALUE)
          .setCodePointLimit(
              (int) Math.min(Integer.MAX_VALUE, Limits.Limit.MAX_FILE_BYTES.defaultValue() * 4))
          .setUseMarks(true)
          .build();

  /**
   * Loads {@code bytes}, the file {@code path} of {@code tree}; every problem is a
   * ZoneReadException naming the file and a line.
   */
  static Doc load(byte[] bytes, String path, Order order, SourceTree tree) throws ZoneReadException {
    Loader l = new Loader(path, order, tree, 0, 0);
    Py root = l.document(bytes);
    return new Doc(root, l.duplicates);
  }

  // ---------------------------------------------------------------- YAML 1.1 (PyYAML) resolution

  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
              + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?"
              + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
  private static final Pattern TIMESTAMP_PARTS =
      Pattern.compile(
          "([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)"
              + "(?:(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?"
              + "(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?");

  /** One of PyYAML's implicit resolvers: the first characters it is tried for, and its pattern. */
  private record Resolver(String tag, String first, Pattern pattern) {}

  /** PyYAML's implicit resolvers, in the order it registers (and tries) them. */
  private static final List<Resolver> RESOLVERS =
      List.of(
          new Resolver("bool", "yYnNtTfFoO", BOOL),
          new Resolver("float", "-+0123456789.", FLOAT),
          new Resolver("int", "-+0123456789", INT),
          new Resolver("merge", "<", Pattern.compile("<<")),
          new Resolver("null", "~nN", NULL),
          new Resolver("timestamp", "0123456789", TIMESTAMP),
          new Resolver("value", "=", Pattern.compile("=")));

  /** The tag PyYAML gives a plain scalar: the first resolver for its first character that matches. */
  static String resolve(String value) {
    if (value.isEmpty()) {
      return YAML + "null";
    }
    char c = value.charAt(0);
    for (Resolver r : RESOLVERS) {
      if (r.first().indexOf(c) >= 0 && r.pattern().matcher(value).matches()) {
        return YAML + r.tag();
      }
    }
    return YAML + "str";
  }

  // ---------------------------------------------------------------- loading

  /** A problem found while constructing, with the line it is about. */
  private static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    /** The message already names the top-level name it is under. */
    final boolean named;

    Problem(int line, String message) {
      this(line, message, false);
    }

    Problem(int line, String message, boolean named) {
      super(message);
      this.line = line;
      this.named = named;
    }
  }

  private static final class Loader {
    final String path;
    final Order order;
    final SourceTree tree;
    final int includeDepth;
    /** Non-zero for an included file: every value then reports the !include line. */
    final int lineOverride;
    final List<Duplicate> duplicates = new ArrayList<>();
    final Map<Node, Py> built = new IdentityHashMap<>();
    final Map<Node, Boolean> building = new IdentityHashMap<>();
    final Map<Node, List<Pair>> flattened = new IdentityHashMap<>();

    Loader(String path, Order order, SourceTree tree, int includeDepth, int lineOverride) {
      this.path = path;
      this.order = order;
      this.tree = tree;
      this.includeDepth = includeDepth;
      this.lineOverride = lineOverride;
    }

    ZoneReadException error(int line, String message) {
      return new ZoneReadException(new Location(path, lineOverride > 0 ? lineOverride : line), message);
    }

    /** The document's root node, whose keys are the zone's names. */
    Node root;

    Py document(byte[] bytes) throws ZoneReadException {
      root = compose(bytes);
      if (root == null) {
        return null;
      }
      try {
        return construct(root);
      } catch (Problem p) {
        throw error(p.line, p.getMessage());
      } catch (StackOverflowError e) {
        throw error(line(root), "the YAML is nested too deeply to load");
      }
    }

    /** The one document's node graph (aliases share nodes), or null when there is none. */
    Node compose(byte[] bytes) throws ZoneReadException {
      String text = decode(bytes);
      DepthLimit parser = new DepthLimit(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
      Composer composer = new Composer(SETTINGS, parser);
      try {
        if (!composer.hasNext()) {
          return null;
        }
        Node node = composer.next();
        if (composer.hasNext()) {
          int l = parser.lastLine;
          throw error(l, "a second YAML document starts here; an octoDNS zone file holds exactly one");
        }
        int tab = parser.strayTab(text);
        if (tab > 0) {
          throw error(tab, "YAML syntax error: found a tab outside quotes, block text and comments, which"
              + " PyYAML (octoDNS's YAML loader) refuses; use spaces");
        }
        return node;
      } catch (MarkedYamlEngineException m) {
        int l = m.getProblemMark().or(m::getContextMark).map(Mark::getLine).orElse(-1) + 1;
        String problem = m.getProblem() == null ? m.getContext() : m.getProblem();
        throw error(l > 0 ? l : parser.lastLine, "YAML syntax error: " + oneLine(problem));
      } catch (TooDeep d) {
        throw error(d.line, d.getMessage());
      } catch (YamlEngineException e) {
        throw error(parser.lastLine, "YAML syntax error: " + oneLine(e.getMessage()));
      }
    }

    private String decode(byte[] bytes) throws ZoneReadException {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        int line = 1;
        // Find the first bad byte's line: decode prefixes until it fails.
        int bad = firstInvalidUtf8(bytes);
        for (int i = 0; i < bad; i++) {
          if (bytes[i] == '\n') {
            line++;
          }
        }
        throw error(line, "is not UTF-8 text (byte " + bad + " is not valid UTF-8)");
      }
    }

    // -------------------------------------------------------------- construction

    int line(Node n) {
      if (lineOverride > 0) {
        return lineOverride;
      }
      return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    Py construct(Node node) throws Problem, ZoneReadException {
      // Only an anchored node can be reached twice (through an alias): only those are remembered,
      // so each is built once and shared, as PyYAML shares it, and a loop through one is caught.
      boolean anchored = node.getAnchor().isPresent();
      if (anchored) {
        Py done = built.get(node);
        if (done != null) {
          return done;
        }
        if (building.put(node, true) != null) {
          throw new Problem(line(node), "found a recursive alias (an anchor used inside itself)");
        }
      }
      Py v;
      if (node instanceof ScalarNode s) {
        v = scalar(s);
      } else if (node instanceof SequenceNode s) {
        v = sequence(s);
      } else {
        v = mapping((MappingNode) node);
      }
      if (anchored) {
        building.remove(node);
        built.put(node, v);
      }
      return v;
    }

    String tagOf(Node n) {
      return n.getTag().getValue();
    }

    Py scalar(ScalarNode s) throws Problem, ZoneReadException {
      String tag = tagOf(s);
      String value = s.getValue();
      int line = line(s);
      if (tag.equals(PLAIN.getValue())) {
        tag = resolve(value);
      }
      switch (tag) {
        case YAML + "str":
          return new Str(value, line);
        case YAML + "null":
          return new OctoDnsPy.None(line);
        case YAML + "bool":
          Boolean b = boolValue(value);
          if (b == null) {
            throw new Problem(line, "'" + value + "' is not a YAML boolean");
          }
          return new Bool(b, line);
        case YAML + "int":
          return new Int(intValue(value, line), line);
        case YAML + "float":
          return new Flt(floatValue(value, line), line);
        case YAML + "timestamp":
          return timestamp(value, line);
        case YAML + "binary":
          try {
            return new Bytes(
                Base64.getMimeDecoder().decode(value.getBytes(StandardCharsets.US_ASCII)), line);
          } catch (IllegalArgumentException e) {
            throw new Problem(line, "failed to decode base64 data");
          }
        case "!include":
          return include(value, line);
        case YAML + "merge":
        case YAML + "value":
          throw new Problem(
              line,
              "'" + value + "' is a YAML "
                  + (tag.endsWith("merge") ? "merge key" : "value key")
                  + " and cannot stand as a value (quote it to mean the text)");
        default:
          throw new Problem(line, refusedTag(tag));
      }
    }

    /** A list or map may carry only its own plain tag; {@code !include} takes a file name. */
    private void collectionTag(Node n, String tag, String what) throws Problem {
      String actual = tagOf(n);
      if (actual.equals("!include")) {
        throw new Problem(line(n), "!include takes one file name, not " + what);
      }
      if (!actual.equals(YAML + tag)) {
        throw new Problem(line(n), refusedTag(actual));
      }
    }

    Py sequence(SequenceNode s) throws Problem, ZoneReadException {
      collectionTag(s, "seq", "a list");
      List<Py> items = new ArrayList<>();
      PyList list = new PyList(items, line(s));
      for (Node n : s.getValue()) {
        items.add(construct(n));
      }
      return list;
    }

    /** One key-value pair to construct; {@code merged} when it came through a {@code <<}. */
    record Pair(Node key, Node value, boolean merged, Loader owner) {
      Pair(Node key, Node value, boolean merged) {
        this(key, value, merged, null);
      }
    }

    Py mapping(MappingNode m) throws Problem, ZoneReadException {
      collectionTag(m, "map", "a map");
      PyDict dict = new PyDict(line(m));
      for (Pair p : flatten(m)) {
        Loader by = p.owner() == null ? this : p.owner();
        Py key = isValueKey(p.key()) ? new Str("=", by.line(p.key())) : by.construct(p.key());
        if (!OctoDnsPy.hashable(key)) {
          throw new Problem(by.line(p.key()), "found unhashable key (a list or map used as a key)");
        }
        Py value;
        try {
          value = by.construct(p.value());
        } catch (Problem x) {
          if (m == root && !x.named) {
            // a problem under a top-level name: say which name, as the reader's messages do
            throw new Problem(x.line, "'" + OctoDnsPy.str(key) + "': " + x.getMessage(), true);
          }
          throw x;
        }
        Key k = new Key(key);
        Entry e = dict.map.putIfAbsent(k, new Entry(key, value, by.line(p.key()), !p.merged()));
        if (e != null) {
          if (!p.merged() && e.written) {
            duplicates.add(new Duplicate(OctoDnsPy.str(e.key), e.keyLine, by.line(p.key())));
          }
          e.value = value;
          e.keyLine = by.line(p.key());
          e.written |= !p.merged();
        }
      }
      if (order != Order.NONE) {
        checkOrder(dict);
      }
      return dict;
    }

    /** octoDNS's {@code flatten_mapping}: merged pairs replace the {@code <<} entry in place. */
    List<Pair> flatten(MappingNode m) throws Problem, ZoneReadException {
      List<Pair> done = flattened.get(m);
      if (done != null) {
        return done;
      }
      List<Pair> out = new ArrayList<>(m.getValue().size());
      for (NodeTuple t : m.getValue()) {
        Node k = t.getKeyNode();
        Node v = t.getValueNode();
        if (isMergeKey(k)) {
          out.addAll(mergeSource(v));
        } else {
          out.add(new Pair(k, v, false));
        }
      }
      if (m.getAnchor().isPresent()) {
        flattened.put(m, out); // a merge source: flattened once, as octoDNS flattens it in place
      }
      return out;
    }

    /** PyYAML's {@code =} value key: as a key it is simply the text "=". */
    private boolean isValueKey(Node k) {
      return k instanceof ScalarNode s
          && (tagOf(s).equals(YAML + "value") || (tagOf(s).equals(PLAIN.getValue()) && s.getValue().equals("=")));
    }

    private boolean isMergeKey(Node k) {
      if (!(k instanceof ScalarNode s)) {
        return false;
      }
      String tag = tagOf(s);
      return tag.equals(YAML + "merge") || (tag.equals(PLAIN.getValue()) && s.getValue().equals("<<"));
    }

    private List<Pair> mergeSource(Node v) throws Problem, ZoneReadException {
      String tag = tagOf(v);
      if (v instanceof MappingNode mv && tag.equals(YAML + "map")) {
        return asMerged(flatten(mv));
      }
      if (v instanceof SequenceNode sv && tag.equals(YAML + "seq")) {
        List<List<Pair>> parts = new ArrayList<>();
        for (Node sub : sv.getValue()) {
          String st = tagOf(sub);
          if (sub instanceof MappingNode ms && st.equals(YAML + "map")) {
            parts.add(asMerged(flatten(ms)));
          } else if (sub instanceof ScalarNode ss && st.equals("!include")) {
            parts.add(includedPairs(ss));
          } else {
            throw new Problem(line(sub), "expected a map for merging, but found " + kind(sub));
          }
        }
        List<Pair> out = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
          out.addAll(parts.get(i));
        }
        return out;
      }
      if (v instanceof ScalarNode sv && tag.equals("!include")) {
        return includedPairs(sv);
      }
      throw new Problem(line(v), "expected a map or list of maps for merging, but found " + kind(v));
    }

    private static List<Pair> asMerged(List<Pair> pairs) {
      List<Pair> out = new ArrayList<>(pairs.size());
      for (Pair p : pairs) {
        out.add(new Pair(p.key(), p.value(), true, p.owner()));
      }
      return out;
    }

    private String kind(Node n) {
      return n instanceof ScalarNode ? "a scalar" : n instanceof SequenceNode ? "a list" : "a map";
    }

    /** Keys in order, as octoDNS's SortEnforcingLoader demands: a stable sort changes nothing. */
    private void checkOrder(PyDict dict) throws Problem {
      Entry previous = null;
      for (Entry e : dict.map.values()) {
        if (e.key instanceof Flt f && Double.isNaN(f.v())) {
          // octoDNS compares each key with its sorted place by !=, and NaN != NaN
          throw new Problem(e.keyLine, "keys out of order: a NaN key (.nan) never equals its sorted place"
              + " (octoDNS enforce_order: quote the key, or set enforce_order: false on the provider)");
        }
        if (previous != null) {
          int c;
          try {
            c = OctoDnsPy.compareKeys(previous.key, e.key, order == Order.NATURAL);
          } catch (OctoDnsPy.Incomparable x) {
            throw new Problem(
                e.keyLine,
                "keys " + OctoDnsPy.repr(previous.key) + " and " + OctoDnsPy.repr(e.key)
                    + " cannot be put in order (" + x.getMessage() + "), which octoDNS's enforce_order needs");
          }
          if (c > 0) {
            throw new Problem(
                e.keyLine,
                "keys out of order: '" + OctoDnsPy.str(e.key) + "' comes after '" + OctoDnsPy.str(previous.key)
                    + "' (octoDNS enforce_order, " + (order == Order.NATURAL ? "natural" : "simple")
                    + " order: sort the keys, or set enforce_order: false on the provider)");
          }
        }
        previous = e;
      }
    }

    // -------------------------------------------------------------- !include

    /** The loader for {@code target} named by an {@code !include} on {@code line}. */
    private Loader included(String target, int line, Order o) throws Problem, ZoneReadException {
      if (tree == null) {
        throw new Problem(line, "!include cannot be followed here; inline the included data");
      }
      if (includeDepth >= MAX_INCLUDE_DEPTH) {
        throw new Problem(line, "!include nested more than " + MAX_INCLUDE_DEPTH + " deep (a loop?)");
      }
      if (target.startsWith("~")) {
        throw new Problem(
            line, "!include of a path in a home directory is not allowed; name a file inside the repository");
      }
      int at = lineOverride > 0 ? lineOverride : line;
      String file = SourceTree.resolveInclude(tree, path, null, target, new Location(path, at));
      return new Loader(file, o, tree, includeDepth + 1, at);
    }

    private byte[] readIncluded(String file, String target, int line) throws Problem {
      try {
        return tree.read(file);
      } catch (ZoneReadException e) {
        throw new Problem(line, "!include " + target + ": " + e.problem());
      }
    }

    /** octoDNS's {@code construct_include}: the file loaded with the same loader. */
    private Py include(String target, int line) throws Problem, ZoneReadException {
      Loader l = included(target, line, order);
      Py v = l.document(readIncluded(l.path, target, line));
      duplicates.addAll(l.duplicates);
      return v == null ? new OctoDnsPy.None(line) : v;
    }

    /** octoDNS's {@code flatten_include}: the file composed only, its pairs merged here. */
    private List<Pair> includedPairs(ScalarNode s) throws Problem, ZoneReadException {
      int line = line(s);
      Loader l = included(s.getValue(), line, Order.NONE);
      Node root = l.compose(readIncluded(l.path, s.getValue(), line));
      if (!(root instanceof MappingNode rm)) {
        throw new Problem(line, "!include for a merge must name a file holding a map");
      }
      List<Pair> out = new ArrayList<>();
      for (NodeTuple t : rm.getValue()) {
        out.add(new Pair(t.getKeyNode(), t.getValueNode(), true, l));
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- scalar constructors

  private static Boolean boolValue(String v) {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "yes":
      case "true":
      case "on":
        return true;
      case "no":
      case "false":
      case "off":
        return false;
      default:
        return null;
    }
  }

  /** The number's text without its sign, as PyYAML's constructors take it off. */
  private static String unsigned(String v) {
    return v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
  }

  /** PyYAML's {@code construct_yaml_int}. */
  static BigInteger intValue(String text, int line) throws Problem {
    boolean negative = text.startsWith("-");
    String v = unsigned(text.replace("_", ""));
    try {
      BigInteger r;
      if (v.equals("0")) {
        return BigInteger.ZERO;
      } else if (v.startsWith("0b")) {
        r = new BigInteger(v.substring(2), 2);
      } else if (v.startsWith("0x")) {
        r = new BigInteger(v.substring(2), 16);
      } else if (v.startsWith("0")) {
        r = new BigInteger(v, 8);
      } else if (v.contains(":")) {
        r = BigInteger.ZERO;
        for (String part : v.split(":", -1)) {
          BigInteger p = OctoDnsPy.parseInt(part);
          if (p == null) {
            throw new NumberFormatException(part);
          }
          r = r.multiply(BigInteger.valueOf(60)).add(p);
        }
      } else {
        r = new BigInteger(v);
      }
      return negative ? r.negate() : r;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new Problem(line, "'" + text + "' cannot be read as a YAML int");
    }
  }

  /** PyYAML's {@code construct_yaml_float}. */
  static double floatValue(String text, int line) throws Problem {
    int sign = text.startsWith("-") ? -1 : 1;
    String v = unsigned(text.replace("_", "").toLowerCase(Locale.ROOT));
    try {
      if (v.equals(".inf")) {
        return sign * Double.POSITIVE_INFINITY;
      }
      if (v.equals(".nan")) {
        return Double.NaN;
      }
      if (v.contains(":")) {
        double r = 0;
        for (String part : v.split(":", -1)) {
          r = r * 60 + OctoDnsPy.floating(new Str(part, line));
        }
        return sign * r;
      }
      return sign * OctoDnsPy.floating(new Str(v, line));
    } catch (OctoDnsPy.Raised | StringIndexOutOfBoundsException e) {
      throw new Problem(line, "'" + text + "' cannot be read as a YAML float");
    }
  }

  /** PyYAML's {@code construct_yaml_timestamp}: a date, or a datetime (with its offset). */
  static Py timestamp(String text, int line) throws Problem {
    Matcher m = TIMESTAMP_PARTS.matcher(text);
    if (!m.matches()) {
      throw new Problem(line, "'" + text + "' cannot be read as a YAML timestamp");
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      if (year < 1) {
        throw new DateTimeException("year 0 is out of range");
      }
      LocalDate.of(year, month, day);
      if (m.group(4) == null) {
        return new Date(year, month, day, line);
      }
      int hour = Integer.parseInt(m.group(4));
      int minute = Integer.parseInt(m.group(5));
      int second = Integer.parseInt(m.group(6));
      LocalTime.of(hour, minute, second);
      int micro = 0;
      if (m.group(7) != null && !m.group(7).isEmpty()) {
        String f = m.group(7).length() > 6 ? m.group(7).substring(0, 6) : m.group(7);
        while (f.length() < 6) {
          f += "0";
        }
        micro = Integer.parseInt(f);
      }
      Integer offset = null;
      if (m.group(9) != null) {
        int tzHour = Integer.parseInt(m.group(10));
        int tzMinute = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
        int minutes = tzHour * 60 + tzMinute;
        if (minutes >= 24 * 60) {
          throw new DateTimeException("offset must be less than 24 hours");
        }
        offset = m.group(9).equals("-") ? -minutes : minutes;
      } else if (m.group(8) != null) {
        offset = 0;
      }
      return new DateTime(year, month, day, hour, minute, second, micro, offset, line);
    } catch (DateTimeException e) {
      throw new Problem(line, "'" + text + "' is not a valid date or time (" + oneLine(e.getMessage()) + ")");
    }
  }

  private static String refusedTag(String tag) {
    String shown = tag.startsWith(YAML) ? "!!" + tag.substring(YAML.length()) : tag;
    switch (shown) {
      case "!!set":
      case "!!omap":
      case "!!pairs":
        return "the YAML tag " + shown + " builds a Python "
            + (shown.equals("!!set") ? "set" : "list of pairs")
            + ", which no octoDNS record field takes; write a list or a map";
      default:
        return "the YAML tag " + shown + " is not allowed; octoDNS's safe loader has no constructor for it";
    }
  }

  private static int firstInvalidUtf8(byte[] b) {
    var dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    CharBuffer out = CharBuffer.allocate(b.length + 1);
    var r = dec.decode(in, out, true);
    return r.isError() ? in.position() : b.length;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  /** Thrown by {@link DepthLimit}: what PyYAML refuses and snakeyaml-engine would let by. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    TooDeep(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** PyYAML's anchor and alias names: ASCII letters, digits, {@code -} and {@code _}. */
  private static final Pattern ANCHOR = Pattern.compile("[0-9A-Za-z_-]+");
  /** A name PyYAML would end early, at a character it lets follow a name directly. */
  private static final Pattern GLUED_ANCHOR = Pattern.compile("([0-9A-Za-z_-]+)([?:%@`]).*", Pattern.DOTALL);

  /**
   * Passes events through, noting lines, and refusing what PyYAML's parser refuses where YAML
   * 1.2 (snakeyaml-engine) does not: nesting beyond {@link #MAX_DEPTH}, anchor names beyond
   * PyYAML's characters, an anchor defined twice, and (checked after parsing, {@link #strayTab})
   * a tab anywhere but inside quotes, block text or a comment.
   */
  private static final class DepthLimit implements Parser {
    private final Parser in;
    private int depth;
    int lastLine = 1;
    private final Set<String> anchors = new HashSet<>();
    /** Code-point spans [start, end) of quoted and block scalars, where tabs are text. */
    private final List<int[]> textSpans = new ArrayList<>();

    DepthLimit(Parser in) {
      this.in = in;
    }

    /** The line of the first tab PyYAML's scanner would stop at, or 0. */
    int strayTab(String text) {
      if (text.indexOf('\t') < 0) {
        return 0;
      }
      int[] cps = text.codePoints().toArray();
      int span = 0;
      int line = 1;
      boolean comment = false;
      for (int i = 0; i < cps.length; i++) {
        while (span < textSpans.size() && textSpans.get(span)[1] <= i) {
          span++;
        }
        boolean inText = span < textSpans.size() && textSpans.get(span)[0] <= i;
        int c = cps[i];
        if (c == '\n' || c == '\r') {
          comment = false;
          if (c == '\n' || i + 1 >= cps.length || cps[i + 1] != '\n') {
            line++;
          }
          continue;
        }
        if (inText || comment) {
          continue;
        }
        if (c == '#' && (i == 0 || cps[i - 1] == ' ' || cps[i - 1] == '\n' || cps[i - 1] == '\r')) {
          comment = true;
        } else if (c == '\t') {
          return line;
        }
      }
      return 0;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return in.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return pyyaml(in.peekEvent());
    }

    /**
     * A scalar with the non-specific tag {@code !} as PyYAML reads it: resolved as a plain scalar
     * is ({@code ! 0} is the integer 0, and a quoted {@code ! '0'} too), where YAML 1.2 makes it
     * a string.
     */
    private static Event pyyaml(Event e) {
      if (e instanceof ScalarEvent se && se.getTag().isPresent() && se.getTag().get().equals("!")) {
        return new ScalarEvent(se.getAnchor(), Optional.empty(), new ImplicitTuple(true, false), se.getValue(),
            se.getScalarStyle(), se.getStartMark(), se.getEndMark());
      }
      return e;
    }

    @Override
    public boolean hasNext() {
      return in.hasNext();
    }

    @Override
    public Event next() {
      Event e = pyyaml(in.next());
      Optional<Mark> m = e.getStartMark();
      if (m.isPresent()) {
        lastLine = m.get().getLine() + 1;
      }
      if (e instanceof NodeEvent n && n.getAnchor().isPresent()) {
        String name = n.getAnchor().get().getValue();
        if (!ANCHOR.matcher(name).matches()) {
          Matcher glued = GLUED_ANCHOR.matcher(name);
          if (glued.matches()) {
            // PyYAML ends the name at the ':' (or '?', '%', '@', '`') and reads on from there; this
            // reader's YAML 1.2 parser takes it into the name. A known difference, refused plainly.
            throw new TooDeep(lastLine, "YAML syntax error: the anchor or alias '" + glued.group(1) + "' is followed"
                + " directly by '" + glued.group(2) + "', which PyYAML (octoDNS's YAML loader) reads apart and zonegate"
                + " cannot; put a space after '" + glued.group(1) + "'");
          }
          throw new TooDeep(lastLine, "YAML syntax error: the anchor or alias name '" + name
              + "' has characters PyYAML (octoDNS's YAML loader) does not allow; use letters, digits, - and _");
        }
        if (e.getEventId() != Event.ID.Alias && !anchors.add(name)) {
          throw new TooDeep(lastLine, "YAML syntax error: the anchor '" + name
              + "' is defined twice, which PyYAML (octoDNS's YAML loader) refuses");
        }
      }
      if (e instanceof ScalarEvent se && !se.isPlain()
          && se.getStartMark().isPresent() && se.getEndMark().isPresent()) {
        textSpans.add(new int[] {se.getStartMark().get().getIndex(), se.getEndMark().get().getIndex()});
      }
      switch (e.getEventId()) {
        case SequenceStart:
        case MappingStart:
          if (++depth > MAX_DEPTH) {
            throw new TooDeep(lastLine, "the YAML is nested more than " + MAX_DEPTH + " levels deep");
          }
          break;
        case SequenceEnd:
        case MappingEnd:
          depth--;
          break;
        default:
          break;
      }
      return e;
    }
  }

}
