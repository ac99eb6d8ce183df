package dev.zonegate.zone;

import dev.zonegate.model.Location;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Files held in memory: rule examples, tests, and blobs already read from elsewhere. */
public final class MemoryTree implements SourceTree {
  private final Map<String, byte[]> files;

  public MemoryTree(Map<String, byte[]> files) {
    this.files = Map.copyOf(files);
  }

  @Override
  public byte[] read(String path) throws ZoneReadException {
    byte[] b = files.get(SourceTree.normalize(path));
    if (b == null) {
      throw new ZoneReadException(new Location(path, 0), "no such file");
    }
    return b.clone();
  }

  /** The files' paths read as a directory tree: every prefix of a path is a directory. */
  @Override
  public SortedMap<String, Kind> list(String dir) throws ZoneReadException {
    String normal = SourceTree.normalize(dir);
    if (normal == null) {
      throw new ZoneReadException(new Location(dir, 0), "path is outside the repository");
    }
    String prefix = normal.isEmpty() ? "" : normal + "/";
    SortedMap<String, Kind> out = new TreeMap<>(SourceTree.CODE_POINT_ORDER);
    for (String path : files.keySet()) {
      if (path.startsWith(prefix) && path.length() > prefix.length()) {
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
          out.put(rest, Kind.FILE);
        } else {
          out.put(rest.substring(0, slash), Kind.DIRECTORY);
        }
      }
    }
    if (out.isEmpty() && !normal.isEmpty()) {
      return null;
    }
    return Collections.unmodifiableSortedMap(out);
  }

  @Override
  public String describe() {
    return "memory";
  }
}
