package dev.zonegate.config;

import dev.zonegate.model.Location;
import dev.zonegate.zone.ZoneFormat;
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
    Location where) {
  public ZoneConfig {
    critical = List.copyOf(critical);
  }

  /** The format to read {@code file} in: the one configured, else the one its name implies. */
  public ZoneFormat effectiveFormat() {
    return format != null ? format : ZoneFormat.fromFileName(file);
  }
}
