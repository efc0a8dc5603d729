package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Opens local Parquet files, turning footer failures into Spark's error.
 *
 * <p>Footers are kept in a small process-wide cache keyed by the file's identity (path, size,
 * modification time and, where the file system has one, its file key such as the inode): a query
 * reads each footer to plan its morsels and then once per row group it reads, and repeated queries
 * over the same files (notebooks, tests, benchmarks) read them all again. Parsing a footer's Thrift
 * was 3–5 % of TPC-H Q6. A file replaced or rewritten gets a new identity, so its new footer is read.
 */
public final class ParquetFileFooters {
  /** Footers kept; a footer is typically a few kilobytes to a few hundred. */
  private static final int CACHED_FOOTERS = 256;

  private static final Map<FileIdentity, ParquetMetadata> FOOTERS = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FileIdentity, ParquetMetadata> eldest) {
      return size() > CACHED_FOOTERS;
    }
  };

  private ParquetFileFooters() {}

  /** The footer (schema, row groups, statistics) of {@code file}. */
  public static ParquetMetadata read(Path file) {
    FileIdentity identity = FileIdentity.of(file);
    ParquetMetadata cached = cached(identity);
    if (cached != null) {
      return cached;
    }
    ParquetMetadata footer;
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalParquetFile(file, ParquetReadErrors.displayName(file)), options())) {
      footer = reader.getFooter();
    } catch (IOException | RuntimeException e) {
      // parquet-mr reports a missing magic number or a short file as a RuntimeException.
      throw ParquetReadErrors.footerFailure(file, e);
    }
    if (identity != null) {
      synchronized (FOOTERS) {
        FOOTERS.put(identity, footer);
      }
    }
    return footer;
  }

  /** A reader over {@code file} with its footer (cached when unchanged); the caller closes it. */
  static ParquetFileReader open(Path file) {
    ParquetMetadata footer = read(file);
    InputFile input = new LocalParquetFile(file, ParquetReadErrors.displayName(file));
    SeekableInputStream stream = null;
    try {
      stream = input.newStream();
      return ParquetFileReader.open(input, footer, options(), stream);
    } catch (IOException | RuntimeException e) {
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException closeFailure) {
          e.addSuppressed(closeFailure);
        }
      }
      throw ParquetReadErrors.footerFailure(file, e);
    }
  }

  private static ParquetMetadata cached(FileIdentity identity) {
    if (identity == null) {
      return null;
    }
    synchronized (FOOTERS) {
      return FOOTERS.get(identity);
    }
  }

  private static ParquetReadOptions options() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration())
        .withCodecFactory(new ParquetCodecFactory(0))
        .build();
  }

  /** What tells one version of a file from another without reading it. */
  private record FileIdentity(Path path, long size, FileTime modified, Object fileKey) {
    /** Null when the attributes cannot be read: then the footer is read (and fails) uncached. */
    static FileIdentity of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileIdentity(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime(),
            attributes.fileKey());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }
}
