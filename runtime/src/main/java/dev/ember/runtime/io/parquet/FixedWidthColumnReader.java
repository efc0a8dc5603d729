package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads a flat column of a fixed-width Parquet type (BOOLEAN, INT32, INT64, FLOAT, DOUBLE, INT96,
 * FIXED_LEN_BYTE_ARRAY decimals). Values whose storage is Ember's layout are decoded straight into
 * the vector (PLAIN: one {@code memcpy} per run); others go through a scratch buffer and a
 * {@link FixedWidthConversion}. Booleans are decoded to bytes and then set as bits.
 */
final class FixedWidthColumnReader extends PagedColumnReader {
  private final PrimitiveType field;
  private final int storageWidth;
  private final FixedWidthConversion conversion;
  private final boolean bits;
  private final int[] idBuffer;
  private final ArrowBuf scratch;
  private FixedWidthDictionary dictionary;
  private FixedWidthValuesDecoder decoder;

  /** @param conversion from the storage form to the vector's, or null when they are the same */
  FixedWidthColumnReader(ColumnChunkPages pages, PrimitiveType field, FixedWidthConversion conversion, boolean bits,
      BufferAllocator allocator, int batchRows) {
    super(pages, batchRows);
    this.field = field;
    this.storageWidth = FixedWidthConversion.storageWidth(field);
    this.conversion = conversion;
    this.bits = bits;
    this.idBuffer = new int[batchRows];
    this.scratch = conversion != null || bits ? allocator.buffer((long) batchRows * storageWidth) : null;
  }

  @Override
  void startPage() {
    PageInput values = pages.values();
    boolean isBoolean = field.getPrimitiveTypeName() == PrimitiveTypeName.BOOLEAN;
    decoder = switch (pages.valueEncoding()) {
      case PLAIN -> isBoolean ? new PlainBooleanDecoder(values) : new PlainFixedWidthDecoder(values, storageWidth);
      case PLAIN_DICTIONARY, RLE_DICTIONARY -> new DictionaryFixedWidthDecoder(values, dictionary(), idBuffer);
      case RLE -> {
        if (!isBoolean) {
          throw new UnsupportedOperationException("RLE encoding of " + field + " values");
        }
        yield new RleBooleanDecoder(values);
      }
      default -> new ValuesReaderFixedWidthDecoder(pages.valuesReader(), field.getPrimitiveTypeName(), storageWidth);
    };
  }

  private FixedWidthDictionary dictionary() {
    if (dictionary == null) {
      DictionaryPage page = pages.dictionaryPage();
      if (page == null) {
        throw new IllegalStateException("A dictionary-encoded page, but the column chunk has no dictionary page");
      }
      try {
        dictionary = new FixedWidthDictionary(PageInput.of(page.getBytes()), page.getDictionarySize(), storageWidth);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the dictionary page: " + e.getMessage(), e);
      }
    }
    return dictionary;
  }

  @Override
  void readRun(FieldVector vector, int startRow, int count, int defined) {
    long validity = vector.getValidityBuffer().memoryAddress();
    if (bits) {
      readBits((BitVector) vector, validity, startRow, count, defined);
      return;
    }
    int width = ((BaseFixedWidthVector) vector).getTypeWidth();
    long target = vector.getDataBuffer().memoryAddress() + (long) width * startRow;
    if (conversion == null) {
      decoder.read(defined, target);
    } else {
      decoder.read(defined, scratch.memoryAddress());
      conversion.convert(scratch.memoryAddress(), target, defined);
    }
    if (defined == count) {
      NullPlacement.setAllValid(validity, startRow, count);
    } else {
      NullPlacement.spreadFixedWidth(target, width, levels, count, defined, maxDefinitionLevel);
      NullPlacement.setValid(validity, startRow, levels, count, maxDefinitionLevel);
    }
  }

  @Override
  void skipValues(int count) {
    decoder.skip(count);
  }

  @Override
  void readSelectedValues(FieldVector vector, int startRow, int rowsOut, int defined, int[] positions, int valuesOut,
      int[] rowLevels) {
    long validity = vector.getValidityBuffer().memoryAddress();
    if (bits) {
      long bytes = scratch.memoryAddress();
      decoder.readSelected(defined, positions, valuesOut, bytes);
      long data = vector.getDataBuffer().memoryAddress();
      int value = 0;
      for (int i = 0; i < rowsOut; i++) {
        if (rowLevels == null || rowLevels[i] == maxDefinitionLevel) {
          if (MemoryUtil.getByte(bytes + value++) != 0) {
            NullPlacement.setBit(data, startRow + i);
          }
        }
      }
      setValidity(validity, startRow, rowsOut, rowLevels);
      return;
    }
    int width = ((BaseFixedWidthVector) vector).getTypeWidth();
    long target = vector.getDataBuffer().memoryAddress() + (long) width * startRow;
    if (conversion == null) {
      decoder.readSelected(defined, positions, valuesOut, target);
    } else {
      decoder.readSelected(defined, positions, valuesOut, scratch.memoryAddress());
      conversion.convert(scratch.memoryAddress(), target, valuesOut);
    }
    if (rowLevels != null) {
      NullPlacement.spreadFixedWidth(target, width, rowLevels, rowsOut, valuesOut, maxDefinitionLevel);
    }
    setValidity(validity, startRow, rowsOut, rowLevels);
  }

