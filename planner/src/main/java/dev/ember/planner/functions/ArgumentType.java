package dev.ember.planner.functions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a function accepts in one argument position, and the implicit cast that makes other types fit
 * (Spark's {@code ImplicitCastInputTypes}). {@link #sql()} is how Spark names the expected type in
 * {@code DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE}, e.g. {@code "DOUBLE"}.
 *
 * @param sql Spark's rendering of the accepted types
 * @param accepts whether an argument of a type is taken as it is
 * @param coercion the type an argument that is not accepted is cast to, or null when Spark fails
 */
public record ArgumentType(String sql, Predicate<DataType> accepts, UnaryOperator<DataType> coercion) {
  public ArgumentType {
    Objects.requireNonNull(sql, "sql is null");
    Objects.requireNonNull(accepts, "accepts is null");
    Objects.requireNonNull(coercion, "coercion is null");
  }

  /** Exactly {@code type}; anything implicitly castable to it (any number to a number) is cast. */
  public static ArgumentType exactly(DataType type) {
    return new ArgumentType("\"" + type.sql() + "\"", type::equals,
        from -> ImplicitCasts.allowedForArgument(from, type) ? type : null);
  }

  /** Any numeric type as it is; a string or null becomes double. */
  public static final ArgumentType NUMERIC = new ArgumentType("\"NUMERIC\"", DataType::isNumeric,
      from -> from instanceof StringType || from instanceof NullType ? DataTypes.DoubleType : null);

  /** Any type at all, unchanged. */
  public static final ArgumentType ANY = new ArgumentType("\"ANY\"", type -> true, from -> null);

  public static final ArgumentType DOUBLE = exactly(DataTypes.DoubleType);
  public static final ArgumentType INT = exactly(DataTypes.IntegerType);
  public static final ArgumentType LONG = exactly(DataTypes.LongType);
  /** Strings; numbers, dates and timestamps are cast to their text, as Spark does (conv(255, 10, 16)). */
  public static final ArgumentType STRING = new ArgumentType("\"STRING\"", DataTypes.StringType::equals,
      from -> from.isNumeric() || from instanceof NullType || from instanceof dev.ember.sql.types.DateType
          || from instanceof dev.ember.sql.types.TimestampType
          || from instanceof dev.ember.sql.types.TimestampNTZType ? DataTypes.StringType : null);
  public static final ArgumentType BINARY = exactly(DataTypes.BinaryType);
  public static final ArgumentType BOOLEAN = exactly(DataTypes.BooleanType);

  /** The same accepted types and coercion, named differently in errors. */
  public ArgumentType describedAs(String sqlName) {
    return new ArgumentType(sqlName, accepts, coercion);
  }

  public boolean accepts(DataType type) {
    return accepts.test(type);
  }

  /** The type to cast an argument of {@code from} to, or null when it is accepted or cannot be cast. */
  public DataType coercionTarget(DataType from) {
    return accepts(from) ? null : coercion.apply(from);
  }
}
