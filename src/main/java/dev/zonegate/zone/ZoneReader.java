package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.Zone;

/** Reads one zone format into the model. One implementation per format. */
public interface ZoneReader {
  /**
   * Reads {@code path} from {@code tree}. {@code origin} is the zone's absolute name, or null to
   * take it from the file (SOA owner where the format has one, else the file name).
   */
  Zone read(SourceTree tree, String path, String origin) throws ZoneReadException;

  /**
   * Reads {@code path} the way its deploying tool would read a broken file it has to live with:
   * what does not parse is skipped, each problem kept as a notice on the zone (file and line).
   * Throws only when nothing at all could be read.
   */
  default Zone readLenient(SourceTree tree, String path, String origin) throws ZoneReadException {
    return read(tree, path, origin);
  }

  /**
   * Reads the side a change is judged against (the base commit, or a file said to be live). One
   * that does not parse (a broken main) is read leniently, its problems kept as warnings, so the
   * change is still judged on its merits and the commit that repairs it is not refused (docs/exit-codes.md).
   * Throws, with the strict reading's error, only when nothing at all could be read.
   */
  static Zone readBase(ZoneReader reader, SourceTree tree, String path, String origin) throws ZoneReadException {
    try {
      return reader.read(tree, path, origin);
    } catch (ZoneReadException strict) {
      Zone lenient;
      try {
        lenient = reader.readLenient(tree, path, origin);
      } catch (ZoneReadException e) {
        throw strict;
      }
      return lenient.withNotice(
          new Notice(
              strict.location() != null ? strict.location() : new Location(path, 0),
              "this base version does not parse; it is read leniently, as its deploying tool would read it: what"
                  + " it skips is listed, and the change is judged against the rest"));
    }
  }

  /**
   * The reader for a configured zone; {@code octodns} holds octoDNS's YamlProvider and zone
   * settings, which mean nothing to the other formats.
   */
  static ZoneReader of(ZoneFormat format, OctoDnsOptions octodns) {
    return of(format, octodns, CheckNames.FAIL);
  }

  /** As {@link #of(ZoneFormat, OctoDnsOptions)}; {@code checkNames} is for a master file's server. */
  static ZoneReader of(ZoneFormat format, OctoDnsOptions octodns, CheckNames checkNames) {
    return of(format, octodns, checkNames, null);
  }

  /**
   * As {@link #of(ZoneFormat, OctoDnsOptions, CheckNames)}; {@code includeDirectory} is where a
   * master file's server takes {@code $INCLUDE} paths from (named's {@code directory}; null: the
   * including file's directory).
   */
  static ZoneReader of(ZoneFormat format, OctoDnsOptions octodns, CheckNames checkNames, IncludeDirectory includeDirectory) {
    return format == ZoneFormat.OCTODNS ? new OctoDnsYamlReader(octodns) : forFormat(format, checkNames, includeDirectory);
  }

  static ZoneReader forFormat(ZoneFormat format) {
    return forFormat(format, CheckNames.FAIL);
  }

  static ZoneReader forFormat(ZoneFormat format, CheckNames checkNames) {
    return forFormat(format, checkNames, null);
  }

  static ZoneReader forFormat(ZoneFormat format, CheckNames checkNames, IncludeDirectory includeDirectory) {
    switch (format) {
      case OCTODNS:
        return new OctoDnsYamlReader();
      case ROUTE53:
        return new Route53JsonReader();
      default:
        return new MasterFileReader(checkNames, includeDirectory);
    }
  }
}
