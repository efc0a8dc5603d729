package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Skips a row group when an equality or IN predicate names a column chunk whose every data page is
 * dictionary-encoded and no dictionary value is accepted: then no row can match (nulls never match
 * {@code =} or {@code IN}). Only the dictionary pages are read. Conservative like the statistics
 * filter: any doubt (no encoding statistics, a literal without an exact storage form) keeps the
 * row group.
 */
final class ParquetDictionaryFilter {
  /** Level encodings that may appear in a fully dictionary-encoded chunk's encoding list. */
  private static final Set<Encoding> LEVEL_ENCODINGS = EnumSet.of(Encoding.RLE, Encoding.BIT_PACKED);

  private ParquetDictionaryFilter() {}

  /** True if the dictionaries prove that no row of {@code rowGroup} satisfies every predicate. */
  static boolean canSkip(ParquetFileReader file, BlockMetaData rowGroup, List<ParquetRowGroupFilter.BoundPredicate> predicates) {
    DictionaryPageReadStore dictionaries = null;
    MessageType schema = file.getFooter().getFileMetaData().getSchema();
    for (ParquetRowGroupFilter.BoundPredicate bound : predicates) {
      ColumnPredicate.Op op = bound.predicate().op();
      if (op != ColumnPredicate.Op.EQUAL && op != ColumnPredicate.Op.IN) {
        continue;
      }
      ColumnChunkMetaData chunk = rowGroup.getColumns().get(bound.fileColumn());
      if (!isFullyDictionaryEncoded(chunk)) {
        continue;
      }
      if (dictionaries == null) {
        dictionaries = file.getDictionaryReader(rowGroup);
      }
      ColumnDescriptor descriptor = schema.getColumns().get(bound.fileColumn());
      DictionaryPage page;
      try {
        page = dictionaries.readDictionaryPage(descriptor);
      } catch (RuntimeException e) {
        throw new UncheckedIOException(new IOException("Cannot read the dictionary of column " + descriptor, e));
      }
      if (page != null && !anyAccepted(page, chunk.getPrimitiveType(), bound.predicate().acceptedValues())) {
        return true;
      }
    }
    return false;
  }

  static boolean isFullyDictionaryEncoded(ColumnChunkMetaData chunk) {
    EncodingStats stats = chunk.getEncodingStats();
    if (stats != null) {
      return stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages();
    }
    // Without page statistics, only the v1 form is unambiguous: PLAIN_DICTIONARY plus level encodings.
    Set<Encoding> encodings = EnumSet.copyOf(chunk.getEncodings());
    if (!encodings.remove(Encoding.PLAIN_DICTIONARY)) {
      return false;
    }
    encodings.removeAll(LEVEL_ENCODINGS);
    return encodings.isEmpty();
  }

  /** Whether some dictionary value equals some literal; true when that cannot be decided. */
  private static boolean anyAccepted(DictionaryPage page, PrimitiveType type, List<?> literals) {
    PageInput input;
    try {
      input = PageInput.of(page.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a dictionary page: " + e.getMessage(), e);
    }
    int size = page.getDictionarySize();
    switch (type.getPrimitiveTypeName()) {
      case INT32, INT64, FLOAT, DOUBLE -> {
        FixedWidthDictionary dictionary = new FixedWidthDictionary(input, size, FixedWidthConversion.storageWidth(type));
        for (Object literal : literals) {
          Comparable<?> value = ParquetRowGroupFilter.toStorage(type, literal);
          if (value == null || contains(dictionary, type, value)) {
            return true;
          }
        }
        return false;
      }
      case BINARY -> {
        BinaryDictionary dictionary = new BinaryDictionary(input, size);
        for (Object literal : literals) {
          if (!(ParquetRowGroupFilter.toStorage(type, literal) instanceof Binary value)) {
            return true;
          }
          byte[] bytes = value.getBytes();
          for (int id = 0; id < size; id++) {
            if (Arrays.equals(dictionary.valueAt(id), bytes)) {
              return true;
            }
          }
        }
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  private static boolean contains(FixedWidthDictionary dictionary, PrimitiveType type, Comparable<?> literal) {
    int size = dictionary.size();
    switch (type.getPrimitiveTypeName()) {
      case INT32 -> {
        int wanted = (Integer) literal;
        for (int id = 0; id < size; id++) {
          if (dictionary.intAt(id) == wanted) {
            return true;
          }
        }
      }
      case INT64 -> {
        long wanted = (Long) literal;
        for (int id = 0; id < size; id++) {
          if (dictionary.longAt(id) == wanted) {
            return true;
          }
        }
      }
      // Numeric equality, as Spark's: -0.0 equals 0.0. NaN literals never get here (no storage form).
      case FLOAT -> {
        float wanted = (Float) literal;
        for (int id = 0; id < size; id++) {
          if (Float.intBitsToFloat(dictionary.intAt(id)) == wanted) {
            return true;
          }
        }
      }
      case DOUBLE -> {
        double wanted = (Double) literal;
        for (int id = 0; id < size; id++) {
          if (Double.longBitsToDouble(dictionary.longAt(id)) == wanted) {
            return true;
          }
        }
      }
      default -> {
        return true;
      }
    }
    return false;
  }
}
