package dev.ember.sql;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.ExprIds;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column expression, as in Spark: built from {@link functions#col}, {@link functions#lit} and the
 * operators below, resolved only when its Dataset is analyzed. Immutable.
 */
public class Column {
  private final Expression expression;

  public Column(String name) {
    this(functions.col(name).expr());
  }

  Column(Expression expression) {
    this.expression = Objects.requireNonNull(expression, "expression is null");
  }

  /** The unresolved expression behind this column. */
  public Expression expr() {
    return expression;
  }

  static Expression toExpression(Object value) {
    return value instanceof Column column ? column.expression : Literal.fromJava(value);
  }

  private Column compare(ComparisonOperator operator, Object other) {
    return new Column(new Comparison(operator, expression, toExpression(other)));
  }

  private Column arithmetic(ArithmeticOperator operator, Object other) {
    return new Column(new BinaryArithmetic(operator, expression, toExpression(other)));
  }

  public Column equalTo(Object other) {
    return compare(ComparisonOperator.EQUAL_TO, other);
  }

  public Column notEqual(Object other) {
    return new Column(new Not(new Comparison(ComparisonOperator.EQUAL_TO, expression, toExpression(other))));
  }

  public Column gt(Object other) {
    return compare(ComparisonOperator.GREATER_THAN, other);
  }

  public Column lt(Object other) {
    return compare(ComparisonOperator.LESS_THAN, other);
  }

  public Column geq(Object other) {
    return compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, other);
  }

  public Column leq(Object other) {
    return compare(ComparisonOperator.LESS_THAN_OR_EQUAL, other);
  }

  public Column eqNullSafe(Object other) {
    return compare(ComparisonOperator.NULL_SAFE_EQUAL, other);
  }

  public Column plus(Object other) {
    return arithmetic(ArithmeticOperator.ADD, other);
  }

  public Column minus(Object other) {
    return arithmetic(ArithmeticOperator.SUBTRACT, other);
  }

  public Column multiply(Object other) {
    return arithmetic(ArithmeticOperator.MULTIPLY, other);
  }

  public Column divide(Object other) {
    return arithmetic(ArithmeticOperator.DIVIDE, other);
  }

  public Column mod(Object other) {
    return arithmetic(ArithmeticOperator.REMAINDER, other);
  }

  public Column bitwiseAND(Object other) {
    return bitwise("&", other);
  }

  public Column bitwiseOR(Object other) {
    return bitwise("|", other);
  }

  public Column bitwiseXOR(Object other) {
    return bitwise("^", other);
  }

  private Column bitwise(String operator, Object other) {
    return new Column(new UnresolvedFunction(operator, List.of(expression, toExpression(other)), false));
  }

  /** Spark's Scala {@code unary_-}, reachable from Java under this name. */
  public Column unary_$minus() {
    return new Column(new UnaryMinus(expression));
  }

  /** Spark's Scala {@code unary_!}, reachable from Java under this name. */
  public Column unary_$bang() {
    return new Column(new Not(expression));
  }

  public Column and(Column other) {
    return new Column(new And(expression, other.expression));
  }

  public Column or(Column other) {
    return new Column(new Or(expression, other.expression));
  }

  public Column isNull() {
    return new Column(new IsNull(expression));
  }

  public Column isNotNull() {
    return new Column(new IsNotNull(expression));
  }

  public Column alias(String alias) {
    return name(alias);
  }

  public Column as(String alias) {
    return name(alias);
  }

  public Column name(String alias) {
    Expression child = expression instanceof Alias existing ? existing.child() : expression;
    return new Column(new Alias(child, alias, ExprIds.next()));
  }

  public Column asc() {
    return new Column(new SortOrder(expression, true, true));
  }

  public Column asc_nulls_first() {
    return new Column(new SortOrder(expression, true, true));
  }

  public Column asc_nulls_last() {
    return new Column(new SortOrder(expression, true, false));
  }

  public Column desc() {
    return new Column(new SortOrder(expression, false, false));
  }

  public Column desc_nulls_first() {
    return new Column(new SortOrder(expression, false, true));
  }

  public Column desc_nulls_last() {
    return new Column(new SortOrder(expression, false, false));
  }

  /** Spark prints a column as its SQL text: {@code (age > 26)}. */
  @Override
  public String toString() {
    return expression.sql();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Column column && column.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  // ---------------------------------------------------------------------------------------------
  // Conditionals, membership and NaN.

  /** Another branch of a {@code CASE WHEN} started by {@link functions#when}. */
  public Column when(Column condition, Object value) {
    if (!(expression instanceof CaseWhen caseWhen)) {
      throw new IllegalArgumentException("when() can only be applied on a Column previously generated by when()"
          + " function, not on " + this);
    }
    if (caseWhen.hasElse()) {
      throw new IllegalArgumentException("when() cannot be applied once otherwise() is applied: " + this);
    }
    List<Expression> conditions = new ArrayList<>(caseWhen.conditions());
    List<Expression> values = new ArrayList<>(caseWhen.values());
    conditions.add(condition.expression);
    values.add(toExpression(value));
    return new Column(new CaseWhen(conditions, values, null));
  }

  /** The value of a {@code CASE WHEN} when no branch matches. */
  public Column otherwise(Object value) {
    if (!(expression instanceof CaseWhen caseWhen)) {
      throw new IllegalArgumentException("otherwise() can only be applied on a Column previously generated by"
          + " when(), not on " + this);
    }
    if (caseWhen.hasElse()) {
      throw new IllegalArgumentException("otherwise() can only be applied once on a Column previously generated"
          + " by when(): " + this);
    }
    return new Column(new CaseWhen(caseWhen.conditions(), caseWhen.values(), toExpression(value)));
  }

  /** {@code (x IN (a, b))}, with Spark's nulls: null when nothing matches and a null is involved. */
  public Column isin(Object... list) {
    List<Expression> elements = new ArrayList<>();
    for (Object element : list) {
      elements.add(toExpression(element));
    }
    return new Column(new In(expression, elements));
  }

  /** {@link #isin(Object...)} with the values of a collection, as Spark's Java-friendly overload. */
  public Column isInCollection(Iterable<?> values) {
    List<Object> list = new ArrayList<>();
    Objects.requireNonNull(values, "values is null").forEach(list::add);
    return isin(list.toArray());
  }

  /** {@code ((x >= lower) AND (x <= upper))}, as Spark 4.2's Column.between builds and names it. */
  public Column between(Object lowerBound, Object upperBound) {
    return geq(lowerBound).and(leq(upperBound));
  }

  public Column isNaN() {
    return functions.isnan(this);
  }

  // ==== String predicates (like, rlike, startsWith, contains) ====

  /** SQL LIKE with the backslash as escape character: {@code _} one character, {@code %} any run. */
  public Column like(String literal) {
    return functions.like(this, functions.lit(literal));
  }

  /** Case-insensitive LIKE. */
  public Column ilike(String literal) {
    return functions.ilike(this, functions.lit(literal));
  }

  /** True when the Java regular expression is found anywhere in the value. */
  public Column rlike(String literal) {
    return functions.rlike(this, functions.lit(literal));
  }

  public Column startsWith(Column other) {
    return functions.startswith(this, other);
  }

  public Column startsWith(String literal) {
    return startsWith(functions.lit(literal));
  }

  public Column endsWith(Column other) {
    return functions.endswith(this, other);
  }

  public Column endsWith(String literal) {
    return endsWith(functions.lit(literal));
  }

  public Column contains(Object other) {
    return functions.contains(this, functions.lit(other));
  }

  /** {@code substr(x, startPos, len)}: 1-based, a negative start counts from the end. */
  public Column substr(Column startPos, Column len) {
    return functions.call_function("substr", this, startPos, len);
  }

  public Column substr(int startPos, int len) {
    return substr(functions.lit(startPos), functions.lit(len));
  }


  // ==== Nested access (getItem, getField) ====

  /** An array element by 0-based index, or a map value by key; Spark names it {@code arr[0]}. */
  public Column getItem(Object key) {
    return new Column(new dev.ember.planner.expressions.UnresolvedExtractValue(expr(), functions.lit(key).expr()));
  }

  /** A struct field by name; Spark names it {@code s.field}. */
  public Column getField(String fieldName) {
    return new Column(new dev.ember.planner.expressions.UnresolvedExtractValue(expr(),
        dev.ember.planner.expressions.Literal.fromJava(fieldName)));
  }

  /** {@code column.apply(key)}: as {@link #getItem}, or {@link #getField} for a struct and a name. */
  public Column apply(Object key) {
    return getItem(key);
  }


  // ==== Windows (over) ====

  /** This aggregate or window function evaluated over {@code window}. */
  public Column over(dev.ember.sql.expressions.WindowSpec window) {
    return new Column(Objects.requireNonNull(window, "window is null").apply(expression));
  }

  /** This aggregate or window function over the whole input as one partition. */
  public Column over() {
    return over(dev.ember.sql.expressions.Window.partitionBy(new Column[0]));
  }


  // ==== Casts (cast, try_cast) ====

  /**
   * {@code CAST(this AS type)}: with {@code spark.sql.ansi.enabled} (Spark 4's default) a value that
   * does not convert fails the query with Spark's error; without it, it becomes null.
   */
  public Column cast(dev.ember.sql.types.DataType type) {
    return new Column(new dev.ember.planner.expressions.Cast(expression, Objects.requireNonNull(type, "type is null"),
        true, true));
  }

  /** {@link #cast(dev.ember.sql.types.DataType)} with the type as SQL text: {@code "int"}, {@code "decimal(10,2)"}. */
  public Column cast(String type) {
    Objects.requireNonNull(type, "type is null");
    return cast(dev.ember.planner.parser.ExpressionParser.parseDataType(type));
  }

  /**
   * {@code TRY_CAST(this AS type)}: Spark's ANSI cast, whatever {@code spark.sql.ansi.enabled} says,
   * with a null wherever that cast would fail (overflow, malformed text, out-of-range decimal).
   */
  public Column try_cast(dev.ember.sql.types.DataType type) {
    return new Column(dev.ember.planner.expressions.Cast.tryCast(expression, Objects.requireNonNull(type, "type is null")));
  }

  /** {@link #try_cast(dev.ember.sql.types.DataType)} with the type as SQL text: {@code "int"}, {@code "decimal(10,2)"}. */
  public Column try_cast(String type) {
    Objects.requireNonNull(type, "type is null");
    return try_cast(dev.ember.planner.parser.ExpressionParser.parseDataType(type));
  }

  // ==== Other ====

}
