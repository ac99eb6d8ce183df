package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeLeafTest {
  @Test
  void underscoredLabelsAnywhereInTheNameMakeAnAttributeLeaf() {
    assertThat(AttributeLeaf.is("_acme-challenge.example.com.")).isTrue();
    assertThat(AttributeLeaf.is("_acme-challenge.www.example.com.")).isTrue();
    assertThat(AttributeLeaf.is("_dmarc.example.com.")).isTrue();
    assertThat(AttributeLeaf.is("_443._tcp.www.example.com.")).isTrue();
    assertThat(AttributeLeaf.is("selector1._domainkey.example.com.")).isTrue();
    assertThat(AttributeLeaf.is("_4892a2a9ab88.static.example.com.")).isTrue();
  }

  @Test
  void hostNamesAreNot() {
    assertThat(AttributeLeaf.is("www.example.com.")).isFalse();
    assertThat(AttributeLeaf.is("example.com.")).isFalse();
    assertThat(AttributeLeaf.is(".")).isFalse();
    // An underscore inside a label, or after an escaped dot, starts no label.
    assertThat(AttributeLeaf.is("under_score.example.com.")).isFalse();
    assertThat(AttributeLeaf.is("a\\._b.example.com.")).isFalse();
    assertThat(AttributeLeaf.is("a\\\\._b.example.com.")).isTrue();
    // The escaped dot may open the name: "\\._b" is one label that starts with a dot, not with "_".
    assertThat(AttributeLeaf.is("\\._b.example.com.")).isFalse();
  }
}
