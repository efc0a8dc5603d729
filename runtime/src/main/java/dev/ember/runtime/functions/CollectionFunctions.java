package dev.ember.runtime.functions;

import dev.ember.runtime.batch.NestedValues.MapValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spark's collection functions over arrays, maps and structs, held as
 * {@link dev.ember.runtime.batch.NestedValues} objects: {@code List} for arrays, {@link MapValue} for
 * maps, {@code Object[]} for structs. Element comparisons follow {@link ValueOrdering}.
 */
public final class CollectionFunctions {
  private CollectionFunctions() {}

  // ---- constructors

  /** {@code array(a, b, ...)}: nulls are elements too. */
  public static List<Object> array(Object[] elements) {
    return new ArrayList<>(Arrays.asList(elements));
  }

  /** {@code map(k1, v1, k2, v2, ...)} and {@code create_map}; the analyzer checks the even count. */
  public static MapValue map(Object[] keysAndValues) {
    List<Object> keys = new ArrayList<>(keysAndValues.length / 2);
    List<Object> values = new ArrayList<>(keysAndValues.length / 2);
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      addEntry(keys, values, keysAndValues[i], keysAndValues[i + 1]);
    }
    return new MapValue(keys, values);
  }

  /** Spark's default {@code mapKeyDedupPolicy} (EXCEPTION): a repeated key is an error. */
  private static void addEntry(List<Object> keys, List<Object> values, Object key, Object value) {
    if (key == null) {
      throw CollectionErrors.nullMapKey();
    }
    for (Object existing : keys) {
      if (ValueOrdering.equal(existing, key)) {
        throw CollectionErrors.duplicateMapKey(key);
      }
    }
    keys.add(key);
    values.add(value);
  }

  public static MapValue mapFromArrays(Object keys, Object values) {
    List<?> keyList = (List<?>) keys;
    List<?> valueList = (List<?>) values;
    if (keyList.size() != valueList.size()) {
      throw CollectionErrors.mapFromArraysSizes();
    }
    List<Object> mapKeys = new ArrayList<>(keyList.size());
    List<Object> mapValues = new ArrayList<>(keyList.size());
    for (int i = 0; i < keyList.size(); i++) {
      addEntry(mapKeys, mapValues, keyList.get(i), valueList.get(i));
    }
    return new MapValue(mapKeys, mapValues);
  }

  /** {@code map_from_entries(array of (key, value) structs)}: null when an entry is null, as in Spark. */
  public static MapValue mapFromEntries(Object entries) {
    List<?> entryList = (List<?>) entries;
    List<Object> mapKeys = new ArrayList<>(entryList.size());
    List<Object> mapValues = new ArrayList<>(entryList.size());
    for (Object entry : entryList) {
      if (entry == null) {
        return null;
      }
      Object[] pair = (Object[]) entry;
      addEntry(mapKeys, mapValues, pair[0], pair[1]);
    }
    return new MapValue(mapKeys, mapValues);
  }

  /** {@code named_struct(name1, value1, ...)}: the names are constants, in the result type. */
  public static Object[] namedStruct(Object[] namesAndValues) {
    Object[] fields = new Object[namesAndValues.length / 2];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = namesAndValues[2 * i + 1];
    }
    return fields;
  }

  // ---- access

  /**
   * {@code size(x)}, {@code cardinality(x)}: null input gives null under ANSI (Spark 4's default),
   * -1 otherwise, as Spark's {@code spark.sql.legacy.sizeOfNull} (true) says when ANSI is off.
   */
  public static Integer size(boolean ansi, Object collection) {
    if (collection == null) {
      return ansi ? null : -1;
    }
    return collection instanceof MapValue map ? map.size() : ((List<?>) collection).size();
  }

  public static List<Object> mapKeys(Object map) {
    return new ArrayList<>(((MapValue) map).keys());
  }

  public static List<Object> mapValues(Object map) {
    return new ArrayList<>(((MapValue) map).values());
  }

  /** {@code element_at(array, index)}: 1-based, negative from the end. */
  public static Object elementAt(boolean ansi, Object collection, Object key) {
    if (collection instanceof MapValue map) {
      return mapValue(map, key);
    }
    List<?> elements = (List<?>) collection;
    int index = ((Number) key).intValue();
    if (index == 0) {
      throw CollectionErrors.indexOfZero();
    }
    int position = index > 0 ? index - 1 : elements.size() + index;
    if (position < 0 || position >= elements.size()) {
      if (ansi) {
        throw CollectionErrors.elementAtIndexOutOfBounds(index, elements.size());
      }
      return null;
    }
    return elements.get(position);
  }

  /** {@code array[index]}: 0-based; {@code map[key]}: null for a missing key. */
  public static Object getItem(boolean ansi, Object collection, Object key) {
    if (collection instanceof MapValue map) {
      return mapValue(map, key);
    }
    List<?> elements = (List<?>) collection;
    int index = ((Number) key).intValue();
    if (index < 0 || index >= elements.size()) {
      if (ansi) {
        throw CollectionErrors.arrayIndexOutOfBounds(index, elements.size());
      }
      return null;
    }
    return elements.get(index);
  }

  private static Object mapValue(MapValue map, Object key) {
    for (int i = 0; i < map.size(); i++) {
      if (ValueOrdering.equal(map.keys().get(i), key)) {
        return map.values().get(i);
      }
    }
    return null;
  }

  /** {@code struct.field}: the analyzer resolves the name to a position. */
  public static Object getField(Object struct, int ordinal) {
    return ((Object[]) struct)[ordinal];
  }

  /** {@code array_of_structs.field}: the field of every element, null for a null element. */
  public static List<Object> getArrayStructField(Object array, int ordinal) {
    List<?> elements = (List<?>) array;
    List<Object> fields = new ArrayList<>(elements.size());
    for (Object element : elements) {
      fields.add(element == null ? null : ((Object[]) element)[ordinal]);
    }
    return fields;
  }

  // ---- search

  /** True when found; null when not found but the array holds a null (it might have been the value). */
  public static Boolean arrayContains(Object array, Object value) {
    boolean sawNull = false;
    for (Object element : (List<?>) array) {
      if (element == null) {
        sawNull = true;
      } else if (ValueOrdering.equal(element, value)) {
        return true;
      }
    }
    return sawNull ? null : false;
  }

  /** 1-based position of the first equal element, 0 when there is none. */
  public static long arrayPosition(Object array, Object value) {
    List<?> elements = (List<?>) array;
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      if (element != null && ValueOrdering.equal(element, value)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The smallest non-null element, null when there is none. */
  public static Object arrayMin(Object array) {
    return extreme((List<?>) array, -1);
  }

  public static Object arrayMax(Object array) {
    return extreme((List<?>) array, 1);
  }

  private static Object extreme(List<?> elements, int sign) {
    Object best = null;
    for (Object element : elements) {
      if (element != null && (best == null || sign * ValueOrdering.compare(element, best) > 0)) {
        best = element;
      }
    }
    return best;
  }

  // ---- reshaping

  /** Ascending puts nulls first, descending last, as Spark's sort_array. */
  public static List<Object> sortArray(Object array, boolean ascending) {
    List<Object> sorted = new ArrayList<>((List<?>) array);
    sorted.sort(ascending ? ValueOrdering.NULLS_FIRST : ValueOrdering.NULLS_FIRST.reversed());
    return sorted;
  }

  /** {@code array_sort(array)}: ascending with nulls last. */
  public static List<Object> arraySort(Object array) {
    List<Object> sorted = new ArrayList<>((List<?>) array);
    sorted.sort((left, right) -> left == null || right == null
        ? Boolean.compare(left == null, right == null) : ValueOrdering.compare(left, right));
    return sorted;
  }

  /** The first occurrence of each value, in order; one null at most. */
  public static List<Object> arrayDistinct(Object array) {
    List<Object> distinct = new ArrayList<>();
    boolean sawNull = false;
    for (Object element : (List<?>) array) {
      if (element == null) {
        if (!sawNull) {
          distinct.add(null);
          sawNull = true;
        }
      } else if (indexOf(distinct, element) < 0) {
        distinct.add(element);
      }
    }
    return distinct;
  }

  private static int indexOf(List<?> elements, Object value) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) != null && ValueOrdering.equal(elements.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  /** Distinct elements of both, left ones first. */
  public static List<Object> arrayUnion(Object left, Object right) {
    List<Object> both = new ArrayList<>((List<?>) left);
    both.addAll((List<?>) right);
    return arrayDistinct(both);
  }

  /** Distinct elements of {@code left} that are in {@code right}, in left's order. */
  public static List<Object> arrayIntersect(Object left, Object right) {
    return filterDistinct((List<?>) left, (List<?>) right, true);
  }

  /** Distinct elements of {@code left} that are not in {@code right}, in left's order. */
  public static List<Object> arrayExcept(Object left, Object right) {
    return filterDistinct((List<?>) left, (List<?>) right, false);
  }

  private static List<Object> filterDistinct(List<?> left, List<?> right, boolean keepPresent) {
    boolean rightHasNull = right.contains(null);
    List<Object> kept = new ArrayList<>();
    for (Object element : arrayDistinct(left)) {
      boolean present = element == null ? rightHasNull : indexOf(right, element) >= 0;
      if (present == keepPresent) {
        kept.add(element);
      }
    }
    return kept;
  }

  /** Null when any inner array is null. */
  public static List<Object> flatten(Object arrays) {
    List<Object> flat = new ArrayList<>();
    for (Object inner : (List<?>) arrays) {
      if (inner == null) {
        return null;
      }
      flat.addAll((List<?>) inner);
    }
    return flat;
  }

  /** {@code slice(array, start, length)}: start is 1-based, negative from the end. */
  public static List<Object> slice(Object array, int start, int length) {
    List<?> elements = (List<?>) array;
    if (start == 0) {
      throw CollectionErrors.invalidSliceParameter("START", "Expects a positive or a negative value for "
          + "`start`, but got 0.");
    }
    if (length < 0) {
      throw CollectionErrors.invalidSliceParameter("LENGTH", "Expects `length` greater than or equal to 0, "
          + "but got " + length + ".");
    }
    int from = start > 0 ? start - 1 : elements.size() + start;
    if (from < 0 || from >= elements.size()) {
      return new ArrayList<>();
    }
    int to = (int) Math.min((long) from + length, elements.size());
    return new ArrayList<>(elements.subList(from, to));
  }

  /** Elements joined with the delimiter; null elements are skipped. */
  public static String arrayJoin(Object array, String delimiter) {
    return join((List<?>) array, delimiter, null);
  }

  /** Null elements become {@code nullReplacement}. */
  public static String arrayJoin(Object array, String delimiter, String nullReplacement) {
    return join((List<?>) array, delimiter, nullReplacement);
  }

  private static String join(List<?> elements, String delimiter, String nullReplacement) {
    StringBuilder joined = new StringBuilder();
    boolean first = true;
    for (Object element : elements) {
      if (element == null && nullReplacement == null) {
        continue;
      }
      if (!first) {
        joined.append(delimiter);
      }
      joined.append(element == null ? nullReplacement : element.toString());
      first = false;
    }
    return joined.toString();
  }

  /** {@code concat(array, ...)}: the analyzer returns null for a null argument before calling. */
  public static List<Object> concatArrays(Object[] arrays) {
    List<Object> all = new ArrayList<>();
    for (Object array : arrays) {
      all.addAll((List<?>) array);
    }
    return all;
  }

  /** {@code get(array, index)}: 0-based; null outside the array, never an error. */
  public static Object get(Object array, int index) {
    List<?> elements = (List<?>) array;
    return index < 0 || index >= elements.size() ? null : elements.get(index);
  }

  public static int arraySize(Object array) {
    return ((List<?>) array).size();
  }

  public static List<Object> arrayCompact(Object array) {
    List<Object> kept = new ArrayList<>();
    for (Object element : (List<?>) array) {
      if (element != null) {
        kept.add(element);
      }
    }
    return kept;
  }

  // ---- strings

  /** {@code split(str, regex[, limit])}: a limit of 0 or less keeps every piece, trailing empty ones too. */
  public static List<Object> split(String text, String regex, int limit) {
    if (regex.isEmpty()) {
      return splitCodePoints(text, limit);
    }
    String[] pieces = Pattern.compile(regex).split(text, limit > 0 ? limit : -1);
    List<Object> result = new ArrayList<>(pieces.length);
    Collections.addAll(result, (Object[]) pieces);
    return result;
  }

  /**
   * An empty pattern splits between characters, as Spark does, which for Java's regex would be between
   * the two halves of a surrogate pair (𝄞); with a limit, the last piece holds the rest.
   */
  private static List<Object> splitCodePoints(String text, int limit) {
    List<Object> pieces = new ArrayList<>();
    int offset = 0;
    while (offset < text.length()) {
      if (limit > 0 && pieces.size() == limit - 1) {
        pieces.add(text.substring(offset));
        return pieces;
      }
      int next = text.offsetByCodePoints(offset, 1);
      pieces.add(text.substring(offset, next));
      offset = next;
    }
    if (pieces.isEmpty()) {
      pieces.add("");
    }
    return pieces;
  }

  /**
   * {@code split_part(str, delimiter, n)}: split at each occurrence of the delimiter (plain text, not
   * a pattern; an empty delimiter splits nothing), then piece n, 1-based, negative from the end;
   * an empty string past either end. n = 0 is Spark's INVALID_INDEX_OF_ZERO.
   */
  public static String splitPart(String text, String delimiter, int part) {
    if (part == 0) {
      throw CollectionErrors.indexOfZero();
    }
    List<String> pieces = new ArrayList<>();
    if (delimiter.isEmpty()) {
      pieces.add(text);
    } else {
      int from = 0;
      int found;
      while ((found = text.indexOf(delimiter, from)) >= 0) {
        pieces.add(text.substring(from, found));
        from = found + delimiter.length();
      }
      pieces.add(text.substring(from));
    }
    int index = part > 0 ? part - 1 : pieces.size() + part;
    return index < 0 || index >= pieces.size() ? "" : pieces.get(index);
  }
}
