package dev.ember.codegen.generated;

/** Indented Java source text, built line by line. */
final class CodeBuilder {
  private static final String INDENT = "  ";

  private final StringBuilder text = new StringBuilder();
  private int depth;

  CodeBuilder(int depth) {
    this.depth = depth;
  }

  CodeBuilder line(String line) {
    text.append(INDENT.repeat(depth)).append(line).append('\n');
    return this;
  }

  /** A line ending in an opening brace; the following lines are indented one level more. */
  CodeBuilder open(String line) {
    line(line);
    depth++;
    return this;
  }

  /** Ends the innermost block with {@code closing} (usually "}"). */
  CodeBuilder close(String closing) {
    depth--;
    return line(closing);
  }

  /** Ends an if block and opens its else block. */
  CodeBuilder orElse() {
    return reopen("} else {");
  }

  /** Ends a block and opens the next one of the same statement ({@code } catch (E e) {}). */
  CodeBuilder reopen(String line) {
    depth--;
    line(line);
    depth++;
    return this;
  }

  CodeBuilder close() {
    return close("}");
  }

  /** A one-line comment; the text is flattened so it cannot end the comment or the line early. */
  CodeBuilder comment(String comment) {
    return line("// " + oneLine(comment));
  }

  CodeBuilder blank() {
    text.append('\n');
    return this;
  }

  CodeBuilder append(CodeBuilder other) {
    text.append(other.text);
    return this;
  }

  int length() {
    return text.length();
  }

  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Janino reads unicode escapes in comments too, so a backslash-u would break the source.
      if (c < 0x20 || c == 0x7F || c == '\\' || (c >= 0x2028 && c <= 0x2029) || c == 0x85) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.length() > 160 ? out.substring(0, 157) + "..." : out.toString();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
