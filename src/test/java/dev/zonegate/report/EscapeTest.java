package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one neutraliser under every report format: what a reviewer sees is what the data holds. */
class EscapeTest {
  @Test
  void controlsBecomeZoneFileEscapes() {
    assertThat(Escape.terminal("a\u001b[31mb\u0000c\u007f\u0085")).isEqualTo("a\\027[31mb\\000c\\127\\133");
  }

  @Test
  void charactersThatShowNothingOrSomethingElseBecomeTheirBytes() {
    assertThat(Escape.terminal("admin\u202etxt.exe")).isEqualTo("admin\\226\\128\\174txt.exe"); // RLO
    assertThat(Escape.terminal("a\u200bb")).isEqualTo("a\\226\\128\\139b"); // zero-width space
    assertThat(Escape.terminal("a\u2028b")).isEqualTo("a\\226\\128\\168b"); // line separator
    assertThat(Escape.terminal("a\ufffeb")).isEqualTo("a\\239\\191\\190b"); // noncharacter
    assertThat(Escape.terminal("a\ud800b")).isEqualTo("a\\237\\160\\128b"); // lone surrogate, WTF-8
  }

  @Test
  void printableTextIsLeftAsItIs() {
    String plain = "www.example.com. 300 IN TXT \"v=spf1 -all\"";
    assertThat(Escape.terminal(plain)).isSameAs(plain);
    assertThat(Escape.terminal("café ünïcode 例え \ud83d\ude00")).isEqualTo("café ünïcode 例え \ud83d\ude00");
  }
}
