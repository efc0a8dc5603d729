package dev.ember.runtime.io.parquet;

/** Dictionary ids (a bit-width byte, then the RLE/bit-packed hybrid) turned into fixed-width values. */
final class DictionaryFixedWidthDecoder implements FixedWidthValuesDecoder {
  private final RleBitPackedHybridDecoder ids;
  private final FixedWidthDictionary dictionary;
  private final int[] idBuffer;

  /** @param idBuffer scratch for at least as many ids as one {@link #read} asks for */
  DictionaryFixedWidthDecoder(PageInput input, FixedWidthDictionary dictionary, int[] idBuffer) {
    this.ids = new RleBitPackedHybridDecoder(input, input.readUnsignedByte());
    this.dictionary = dictionary;
    this.idBuffer = idBuffer;
  }

  @Override
  public void read(int count, long address) {
    ids.read(idBuffer, 0, count);
    dictionary.gather(idBuffer, count, address);
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, long address) {
    ids.read(idBuffer, 0, count);
    // Positions ascend and positions[k] >= k, so the ids can be moved to the front in place.
    for (int k = 0; k < selected; k++) {
      idBuffer[k] = idBuffer[positions[k]];
    }
    dictionary.gather(idBuffer, selected, address);
  }

  /** Decodes the next {@code count} ids, not values, into {@code into[offset …]}. */
  void readIds(int[] into, int offset, int count) {
    ids.read(into, offset, count);
  }

  @Override
  public void skip(int count) {
    ids.skip(count);
  }
}
