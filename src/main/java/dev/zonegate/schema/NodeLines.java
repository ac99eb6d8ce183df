package dev.zonegate.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;

/**
 * Line numbers for a YAML or JSON document, by JSON Pointer ({@code /3/params/minPool}). Jackson's
 * tree nodes carry no locations, so one streaming pass records where each value starts; errors
 * found on the tree can then name the line a person must edit.
 */
public final class NodeLines {
  private final Map<String, Integer> lines;
  private final int firstAlias;

  NodeLines(Map<String, Integer> lines, int firstAlias) {
    this.lines = lines;
    this.firstAlias = firstAlias;
  }

  /**
   * The line of the document's first alias ({@code *name}), or 0 when it has none. Config files
   * and rule packs are small and written by hand: an alias there is refused rather than silently
   * read as the string {@code name}.
   */
  public int firstAlias() {
    return firstAlias;
  }

  /** An open object or array: its pointer, and for arrays the index of the next element. */
  private static final class Container {
    final String pointer;
    final boolean array;
    int next;

    Container(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }
  }

  /** Reads the document's structure only; a syntax error keeps the lines found before it. */
  public static NodeLines of(TokenStreamFactory factory, byte[] document) {
    Map<String, Integer> lines = new HashMap<>();
    Deque<Container> open = new ArrayDeque<>();
    int alias = 0;
    try (JsonParser p = factory.createParser(document)) {
      JsonToken t;
      String name = null;
      while ((t = p.nextToken()) != null) {
        if (alias == 0 && p instanceof tools.jackson.dataformat.yaml.YAMLParser
            && ((tools.jackson.dataformat.yaml.YAMLParser) p).isCurrentAlias()) {
          alias = Math.max(1, p.currentTokenLocation().getLineNr());
        }
        if (t == JsonToken.PROPERTY_NAME) {
          name = p.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          open.pop();
          continue;
        }
        Container parent = open.peek();
        String here =
            parent == null
                ? ""
                : parent.array ? parent.pointer + "/" + parent.next++ : parent.pointer + "/" + escape(name);
        lines.putIfAbsent(here, (int) p.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          open.push(new Container(here, t == JsonToken.START_ARRAY));
        }
      }
    } catch (RuntimeException e) {
      // Syntax errors are reported by the real parse; keep what was mapped.
    }
    return new NodeLines(lines, alias);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** The line of the value at {@code pointer}, or of its nearest ancestor that has one; 0 if none. */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      int cut = p.lastIndexOf('/');
      if (cut < 0) {
        return 0;
      }
      p = p.substring(0, cut);
    }
  }
}
