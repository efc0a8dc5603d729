package dev.ember.runtime.functions;

import dev.ember.SparkException;
import java.util.Map;

/**
 * Spark 4.2's run-time errors of the collection functions, with Spark's conditions, parameters and
 * message text (checked against Spark 4.2.0), minus the query context Spark appends.
 */
public final class CollectionErrors {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private CollectionErrors() {}

  /** {@code element_at(array, index)} past either end under ANSI. */
  public static SparkException elementAtIndexOutOfBounds(int index, int size) {
    return new SparkException("INVALID_ARRAY_INDEX_IN_ELEMENT_AT",
        Map.of("indexValue", Integer.toString(index), "arraySize", Integer.toString(size), "ansiConfig", ANSI_CONFIG),
        "The index " + index + " is out of bounds. The array has " + size + " elements. Use `try_element_at` to "
            + "tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003",
        null);
  }

  /** {@code array[index]} past either end under ANSI. */
  public static SparkException arrayIndexOutOfBounds(int index, int size) {
    return new SparkException("INVALID_ARRAY_INDEX",
        Map.of("indexValue", Integer.toString(index), "arraySize", Integer.toString(size), "ansiConfig", ANSI_CONFIG),
        "The index " + index + " is out of bounds. The array has " + size + " elements. Use the SQL function "
            + "`get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003",
        null);
  }

  /** {@code element_at(array, 0)}: Spark's indexes start at 1. */
  public static SparkException indexOfZero() {
    return new SparkException("INVALID_INDEX_OF_ZERO", Map.of(),
        "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003",
        null);
  }

  /**
   * {@code array_sort}'s comparator answered null, which Spark 4 no longer reads as "equal". Spark 4.2
   * shows the comparison's first value twice ("between 2 and 2" for 2 against 1); so does Ember.
   */
  public static SparkException comparatorReturnsNull(Object first, Object second) {
    return new SparkException("COMPARATOR_RETURNS_NULL", Map.of("firstValue", String.valueOf(first),
        "secondValue", String.valueOf(second)),
        "The comparator has returned a NULL for a comparison between " + first + " and " + second + ".\nIt should"
            + " return a positive integer for \"greater than\", 0 for \"equal\" and a negative integer for \"less"
            + " than\".\nTo revert to deprecated behavior where NULL is treated as 0 (equal), you must set"
            + " \"spark.sql.legacy.allowNullComparisonResultInArraySort\" to \"true\". SQLSTATE: 22004",
        null);
  }

  public static SparkException nullMapKey() {
    return new SparkException("NULL_MAP_KEY", Map.of(), "Cannot use null as map key. SQLSTATE: 2200E", null);
  }

  public static SparkException duplicateMapKey(Object key) {
    return new SparkException("DUPLICATED_MAP_KEY", Map.of("key", String.valueOf(key),
        "mapKeyDedupPolicy", "\"spark.sql.mapKeyDedupPolicy\""),
        "Duplicate map key " + key + " was found, please check the input data.\nIf you want to remove the "
            + "duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key "
            + "inserted at last takes precedence. SQLSTATE: 23505",
        null);
  }

  /** {@code slice(array, start, length)} with a start of 0 or a negative length. */
  public static SparkException invalidSliceParameter(String parameter, String message) {
    return new SparkException("INVALID_PARAMETER_VALUE." + parameter,
        Map.of("parameter", "`" + parameter.toLowerCase(java.util.Locale.ROOT) + "`", "functionName", "`slice`"),
        "The value of parameter(s) `" + parameter.toLowerCase(java.util.Locale.ROOT) + "` in `slice` is invalid: "
            + message + " SQLSTATE: 22023",
        null);
  }

  public static SparkException mapFromArraysSizes() {
    return new SparkException("INVALID_PARAMETER_VALUE.MAP_FROM_ARRAYS_SIZE_MISMATCH", Map.of(),
        "The key array and value array of MapObject must have the same length. SQLSTATE: 22023", null);
  }
}
