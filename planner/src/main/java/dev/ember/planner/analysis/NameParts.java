package dev.ember.planner.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a dotted column name as the parser joins them: {@code t.s.x} is [t, s, x], and a
 * back-quoted part keeps its dots, {@code s.`x.y`} is [s, x.y] (with {@code ``} for a back-quote).
 */
final class NameParts {
  private NameParts() {}

  static List<String> split(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '`' && quoted && i + 1 < name.length() && name.charAt(i + 1) == '`') {
        part.append('`');
        i++;
      } else if (c == '`') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** Spark's quoting of a multi-part name in messages: {@code `t`.`nope`}. */
  static String quote(List<String> parts) {
    return String.join(".", parts.stream().map(Identifiers::quote).toList());
  }
}
