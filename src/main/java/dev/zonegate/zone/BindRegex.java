package dev.zonegate.zone;

import java.util.Set;

/**
 * How named checks a NAPTR record's regular expression (RFC 3403 §4.1) before it loads the record:
 * {@code delim ere delim substitution delim flags}, the delimiter neither a digit, a backslash
 * nor {@code i}, the only flag {@code i}, no NUL, and the expression valid by BIND's own POSIX
 * extended regular expression checker ({@code isc_regex_validate}, C locale), with no
 * back-reference in the substitution to a group the expression does not have. The checker is
 * BIND's state machine, so it accepts and refuses exactly what named does, which Java's regular
 * expressions would not.
 */
final class BindRegex {
  private BindRegex() {}

  /** The character classes BIND knows, with their colons. */
  private static final Set<String> CLASSES =
      Set.of(":alnum:", ":digit:", ":punct:", ":alpha:", ":graph:", ":space:", ":blank:", ":lower:", ":upper:",
          ":cntrl:", ":print:", ":xdigit:");

  /** Whether named takes {@code field} (the regexp character-string's octets) in a NAPTR record. */
  static boolean validNaptr(byte[] field) {
    if (field.length == 0) {
      return true;
    }
    int delim = field[0] & 0xFF;
    if (delim >= '0' && delim <= '9' || delim == '\\' || delim == 'i' || delim == 0) {
      return false;
    }
    StringBuilder ere = new StringBuilder();
    boolean replace = false;
    boolean flags = false;
    int backReference = 0;
    for (int i = 1; i < field.length; i++) {
      int c = field[i] & 0xFF;
      if (c == 0) {
        return false;
      }
      if (c == delim) {
        if (!replace) {
          replace = true;
          continue;
        }
        if (!flags) {
          flags = true;
          continue;
        }
        return false;
      }
      if (flags) {
        if (c == 'i') {
          continue;
        }
        return false;
      }
      if (!replace) {
        ere.append((char) c);
      }
      if (c == '\\') {
        if (++i == field.length) {
          return false;
        }
        c = field[i] & 0xFF;
        if (c == 0) {
          return false;
        }
        if (replace) {
          if (c == '0') {
            return false;
          }
          if (c >= '1' && c <= '9') {
            backReference = Math.max(backReference, c - '0');
          }
        } else {
          ere.append((char) c);
        }
      }
    }
    if (!flags) {
      return false;
    }
    int groups = groups(ere.toString());
    return groups >= 0 && backReference <= groups;
  }

  private enum State { NONE, BRACKET, BOUND, COLLATING, EQUIVALENCE, CLASS }

