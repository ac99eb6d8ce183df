package dev.zonegate.rules;

import dev.zonegate.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a rule pack, with its type's defaults filled into {@code params}. {@code where}
 * is the pack file and line, for errors.
 */
public record RuleSpec(
    String id,
    String type,
    Severity severity,
    Scope scope,
    Map<String, Object> params,
    boolean overridable,
    boolean enabled,
    String description,
    Location where) {

  public RuleSpec {
    params = params == null ? Map.of() : Map.copyOf(params);
    scope = scope == null ? Scope.ALL : scope;
  }

  public long longParam(String name) {
    return ((Number) required(name)).longValue();
  }

  public double doubleParam(String name) {
    return ((Number) required(name)).doubleValue();
  }

  public List<String> stringsParam(String name) {
    Object v = params.get(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?>) {
      for (Object o : (List<?>) v) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private Object required(String name) {
    Object v = params.get(name);
    if (v == null) {
      throw new IllegalStateException("rule '" + id + "' has no value for param '" + name + "'");
    }
    return v;
  }
}
