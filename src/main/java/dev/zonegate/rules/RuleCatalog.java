package dev.zonegate.rules;

import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in rule types by name, in the order of docs/rules.md. */
public final class RuleCatalog {
  private static final Map<String, RuleType> TYPES = new LinkedHashMap<>();

  static {
    for (RuleType t :
        List.of(
            ZoneEmptied.TYPE,
            AddressEmptied.TYPE,
            DanglingReference.TYPE,
            CriticalEndpoint.TYPE,
            RoutingPool.TYPE,
            ChangeThreshold.TYPE,
            ApexNsChange.TYPE,
            DelegationChange.TYPE,
            DnssecChange.TYPE,
            CnameConflict.TYPE,
            TargetIsCname.TYPE,
            ReservedAddress.TYPE,
            TtlGuard.TYPE,
            WildcardChange.TYPE,
            MailChange.TYPE,
            SoaSerial.TYPE,
            ZoneParseError.TYPE,
            ZoneLoadError.TYPE,
            OutOfZoneData.TYPE,
            DriftRevert.TYPE,
            LiveInconsistent.TYPE,
            expression())) {
      TYPES.put(t.name(), t);
    }
  }

  private RuleCatalog() {}

  public static Map<String, RuleType> types() {
    return Collections.unmodifiableMap(TYPES);
  }

  public static RuleType type(String name) {
    return TYPES.get(name);
  }

  /**
   * CEL is large and slow to start, so the expression rule's class is only loaded when a pack
   * actually holds an expression rule.
   */
  private static RuleType expression() {
    return new RuleType(
        "expression",
        Severity.WARN,
        "a user CEL expression over the change is true (when:), with a message template (message:)",
        List.of(
            new Param("when", null, "CEL expression over `change` and `zone`; must return a boolean"),
            new Param("message", null, "message template; ${change.name} and other ${...} fields are filled in")),
        RuleCatalog::newExpressionRule,
        new RuleType.Example("api 300 A 93.184.216.34\n", "api 5 A 93.184.216.34\n"));
  }

  private static Rule newExpressionRule(RuleSpec spec) {
    try {
      return (Rule)
          Class.forName("dev.zonegate.rules.ExpressionRule")
              .getDeclaredConstructor(RuleSpec.class)
              .newInstance(spec);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("expression rules are not available: " + e, e);
    }
  }
}
