package dev.zonegate.config;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A value of an octoDNS config as octoDNS's Python sees it: PyYAML (YAML 1.1) read the file, so a
 * plain {@code yes} is True and a plain {@code ~} None, which the YAML reader here leaves as text
 * ({@link ConfigDoc#quoted} tells the two apart).
 */
final class PyConfig {
  private PyConfig() {}

  /** PyYAML's plain booleans (YAML 1.1), as the YAML reader here may leave them: as text. */
  private static final Set<String> YAML11_TRUE =
      Set.of("yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE");
  private static final Set<String> YAML11_FALSE =
      Set.of("no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE");

  /** Python's truth of a config value: false, null, 0 and empty strings, lists and maps are false. */
  static boolean truthy(JsonNode v) {
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.doubleValue() != 0;
    }
    if (v.isString()) {
      return !v.asString().isEmpty();
    }
    return !v.isEmpty();
  }

  /** Python's None as written: {@code null}, nothing, or a plain {@code ~} (which the YAML reader keeps as its text). */
  static boolean isNone(ConfigDoc doc, JsonNode v, String pointer) {
    return v != null && (v.isNull() || v.isString() && v.asString().equals("~") && !doc.quoted(pointer, "~"));
  }

  /** Whether the text at {@code pointer} is a YAML 1.1 boolean to PyYAML: written plain, not quoted. */
  static boolean isBool(ConfigDoc doc, JsonNode v, String pointer) {
    if (v.isBoolean()) {
      return true;
    }
    if (!v.isString()) {
      return false;
    }
    String s = v.asString();
    return (YAML11_TRUE.contains(s) || YAML11_FALSE.contains(s)) && !doc.quoted(pointer, s);
  }

  /** Whether the value at {@code pointer} is a Python str to octoDNS: text PyYAML took neither as None nor as a boolean. */
  static boolean isStr(ConfigDoc doc, JsonNode v, String pointer) {
    return v.isString() && !isNone(doc, v, pointer) && !isBool(doc, v, pointer);
  }

  /** The value of a node {@link #isBool} says is a boolean. */
  static boolean boolValue(JsonNode v) {
    return v.isBoolean() ? v.asBoolean() : YAML11_TRUE.contains(v.asString());
  }

  /**
   * A provider or zone setting as octoDNS tests it: by Python's truth of what PyYAML made of it.
   * None (also {@code ~}), {@code 0}, an empty string, list or map are false; a plain {@code no} or
   * {@code off} is false and {@code yes} or {@code on} true (YAML 1.1); any other string, quoted
   * {@code "false"} included, is true, as it is to octoDNS. Absent, the setting's default.
   */
  static boolean flag(ConfigDoc doc, JsonNode n, String key, boolean dflt, String at) {
    JsonNode v = n.get(key);
    if (v == null) {
      return dflt;
    }
    String pointer = at + ConfigDoc.segment(key);
    if (isNone(doc, v, pointer)) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isString()) {
      String s = v.asString();
      if (!doc.quoted(pointer, s)) {
        if (YAML11_TRUE.contains(s)) {
          return true;
        }
        if (YAML11_FALSE.contains(s)) {
          return false;
        }
      }
      return !s.isEmpty();
    }
    return truthy(v);
  }
}
