package dev.ember.codegen.interpreted;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The elements of {@code count} arrays (or map entries) of a list vector, as the rows of a lambda
 * batch: position p is element {@code start + p} of the list's data vector. Rows that are null have
 * no positions that a body evaluates.
 *
 * @param start the data vector index of position 0
 * @param size how many positions, from the first row's first element to the last row's last one
 * @param rowStarts the position of each row's first element, and after the last row, {@code size}
 * @param outerRows for each position, the batch row its array came from
 * @param positions the positions of non-null rows' elements, or null when that is all of them
 */
record FlatElements(int start, int size, int[] rowStarts, int[] outerRows, int[] positions) {
  static FlatElements of(ListVector list, int count, int[] rows) {
    int start = count == 0 ? 0 : list.getElementStartIndex(0);
    int[] rowStarts = new int[count + 1];
    for (int row = 0; row < count; row++) {
      rowStarts[row] = list.getElementStartIndex(row) - start;
    }
    int size = count == 0 ? 0 : list.getElementEndIndex(count - 1) - start;
    rowStarts[count] = size;
    int[] outerRows = new int[size];
    int[] positions = new int[size];
    int selected = 0;
    for (int row = 0; row < count; row++) {
      int end = list.getElementEndIndex(row) - start;
      boolean isNull = list.isNull(row);
      for (int position = rowStarts[row]; position < end; position++) {
        outerRows[position] = rows == null ? row : rows[row];
        if (!isNull) {
          positions[selected++] = position;
        }
      }
    }
    return new FlatElements(start, size, rowStarts, outerRows,
        selected == size ? null : java.util.Arrays.copyOf(positions, selected));
  }

  /** The first position of {@code row}. */
  int first(int row) {
    return rowStarts[row];
  }

  /** The position after {@code row}'s last. */
  int end(int row) {
    return rowStarts[row + 1];
  }

  /** The elements as a vector of {@code size} values, sharing the data vector's buffers where Arrow can. */
  FieldVector values(FieldVector data, BufferAllocator allocator) {
    if (size == 0) {
      FieldVector empty = data.getField().createVector(allocator);
      empty.allocateNew();
      empty.setValueCount(0);
      return empty;
    }
    TransferPair share = data.getTransferPair(data.getField(), allocator);
    share.splitAndTransfer(start, size);
    return (FieldVector) share.getTo();
  }

  /** Each position's index within its array, for the {@code (x, i) -> ...} forms. */
  IntVector indexes(BufferAllocator allocator) {
    IntVector indexes = new IntVector("i", allocator);
    indexes.allocateNew(Math.max(size, 1));
    for (int row = 0; row + 1 < rowStarts.length; row++) {
      for (int position = rowStarts[row]; position < rowStarts[row + 1]; position++) {
        indexes.set(position, position - rowStarts[row]);
      }
    }
    indexes.setValueCount(size);
    return indexes;
  }
}
