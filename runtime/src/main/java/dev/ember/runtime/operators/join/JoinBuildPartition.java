package dev.ember.runtime.operators.join;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * One worker's share of a join's build side: it keeps the rows (the payload columns of each batch,
 * as they came) and encodes each row's key once, in parallel with the other workers; the sink then
 * links every partition's rows into one {@link JoinHashTable}.
 *
 * <p>Per row, in arrival order: the offset of its padded key in {@code keyData} (or -1 when a null
 * {@code =} component means it can match nothing), the key's padded length, and its hash. With a
 * compact layout the entry is instead the key's two words and its null mask (or -1 when it can match
 * nothing), and {@code keyData} stays empty.
 */
final class JoinBuildPartition implements SinkPartition, BatchConsumer {
  static final int ROW_ENTRY_BYTES = 24;

  private final int keyCount;
  private final boolean[] nullSafe;
  private final StructType payloadSchema;
  private final BufferAllocator allocator;
  private final String operator;
  /** Where the key's components sit in two words, or null when keys are kept serialized. */
  private final CompactKeyLayout compactLayout;
  private final List<ColumnBatch> batches = new ArrayList<>();
  private JoinKeyEncoder encoder;
  private ArrowBuf rowEntries;
  private ArrowBuf keyData;
  private long keyDataUsed;
  private int rowCount;

  JoinBuildPartition(int keyCount, boolean[] nullSafe, CompactKeyLayout compactLayout, StructType payloadSchema,
      BufferAllocator allocator, String operator) {
    this.keyCount = keyCount;
    this.compactLayout = compactLayout;
    this.nullSafe = nullSafe.clone();
    this.payloadSchema = payloadSchema;
    this.allocator = allocator;
    this.operator = operator;
    try {
      this.encoder = new JoinKeyEncoder(allocator);
      this.rowEntries = OperatorMemory.allocateZeroed(allocator, ROW_ENTRY_BYTES * 64L, operator);
      this.keyData = OperatorMemory.allocateZeroed(allocator, 512, operator);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public boolean accept(ColumnBatch batch) {
    int rows = batch.rowCount();
    if (rows == 0) {
      batch.close();
      return true;
    }
    try {
      if (keyCount > 0) {
        encodeKeys(batch, rows);
      }
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
    List<FieldVector> payload = new ArrayList<>(payloadSchema.length());
    for (int column = 0; column < batch.columnCount(); column++) {
      if (column < keyCount) {
        batch.vector(column).close();
      } else {
        payload.add(batch.vector(column));
      }
    }
    batches.add(new ColumnBatch(payloadSchema, payload, rows));
    rowCount += rows;
    return true;
  }

  private void encodeKeys(ColumnBatch batch, int rows) {
    long needed = (long) (rowCount + rows) * ROW_ENTRY_BYTES;
    if (needed > rowEntries.capacity()) {
      rowEntries = OperatorMemory.grow(allocator, rowEntries, (long) rowCount * ROW_ENTRY_BYTES,
          Math.max(needed, rowEntries.capacity() * 2), operator);
    }
    long entries = rowEntries.memoryAddress();
    for (int row = 0; row < rows; row++) {
      encoder.beginKey();
      for (int key = 0; key < keyCount; key++) {
        encoder.addFromVector(batch.vector(key), row, nullSafe[key]);
      }
      long entry = entries + (long) (rowCount + row) * ROW_ENTRY_BYTES;
      if (compactLayout != null) {
        // A key of the build side's own types always fits its layout: false means a null = component.
        boolean matchable = encoder.toWords(compactLayout);
        MemoryUtil.putLong(entry, encoder.word0());
        MemoryUtil.putLong(entry + 8, encoder.word1());
        MemoryUtil.putLong(entry + 16, matchable ? encoder.wordNulls() : -1L);
        continue;
      }
      if (encoder.unmatchable()) {
        MemoryUtil.putLong(entry, -1L);
        continue;
      }
      encoder.finishKey();
      int length = encoder.paddedLength();
      if (keyDataUsed + length > keyData.capacity()) {
        keyData = OperatorMemory.grow(allocator, keyData, keyDataUsed,
            Math.max(keyDataUsed + length, keyData.capacity() * 2), operator);
      }
      MemoryUtil.copyMemory(encoder.address(), keyData.memoryAddress() + keyDataUsed, length);
      MemoryUtil.putLong(entry, keyDataUsed);
      MemoryUtil.putLong(entry + 8, length);
      MemoryUtil.putLong(entry + 16, encoder.hash());
      keyDataUsed += length;
    }
  }

  int rowCount() {
    return rowCount;
  }

  /** The batches, handed to the table, which owns them from now on. */
  List<ColumnBatch> takeBatches() {
    List<ColumnBatch> taken = new ArrayList<>(batches);
    batches.clear();
    return taken;
  }

  /** The key buffer, handed to the table (row entries hold offsets into it). */
  ArrowBuf takeKeyData() {
    ArrowBuf taken = keyData;
    keyData = null;
    return taken;
  }

  long rowEntriesAddress() {
    return rowEntries.memoryAddress();
  }

  @Override
  public void close() {
    batches.forEach(ColumnBatch::close);
    batches.clear();
    if (encoder != null) {
      encoder.close();
      encoder = null;
    }
    if (rowEntries != null) {
      rowEntries.close();
      rowEntries = null;
    }
    if (keyData != null) {
      keyData.close();
      keyData = null;
    }
  }
}
