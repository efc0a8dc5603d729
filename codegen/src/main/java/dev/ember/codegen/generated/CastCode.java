package dev.ember.codegen.generated;

import dev.ember.sql.types.DataType;

/** The two shapes of generated cast code: a value for every non-null input, or a helper's boxed result that may be null. */
final class CastCode {
  private CastCode() {}

  /** A cast that gives a value for every non-null input. */
  static ExprValue plain(DataType to, String value, ExprValue child, String name, CodeBuilder code) {
    code.line(JavaTypes.javaType(to) + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    if (child.neverNull()) {
      code.line(name + " = " + value + ";");
    } else {
      code.open("if (!" + child.isNull() + ") {").line(name + " = " + value + ";").close();
    }
    return ExprValue.of(to, child.isNull(), name);
  }

  /** A cast whose helper returns a boxed value, null when the input has no result (ANSI off). */
  static ExprValue boxed(DataType to, String boxedType, String value, String unboxing, ExprValue child,
      String name, CodeBuilder code) {
    code.line("boolean " + name + "Null = " + child.isNull() + ";");
    code.line(JavaTypes.javaType(to) + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
    code.open("if (!" + name + "Null) {");
    code.line("Object " + name + "Boxed = " + value + ";");
    code.open("if (" + name + "Boxed == null) {").line(name + "Null = true;").orElse()
        .line(name + " = ((" + boxedType + ") " + name + "Boxed)" + unboxing + ";").close();
    code.close();
    return ExprValue.of(to, name + "Null", name);
  }
}
