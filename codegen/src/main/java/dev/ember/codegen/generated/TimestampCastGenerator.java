package dev.ember.codegen.generated;

import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.function.Supplier;

/**
 * Generated code for the casts between dates or timestamps and other types: strings to dates and
 * timestamps, numbers and booleans to and from timestamps (seconds since the epoch), and dates to
 * numbers and booleans (always null, ANSI off only). The rules are {@code DateTimeCastOps}' and
 * {@code StringCastOps}', shared with the interpreted kernel.
 */
final class TimestampCastGenerator {
  private static final String OPS = "dev.ember.codegen.semantics.DateTimeCastOps";

  private TimestampCastGenerator() {}

  /**
   * The cast of {@code child} into the local {@code name}, or null when this class does not generate
   * it. {@code zone} names the session time zone's field, added only when a cast needs it.
   */
  static ExprValue generate(DataType from, DataType to, ExprValue child, String name, boolean ansi,
      Supplier<String> zone, CodeBuilder code) {
    String v = child.value();
    if (from instanceof StringType) {
      String text = "GeneratedRuntime.string(" + child.bytesArguments() + ")";
      if (to instanceof DateType) {
        return CastCode.boxed(to, "Integer", "StringCastOps.toDate(" + text + ", " + ansi + ")", ".intValue()", child, name,
            code);
      } else if (to instanceof TimestampType) {
        return CastCode.boxed(to, "Long", OPS + ".stringToInstant(" + text + ", " + zone.get() + ", " + ansi + ")",
            ".longValue()", child, name, code);
      } else if (to instanceof TimestampNTZType) {
        return CastCode.boxed(to, "Long", OPS + ".stringToWallClock(" + text + ", " + ansi + ")", ".longValue()", child, name,
            code);
      }
      return null;
    }
    if (from instanceof DateType && (to.isNumeric() || to instanceof BooleanType)) {
      code.line("boolean " + name + "Null = true;");
      code.line(JavaTypes.javaType(to) + " " + name + " = " + JavaTypes.defaultValue(to) + ";");
      return ExprValue.of(to, name + "Null", name);
    }
    if (to instanceof TimestampType) {
      if (from instanceof BooleanType) {
        return CastCode.plain(to, OPS + ".booleanToInstant(" + v + ")", child, name, code);
      } else if (JavaTypes.isIntegral(from)) {
        return CastCode.plain(to, OPS + ".secondsToInstant(" + v + ")", child, name, code);
      } else if (JavaTypes.isFractional(from)) {
        return CastCode.boxed(to, "Long", OPS + ".fractionalSecondsToInstant(" + v + ", " + typeConstant(from) + ", " + ansi
            + ")", ".longValue()", child, name, code);
      } else if (from instanceof DecimalType) {
        return CastCode.plain(to, OPS + ".decimalSecondsToInstant(" + ExpressionGenerator.bigDecimal(child) + ")", child, name,
            code);
      }
      return null;
    }
    if (from instanceof TimestampType) {
      if (to instanceof BooleanType) {
        return CastCode.plain(to, "(" + v + " != 0L)", child, name, code);
      } else if (JavaTypes.isIntegral(to)) {
        return CastCode.boxed(to, "Long", OPS + ".instantToIntegral(" + v + ", " + typeConstant(to) + ", " + zone.get() + ", "
            + ansi + ")", "." + JavaTypes.javaType(to) + "Value()", child, name, code);
      } else if (JavaTypes.isFractional(to)) {
        String seconds = OPS + ".instantToDouble(" + v + ")";
        return CastCode.plain(to, to instanceof FloatType ? "(float) " + seconds : seconds, child, name, code);
      } else if (to instanceof DecimalType decimal) {
        String exact = OPS + ".instantToDecimal(" + v + ", " + decimal.precision() + ", " + decimal.scale() + ", "
            + ansi + ")";
        String unboxing = JavaTypes.isCompactDecimal(decimal) ? ".unscaledValue().longValue()" : "";
        return CastCode.boxed(to, "java.math.BigDecimal", exact, unboxing, child, name, code);
      }
    }
    return null;
  }

  private static String typeConstant(DataType type) {
    return "DataTypes." + type.getClass().getSimpleName();
  }
}
