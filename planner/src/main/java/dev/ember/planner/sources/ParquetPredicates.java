package dev.ember.planner.sources;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.io.parquet.ColumnPredicate;
import dev.ember.sql.types.StructType;

/** Turns a filter conjunct into a predicate Parquet row-group statistics can decide, if it is one. */
final class ParquetPredicates {
  private ParquetPredicates() {}

  /** The predicate for {@code conjunct}, or null when statistics cannot decide it. */
  static ColumnPredicate translate(Expression conjunct, StructType schema) {
    if (conjunct instanceof IsNull isNull && isNull.child() instanceof AttributeReference column) {
      int index = indexOf(column, schema);
      return index < 0 ? null : ColumnPredicate.isNull(index);
    }
    if (conjunct instanceof IsNotNull isNotNull && isNotNull.child() instanceof AttributeReference column) {
      int index = indexOf(column, schema);
      return index < 0 ? null : ColumnPredicate.isNotNull(index);
    }
    if (conjunct instanceof Comparison comparison) {
      if (comparison.left() instanceof AttributeReference column && comparison.right() instanceof Literal literal) {
        return compare(comparison.operator(), column, literal, schema);
      }
      if (comparison.right() instanceof AttributeReference column && comparison.left() instanceof Literal literal) {
        return compare(comparison.operator().flipped(), column, literal, schema);
      }
    }
    return null;
  }

  private static ColumnPredicate compare(dev.ember.planner.expressions.ComparisonOperator operator,
      AttributeReference column, Literal literal, StructType schema) {
    int index = indexOf(column, schema);
    // A literal of another type (after coercion there is a cast, so this is rare) is left to the Filter.
    if (index < 0 || literal.isNull() || !literal.dataType().equals(schema.apply(index).dataType())) {
      return null;
    }
    ColumnPredicate.Op op = switch (operator) {
      case EQUAL_TO -> ColumnPredicate.Op.EQUAL;
      case LESS_THAN -> ColumnPredicate.Op.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> ColumnPredicate.Op.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> ColumnPredicate.Op.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> ColumnPredicate.Op.GREATER_THAN_OR_EQUAL;
      case NULL_SAFE_EQUAL -> null;
    };
    return op == null ? null : new ColumnPredicate(index, op, literal.value());
  }

  private static int indexOf(AttributeReference column, StructType schema) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(column.name())) {
        return i;
      }
    }
    return -1;
  }
}
