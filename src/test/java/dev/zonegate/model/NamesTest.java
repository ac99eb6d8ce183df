package dev.zonegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void sortsLabelByLabelFromTheRight() {
    List<String> names = new ArrayList<>(List.of("z.example.", "a.example.", "example.", "b.a.example.", "*.z.example."));
    names.sort(Names.CANONICAL_ORDER);
    assertThat(names).containsExactly("example.", "a.example.", "b.a.example.", "z.example.", "*.z.example.");
  }

  @Test
  void anEscapedDotIsPartOfALabel() {
    assertThat(Names.labels("a\\.b.example.")).containsExactly("a\\.b", "example");
    assertThat(Names.isAtOrBelow("a\\.example.com.", "example.com.")).isFalse();
    assertThat(Names.isAtOrBelow("www.example.com.", "example.com.")).isTrue();
    assertThat(Names.isAtOrBelow("example.com.", "example.com.")).isTrue();
    assertThat(Names.isAtOrBelow("badexample.com.", "example.com.")).isFalse();
    assertThat(Names.isAtOrBelow("anything.", ".")).isTrue();
  }

  @Test
  void relativeNamesAsPeopleWriteThem() {
    assertThat(Names.relative("example.com.", "example.com.")).isEqualTo("@");
    assertThat(Names.relative("www.example.com.", "example.com.")).isEqualTo("www");
    assertThat(Names.relative("www.example.net.", "example.com.")).isEqualTo("www.example.net.");
  }
}
