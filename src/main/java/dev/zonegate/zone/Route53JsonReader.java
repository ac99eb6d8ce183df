package dev.zonegate.zone;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the output of {@code aws route53 list-resource-record-sets}: the wrapper object the CLI
 * prints, or a bare array of its record sets (what {@code jq .ResourceRecordSets} leaves). The
 * document is validated against {@code route53-zone.schema.json} first, so the conversion below
 * can trust shapes and types.
 *
 * <p>Route 53 escapes names (and strings inside values) with three-digit <em>octal</em> codes,
 * {@code \052} for {@code *}, where master files use decimal; they are rewritten to decimal and
 * then read by dnsjava exactly as the master-file reader reads them, so both formats give the same
 * snapshot for the same data. Names in values are fully qualified in Route 53 whether or not they
 * end in a dot, so values are read relative to the root, not the zone.
 *
 * <p>Alias records have no rdata of their own. Each becomes a record of the pseudo-type {@code
 * ALIAS}, TTL 0, whose rdata is {@code "<aliased type> <target>"}, e.g. {@code A
 * dualstack.lb-1.us-east-1.elb.amazonaws.com.}. The target's hosted zone and health evaluation are
 * left out: they do not change the answer's meaning for a reviewer. An A and an AAAA alias at one
 * name are thus two records of one set, and losing one shows as a removed record.
 *
 * <p>Routing sets (weighted, latency, failover, geolocation, geoproximity, IP-based, multivalue)
 * share name and type, so each is keyed apart by {@link RRsetKey#setId()}: the {@code
 * SetIdentifier}, then its routing attributes as {@code key=value} words sorted by key, one space
 * apart: {@code cidr.collection}, {@code cidr.location}, {@code failover}, {@code geo.continent},
 * {@code geo.country}, {@code geo.subdivision}, {@code geoproximity.bias}, {@code
 * geoproximity.latitude}, {@code geoproximity.localzonegroup}, {@code geoproximity.longitude},
 * {@code geoproximity.region}, {@code healthcheck}, {@code multivalue}, {@code region}, {@code
 * weight}. Examples: {@code blue weight=10}, {@code primary failover=PRIMARY healthcheck=abc}.
 * Putting the attributes into the key makes a re-weighting or a swapped failover role show as a
 * change. A record set without {@code SetIdentifier} has a null setId (Route 53 ignores a health
 * check there).
 *
 * <p>A truncated listing ({@code IsTruncated: true}, or a {@code NextToken} left by {@code
 * --max-items}) is refused: judging a partial zone would report every missing set as deleted.
 */
public final class Route53JsonReader implements ZoneReader {
  private static final String SCHEMA = "classpath:dev/zonegate/schema/route53-zone.schema.json";
  private static final String SETS = "ResourceRecordSets";

  /** Duplicate keys are refused: JSON gives them no meaning, and the last would win silently. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static volatile Schema schema;

  @Override
  public Zone read(SourceTree tree, String path, String origin) throws ZoneReadException {
    byte[] bytes = tree.read(path);
    try {
      return convert(path, bytes, origin);
    } catch (RuntimeException e) {
      // A bug or a library surprise must still end as a readable error, never a stack trace.
      throw new ZoneReadException(
          new Location(path, 0),
          "cannot be read as Route 53 JSON (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private Zone convert(String path, byte[] bytes, String origin) throws ZoneReadException {
    JsonNode root = parse(path, bytes);
    Lines lines = Lines.of(bytes);
    validate(path, root, lines);
    JsonNode sets = root.isArray() ? root : root.get(SETS);
    refuseTruncated(path, root, lines);

    String zoneOrigin = origin != null ? origin : originOf(path, sets, lines);
    Listing listing = new Listing(path, zoneOrigin);
    for (int i = 0; i < sets.size(); i++) {
      listing.add(sets.get(i), new Location(path, lines.set(i)));
    }
    return listing.build();
  }

  /**
   * One listing of record sets in the shape {@code list-resource-record-sets} prints, turned into
   * a zone set by set: a whole file here, and page by page in the Route 53 API source ({@code
   * dev.zonegate.live.route53}), which writes each set the SDK returns in this shape. Both go
   * through this one conversion, so a snapshot read from the API and the same zone exported as
   * JSON agree byte for byte.
   */
  public static final class Listing {
    private final String path;
    private final Location where;
    private final ZoneBuilder builder;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Predicate<String> opaque;
    private int count;

    /** {@code path} names where the sets come from in messages: the file, or the live source. */
    public Listing(String path, String origin) {
      this.path = path;
      this.where = new Location(path, 0);
      this.builder = new ZoneBuilder(origin);
      this.opaque = v -> false;
    }