  /**
   * BIND's {@code isc_regex_validate}: the number of groups of a valid expression, -1 for an
   * invalid one (an empty one included). Each character is an octet, as in C.
   */
  static int groups(String re) {
    if (re.isEmpty()) {
      return -1;
    }
    State state = State.NONE;
    boolean seenComma = false;
    boolean seenHigh = false;
    boolean seenChar = false;
    boolean seenEquivalence = false;
    boolean seenCollating = false;
    boolean haveAtom = false;
    boolean emptyOk = false;
    boolean negated = false;
    boolean wasMultiple = false;
    int group = 0;
    int range = 0;
    int sub = 0;
    int low = 0;
    int high = 0;
    int classStart = 0;
    int rangeStart = 0;
    int i = 0;
    int n = re.length();
    while (i < n) {
      char c = re.charAt(i);
      switch (state) {
        case NONE:
          switch (c) {
            case '\\':
              i++;
              char e = i < n ? re.charAt(i) : 0;
              if (e >= '1' && e <= '9') {
                if (e - '0' > sub) {
                  return -1; // a back reference to a group not opened yet
                }
                haveAtom = true;
                wasMultiple = false;
                i++;
              } else if (e == 0) {
                return -1; // an escaped end
              } else {
                haveAtom = true; // a literal
                wasMultiple = false;
                i++;
              }
              break;
            case '[':
              i++;
              negated = false;
              wasMultiple = false;
              seenChar = false;
              state = State.BRACKET;
              break;
            case '{':
              char next = i + 1 < n ? re.charAt(i + 1) : 0;
              if (next >= '0' && next <= '9') {
                if (!haveAtom || wasMultiple) {
                  return -1;
                }
                seenComma = false;
                seenHigh = false;
                low = 0;
                high = 0;
                state = State.BOUND;
                i++;
                haveAtom = true;
                wasMultiple = true;
              } else {
                haveAtom = true; // a literal brace
                wasMultiple = false;
                i++;
              }
              break;
            case '(':
              haveAtom = false;
              wasMultiple = false;
              emptyOk = true;
              group++;
              sub++;
              i++;
              break;
            case ')':
              if (group != 0 && !haveAtom && !emptyOk) {
                return -1; // an empty alternative
              }
              haveAtom = true;
              wasMultiple = false;
              if (group != 0) {
                group--;
              }
              i++;
              break;
            case '|':
              if (!haveAtom) {
                return -1;
              }
              haveAtom = false;
              emptyOk = false;
              wasMultiple = false;
              i++;
              break;
            case '^':
            case '$':
              haveAtom = true;
              wasMultiple = true;
              i++;
              break;
            case '+':
            case '*':
            case '?':
              if (wasMultiple || !haveAtom) {
                return -1;
              }
              haveAtom = true;
              wasMultiple = true;
              i++;
              break;
            default: // '.', '}' and every other character: an atom
              haveAtom = true;
              wasMultiple = false;
              i++;
              break;
          }
          break;
        case BOUND:
          if (c >= '0' && c <= '9') {
            if (!seenComma) {
              low = low * 10 + c - '0';
              if (low > 255) {
                return -1;
              }
            } else {
              seenHigh = true;
              high = high * 10 + c - '0';
              if (high > 255) {
                return -1;
              }
            }
            i++;
          } else if (c == ',') {
            if (seenComma) {
              return -1;
            }
            seenComma = true;
            i++;
          } else if (c == '}') {
            if (seenHigh && low > high) {
              return -1;
            }
            seenComma = false;
            state = State.NONE;
            i++;
          } else {
            return -1;
          }
          break;
        case BRACKET:
          boolean inside = false;
          switch (c) {
            case '^':
              if (seenChar || negated) {
                inside = true;
              } else {
                negated = true;
                i++;
              }
              break;
            case '-':
              if (range == 2 || !seenChar) {
                inside = true;
              } else if (range == 1) {
                return -1; // a range ending in a range
              } else {
                range = 2;
                i++;
              }
              break;
            case '[':
              i++;
              char k = i < n ? re.charAt(i) : 0;
              if (k == '.') {
                if (range != 0) {
                  range--;
                }
                i++;
                state = State.COLLATING;
                seenCollating = false;
              } else if (k == '=') {
                if (range == 2) {
                  return -1;
                }
                i++;
                state = State.EQUIVALENCE;
                seenEquivalence = false;
              } else if (k == ':') {
                if (range == 2) {
                  return -1;
                }
                classStart = i;
                i++;
                state = State.CLASS;
              }
              seenChar = true;
              break;
            case ']':
              if (i + 1 == n && !seenChar) {
                return -1; // an unfinished bracket
              }
              if (!seenChar) {
                inside = true;
              } else {
                i++;
                range = 0;
                haveAtom = true;
                state = State.NONE;
              }
              break;
            default:
              inside = true;
              break;
          }
          if (inside) {
            seenChar = true;
            if (range == 2 && (c & 0xFF) < rangeStart) {
              return -1; // a range out of order
            }
            if (range != 0) {
              range--;
            }
            rangeStart = c & 0xFF;
            i++;
          }
          break;
        case COLLATING:
          if (c == '.') {
            i++;
            char k = i < n ? re.charAt(i) : 0;
            if (k == ']') {
              if (!seenCollating) {
                return -1;
              }
              i++;
              state = State.BRACKET;
            } else {
              rangeStart = seenCollating ? 256 : '.';
              seenCollating = true;
            }
          } else {
            rangeStart = seenCollating ? 256 : c;
            seenCollating = true;
            i++;
          }
          break;
        case EQUIVALENCE:
          if (c == '=') {
            i++;
            char k = i < n ? re.charAt(i) : 0;
            if (k == ']') {
              if (!seenEquivalence) {
                return -1;
              }
              i++;
              state = State.BRACKET;
            } else {
              seenEquivalence = true;
            }
          } else {
            seenEquivalence = true;
            i++;
          }
          break;
        case CLASS:
          if (c == ':') {
            i++;
            char k = i < n ? re.charAt(i) : 0;
            if (k == ']') {
              if (!CLASSES.contains(re.substring(classStart, i))) {
                return -1;
              }
              i++;
              state = State.BRACKET;
            }
          } else {
            i++;
          }
          break;
        default:
          throw new IllegalStateException(state.toString());
      }
    }
    if (group != 0 || state != State.NONE || !haveAtom) {
      return -1;
    }
    return sub;
  }
}
