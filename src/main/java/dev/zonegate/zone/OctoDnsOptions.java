package dev.zonegate.zone;

import java.math.BigInteger;
import java.util.Locale;

/**
 * How octoDNS's YamlProvider reads a zone file, from its provider settings and the zone's config.
 *
 * @param enforceOrder {@code enforce_order}: every map's keys must be in order (default true)
 * @param orderMode {@code order_mode}: {@code natural} (natsort, the default) or {@code simple}
 *     (Python's own comparison)
 * @param defaultTtl {@code default_ttl}: the TTL of a record that names none (default 3600)
 * @param escapedSemicolons {@code escaped_semicolons}: true (the default) when {@code ;} in TXT
 *     and SPF values must be written {@code \;}; false when they are written bare and octoDNS
 *     escapes them itself
 * @param populateShouldReplace {@code populate_should_replace}: a second record of one name and
 *     type replaces the first instead of being an error (default false)
 * @param lenient the zone's {@code lenient}: validation problems are warnings, as with
 *     {@code octodns-sync}'s lenient zones (default false)
 */
public record OctoDnsOptions(
    boolean enforceOrder,
    String orderMode,
    long defaultTtl,
    boolean escapedSemicolons,
    boolean populateShouldReplace,
    boolean lenient) {

  /** YamlProvider's {@code default_ttl}. */
  public static final long DEFAULT_TTL = 3600;

  /** What octoDNS does with no settings: order enforced, natural order, TTL 3600, {@code \;}. */
  public static final OctoDnsOptions DEFAULTS =
      new OctoDnsOptions(true, "natural", DEFAULT_TTL, true, false, false);

  /** For a file compared by hand, outside any octoDNS config: key order is not enforced. */
  public static final OctoDnsOptions UNORDERED =
      new OctoDnsOptions(false, "natural", DEFAULT_TTL, true, false, false);

  public OctoDnsOptions {
    orderMode = orderMode == null ? "natural" : orderMode.toLowerCase(Locale.ROOT);
    if (!orderMode.equals("natural") && !orderMode.equals("simple")) {
      throw new IllegalArgumentException(
          "order_mode must be natural or simple, not '" + orderMode + "'");
    }
  }

  /** The order keys are held to. */
  OctoDnsYaml.Order order() {
    if (!enforceOrder) {
      return OctoDnsYaml.Order.NONE;
    }
    return orderMode.equals("simple") ? OctoDnsYaml.Order.SIMPLE : OctoDnsYaml.Order.NATURAL;
  }

  /**
   * Python's {@code int(text)} in base 10, as YamlProvider's {@code default_ttl} written as text
   * is applied to a record without a TTL; null where Python raises.
   */
  public static BigInteger pythonInt(String text) {
    return OctoDnsPy.parseInt(text);
  }

  public OctoDnsOptions withLenient(boolean l) {
    return new OctoDnsOptions(enforceOrder, orderMode, defaultTtl, escapedSemicolons, populateShouldReplace, l);
  }
}
