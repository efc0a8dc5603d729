package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
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

  @Override
  public void close() {
    if (scratch != null) {
      scratch.close();
    }
  }
}
