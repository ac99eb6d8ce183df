package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReader;
import java.util.List;

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
 * @param lenient octoDNS's zone-level {@code lenient}: waive octoDNS's own value checks. Always
 *     false for a {@code zonegate.yaml}.
 * @param enforceOrder octoDNS's YamlProvider {@code enforce_order}: keys of the YAML file must be
 *     sorted. True (octoDNS's default) unless an octoDNS config turns it off; meaningless for
 *     other formats.
 * @param defaultTtl octoDNS's YamlProvider {@code default_ttl}: the TTL of a record without one
 *     (3600, octoDNS's default, unless an octoDNS config sets it); meaningless for other formats.
 * @param where the config file and the line the zone's entry starts on
 */
public record ZoneConfig(
    String name,
    String file,
    ZoneFormat format,
    List<String> critical,
    LiveConfig live,
    boolean lenient,
    boolean enforceOrder,
    long defaultTtl,
    Location where) {
  public ZoneConfig {
    critical = List.copyOf(critical);
  }

  /** The reader for this zone's file, with its format's settings. */
  public ZoneReader reader() {
    return ZoneReader.of(effectiveFormat(), enforceOrder, lenient, defaultTtl);
  }

  /** The format to read {@code file} in: the one configured, else the one its name implies. */
  public ZoneFormat effectiveFormat() {
    return format != null ? format : ZoneFormat.fromFileName(file);
  }
}