  private void setValidity(long validity, int startRow, int rows, int[] rowLevels) {
    if (rowLevels == null) {
      NullPlacement.setAllValid(validity, startRow, rows);
    } else {
      NullPlacement.setValid(validity, startRow, rowLevels, rows, maxDefinitionLevel);
    }
  }

  private void readBits(BitVector vector, long validity, int startRow, int count, int defined) {
    long bytes = scratch.memoryAddress();
    decoder.read(defined, bytes);
    long data = vector.getDataBuffer().memoryAddress();
    int value = 0;
    for (int i = 0; i < count; i++) {
      if (defined == count || levels[i] == maxDefinitionLevel) {
        if (MemoryUtil.getByte(bytes + value++) != 0) {
          NullPlacement.setBit(data, startRow + i);
        }
      }
    }
    if (defined == count) {
      NullPlacement.setAllValid(validity, startRow, count);
    } else {
      NullPlacement.setValid(validity, startRow, levels, count, maxDefinitionLevel);
    }
  }

  /** Pages read ahead, at most, to find whether a batch's rows are all dictionary ids. */
  private static final int MOST_PAGES_AHEAD = 8;

  @Override
  public boolean nextRowsAreDictionaryIds(int rows) {
    if (bits || pages.dictionaryPage() == null) {
      return false;
    }
    int covered = 0;
    if (pages.levelsLeft() > 0) {
      if (!isDictionary(pages.valueEncoding())) {
        return false;
      }
      covered = pages.levelsLeft();
    }
    // A chunk can fall back from dictionary to PLAIN pages mid-way, so every page the rows reach must be checked.
    for (int page = 0; covered < rows; page++) {
      if (page == MOST_PAGES_AHEAD || !isDictionary(pages.aheadEncoding(page))) {
        return false;
      }
      covered += pages.aheadValueCount(page);
    }
    return true;
  }

  private static boolean isDictionary(Encoding encoding) {
    return encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY;
  }

  @Override
  public int dictionarySize() {
    return dictionary().size();
  }

  @Override
  public void readDictionary(FieldVector vector) {
    int size = dictionary().size();
    int width = ((BaseFixedWidthVector) vector).getTypeWidth();
    long data = vector.getDataBuffer().memoryAddress();
    for (int start = 0; start < size; start += idBuffer.length) {
      int count = Math.min(idBuffer.length, size - start);
      for (int i = 0; i < count; i++) {
        idBuffer[i] = start + i;
      }
      gather(idBuffer, count, data + (long) width * start);
    }
    NullPlacement.setAllValid(vector.getValidityBuffer().memoryAddress(), 0, size);
  }

  @Override
  public void readIds(int rows, int[] ids) {
    if (rows > levels.length) {
      throw new IllegalArgumentException("Batch of " + rows + " rows exceeds the reader's " + levels.length);
    }
    int row = 0;
    while (row < rows) {
      startPageIfNeeded(row, rows);
      if (!(decoder instanceof DictionaryFixedWidthDecoder idDecoder)) {
        throw new IllegalStateException("Dictionary ids asked for at row " + row + " of a page encoded as "
            + pages.valueEncoding());
      }
      int count = Math.min(rows - row, pages.levelsLeft());
      int defined = pages.readDefinitionLevels(levels, count);
      if (defined == count) {
        idDecoder.readIds(ids, row, count);
      } else {
        idDecoder.readIds(idBuffer, 0, defined);
        int value = 0;
        for (int i = 0; i < count; i++) {
          ids[row + i] = levels[i] == maxDefinitionLevel ? idBuffer[value++] : -1;
        }
      }
      row += count;
    }
  }

  @Override
  public void readFromIds(FieldVector vector, int[] ids, int[] rows, int count) {
    int defined = 0;
    for (int i = 0; i < count; i++) {
      int id = ids[rows == null ? i : rows[i]];
      idBuffer[defined] = id;
      defined += id >= 0 ? 1 : 0;
      levels[i] = id >= 0 ? maxDefinitionLevel : 0;
    }
    int width = ((BaseFixedWidthVector) vector).getTypeWidth();
    long target = vector.getDataBuffer().memoryAddress();
    gather(idBuffer, defined, target);
    long validity = vector.getValidityBuffer().memoryAddress();
    if (defined == count) {
      NullPlacement.setAllValid(validity, 0, count);
    } else {
      NullPlacement.spreadFixedWidth(target, width, levels, count, defined, maxDefinitionLevel);
      NullPlacement.setValid(validity, 0, levels, count, maxDefinitionLevel);
    }
  }

  /** Writes the vector-form values of dictionary ids {@code ids[0 … count)} densely at {@code target}. */
  private void gather(int[] ids, int count, long target) {
    if (conversion == null) {
      dictionary().gather(ids, count, target);
    } else {
      dictionary().gather(ids, count, scratch.memoryAddress());
      conversion.convert(scratch.memoryAddress(), target, count);
    }
  }

  @Override
  public void close() {
    if (scratch != null) {
      scratch.close();
    }
  }
}
