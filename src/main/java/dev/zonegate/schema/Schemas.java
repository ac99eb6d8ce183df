package dev.zonegate.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas shipped in the jar under {@code dev/zonegate/schema/}, loaded once each. All
 * messages are in English whatever the machine's locale, so CI logs read the same everywhere.
 */
public final class Schemas {
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

  private Schemas() {}

  public static Schema get(String fileName) {
    return LOADED.computeIfAbsent(fileName, Schemas::load);
  }

  public static List<Error> validate(String fileName, JsonNode document) {
    return get(fileName).validate(document);
  }

  private static Schema load(String fileName) {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config).nodeReader(SchemaReader.INSTANCE));
    return registry.getSchema(SchemaLocation.of("classpath:dev/zonegate/schema/" + fileName));
  }

  /** The validator's message without its leading instance path, which callers print their way. */
  public static String message(Error e) {
    String m = e.getMessage();
    String at = e.getInstanceLocation().toString();
    if (m.startsWith(at + ": ")) {
      m = m.substring(at.length() + 2);
    }
    return m;
  }
}
