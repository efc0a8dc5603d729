package dev.ember.codegen.interpreted;

import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.join.JoinHashTable;
import dev.ember.runtime.operators.join.JoinKeyEncoder;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The interpreted probe of one {@link JoinProbeStep} for one worker. Per input batch: the key
 * expressions are evaluated as vectors, each selected row's key is looked up, and the candidate
 * pairs are gathered into joined batches of at most {@link #CHUNK_ROWS} rows (a key with many matches
 * or a nested-loop join can multiply the input), where the residual condition selects the matching
 * pairs. Semi and anti joins only narrow the row selection; a probe that only marks build rows keeps
 * no row.
 */
final class JoinProbe {
  /** Joined rows per output batch. */
  static final int CHUNK_ROWS = 4096;
  private static final int LOOK_UP = -2;

  /** Receives each joined batch (ownership included) and the selection of its rows (null: all). */
  interface JoinedBatches {
    boolean accept(ColumnBatch joined, int[] rows);
  }

  private final JoinProbeStep step;
  private final VectorizedEvaluator evaluator;
  private final BufferAllocator allocator;
  private final boolean[] nullSafe;

  JoinProbe(JoinProbeStep step, VectorizedEvaluator evaluator, BufferAllocator allocator) {
    this.step = step;
    this.evaluator = evaluator;
    this.allocator = allocator;
    this.nullSafe = new boolean[step.nullSafe().size()];
    for (int i = 0; i < nullSafe.length; i++) {
      nullSafe[i] = step.nullSafe().get(i);
    }
  }

  /**
   * Probes the selected rows of {@code input} (null: all). For inner and outer joins, hands each
   * joined batch to {@code downstream} and returns null, or {@link #STOP} when downstream wants no
   * more; for semi and anti joins, returns the selected input rows that are kept.
   */
  int[] probe(ColumnBatch input, int[] rows, JoinedBatches downstream) {
    JoinHashTable table = step.table().table();
    int count = rows == null ? input.rowCount() : rows.length;
    List<FieldVector> keys = new ArrayList<>(step.keys().size());
    try (JoinKeyEncoder encoder = new JoinKeyEncoder(allocator)) {
      for (var key : step.keys()) {
        keys.add(evaluator.evaluate(key, input, rows));
      }
      boolean[] matched = new boolean[count];
      boolean firstMatchSuffices = step.filtersOnly() && step.residual() == null
          && step.mode() != JoinProbeStep.Mode.MARK;
      int[] probeRows = new int[CHUNK_ROWS];
      int[] buildRows = new int[CHUNK_ROWS];
      int probeRow = 0;
      int cursor = LOOK_UP;
      while (probeRow < count) {
        int pairs = 0;
        while (probeRow < count && pairs < CHUNK_ROWS) {
          if (cursor == LOOK_UP) {
            encoder.beginKey();
            for (int key = 0; key < keys.size(); key++) {
              encoder.addFromVector(keys.get(key), probeRow, nullSafe[key]);
            }
            cursor = table.findFirst(encoder);
          }
          if (cursor < 0) {
            probeRow++;
            cursor = LOOK_UP;
            continue;
          }
          probeRows[pairs] = probeRow;
          buildRows[pairs] = cursor;
          pairs++;
          cursor = firstMatchSuffices ? -1 : table.nextMatch(cursor);
        }
        if (pairs > 0 && !pairs(input, rows, table, probeRows, buildRows, pairs, matched, downstream)) {
          return STOP;
        }
      }
      if (step.mode() == JoinProbeStep.Mode.MARK) {
        return new int[0];
      }
      if (step.filtersOnly()) {
        return kept(rows, matched, step.mode() == JoinProbeStep.Mode.SEMI);
      }
      if (step.mode() == JoinProbeStep.Mode.OUTER && !unmatched(input, rows, matched, downstream)) {
        return STOP;
      }
      return null;
    } finally {
      keys.forEach(FieldVector::close);
    }
  }

  /** Returned by {@link #probe} when downstream wants no more input. */
  static final int[] STOP = new int[0];

