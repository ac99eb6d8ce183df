package dev.zonegate.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

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
}
