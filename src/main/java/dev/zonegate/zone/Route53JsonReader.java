package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;

/** Placeholder until the reader lands. */
public final class Route53JsonReader implements ZoneReader {
  @Override
  public Zone read(SourceTree tree, String path, String origin) throws ZoneReadException {
    throw new ZoneReadException(new Location(path, 0), "format not supported yet");
  }
}
