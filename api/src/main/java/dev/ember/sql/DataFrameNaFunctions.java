package dev.ember.sql;

import static dev.ember.sql.functions.coalesce;
import static dev.ember.sql.functions.isnan;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.nanvl;
import static dev.ember.sql.functions.not;
import static dev.ember.sql.functions.when;

import dev.ember.planner.expressions.Cast;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Spark's {@code df.na()}: dropping rows with missing values, filling and replacing values. As in
 * Spark, NaN counts as missing in float and double columns, a fill value only goes to the columns of
 * its kind (a number to numeric columns, cast to each column's type; a string to string columns; a
 * boolean to boolean columns) and other columns named are skipped without error.
 */
public final class DataFrameNaFunctions {
  private final Dataset<Row> dataset;

  DataFrameNaFunctions(Dataset<Row> dataset) {
    this.dataset = Objects.requireNonNull(dataset, "dataset is null");
  }

  // ---- drop ----

  /** Drops rows with a null or NaN in any column. */
  public Dataset<Row> drop() {
    return drop("any");
  }

  /** {@code "any"}: drops rows with a null or NaN in any column; {@code "all"}: only rows where all are. */
  public Dataset<Row> drop(String how) {
    return drop(how, dataset.columns());
  }

  public Dataset<Row> drop(String[] cols) {
    return drop("any", cols);
  }

  public Dataset<Row> drop(String how, String[] cols) {
    Objects.requireNonNull(how, "how is null");
    return switch (how.toLowerCase(Locale.ROOT)) {
      case "any" -> drop(cols.length, cols);
      case "all" -> drop(1, cols);
      default -> throw new IllegalArgumentException("Unsupported how value \"" + how
          + "\" in na().drop: expected \"any\" or \"all\"");
    };
  }

  /** Keeps the rows with at least {@code minNonNulls} values that are neither null nor NaN. */
  public Dataset<Row> drop(int minNonNulls) {
    return drop(minNonNulls, dataset.columns());
  }

  public Dataset<Row> drop(int minNonNulls, String[] cols) {
    Column present = lit(0);
    for (String name : cols) {
      Column column = dataset.col(quoted(name));
      Column missing = isFloating(typeOf(name)) ? column.isNull().or(isnan(column)) : column.isNull();
      present = present.plus(when(not(missing), 1).otherwise(0));
    }
    return dataset.filter(present.geq(minNonNulls));
  }

  // ---- fill ----

  /** Replaces nulls (and NaN) in numeric columns by {@code value}, cast to each column's type. */
  public Dataset<Row> fill(long value) {
    return fill(value, dataset.columns());
  }

  public Dataset<Row> fill(double value) {
    return fill(value, dataset.columns());
  }

  /** Replaces nulls in string columns. */
  public Dataset<Row> fill(String value) {
    return fill(value, dataset.columns());
  }

  public Dataset<Row> fill(boolean value) {
    return fill(value, dataset.columns());
  }

  public Dataset<Row> fill(long value, String[] cols) {
    return fillWhere(value, cols, DataType::isNumeric);
  }

  public Dataset<Row> fill(double value, String[] cols) {
    return fillWhere(value, cols, DataType::isNumeric);
  }

  public Dataset<Row> fill(String value, String[] cols) {
    return fillWhere(value, cols, type -> type instanceof StringType);
  }

  public Dataset<Row> fill(boolean value, String[] cols) {
    return fillWhere(value, cols, type -> type instanceof BooleanType);
  }

  /**
   * Replaces nulls column by column: each key names a column, each value (Integer, Long, Float,
   * Double, String or Boolean) is cast to that column's type.
   */
  public Dataset<Row> fill(Map<String, Object> valueMap) {
    Objects.requireNonNull(valueMap, "valueMap is null");
    List<Column> columns = new ArrayList<>();
    for (String name : dataset.columns()) {
      Object value = lookup(valueMap, name);
      columns.add(value == null ? dataset.col(quoted(name)) : filled(name, checkedFillValue(value)));
    }
    return dataset.select(columns.toArray(new Column[0]));
  }

  // ---- replace ----

