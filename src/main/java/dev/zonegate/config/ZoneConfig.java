package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.IncludeDirectory;
import dev.zonegate.zone.OctoDnsOptions;
import dev.zonegate.zone.OctoDnsSources;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReader;
import java.util.List;
import java.util.Objects;

/**
 * One zone of a repository config.
 *
 * @param name the origin, absolute and lower-case ({@code example.com.})
 * @param file repository-relative, normalized, {@code /}-separated; never absolute, never above the
 *     repository root
 * @param format the format to read {@code file} in; null means by extension ({@link
 *     ZoneFormat#fromFileName})
 * @param critical name globs whose addresses must never vanish, as written
 * @param live where the zone is served now; null when the config names no live source
 * @param octodns how octoDNS's YamlProvider reads the file: its provider settings
 *     ({@code enforce_order}, {@code order_mode}, {@code default_ttl}, {@code escaped_semicolons},
 *     {@code populate_should_replace}) and the zone's {@code lenient}. octoDNS's defaults unless an
 *     octoDNS config sets them; meaningless for other formats.
 * @param where the config file and the line the zone's entry starts on
 * @param sources for a zone of an octoDNS config, every YamlProvider it is filled from (then
 *     {@code file} is only the first of its files, for messages, and {@code octodns} the first
 *     source's settings); null for a zone read from {@code file} alone
 * @param checkNames what the zone's server does with a name check-names finds: named's
 *     {@code check-names primary} setting for it; meaningful for master files only
 * @param liveTarget for a zone of an octoDNS config, the id of the target its live state is read
 *     from (the provider octoDNS plans against there): records octoDNS does not deploy to it
 *     ({@code octodns: {excluded: [..]}}, {@code included: [..]}) are not compared with it; null
 *     for other zones
 * @param includeDirectory where the zone's server takes {@code $INCLUDE} paths from: named's
 *     {@code directory}, in the repository and (when given) on the server; null for the including
 *     file's own directory; meaningful for master files only
 */
public record ZoneConfig(
    String name,
    String file,
    ZoneFormat format,
    List<String> critical,
    LiveConfig live,
    OctoDnsOptions octodns,
    Location where,
    OctoDnsSources sources,
    CheckNames checkNames,
    String liveTarget,
    IncludeDirectory includeDirectory) {
  public ZoneConfig {
    critical = List.copyOf(critical);
    Objects.requireNonNull(checkNames, "checkNames");
  }

  /** A zone read from its one file, with named's default check-names. */
  public ZoneConfig(
      String name, String file, ZoneFormat format, List<String> critical, LiveConfig live, OctoDnsOptions octodns,
      Location where) {
    this(name, file, format, critical, live, octodns, where, null, CheckNames.FAIL, null, null);
  }

  /**
   * The reader for this zone, with its format's settings. For a zone of several files the path
   * given to it is ignored: it reads all of them ({@link OctoDnsSources}).
   */
  public ZoneReader reader() {
    return sources != null ? sources.reader() : ZoneReader.of(effectiveFormat(), octodns, checkNames, includeDirectory);
  }

  /**
   * Every file whose change can change the zone, present or not: its file, or for an octoDNS
   * zone each source's zone file and shared file. Files they include are not listed here.
   */
  public List<String> paths() {
    return sources != null ? sources.paths() : List.of(file);
  }

  /**
   * The split directories of an octoDNS zone ({@code split_extension}), both spellings: a change to
   * any {@code .yaml} file directly in one changes the zone. None for other zones.
   */
  public List<String> splitDirectories() {
    return sources != null ? sources.splitDirectories() : List.of();
  }

  /** True when the zone has a file in {@code tree}: when it does not, the zone is not there. */
  public boolean existsIn(SourceTree tree) {
    return sources != null ? sources.existsIn(tree) : tree.exists(file);
  }

  /** octoDNS's zone-level {@code lenient}: validation problems are notices. */
  public boolean lenient() {
    return octodns.lenient();
  }

  /** octoDNS's YamlProvider {@code enforce_order}: keys of the YAML file must be in order. */
  public boolean enforceOrder() {
    return octodns.enforceOrder();
  }

  /** octoDNS's YamlProvider {@code default_ttl}: the TTL of a record without one. */
  public long defaultTtl() {
    return octodns.defaultTtl();
  }

  /** The format to read {@code file} in: the one configured, else the one its name implies. */
  public ZoneFormat effectiveFormat() {
    return format != null ? format : ZoneFormat.fromFileName(file);
  }
}
