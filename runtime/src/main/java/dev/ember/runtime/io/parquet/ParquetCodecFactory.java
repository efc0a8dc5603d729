package dev.ember.runtime.io.parquet;

import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * parquet-mr's codecs, except Hadoop-framed {@code LZ4}, which Ember reads and writes itself
 * ({@link HadoopLz4Codec}) because Hadoop's implementation needs lz4-java, and Snappy pages, which
 * Ember decompresses without parquet-mr's stream copies ({@link SnappyPageDecompressor}). One instance per reader
 * or writer: the compressors it hands out are not thread-safe.
 */
final class ParquetCodecFactory implements CompressionCodecFactory {
  private final CodecFactory codecs;

  ParquetCodecFactory(int pageSize) {
    this.codecs = new CodecFactory(new PlainParquetConfiguration(), pageSize);
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return codec == CompressionCodecName.LZ4 ? HadoopLz4Codec.compressor() : codecs.getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case LZ4 -> HadoopLz4Codec.decompressor();
      case SNAPPY -> new SnappyPageDecompressor();
      default -> codecs.getDecompressor(codec);
    };
  }

  @Override
  public void release() {
    codecs.release();
  }
}
