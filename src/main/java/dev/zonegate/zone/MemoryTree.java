package dev.zonegate.zone;

import dev.zonegate.model.Location;
import java.util.Map;

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

  @Override
  public String describe() {
    return "memory";
  }
}
