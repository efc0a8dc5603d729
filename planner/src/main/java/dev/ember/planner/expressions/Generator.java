package dev.ember.planner.expressions;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table-generating call in a select list: {@code explode(x)}, {@code explode_outer(x)},
 * {@code posexplode(x)}, {@code posexplode_outer(x)} over an array or a map. It yields rows, not a
 * value: the analyzer moves it into a {@code logical.Generate} under the select, whose new columns are
 * {@link #outputFields()}. Kernels never evaluate it.
 *
 * @param withPosition posexplode: a leading {@code pos} column, the 0-based position
 * @param outer the _outer forms: a null or empty collection gives one row of nulls instead of none
 */
public record Generator(boolean withPosition, boolean outer, Expression child) implements Expression {
  public Generator {
    Objects.requireNonNull(child, "child is null");
  }

  public String functionName() {
    return (withPosition ? "posexplode" : "explode") + (outer ? "_outer" : "");
  }

  /** Spark's columns: {@code [pos,] col} for an array, {@code [pos,] key, value} for a map. */
  public List<StructField> outputFields() {
    List<StructField> fields = new ArrayList<>();
    if (withPosition) {
      fields.add(new StructField("pos", DataTypes.IntegerType, outer));
    }
    if (child.dataType() instanceof MapType map) {
      fields.add(new StructField("key", map.keyType(), outer));
      fields.add(new StructField("value", map.valueType(), outer || map.valueContainsNull()));
    } else if (child.dataType() instanceof ArrayType array) {
      fields.add(new StructField("col", array.elementType(), outer || array.containsNull()));
    }
    return fields;
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new Generator(withPosition, outer, children.get(0));
  }

  /** The collection's type; a generator has no value of its own. */
  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return functionName() + "(" + child.sql() + ")";
  }

  @Override
  public String toString() {
    return functionName() + "(" + child + ")";
  }
}
