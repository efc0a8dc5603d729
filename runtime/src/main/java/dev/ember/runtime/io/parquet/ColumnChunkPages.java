package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;

/**
 * The data pages of one column chunk, one at a time, split into their level and value sections for
 * both page versions: v1 pages hold (length-prefixed) repetition levels, definition levels and
 * values in one compressed block; v2 pages keep the levels apart, uncompressed and without length
 * prefixes. parquet-mr's {@link PageReader} has already decompressed each page.
 *
 * <p>Levels are decoded here and handed out in any slices the caller asks for; the values section
 * goes to a decoder the caller picks from {@link #valueEncoding()}. Repetition levels are exposed the
 * same way as definition levels, so a decoder of repeated columns can share this class.
 */
final class ColumnChunkPages {
  private final ColumnDescriptor descriptor;
  private final PageReader pages;
  private final DictionaryPage dictionaryPage;
  /** Data pages already taken from {@link #pages} by {@link #aheadEncoding} but not yet moved to. */
  private final List<DataPage> ahead = new ArrayList<>();
  private RleBitPackedHybridDecoder repetitionLevels;
  private RleBitPackedHybridDecoder definitionLevels;
  private PageInput values;
  private Encoding valueEncoding;
  private int pageValueCount;
  private int levelsLeft;
  private int pagesRead;

  ColumnChunkPages(ColumnDescriptor descriptor, PageReader pages) {
    this.descriptor = descriptor;
    this.pages = pages;
    this.dictionaryPage = pages.readDictionaryPage();
  }

  ColumnDescriptor descriptor() {
    return descriptor;
  }

  /** The chunk's dictionary page (decompressed), or null when the chunk has none. */
  DictionaryPage dictionaryPage() {
    return dictionaryPage;
  }

  /** Levels (values, nulls included) of the current page not yet handed out. */
  int levelsLeft() {
    return levelsLeft;
  }

  Encoding valueEncoding() {
    return valueEncoding;
  }

  /** The current page's values section. */
  PageInput values() {
    return values;
  }

  /** Levels, null values included, of the current page. */
  int pageValueCount() {
    return pageValueCount;
  }

  /** Moves to the next data page; false at the end of the chunk. */
  boolean nextPage() {
    DataPage page = ahead.isEmpty() ? pages.readPage() : ahead.remove(0);
    if (page == null) {
      return false;
    }
    pagesRead++;
    try {
      if (page instanceof DataPageV1 v1) {
        startV1(v1);
      } else if (page instanceof DataPageV2 v2) {
        startV2(v2);
      } else {
        throw new IllegalStateException("Unknown data page kind " + page.getClass().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data page " + pagesRead + ": " + e.getMessage(), e);
    }
    return true;
  }

  /**
   * The value encoding of the data page {@code index} pages after the current one (0: the next),
   * reading pages ahead as needed; null when the chunk has fewer pages.
   */
  Encoding aheadEncoding(int index) {
    DataPage page = ahead(index);
    if (page == null) {
      return null;
    }
    return page instanceof DataPageV2 v2 ? v2.getDataEncoding() : ((DataPageV1) page).getValueEncoding();
  }

  /** Levels (nulls included) of the data page {@code index} pages after the current one; 0 past the end. */
  int aheadValueCount(int index) {
    DataPage page = ahead(index);
    return page == null ? 0 : page.getValueCount();
  }

  private DataPage ahead(int index) {
    while (ahead.size() <= index) {
      DataPage page = pages.readPage();
      if (page == null) {
        return null;
      }
      ahead.add(page);
    }
    return ahead.get(index);
  }

  private void startV1(DataPageV1 page) throws IOException {
    PageInput input = PageInput.of(page.getBytes());
    pageValueCount = page.getValueCount();
    repetitionLevels = descriptor.getMaxRepetitionLevel() == 0
        ? null : lengthPrefixedLevels(input, page.getRlEncoding(), descriptor.getMaxRepetitionLevel(), "repetition");
    definitionLevels = descriptor.getMaxDefinitionLevel() == 0
        ? null : lengthPrefixedLevels(input, page.getDlEncoding(), descriptor.getMaxDefinitionLevel(), "definition");
    values = input;
    valueEncoding = page.getValueEncoding();
    levelsLeft = pageValueCount;
  }

  private static RleBitPackedHybridDecoder lengthPrefixedLevels(PageInput input, Encoding encoding, int maxLevel,
      String kind) {
    if (encoding != Encoding.RLE) {
      // BIT_PACKED levels come only from writers older than parquet-mr 1.0 (before 2013).
      throw new UnsupportedOperationException("Ember does not read " + kind + " levels encoded as " + encoding);
    }
    int length = input.readIntLittleEndian();
    return new RleBitPackedHybridDecoder(input.slice(length), BytesUtils.getWidthFromMaxInt(maxLevel));
  }

  private void startV2(DataPageV2 page) throws IOException {
    pageValueCount = page.getValueCount();
    repetitionLevels = descriptor.getMaxRepetitionLevel() == 0 ? null : new RleBitPackedHybridDecoder(
        PageInput.of(page.getRepetitionLevels()), BytesUtils.getWidthFromMaxInt(descriptor.getMaxRepetitionLevel()));
    definitionLevels = descriptor.getMaxDefinitionLevel() == 0 ? null : new RleBitPackedHybridDecoder(
        PageInput.of(page.getDefinitionLevels()), BytesUtils.getWidthFromMaxInt(descriptor.getMaxDefinitionLevel()));
    values = PageInput.of(page.getData());
    valueEncoding = page.getDataEncoding();
    levelsLeft = pageValueCount;
  }

  /**
   * Decodes the next {@code count} definition levels (at most {@link #levelsLeft()}) into
   * {@code levels} and returns how many of them are the maximum, that is non-null values. For a
   * required column nothing is written and every value counts.
   */
  int readDefinitionLevels(int[] levels, int count) {
    if (count > levelsLeft) {
      throw new IllegalArgumentException("Asked for " + count + " levels, page has " + levelsLeft);
    }
    levelsLeft -= count;
    if (definitionLevels == null) {
      return count;
    }
    return definitionLevels.readAndCount(levels, 0, count, descriptor.getMaxDefinitionLevel());
  }

  /** Decodes the next {@code count} repetition levels; for repeated columns only (not yet used). */
  void readRepetitionLevels(int[] levels, int count) {
    if (repetitionLevels == null) {
      throw new IllegalStateException("Column " + descriptor + " has no repetition levels");
    }
    repetitionLevels.read(levels, 0, count);
  }

  /** parquet-mr's reader of the current page's values, for the encodings Ember does not decode itself. */
  ValuesReader valuesReader() {
    return initialize(valueEncoding.getValuesReader(descriptor, ValuesType.VALUES));
  }

  /** parquet-mr's reader of the current page's dictionary ids, turning them into {@code dictionary}'s values. */
  ValuesReader dictionaryValuesReader(Dictionary dictionary) {
    return initialize(valueEncoding.getDictionaryBasedValuesReader(descriptor, ValuesType.VALUES, dictionary));
  }

  private ValuesReader initialize(ValuesReader reader) {
    try {
      reader.initFromPage(pageValueCount, ByteBufferInputStream.wrap(
          ByteBuffer.wrap(values.array(), values.position(), values.remaining())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + valueEncoding + " values: " + e.getMessage(), e);
    }
    return reader;
  }
}
