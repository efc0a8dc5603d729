package dev.ember.runtime.operators.join;

import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Drops, while a scan reads a batch, the rows whose key no row of a join's build side has: the rows
 * an inner or semi join right after the scan would drop anyway. The scan then decodes its other
 * columns only at the rows kept. TPC-H Q8 probes all 6 M lineitem rows against the 1 300 parts of one
 * type; without this every row's order, supplier, price and discount are decoded first.
 *
 * <p>One filter serves one reader (one morsel), so it keeps plain counters. It asks the handle for
 * the table at its first batch, when the build side is done. The filtered column is one {@code =}
 * component (bigint, int or date) of the join's key, which the handle names. With a key of that one
 * component, a table holding compact keys of the same layout answers by its key bitmap or a slot
 * lookup; with more components (TPC-H Q2 and Q9 join on a part key and a second column), only by a
 * bitmap of the component's values, since a value alone cannot be looked up. Against any other table
 * the filter keeps every row. It also stops filtering, keeping every row, once it has seen most rows
 * pass: then the lookup costs more than the decoding it saves, and the join still checks every row.
 */
public final class JoinKeyFilter {
  /** Rows tested before the filter may decide that it keeps too many to pay. */
  private static final int ROWS_BEFORE_DECIDING = 16_384;

  private final JoinTableHandle handle;
  private final DataType keyType;
  private final int component;
  private final boolean intKey;
  private JoinHashTable table;
  /** The component's bitmap, or null when the filter looks the whole key up in the slots. */
  private KeyBitmap bitmap;
  private boolean off;
  private long tested;
  private long passed;

  private JoinKeyFilter(JoinTableHandle handle, DataType keyType, int component) {
    this.handle = handle;
    this.keyType = keyType;
    this.component = component;
    this.intKey = !(keyType instanceof LongType);
  }

  /** Whether a key column of {@code type} can be filtered. */
  public static boolean supports(DataType type) {
    return type instanceof LongType || type instanceof IntegerType || type instanceof DateType;
  }

  /**
   * A filter on a column of {@code keyType} (one {@link #supports} accepts) that is key component
   * {@code component} of the handle's join, against the handle's table.
   */
  public static JoinKeyFilter of(JoinTableHandle handle, DataType keyType, int component) {
    Objects.requireNonNull(handle, "handle is null");
    if (!supports(keyType)) {
      throw new IllegalArgumentException("a join key filter reads bigint, int or date keys, got " + keyType);
    }
    return new JoinKeyFilter(handle, keyType, component);
  }

  /**
   * Keeps of the rows {@code rows[0 … count)} of {@code vector} (the key column) those whose key the
   * table holds, moving them to the front of {@code rows} in order, and returns how many there are.
   */
  public int filter(FieldVector vector, int[] rows, int count) {
    if (off || !resolveTable()) {
      return count;
    }
    long validity = vector.getValidityBuffer().memoryAddress();
    long data = vector.getDataBuffer().memoryAddress();
    int kept = 0;
    KeyBitmap values = bitmap; // loop-invariant: the JIT splits the loop on it
    JoinHashTable lookup = table;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      if ((MemoryUtil.getByte(validity + (row >> 3)) & (1 << (row & 7))) == 0) {
        continue; // a null = key matches nothing
      }
      long key = intKey ? MemoryUtil.getInt(data + ((long) row << 2)) : MemoryUtil.getLong(data + ((long) row << 3));
      rows[kept] = row;
      kept += (values != null ? values.contains(key) : lookup.containsKey(key)) ? 1 : 0;
    }
    tested += count;
    passed += kept;
    if (tested >= ROWS_BEFORE_DECIDING && passed * 2 > tested) {
      off = true;
    }
    return kept;
  }

  /** Whether the filter has stopped (most rows passed), for tests. */
  boolean stopped() {
    return off;
  }

  private boolean resolveTable() {
    if (table == null) {
      JoinHashTable built = handle.table();
      List<DataType> keyTypes = handle.keyTypes();
      CompactKeyLayout layout = CompactKeyLayout.of(keyTypes).orElse(null);
      if (component >= keyTypes.size() || !keyTypes.get(component).equals(keyType) || layout == null
          || !built.compactKeysMatch(layout)) {
        off = true;
        return false;
      }
      bitmap = built.keyBitmap(component);
      if (bitmap == null && !built.singleWordKeys()) {
        off = true; // a component of a longer key cannot be looked up alone
        return false;
      }
      table = built;
    }
    return true;
  }
}
