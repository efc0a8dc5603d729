package dev.ember.planner.functions;

import dev.ember.planner.expressions.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Definitions of Java user-defined functions ({@code UDF0}..{@code UDF10}): the function object's
 * {@code call(Object...)} computes it, nulls included (Spark passes a null argument to a Java UDF as
 * a null reference). Arguments are passed as they are, without casts, as Spark does for Java UDFs.
 *
 * <p>Values: boxed numbers of the column's exact width ({@code Integer} for int), {@code Boolean},
 * {@code String}, {@code BigDecimal}, {@code byte[]}. Dates, timestamps and nested values, which
 * Spark passes as {@code java.sql.Date}, {@code java.sql.Timestamp} and Scala collections, are
 * rejected, as argument or result, until Ember converts them.
 */
public final class UserFunctionDefinitions {
  /** Spark's column name for a UDF that has no name: {@code UDF(x)}. */
  public static final String ANONYMOUS_NAME = "UDF";

  private static final ArgumentType SUPPORTED_ARGUMENT = new ArgumentType(
      "\"BOOLEAN, NUMERIC, STRING, BINARY\"", UserFunctionDefinitions::supported, from -> null);

  private UserFunctionDefinitions() {}

  /**
   * @param name the registered or {@code withName} name, or null for an anonymous UDF
   * @param function an instance of {@code interfaceType}, whose {@code call} takes {@code argumentCount} values
   * @param nullable whether the result may be null (Spark: true unless {@code asNonNullable()})
   * @param deterministic false after {@code asNondeterministic()}
   */
  public static ScalarFunction define(String name, Object function, Class<?> interfaceType, int argumentCount,
      DataType returnType, boolean nullable, boolean deterministic) {
    Objects.requireNonNull(function, "function is null");
    Objects.requireNonNull(returnType, "returnType is null");
    if (!supported(returnType)) {
      throw new IllegalArgumentException("Ember does not support user-defined functions returning "
          + returnType.simpleString() + " yet (function " + (name == null ? ANONYMOUS_NAME : name) + ")");
    }
    // Spark names the function object in errors: `name (class)` or just the class when anonymous.
    String className = function.getClass().getName();
    String description = "`" + (name == null ? className : name + " (" + className + ")") + "`";
    ScalarFunction.Builder builder = ScalarFunction.builder(name == null ? ANONYMOUS_NAME : name)
        .arguments(Collections.nCopies(argumentCount, SUPPORTED_ARGUMENT).toArray(new ArgumentType[0]))
        .returns(returnType)
        .nullability(nullable ? ScalarFunction.Nullability.ALWAYS : ScalarFunction.Nullability.NEVER)
        .nullAware()
        .implementedByInstance(function, interfaceType, "call", description);
    if (!deterministic) {
      builder.nondeterministic();
    }
    return builder.build();
  }

  /** Spark's signature text in FAILED_EXECUTE_UDF: the argument types, {@code int, string}. */
  public static String signature(List<Expression> arguments) {
    return arguments.stream().map(argument -> argument.dataType().catalogString()).collect(Collectors.joining(", "));
  }

  private static boolean supported(DataType type) {
    return !(type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof ArrayType
        || type instanceof MapType || type instanceof StructType);
  }
}
