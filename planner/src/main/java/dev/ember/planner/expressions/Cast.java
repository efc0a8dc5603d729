package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;
import java.util.Objects;

/**
 * {@code CAST(child AS type)}. {@code userSpecified} tells a cast the user wrote from one the analyzer
 * inserted for type coercion: Spark leaves implicit casts out of generated column names.
 * {@code ansi} decides whether an impossible cast raises an error or gives null.
 */
public record Cast(Expression child, DataType dataType, boolean userSpecified, boolean ansi) implements Expression {
  public Cast {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(dataType, "dataType is null");
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
    return children.get(0) == child ? this : new Cast(children.get(0), dataType, userSpecified, ansi);
  }

  /**
   * A failed non-ANSI cast yields null; Spark 4.2 also calls every cast of a string to another type
   * nullable, ANSI or not ({@code CAST('4' AS DOUBLE)} is a nullable column), and so an interval to a
   * decimal and a date to a timestamp without a zone.
   */
  @Override
  public boolean nullable() {
    DataType from = child.dataType();
    return child.nullable() || !ansi
        || (from instanceof StringType && !(dataType instanceof StringType))
        || ((from instanceof DayTimeIntervalType || from instanceof YearMonthIntervalType)
            && dataType instanceof DecimalType)
        || (from instanceof DateType && dataType instanceof TimestampNTZType);
  }

  @Override
  public String sql() {
    return userSpecified ? "CAST(" + child.sql() + " AS " + dataType.sql() + ")" : child.sql();
  }

  @Override
  public String toString() {
    return "cast(" + child + " as " + dataType.simpleString() + ")";
  }
}
