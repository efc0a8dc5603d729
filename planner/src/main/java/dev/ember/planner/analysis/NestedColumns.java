package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedExtractValue;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a dotted name that is no column of its own as a column followed by field names, the way
 * Spark does: {@code t.s.x} is first field x of column s of the table aliased t, then field s.x of
 * a column t; {@code s.y.z} is field y.z of column s. The fields become extractions that
 * {@link ResolveExtractValues} resolves once the column's type is known (a map takes the name as a
 * key, as in Spark).
 */
final class NestedColumns {
  private final ColumnResolver resolver;

  NestedColumns(ColumnResolver resolver) {
    this.resolver = resolver;
  }

  /** The column and the field names after it, when some leading parts of the name are a column. */
  record Path(AttributeReference column, List<String> fields) {}

  Optional<Path> find(List<String> parts, List<AttributeReference> input, Map<Long, String> qualifiers) {
    if (parts.size() < 2 || parts.get(parts.size() - 1).equals("*")) {
      return Optional.empty();
    }
    if (parts.size() > 2 && !qualifiers.isEmpty() && !parts.get(0).contains(".") && !parts.get(1).contains(".")) {
      Optional<AttributeReference> qualified = resolver.resolveQualified(parts.get(0), parts.get(1), input, qualifiers);
      if (qualified.isPresent()) {
        return Optional.of(new Path(qualified.get(), parts.subList(2, parts.size())));
      }
    }
    return resolver.resolve(parts.get(0), input, Map.of())
        .map(column -> new Path(column, parts.subList(1, parts.size())));
  }

  /** {@code column.field...} as extractions, left to {@link ResolveExtractValues}. */
  static Expression extraction(Path path) {
    Expression result = path.column();
    for (String field : path.fields()) {
      result = new UnresolvedExtractValue(result, new Literal(field, DataTypes.StringType));
    }
    return result;
  }
}
