package dev.zonegate.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * What a YAML file's problems say to the person who wrote it: one line, in their words, with no
 * Java class names; and the refusal of anchors and aliases where zonegate's tree reading would
 * take {@code *name} for a plain string.
 */
public final class YamlText {
  private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"(.*)\"");

  private YamlText() {}

  /** The parser's complaint as one sentence. */
  public static String problem(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "not valid YAML";
    }
    // SnakeYAML writes "context\n in reader, line..\n  excerpt\nproblem\n in reader..": keep the
    // unindented sentences, in one line.
    m = String.join(": ", m.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
    m = JAVA_CLASS.matcher(m).replaceAll("");
    Matcher dup = DUPLICATE.matcher(m);
    if (dup.find()) {
      return "key '" + dup.group(1) + "' appears twice in the same map";
    }
    if (m.contains("Invalid UTF-8")) {
      return "the file is not valid UTF-8 (" + m + ")";
    }
    return m;
  }

  /**
   * The line of the first alias ({@code *name}) in the document, or 0 when it has none. Config
   * files and rule packs are small and written by hand: an alias there is refused rather than
   * silently read as the string {@code name}.
   */
  public static int firstAliasLine(YAMLFactory factory, byte[] document) {
    try (JsonParser p = factory.createParser(document)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
          return Math.max(1, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (RuntimeException e) {
      return 0; // the real parse reports syntax errors
    }
    return 0;
  }
}
