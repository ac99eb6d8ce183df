package dev.zonegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dynamic-entry filters as Python evaluates them (each expectation from Python 3's fnmatch and re). */
class PyPatternsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "example.com.          | *.com.   | true",
        "example.com.          | *.arpa.  | false",
        "2.0.192.in-addr.arpa. | *.arpa.  | true",
        "a.b.                  | ?.b.     | true",
        "ab.b.                 | ?.b.     | false",
        "a.b.                  | [ab].b.  | true",
        "c.b.                  | [!ab].b. | true",
        "a.b.                  | [!ab].b. | false",
        "[x].b.                | [x].b.   | false",
        "x.b.                  | [x].b.   | true",
        "a\\.b.                | a\\.b.   | true",
        "Example.com.          | example.*| false",
        "a-b.                  | [a-c]-b. | true",
        "^.b.                  | [^].b.   | true",
        "x.b.                  | [^].b.   | false",
        "[.b.                  | [.b.     | true",
      })
  void globsMatchAsFnmatchcase(String name, String glob, boolean matches) {
    assertThat(PyPatterns.fnmatch(name, glob)).as(glob).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "(?P<tld>com)\\.\\Z ; example.com.  ; true",
        "(?P<l>a)(?P=l)\\.  ; aa.example.   ; true",
        "(?P<l>a)(?P=l)\\.  ; ab.example.   ; false",
        "^example\\.(com|net)\\.$ ; example.net. ; true",
        "arpa               ; 2.0.192.in-addr.arpa. ; true",
      })
  void regexesSearchAsPythonDoes(String regex, String name, boolean found) {
    assertThat(PyPatterns.regex(regex).matcher(name).find()).as(regex).isEqualTo(found);
  }

  @ParameterizedTest
  @CsvSource({"'(unclosed'", "'[z-a]'"})
  void aRegexJavaCannotCompileIsNull(String regex) {
    assertThat(PyPatterns.regex(regex)).isNull();
  }
}
