package dev.ember.codegen.generated;

/** The body of one generated method being written, with its own counter for fresh local names. */
final class MethodScope {
  private final CodeBuilder code;
  private int nextName;

  MethodScope(CodeBuilder code) {
    this.code = code;
  }

  CodeBuilder code() {
    return code;
  }

  /** A local name not used before in this method: {@code prefix} followed by a number. */
  String fresh(String prefix) {
    return prefix + nextName++;
  }
}
