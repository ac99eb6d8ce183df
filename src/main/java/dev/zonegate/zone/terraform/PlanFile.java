package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.zone.Limits;
import dev.zonegate.zone.Route53JsonReader;
import dev.zonegate.zone.ZoneReadException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@code terraform show -json PLANFILE}, read strictly: Terraform writes it, so
 * anything Terraform could not have written (duplicate keys, bytes that are not UTF-8, nesting
 * no plan has, a document that is not a plan) is refused with one sentence and its line, never
 * judged. Format versions 1.x are read (Terraform promises compatible additions within a major
 * version); anything else is refused.
 */
final class PlanFile {
  /** Far deeper than any plan (a few dozen levels); a document past it was not written by Terraform. */
  static final int MAX_DEPTH = 256;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PlanFile() {}

  /** The plan's root object; {@code path} names it in messages. */
  static JsonNode read(byte[] bytes, String path) throws ZoneReadException {
    long max = Limits.Limit.MAX_FILE_BYTES.get();
    if (bytes.length > max) {
      throw new ZoneReadException(new Location(path, 0), Limits.Limit.MAX_FILE_BYTES.exceeded("the plan's size"));
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new ZoneReadException(new Location(path, line), "is not a Terraform plan in JSON: " + shown(Route53JsonReader.jsonProblem(e)));
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new ZoneReadException(
          new Location(path, 0), "is not a Terraform plan: expected the JSON object `terraform show -json PLANFILE` writes");
    }
    JsonNode version = root.get("format_version");
    if (version == null || !version.isString()) {
      throw new ZoneReadException(
          new Location(path, 0), "is not a Terraform plan: it has no format_version (write it with `terraform show -json PLANFILE`)");
    }
    if (!version.asString().matches("1(\\.\\d+)*")) {
      throw new ZoneReadException(
          new Location(path, 0), "has plan format_version " + shown(version.asString()) + "; zonegate reads format 1.x");
    }
    JsonNode changes = root.get("resource_changes");
    if (changes != null && !changes.isArray() && !changes.isNull()) {
      throw new ZoneReadException(new Location(path, 0), "is not a Terraform plan: resource_changes is not a list");
    }
    return root;
  }

  /** Text from the plan, bounded and with control characters made visible, for one-line messages. */
  static String shown(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 120; i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.length() < s.length() ? out + "..." : out.toString();
  }
}
