package dev.ember.runtime.io.parquet;

import org.apache.arrow.vector.BaseVariableWidthVector;

/** Dictionary ids (a bit-width byte, then the RLE/bit-packed hybrid) turned into BINARY values. */
final class DictionaryBinaryDecoder implements BinaryValuesDecoder {
  private final RleBitPackedHybridDecoder ids;
  private final BinaryDictionary dictionary;
  private final int[] idBuffer;

  /** @param idBuffer scratch for at least as many ids as one {@link #read} asks for */
  DictionaryBinaryDecoder(PageInput input, BinaryDictionary dictionary, int[] idBuffer) {
    this.ids = new RleBitPackedHybridDecoder(input, input.readUnsignedByte());
    this.dictionary = dictionary;
    this.idBuffer = idBuffer;
  }

  @Override
  public void read(int count, BaseVariableWidthVector vector, int startRow) {
    ids.read(idBuffer, 0, count);
    dictionary.gather(idBuffer, count, vector, startRow);
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, BaseVariableWidthVector vector, int startRow) {
    ids.read(idBuffer, 0, count);
    // Positions ascend and positions[k] >= k, so the ids can be moved to the front in place.
    for (int k = 0; k < selected; k++) {
      idBuffer[k] = idBuffer[positions[k]];
    }
    dictionary.gather(idBuffer, selected, vector, startRow);
  }

  @Override
  public void skip(int count) {
    ids.skip(count);
  }
}
