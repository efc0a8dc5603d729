package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads a flat BINARY (or FIXED_LEN_BYTE_ARRAY without a decimal annotation) column into a
 * variable-width vector. BINARY pages in PLAIN or dictionary encoding are decoded by Ember's own
 * loops; the dictionary is decoded once per column chunk. Other encodings, and fixed-length arrays
 * read as binary, go through parquet-mr's value readers.
 */
final class BinaryColumnReader extends PagedColumnReader {
  private final boolean fixedLength;
  private final int[] idBuffer;
  private BinaryDictionary dictionary;
  private Dictionary parquetDictionary;
  private BinaryValuesDecoder decoder;

  BinaryColumnReader(ColumnChunkPages pages, int batchRows) {
    super(pages, batchRows);
    this.fixedLength = pages.descriptor().getPrimitiveType().getPrimitiveTypeName()
        == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
    this.idBuffer = new int[batchRows];
  }

  @Override
  void startPage() {
    boolean usesDictionary = pages.valueEncoding().usesDictionary();
    if (fixedLength) {
      decoder = new ValuesReaderBinaryDecoder(usesDictionary ? dictionaryBasedReader() : pages.valuesReader());
      return;
    }
    decoder = switch (pages.valueEncoding()) {
      case PLAIN -> new PlainBinaryDecoder(pages.values());
      case PLAIN_DICTIONARY, RLE_DICTIONARY -> new DictionaryBinaryDecoder(pages.values(), dictionary(), idBuffer);
      default -> new ValuesReaderBinaryDecoder(pages.valuesReader());
    };
  }

  private BinaryDictionary dictionary() {
    if (dictionary == null) {
      DictionaryPage page = dictionaryPage();
      try {
        dictionary = new BinaryDictionary(PageInput.of(page.getBytes()), page.getDictionarySize());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the dictionary page: " + e.getMessage(), e);
      }
    }
    return dictionary;
  }

  private ValuesReader dictionaryBasedReader() {
    if (parquetDictionary == null) {
      try {
        DictionaryPage page = dictionaryPage();
        parquetDictionary = page.getEncoding().initDictionary(pages.descriptor(), page);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the dictionary page: " + e.getMessage(), e);
      }
    }
    return pages.dictionaryValuesReader(parquetDictionary);
  }

  private DictionaryPage dictionaryPage() {
    DictionaryPage page = pages.dictionaryPage();
    if (page == null) {
      throw new IllegalStateException("A dictionary-encoded page, but the column chunk has no dictionary page");
    }
    return page;
  }

  @Override
  void readRun(FieldVector vector, int startRow, int count, int defined) {
    BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
    long offsets = target.getOffsetBuffer().memoryAddress();
    if (startRow == 0) {
      MemoryUtil.putInt(offsets, 0);
    }
    decoder.read(defined, target, startRow);
    long validity = target.getValidityBuffer().memoryAddress();
    if (defined == count) {
      NullPlacement.setAllValid(validity, startRow, count);
    } else {
      NullPlacement.spreadOffsets(offsets + 4L * (startRow + 1), levels, count, defined, maxDefinitionLevel);
      NullPlacement.setValid(validity, startRow, levels, count, maxDefinitionLevel);
    }
    // Without this, setValueCount would treat the rows written here as never set and empty them.
    target.setLastSet(startRow + count - 1);
  }

  @Override
  void skipValues(int count) {
    decoder.skip(count);
  }

  @Override
  void readSelectedValues(FieldVector vector, int startRow, int rowsOut, int defined, int[] positions, int valuesOut,
      int[] rowLevels) {
    BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
    long offsets = target.getOffsetBuffer().memoryAddress();
    if (startRow == 0) {
      MemoryUtil.putInt(offsets, 0);
    }
    decoder.readSelected(defined, positions, valuesOut, target, startRow);
    long validity = target.getValidityBuffer().memoryAddress();
    if (rowLevels == null) {
      NullPlacement.setAllValid(validity, startRow, rowsOut);
    } else {
      NullPlacement.spreadOffsets(offsets + 4L * (startRow + 1), rowLevels, rowsOut, valuesOut, maxDefinitionLevel);
      NullPlacement.setValid(validity, startRow, rowLevels, rowsOut, maxDefinitionLevel);
    }
    target.setLastSet(startRow + rowsOut - 1);
  }
}