  /**
   * Replaces values of column {@code col} ({@code "*"}: every column of the keys' kind) by the map's
   * values. Keys and values are numbers, strings or booleans, cast to each column's type; a null
   * value replaces by null.
   */
  public <T> Dataset<Row> replace(String col, Map<T, T> replacement) {
    String[] cols = col.equals("*") ? dataset.columns() : new String[] {col};
    return replace(cols, replacement);
  }

  public <T> Dataset<Row> replace(String[] cols, Map<T, T> replacement) {
    Objects.requireNonNull(replacement, "replacement is null");
    if (replacement.isEmpty()) {
      return dataset;
    }
    Predicate<DataType> kind = kindOf(replacement);
    List<String> targets = Arrays.asList(cols);
    List<Column> columns = new ArrayList<>();
    for (String name : dataset.columns()) {
      Column column = dataset.col(quoted(name));
      DataType type = typeOf(name);
      if (!contains(targets, name) || !kind.test(type)) {
        columns.add(column);
        continue;
      }
      Column replaced = null;
      for (Map.Entry<T, T> entry : replacement.entrySet()) {
        // The key is compared as it is, widened with the column (Spark: 1.5 never matches an int 1).
        Column condition = column.equalTo(lit(entry.getKey()));
        Column value = cast(entry.getValue(), type);
        replaced = replaced == null ? when(condition, value) : replaced.when(condition, value);
      }
      columns.add(replaced.otherwise(column).as(name));
    }
    return dataset.select(columns.toArray(new Column[0]));
  }

  // ---- helpers ----

  private Dataset<Row> fillWhere(Object value, String[] cols, Predicate<DataType> kind) {
    List<String> targets = Arrays.asList(cols);
    List<Column> columns = new ArrayList<>();
    for (String name : dataset.columns()) {
      boolean fill = contains(targets, name) && kind.test(typeOf(name));
      columns.add(fill ? filled(name, value) : dataset.col(quoted(name)));
    }
    return dataset.select(columns.toArray(new Column[0]));
  }

  /** Spark's fill expression: {@code coalesce(nanvl(c, v), v)} for floating columns, else {@code coalesce(c, v)}. */
  private Column filled(String name, Object value) {
    Column column = dataset.col(quoted(name));
    DataType type = typeOf(name);
    Column fill = cast(value, type);
    Column filled = isFloating(type) ? coalesce(nanvl(column, fill), fill) : coalesce(column, fill);
    return filled.as(name);
  }

  private static Object checkedFillValue(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double
        || value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("Unsupported value type " + value.getClass().getName() + " (" + value
        + ") in na().fill: use Integer, Long, Float, Double, String or Boolean");
  }

  /** Which columns a replacement map applies to, by the class of its first non-null key. */
  private static <T> Predicate<DataType> kindOf(Map<T, T> replacement) {
    Object key = replacement.keySet().stream().filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("na().replace needs a non-null key"));
    if (key instanceof Number) {
      return DataType::isNumeric;
    } else if (key instanceof String) {
      return type -> type instanceof StringType;
    } else if (key instanceof Boolean) {
      return type -> type instanceof BooleanType;
    }
    throw new IllegalArgumentException("Unsupported value type " + key.getClass().getName() + " (" + key
        + ") in na().replace: use numbers, strings or booleans");
  }

  /**
   * The value as the column's type. Spark's filled column is not nullable, except a decimal one
   * (the value might not fit), so decimals get the cast that may give null.
   */
  private static Column cast(Object value, DataType type) {
    return new Column(new Cast(lit(value).expr(), type, false, !(type instanceof dev.ember.sql.types.DecimalType)));
  }

  private Object lookup(Map<String, Object> values, String name) {
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (sameName(entry.getKey(), name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private boolean contains(List<String> names, String name) {
    return names.stream().anyMatch(candidate -> sameName(candidate, name));
  }

  private boolean sameName(String first, String second) {
    return dataset.sparkSession().settings().caseSensitive() ? first.equals(second) : first.equalsIgnoreCase(second);
  }

  private DataType typeOf(String name) {
    for (StructField field : dataset.schema().fields()) {
      if (sameName(field.name(), name)) {
        return field.dataType();
      }
    }
    // Unknown names fail as Spark's do, from the column lookup.
    return dataset.select(dataset.col(quoted(name))).schema().fields()[0].dataType();
  }

  private static boolean isFloating(DataType type) {
    return type instanceof DoubleType || type instanceof FloatType;
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
