package dev.zonegate.schema;

import java.util.Map;

/**
 * Line numbers for a YAML or JSON document, by JSON Pointer ({@code /3/params/minPool}). Jackson's
 * tree nodes carry no locations, so the pass that builds the tree ({@link YamlTree}) records where
 * each value starts; errors found on the tree can then name the line a person must edit.
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