    /**
     * Sets added one by one ({@link #add}) to {@code builder}, each with its own location, as a
     * Terraform plan's {@code aws_route53_record} resources are. {@code opaque}: values taken as
     * they are, not read as record data: a plan's stand-ins for values it does not show
     * ("known after apply", sensitive ones).
     */
    public Listing(ZoneBuilder builder, Predicate<String> opaque) {
      this.path = null;
      this.where = null;
      this.builder = builder;
      this.opaque = opaque;
    }

    /**
     * Adds a page: a JSON array of record sets, checked against the schema as a file is, then
     * converted. A problem is a {@link ZoneReadException} located at {@code path}, no line.
     */
    public void addPage(JsonNode sets) throws ZoneReadException {
      try {
        validate(path, sets, new Lines());
        for (JsonNode set : sets) {
          add(set, where);
        }
      } catch (RuntimeException e) {
        throw new ZoneReadException(
            where, "cannot be read as Route 53 record sets (" + e.getClass().getSimpleName() + ")", e);
      }
    }

    /** Record sets added so far. */
    public int count() {
      return count;
    }

    /** Adds one record set in the API's shape, read at {@code at}. */
    public void add(JsonNode set, Location at) throws ZoneReadException {
      RecordSet.of(set, count++, at).addTo(builder, seen, opaque);
    }

    public Zone build() {
      return builder.build();
    }
  }

