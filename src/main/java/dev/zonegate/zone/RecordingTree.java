package dev.zonegate.zone;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedMap;

/** Wraps a tree and remembers which paths were read: a zone's file and everything it includes. */
public final class RecordingTree implements SourceTree {
  private final SourceTree inner;
  private final Set<String> read = new LinkedHashSet<>();

  public RecordingTree(SourceTree inner) {
    this.inner = inner;
  }

  @Override
  public byte[] read(String path) throws ZoneReadException {
    String normal = SourceTree.normalize(path);
    read.add(normal == null ? path : normal);
    return inner.read(path);
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public boolean exists(String path) {
    return inner.exists(path);
  }

  @Override
  public SortedMap<String, Kind> list(String dir) throws ZoneReadException {
    return inner.list(dir);
  }

  public Set<String> paths() {
    return Collections.unmodifiableSet(read);
  }
}