  private boolean pairs(ColumnBatch input, int[] rows, JoinHashTable table, int[] probeRows, int[] buildRows,
      int pairs, boolean[] matched, JoinedBatches downstream) {
    if (step.filtersOnly() && step.residual() == null) {
      for (int i = 0; i < pairs; i++) {
        matched[probeRows[i]] = true;
        if (step.marksMatches()) {
          table.markMatched(buildRows[i]);
        }
      }
      return true;
    }
    StructType joinedSchema = joinedSchema(input.schema());
    ColumnBatch joined = gather(joinedSchema, input, rows, probeRows, table, buildRows, pairs);
    int[] passing = null;
    if (step.residual() != null) {
      try {
        passing = evaluator.filter(step.residual(), joined, null);
      } catch (RuntimeException e) {
        joined.close();
        throw e;
      }
    }
    int passed = passing == null ? pairs : passing.length;
    for (int i = 0; i < passed; i++) {
      int pair = passing == null ? i : passing[i];
      matched[probeRows[pair]] = true;
      if (step.marksMatches()) {
        table.markMatched(buildRows[pair]);
      }
    }
    if (step.filtersOnly() || passed == 0) {
      joined.close();
      return true;
    }
    return downstream.accept(joined, passing == null || passed == pairs ? null : passing);
  }

  /** The rows of an outer join's input that matched nothing, with null build columns. */
  private boolean unmatched(ColumnBatch input, int[] rows, boolean[] matched, JoinedBatches downstream) {
    int[] probeRows = new int[CHUNK_ROWS];
    int pending = 0;
    for (int row = 0; row <= matched.length; row++) {
      if (row < matched.length && !matched[row]) {
        probeRows[pending++] = row;
      }
      if (pending > 0 && (pending == CHUNK_ROWS || row == matched.length)) {
        ColumnBatch padded = gather(step.outputSchema(), input, rows, probeRows, null, null, pending);
        if (!downstream.accept(padded, null)) {
          return false;
        }
        pending = 0;
      }
    }
    return true;
  }

  private static int[] kept(int[] rows, boolean[] matched, boolean keepMatched) {
    int[] out = new int[matched.length];
    int kept = 0;
    for (int i = 0; i < matched.length; i++) {
      if (matched[i] == keepMatched) {
        out[kept++] = rows == null ? i : rows[i];
      }
    }
    return Arrays.copyOf(out, kept);
  }

  /** The input's columns followed by the build columns, for the residual of a semi or anti join too. */
  private StructType joinedSchema(StructType inputSchema) {
    if (!step.filtersOnly()) {
      return step.outputSchema();
    }
    List<dev.ember.sql.types.StructField> fields = new ArrayList<>(inputSchema.fieldList());
    fields.addAll(step.buildSchema().fieldList());
    return StructType.of(fields);
  }

  /**
   * A batch of {@code count} joined rows: input row {@code probeRows[i]} (an index into the selection)
   * with build row {@code buildRows[i]}, or null build columns when {@code table} is null.
   */
  private ColumnBatch gather(StructType schema, ColumnBatch input, int[] rows, int[] probeRows, JoinHashTable table,
      int[] buildRows, int count) {
    int inputColumns = input.columnCount();
    List<FieldVector> vectors = new ArrayList<>(schema.length());
    try {
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = ArrowTypes.allocateVector(schema.apply(column), allocator, count);
        vectors.add(target);
        if (column < inputColumns) {
          FieldVector source = input.vector(column);
          for (int i = 0; i < count; i++) {
            target.copyFromSafe(rows == null ? probeRows[i] : rows[probeRows[i]], i, source);
          }
        } else if (table == null) {
          for (int i = 0; i < count; i++) {
            target.setNull(i);
          }
        } else {
          int buildColumn = column - inputColumns;
          for (int i = 0; i < count; i++) {
            int row = buildRows[i];
            target.copyFromSafe(table.rowInBatch(row), i, table.batch(table.batchIndex(row)).vector(buildColumn));
          }
        }
        target.setValueCount(count);
      }
      return new ColumnBatch(schema, vectors, count);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }
}