  private static JsonNode parse(String path, byte[] bytes) throws ZoneReadException {
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new ZoneReadException(new Location(path, line), "is not valid JSON: " + jsonProblem(e));
    }
    if (root == null || root.isMissingNode()) {
      throw new ZoneReadException(
          new Location(path, 0),
          "is empty; expected the output of aws route53 list-resource-record-sets");
    }
    return root;
  }

  /** Jackson's message without the source description and the "at [line, column]" tail. */
  /** Jackson's own words about a JSON error, first line only, without the excerpt of the input it may add. */
  public static String jsonProblem(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int cut = m.indexOf(" (start marker at");
    if (cut >= 0) {
      m = m.substring(0, cut);
    }
    cut = m.indexOf('\n');
    return cut >= 0 ? m.substring(0, cut) : m;
  }

  private static void validate(String path, JsonNode root, Lines lines) throws ZoneReadException {
    List<Error> errors = schema().validate(root);
    if (errors.isEmpty()) {
      return;
    }
    // The earliest record set first, so the message points at the first thing to fix.
    Error first =
        errors.stream()
            .min(Comparator.comparingInt(e -> setIndex(e.getInstanceLocation(), root)))
            .get();
    NodePath at = first.getInstanceLocation();
    int index = setIndex(at, root);
    int others = errors.size() - 1;
    String more =
        others == 0 ? "" : " (and " + others + " more problem" + (others == 1 ? ")" : "s)");
    if (index < 0) {
      String field = at.getNameCount() > 0 ? String.valueOf(at.getElement(0)) : null;
      throw new ZoneReadException(
          new Location(path, lines.field(field)),
          "does not match the Route 53 format: " + message(first) + more);
    }
    JsonNode sets = root.isArray() ? root : root.get(SETS);
    String label = RecordSet.label(sets.get(index), index);
    String inside = relativePath(at, root.isArray() ? 1 : 2);
    throw new ZoneReadException(
        new Location(path, lines.set(index)),
        label + ": " + (inside.isEmpty() ? "" : inside + ": ") + message(first) + more);
  }

  /** The networknt message without its leading instance path, which we print our own way. */
  private static String message(Error e) {
    String m = e.getMessage();
    String at = e.getInstanceLocation().toString();
    if (m.startsWith(at + ": ")) {
      m = m.substring(at.length() + 2);
    }
    return m;
  }

  /** Which record set an instance path points into, or -1 for the document itself. */
  private static int setIndex(NodePath at, JsonNode root) {
    int pos = root.isArray() ? 0 : 1;
    if (!root.isArray() && (at.getNameCount() < 2 || !SETS.equals(at.getElement(0)))) {
      return -1;
    }
    if (at.getNameCount() <= pos || !(at.getElement(pos) instanceof Integer)) {
      return -1;
    }
    return (Integer) at.getElement(pos);
  }

  /** {@code ResourceRecords[0].Value} from the path elements below the record set. */
  private static String relativePath(NodePath at, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < at.getNameCount(); i++) {
      Object e = at.getElement(i);
      if (e instanceof Integer) {
        out.append('[').append(e).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(e);
      }
    }
    return out.toString();
  }

  private static void refuseTruncated(String path, JsonNode root, Lines lines)
      throws ZoneReadException {
    if (!root.isObject()) {
      return;
    }
    if (root.path("IsTruncated").asBoolean(false)) {
      throw new ZoneReadException(
          new Location(path, lines.field("IsTruncated")),
          "the export is truncated (IsTruncated is true); fetch all pages");
    }
    JsonNode token = root.get("NextToken");
    if (token != null && token.isString() && !token.stringValue().isEmpty()) {
      throw new ZoneReadException(
          new Location(path, lines.field("NextToken")),
          "the export is truncated (NextToken is set); fetch all pages without --max-items");
    }
  }

  /** The SOA owner when the listing has one (a full hosted-zone export has), else the file name. */
  private static String originOf(String path, JsonNode sets, Lines lines) throws ZoneReadException {
    for (int i = 0; i < sets.size(); i++) {
      JsonNode s = sets.get(i);
      if ("SOA".equalsIgnoreCase(s.get("Type").stringValue()) && !s.has("AliasTarget")) {
        return RecordSet.owner(s, i, new Location(path, lines.set(i)));
      }
    }
    return ZoneFormat.originFromFileName(path);
  }

  private static Schema schema() {
    Schema s = schema;
    if (s == null) {
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
      s = registry.getSchema(SchemaLocation.of(SCHEMA));
      schema = s;
    }
    return s;
  }

  /** One element of ResourceRecordSets, turned into model records. */
  private static final class RecordSet {
    private final JsonNode node;
    private final String label;
    private final Location where;

    private RecordSet(JsonNode node, String label, Location where) {
      this.node = node;
      this.label = label;
      this.where = where;
    }

    static RecordSet of(JsonNode node, int index, Location where) {
      return new RecordSet(node, label(node, index), where);
    }

    /** How messages name a set: {@code www.example.com. A [blue]}, as far as it is known. */
    static String label(JsonNode node, int index) {
      if (node == null || !node.isObject()) {
        return "record set " + (index + 1);
      }
      JsonNode name = node.get("Name");
      JsonNode type = node.get("Type");
      JsonNode id = node.get("SetIdentifier");
      String n =
          name != null && name.isString() ? shown(name.stringValue()) : "record set " + (index + 1);
      String t =
          type != null && type.isString() ? " " + type.stringValue().toUpperCase(Locale.ROOT) : "";
      String i = id != null && id.isString() ? " [" + id.stringValue() + "]" : "";
      return n + t + i;
    }

    private static String shown(String name) {
      try {
        return absoluteName(name);
      } catch (RuntimeException e) {
        return name;
      }
    }

    /** The set's owner in model form; a name dnsjava refuses is this set's error. */
    static String owner(JsonNode node, int index, Location where) throws ZoneReadException {
      RecordSet set = of(node, index, where);
      return set.name(node.get("Name").stringValue(), "Name");
    }

    void addTo(ZoneBuilder builder, Map<String, Integer> seen, Predicate<String> opaque) throws ZoneReadException {
      String owner = name(node.get("Name").stringValue(), "Name");
      String type = type(node.get("Type").stringValue());
      JsonNode alias = node.get("AliasTarget");
      JsonNode records = node.get("ResourceRecords");
      if (alias == null && records == null) {
        throw error("has neither ResourceRecords nor AliasTarget");
      }
      if (alias != null && records != null) {
        throw error("has both ResourceRecords and AliasTarget; Route 53 allows one or the other");
      }
      if (!Names.isAtOrBelow(owner, builder.origin())) {
        throw error("the name is outside the zone " + builder.origin());
      }
      String setId = setId();
      if (alias != null) {
        if (node.has("TTL")) {
          throw error("an alias record set takes its TTL from the target and cannot have its own");
        }
        String dns = alias.get("DNSName").stringValue();
        String target = opaque.test(dns) ? dns : name(dns, "AliasTarget.DNSName");
        remember(builder, seen, owner + " ALIAS " + type + " " + setId);
        builder.add(new RRsetKey(owner, "ALIAS", setId), 0, type + " " + target, where);
        return;
      }
      if (!node.has("TTL")) {
        throw error("has ResourceRecords but no TTL");
      }
      long ttl = node.get("TTL").longValue();
      remember(builder, seen, owner + " " + type + " " + setId);
      RRsetKey key = new RRsetKey(owner, type, setId);
      for (JsonNode rr : records) {
        String value = rr.get("Value").stringValue();
        builder.add(key, ttl, opaque.test(value) ? value : rdata(owner, type, value), where);
      }
    }

    /** Route 53 has one entry per set; a second one is merged as a server would, with a note. */
    private void remember(ZoneBuilder builder, Map<String, Integer> seen, String key) {
      Integer before = seen.putIfAbsent(key, where.line());
      if (before != null) {
        builder.notice(
            where,
            label + " appears again" + (before > 0 ? " (first at line " + before + ")" : "")
                + "; the records are merged");
      }
    }

    private String name(String text, String field) throws ZoneReadException {
      try {
        return absoluteName(text);
      } catch (RuntimeException e) {
        throw error(field + " '" + text + "' is not a domain name: " + e.getMessage());
      }
    }

    private String type(String text) throws ZoneReadException {
      int t = Type.value(text);
      if (t < 0) {
        throw error("unknown record type '" + text + "'");
      }
      return Type.string(t);
    }

    private String rdata(String owner, String type, String value) throws ZoneReadException {
      try {
        return Canonical.rdata(owner, type, octalToDecimal(value), ".");
      } catch (IOException | RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // dnsjava's tokenizer prefixes "<none>:1: ", a file and line that mean nothing here.
        why = why.replaceFirst("^<none>:\\d+: ", "");
        throw error("cannot parse value '" + value + "': " + why);
      }
    }

    private String setId() {
      JsonNode id = node.get("SetIdentifier");
      if (id == null) {
        return null;
      }
      Map<String, String> attrs = new TreeMap<>();
      put(attrs, "weight", node.get("Weight"));
      put(attrs, "region", node.get("Region"));
      put(attrs, "failover", node.get("Failover"));
      put(attrs, "multivalue", node.get("MultiValueAnswer"));
      put(attrs, "healthcheck", node.get("HealthCheckId"));
      JsonNode geo = node.path("GeoLocation");
      put(attrs, "geo.continent", geo.get("ContinentCode"));
      put(attrs, "geo.country", geo.get("CountryCode"));
      put(attrs, "geo.subdivision", geo.get("SubdivisionCode"));
      JsonNode cidr = node.path("CidrRoutingConfig");
      put(attrs, "cidr.collection", cidr.get("CollectionId"));
      put(attrs, "cidr.location", cidr.get("LocationName"));
      JsonNode prox = node.path("GeoProximityLocation");
      put(attrs, "geoproximity.region", prox.get("AWSRegion"));
      put(attrs, "geoproximity.localzonegroup", prox.get("LocalZoneGroup"));
      put(attrs, "geoproximity.latitude", prox.path("Coordinates").get("Latitude"));
      put(attrs, "geoproximity.longitude", prox.path("Coordinates").get("Longitude"));
      put(attrs, "geoproximity.bias", prox.get("Bias"));
      StringBuilder out = new StringBuilder(id.stringValue());
      attrs.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
      return out.toString();
    }

    private static void put(Map<String, String> attrs, String key, JsonNode value) {
      if (value != null && !value.isNull()) {
        attrs.put(key, value.asString());
      }
    }

    private ZoneReadException error(String problem) {
      return new ZoneReadException(where, label + ": " + problem);
    }
  }

  /**
   * Absolute, lower-case, dnsjava presentation form; a missing final dot is implied. Route 53's
   * octal escapes are read; a name dnsjava refuses is an {@link IllegalArgumentException}.
   */
  public static String absoluteName(String route53Name) {
    try {
      return Canonical.name(Name.fromString(octalToDecimal(route53Name), Name.root));
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Rewrites Route 53's {@code \ooo} octal escapes as the {@code \DDD} decimal escapes of RFC 1035
   * that dnsjava reads. Other escapes ({@code \.}, {@code \"}, {@code \\}) pass unchanged; a
   * backslash followed by a digit that is not a three-digit octal code is refused rather than
   * guessed at.
   */
  static String octalToDecimal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(i + 1);
      if (!Character.isDigit(next)) {
        out.append(c).append(next);
        i++;
        continue;
      }
      String digits = text.substring(i + 1, Math.min(text.length(), i + 4));
      if (!digits.matches("[0-3][0-7][0-7]")) {
        throw new IllegalArgumentException(
            "escape '\\" + digits + "' is not \\ and three octal digits");
      }
      out.append('\\').append(String.format(Locale.ROOT, "%03d", Integer.parseInt(digits, 8)));
      i += 3;
    }
    return out.toString();
  }

  /** Where each record set (and each top-level key) starts; the tree keeps no line numbers. */
  private static final class Lines {
    private final List<Integer> sets = new ArrayList<>();
    private final Map<String, Integer> fields = new HashMap<>();

    static Lines of(byte[] bytes) {
      Lines out = new Lines();
      try (JsonParser p = MAPPER.createParser(bytes)) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          out.elements(p);
        } else if (t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            out.fields.putIfAbsent(field, p.currentTokenLocation().getLineNr());
            JsonToken value = p.nextToken();
            if (SETS.equals(field) && value == JsonToken.START_ARRAY) {
              out.elements(p);
            } else {
              p.skipChildren();
            }
          }
        }
      }
      return out;
    }

    private void elements(JsonParser p) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        sets.add(p.currentTokenLocation().getLineNr());
        p.skipChildren();
      }
    }

    int set(int index) {
      return index < sets.size() ? sets.get(index) : 0;
    }

    int field(String name) {
      return name == null ? 1 : fields.getOrDefault(name, 1);
    }
  }
}
