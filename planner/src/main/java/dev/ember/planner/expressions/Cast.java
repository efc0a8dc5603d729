package dev.ember.planner.expressions;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;
import java.util.Objects;

/**
 * {@code CAST(child AS type)}. {@code userSpecified} tells a cast the user wrote from one the analyzer
 * inserted for type coercion: Spark leaves implicit casts out of generated column names.
 * {@code ansi} decides whether an impossible cast raises an error or gives null.
 * {@code nullOnError} makes it {@code TRY_CAST}: ANSI's rules and allowed casts whatever the session
 * says, with every runtime error of the ANSI cast turned into a null.
 */
public record Cast(Expression child, DataType dataType, boolean userSpecified, boolean ansi, boolean nullOnError)
    implements Expression {
  public Cast {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(dataType, "dataType is null");
  }

  public Cast(Expression child, DataType dataType, boolean userSpecified, boolean ansi) {
    this(child, dataType, userSpecified, ansi, false);
  }

  /** {@code TRY_CAST(child AS type)} as the user wrote it. */
  public static Cast tryCast(Expression child, DataType dataType) {
    return new Cast(child, dataType, true, true, true);
  }

  /** An implicit, ANSI cast inserted by type coercion. */
  public static Cast implicit(Expression child, DataType dataType) {
    return new Cast(child, dataType, false, true);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new Cast(children.get(0), dataType, userSpecified, ansi, nullOnError);
  }

  /**
   * A failed non-ANSI cast yields null; Spark 4.2 also calls every cast of a string to another type
   * but binary nullable, ANSI or not ({@code CAST('4' AS DOUBLE)} is a nullable column), and so an interval to a
   * decimal, a date to a timestamp without a zone, a float or double to a timestamp, and a timestamp
   * to a decimal or an integral type narrower than bigint.
   */
  @Override
  public boolean nullable() {
    DataType from = child.dataType();
    if (nullOnError) {
      return child.nullable() || !TryCastRules.isSafeWidening(from, dataType);
    }
    return child.nullable() || !ansi
        || (from instanceof StringType && !(dataType instanceof StringType || dataType instanceof BinaryType))
        || ((from instanceof DayTimeIntervalType || from instanceof YearMonthIntervalType)
            && dataType instanceof DecimalType)
        || (from instanceof DateType && dataType instanceof TimestampNTZType)
        || (from instanceof FloatType || from instanceof DoubleType) && dataType instanceof TimestampType
        || from instanceof TimestampType && (dataType instanceof DecimalType
            || dataType.isIntegral() && !(dataType instanceof LongType));
  }

  @Override
  public String sql() {
    String keyword = nullOnError ? "TRY_CAST(" : "CAST(";
    return userSpecified ? keyword + child.sql() + " AS " + dataType.sql() + ")" : child.sql();
  }

  @Override
  public String toString() {
    return (nullOnError ? "try_cast(" : "cast(") + child + " as " + dataType.simpleString() + ")";
  }
}
