package dev.zonegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which unchanged zone files must be read to see whether they include a changed one. */
class CheckIncludesTest {
  private static boolean mentions(String text) {
    return Check.mentionsInclude(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aMasterFileIncludeInAnyCaseAndAnOctoDnsIncludeAreSeen() {
    assertThat(mentions("$INCLUDE common.zone\n")).isTrue();
    assertThat(mentions("@ A 192.0.2.1\n$include shared/ns.zone example.\n")).isTrue();
    assertThat(mentions("$InClUdE x")).isTrue();
    assertThat(mentions("$INCLUDE")).isTrue();
    assertThat(mentions("? !include shared.yaml\n")).isTrue();
    assertThat(mentions("!include")).isTrue(); // at the very end of the file
  }

  @Test
  void aFileWithoutEitherWordOrWithOnlyPartOfOneIsNot() {
    assertThat(mentions("")).isFalse();
    assertThat(mentions("@ A 192.0.2.1\nwww CNAME @\n")).isFalse();
    assertThat(mentions("$INCLUD")).isFalse();
    assertThat(mentions("$ INCLUDE x")).isFalse();
    assertThat(mentions("INCLUDE x")).isFalse();
    assertThat(mentions("!INCLUDE x")).isFalse(); // YAML tags are case-sensitive
    assertThat(mentions("!includ")).isFalse();
    assertThat(mentions("$ORIGIN include.example.\n")).isFalse();
  }
}
