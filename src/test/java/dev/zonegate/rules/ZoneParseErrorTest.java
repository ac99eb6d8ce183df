package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZoneParseErrorTest {
  private static final RuleType T = ZoneParseError.TYPE;

  private static List<Finding> run(Zone before, Zone after, ZoneReadException error) {
    RuleSpec spec = RuleFixture.spec(T, Map.of());
    RuleInput in = new RuleInput("example.com.", before, after, List.of(), List.of(), ZoneFormat.MASTER,
        new Location("example.com.zone", 0), error);
    List<Finding> out = new ArrayList<>();
    T.factory().apply(spec).check(in, new Findings(spec, "example.com.", out::add));
    return out;
  }

  @Test
  void exampleFiresWithTheProblemAndItsLine() {
    // RuleFixture.zone wraps the reader's exception; the example's after body must not parse.
    Throwable t = catchThrowable(() -> RuleFixture.zone(T.example().after()));
    assertThat(t).hasCauseInstanceOf(ZoneReadException.class);
    ZoneReadException e = (ZoneReadException) t.getCause();
    List<Finding> f = run(RuleFixture.zone(T.example().before()), null, e);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("zone-parse-error");
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.name()).isEqualTo("example.com.");
      assertThat(x.type()).isNull();
      assertThat(x.message()).isEqualTo(e.problem()).isNotBlank();
      assertThat(x.location()).isEqualTo(e.location());
      assertThat(x.location().path()).isEqualTo("example.com.zone");
      assertThat(x.location().line()).isEqualTo(3); // after the fixture's $ORIGIN and $TTL lines
    });
  }

  @Test
  void anErrorWithoutALocationFallsBackToTheFile() {
    List<Finding> f = run(Zone.empty("example.com."), null, new ZoneReadException(null, "file is not UTF-8"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).isEqualTo("file is not UTF-8");
      assertThat(x.location()).isEqualTo(new Location("example.com.zone", 0));
    });
  }

  @Test
  void aZoneThatParsesIsQuiet() {
    Zone z = RuleFixture.zone("www A 93.184.216.34\n");
    assertThat(run(z, z, null)).isEmpty();
  }
}
