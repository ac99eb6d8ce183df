package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a zone file of octoDNS's YamlProvider: a map of names relative to the zone ({@code ''} is
 * the apex) to one record or a list of records, each with {@code type}, optional {@code ttl}
 * (default 3600, YamlProvider's {@code default_ttl}) and {@code value}/{@code values}.
 *
 * <p>The file is parsed with line numbers ({@link OctoDnsYaml}), checked against the shipped JSON
 * Schema ({@link OctoDnsSchema}), and each value converted to canonical rdata ({@link
 * OctoDnsValues}), so the result compares equal to the same data read from a master file.
 *
 * <p>What is compared is what octoDNS would deploy: the values, and beside them ({@link
 * OctoDnsExtras}) the provider keys under {@code octodns:} and the {@code dynamic} and {@code geo}
 * routing, so a flipped {@code proxied} or an emptied pool is a change. A record marked
 * {@code octodns: {ignored: true}} is kept for the rules to see (it is served) but not compared
 * (octoDNS leaves it alone), and listed once in the report; one marked {@code lenient} has its
 * validity findings shown as allowed by that marker.
 *
 * <p>An empty document (nothing, comments only, or a bare {@code ---}) is an empty zone, as
 * YamlProvider treats it ({@code if yaml_data:}); any other non-map document is an error.
 */
public final class OctoDnsYamlReader implements ZoneReader {
  /** YamlProvider's {@code default_ttl}. */
  public static final long DEFAULT_TTL = 3600;

  private final boolean enforceOrder;
  private final boolean lenient;
  private final long defaultTtl;

  /** For files compared by hand: key order is not enforced, records are judged strictly. */
  public OctoDnsYamlReader() {
    this(false, false, DEFAULT_TTL);
  }

  /**
   * @param enforceOrder YamlProvider's {@code enforce_order}: keys must be in natural order
   * @param lenient the zone's {@code lenient}: every record as if marked {@code octodns.lenient}
   * @param defaultTtl YamlProvider's {@code default_ttl}: the TTL of a record that names none
   */
  public OctoDnsYamlReader(boolean enforceOrder, boolean lenient, long defaultTtl) {
    this.enforceOrder = enforceOrder;
    this.lenient = lenient;
    this.defaultTtl = defaultTtl;
  }

  @Override
  public Zone read(SourceTree tree, String path, String origin) throws ZoneReadException {
    String zone = origin != null ? Names.absolute(origin) : ZoneFormat.originFromFileName(path);
    byte[] bytes = tree.read(path);
    Conversion c = new Conversion(path, zone, lenient, defaultTtl);
    try {
      OctoDnsYaml.Doc doc = OctoDnsYaml.parse(bytes, path, enforceOrder);
      c.doc = doc;
      return c.run();
    } catch (RuntimeException | LinkageError e) {
      // A bug, an unforeseen library failure or a broken install (the schema resource missing:
      // ExceptionInInitializerError) must still come out as one readable sentence.
      throw new ZoneReadException(
          new Location(path, c.line),
          "cannot be read as an octoDNS zone ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + OctoDnsYaml.oneLine(e.getMessage()))
              + ")",
          e);
    }
  }

  /** One file's conversion; {@code line} tracks progress so a late failure can still point. */
  private static final class Conversion {
    final String path;
    final String zone;
    final ZoneBuilder zoneBuilder;
    final Set<RRsetKey> seen = new HashSet<>();
    OctoDnsYaml.Doc doc;
    int line;

    private final boolean zoneLenient;
    private final long defaultTtl;

    Conversion(String path, String zone, boolean zoneLenient, long defaultTtl) {
      this.zoneLenient = zoneLenient;
      this.defaultTtl = defaultTtl;
      this.path = path;
      this.zone = zone;
      this.zoneBuilder = new ZoneBuilder(zone);
    }

    Zone run() throws ZoneReadException {
      JsonNode root = doc.root();
      if (root == null) {
        return zoneBuilder.build();
      }
      if (!root.isObject()) {
        throw new ZoneReadException(
            new Location(path, doc.line("")),
            "an octoDNS zone file must be a map of names to records, not "
                + (root.isArray() ? "a list" : "a single value " + OctoDnsValues.show(root)));
      }
      OctoDnsSchema.check(doc, path);
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        String at = OctoDnsYaml.child("", e.getKey());
        line = doc.line(at);
        String owner;
        try {
          owner = owner(e.getKey(), zone);
        } catch (OctoDnsValues.BadValue bad) {
          throw new ZoneReadException(
              new Location(path, line), "'" + e.getKey() + "': " + bad.getMessage());
        }
        JsonNode data = e.getValue();
        if (data.isArray()) {
          for (int i = 0; i < data.size(); i++) {
            record(e.getKey(), owner, data.get(i), OctoDnsYaml.child(at, i));
          }
        } else {
          record(e.getKey(), owner, data, at);
        }
      }
      return zoneBuilder.build();
    }

    private void record(String name, String owner, JsonNode record, String at)
        throws ZoneReadException {
      line = doc.line(at);
      Location where = new Location(path, line);
      String type = record.get("type").asString();
      String label = "'" + name + "' " + type + ": ";
      RRsetKey key = RRsetKey.of(owner, type);
      if (!seen.add(key)) {
        throw new ZoneReadException(
            where,
            label
                + "a second "
                + type
                + " record at this name; octoDNS refuses duplicates, so merge their values into one");
      }
      long ttl = record.has("ttl") ? record.get("ttl").longValue() : defaultTtl;
      JsonNode meta = record.path("octodns");
      boolean marked = meta.path("lenient").asBoolean(false);
      boolean lenient = zoneLenient || marked;
      if (meta.path("ignored").asBoolean(false)) {
        // octoDNS leaves it alone: the rules still see it (it is served), the diff does not.
        zoneBuilder.ignored(key, where, label + "octodns.ignored: octoDNS leaves it alone, so it is not compared");
      }
      if (marked) {
        zoneBuilder.lenient(key, where);
      }
      try {
        zoneBuilder.extras(key, OctoDnsExtras.of(record, v -> OctoDnsValues.rdata(type, v, owner, zone, lenient), lenient));
      } catch (OctoDnsValues.BadValue bad) {
        throw new ZoneReadException(where, label + bad.getMessage());
      }
      // octoDNS reads `values` when present, else `value`; single-value types only `value`.
      String field =
          OctoDnsValues.SINGLE_VALUE.contains(type) || !record.has("values") ? "value" : "values";
      JsonNode values = record.get(field);
      List<JsonNode> list =
          values.isArray() ? values.valueStream().toList() : List.of(values);
      for (int i = 0; i < list.size(); i++) {
        String rdata;
        try {
          rdata = OctoDnsValues.rdata(type, list.get(i), owner, zone, lenient);
        } catch (OctoDnsValues.BadValue bad) {
          // Value lines are looked up only now: finding them costs a second pass over the file.
          String valueAt = OctoDnsYaml.child(at, field);
          if (values.isArray()) {
            valueAt = OctoDnsYaml.child(valueAt, i);
          }
          throw new ZoneReadException(
              new Location(path, doc.line(valueAt)), label + bad.getMessage());
        }
        zoneBuilder.add(key, ttl, rdata, where);
      }
    }
  }

  /**
   * The absolute owner for a name as octoDNS writes it: relative, {@code ''} for the apex. The
   * checks are octoDNS's own NameValidator's (no {@code @}, no trailing or double dot, no
   * whitespace); lengths are left to dnsjava.
   */
  static String owner(String relative, String origin) throws OctoDnsValues.BadValue {
    if (relative.equals("@")) {
      throw new OctoDnsValues.BadValue("invalid name \"@\"; octoDNS writes the apex as ''");
    }
    if (relative.chars().anyMatch(Character::isWhitespace)) {
      throw new OctoDnsValues.BadValue("whitespace is not allowed in a name");
    }
    if (relative.endsWith(".")) {
      throw new OctoDnsValues.BadValue(
          "names are relative to the zone in octoDNS; drop the trailing \".\"");
    }
    if (relative.startsWith(".") || relative.contains("..")) {
      throw new OctoDnsValues.BadValue("the name has an empty label (a double \".\")");
    }
    String name = OctoDnsValues.idna(relative);
    String absolute =
        name.isEmpty() ? origin : origin.equals(".") ? name + "." : name + "." + origin;
    try {
      return Canonical.name(Name.fromString(absolute));
    } catch (TextParseException | IllegalArgumentException e) {
      throw new OctoDnsValues.BadValue(
          "is not a valid name (" + OctoDnsYaml.oneLine(e.getMessage()) + ")");
    }
  }
}
