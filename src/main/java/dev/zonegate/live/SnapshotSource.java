package dev.zonegate.live;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneReader;
import java.util.Collection;

/**
 * A file in the repository taken as what is live, in any zone format (docs/inputs.md): an export from a
 * provider, or a transfer committed by a job that can reach the servers when CI cannot. It is read
 * from the repository at head, like the zones themselves.
 */
final class SnapshotSource implements LiveSource {
  private final LiveConfig.Snapshot config;
  private final SourceTree repo;

  SnapshotSource(LiveConfig.Snapshot config, SourceTree repo) {
    this.config = config;
    this.repo = repo;
  }

  @Override
  public String describe() {
    return "snapshot " + config.file();
  }

  @Override
  public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
    String origin = LiveSources.origin(zone);
    if (repo == null) {
      throw new LiveException(origin, null, "snapshot " + config.file() + " cannot be read: no repository given");
    }
    try {
      // What is served, as it is: named's check-names is a rule for loading a primary's file, and
      // a provider's export (Route 53 serves a_b A records) is not one.
      ZoneReader reader = ZoneReader.forFormat(ZoneFormat.fromFileName(config.file()), CheckNames.IGNORE);
      return LiveRead.of(reader.read(repo, config.file(), origin));
    } catch (ZoneReadException e) {
      // The reader's message already names the file and line.
      throw new LiveException(origin, null, e.getMessage());
    }
  }
}
