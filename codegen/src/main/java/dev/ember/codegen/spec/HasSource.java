package dev.ember.codegen.spec;

/** A kernel factory built from generated Java source; {@code explain("codegen")} prints the source. */
public interface HasSource {
  /** The complete source of the generated kernel class. */
  String source();
}
