package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.schema.NodeLines;
import dev.zonegate.schema.YamlText;
import dev.zonegate.schema.YamlTree;
import dev.zonegate.zone.SourceTree;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One parsed config file: its tree, the line of every node, and the helpers both loaders share to
 * turn a JSON Pointer into {@code path:line} and a value into a checked path or zone name.
 */
final class ConfigDoc {
  private static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:.*");

  final String path;
  final JsonNode root;
  private final NodeLines lines;
  /** The file, for what the tree does not keep: whether a scalar was quoted. */
  private final byte[] bytes;
  /** Its lines, split on the first question (few configs ever ask: only octoDNS flags written as words). */
  private String[] text;

  private ConfigDoc(String path, JsonNode root, NodeLines lines, byte[] bytes) {
    this.path = path;
    this.root = root;
    this.lines = lines;
    this.bytes = bytes;
  }

  /**
   * Whether the string {@code value} at {@code pointer} was written in quotes on its line: PyYAML,
   * as octoDNS reads its config, takes a plain {@code no} or {@code ~} for false and None, but a
   * quoted one for a string, which Python holds true.
   */
  boolean quoted(String pointer, String value) {
    int line = lines.line(pointer);
    if (text == null) {
      text = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
    }
    if (line <= 0 || line > text.length) {
      return false;
    }
    String l = text[line - 1];
    int comment = l.indexOf(" #");
    if (comment >= 0) {
      l = l.substring(0, comment); // a quoted word in a comment says nothing about the value
    }
    return l.contains("\"" + value + "\"") || l.contains("'" + value + "'");
  }

  /**
   * Parses a YAML map. {@code kind} names the file in messages ("a zonegate config"); {@code
   * wants} says what the map must hold, for the message about an empty or non-map document.
   */
  static ConfigDoc parse(String path, byte[] bytes, String kind, String wants) throws ConfigException {
    JsonNode root;
    NodeLines lines;
    try {
      YamlTree.Document doc = YamlTree.read(bytes);
      root = doc.root();
      lines = doc.lines();
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
      throw new ConfigException(new Location(path, line), "not valid YAML: " + yamlProblem(e));
    }
    if (lines.firstAlias() > 0) {
      throw new ConfigException(new Location(path, lines.firstAlias()), "YAML aliases (*name) are not supported here; write the value out");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(new Location(path, 0), "the file is empty; " + kind + " is a YAML map with " + wants);
    }
    if (!root.isObject()) {
      throw new ConfigException(
          new Location(path, lines.line("")), kind + " is a YAML map with " + wants + ", not a " + kindOf(root));
    }
    return new ConfigDoc(path, root, lines, bytes);
  }

  Location at(String pointer) {
    return new Location(path, lines.line(pointer));
  }

  ConfigException error(String pointer, String problem) {
    return new ConfigException(at(pointer), problem);
  }

  /** A JSON Pointer segment for a map key ({@code /} and {@code ~} escaped, RFC 6901). */
  static String segment(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * A path the config names, made repository-relative: {@code ./} and {@code .} collapsed, {@code
   * \} turned to {@code /}. Absolute paths and paths climbing above the root are refused, since
   * zonegate reads only what the repository holds.
   */
  String repoPath(String pointer, String what, String value) throws ConfigException {
    return repoPath(pointer, what, value, false);
  }

  /**
   * {@link #repoPath(String, String, String)} for a directory, where the repository's root
   * ({@code .}, {@code ./.}, {@code a/..}) is the empty path.
   */
  String repoDirectory(String pointer, String what, String value) throws ConfigException {
    return repoPath(pointer, what, value, true);
  }

  private String repoPath(String pointer, String what, String value, boolean rootAllowed) throws ConfigException {
    String v = value.trim();
    String normal =
        v.startsWith("/") || v.startsWith("\\") || WINDOWS_ABSOLUTE.matcher(v).matches()
            ? null
            : SourceTree.normalize(v);
    if (normal == null) {
      throw error(
          pointer,
          what + " '" + value + "': path escapes the repository (paths are relative to the repository root)");
    }
    if (normal.isEmpty() && !rootAllowed) {
      throw error(pointer, what + " '" + value + "' names no file");
    }
    return normal;
  }

  /**
   * A zone name made absolute and lower-case (IDNA names in their ASCII form). Checked with dnsjava (label and name lengths, empty
   * labels) and for characters a zone name never holds, so a typo is not a zone nobody serves.
   */
  String zoneName(String pointer, String value) throws ConfigException {
    String v = value.trim();
    if (v.equals(".")) {
      return ".";
    }
    if (!v.chars().allMatch(c -> c < 0x80)) {
      // An internationalized name, as octoDNS accepts it: compared in its ASCII (punycode) form.
      try {
        v = IDN.toASCII(v, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        throw error(pointer, "zone name '" + value + "' is not a domain name");
      }
    }
    if (!NAME_CHARS.matcher(v).matches() || v.startsWith(".") || v.contains("..")) {
      throw error(pointer, "zone name '" + value + "' is not a domain name");
    }
    try {
      Name.fromString(v, Name.root);
    } catch (TextParseException e) {
      throw error(pointer, "zone name '" + value + "' is not a domain name (" + e.getMessage() + ")");
    }
    String n = v.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }

  static String kindOf(JsonNode n) {
    if (n.isArray()) {
      return "list";
    }
    if (n.isObject()) {
      return "map";
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isNumber() ? "number" : n.isBoolean() ? "boolean" : "string";
  }

  private static String yamlProblem(JacksonException e) {
    return YamlText.problem(e);
  }

}
