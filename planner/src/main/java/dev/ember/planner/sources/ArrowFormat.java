package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.arrow.ArrowIpcCompression;
import dev.ember.runtime.io.arrow.ArrowIpcFiles;
import dev.ember.runtime.io.arrow.ArrowIpcWriterFactory;
import dev.ember.runtime.io.FileListing;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Arrow IPC files ({@code .arrow}, also called Feather v2), in the file or the streaming format. Not
 * a Spark format: it lets Ember's data move to and from other Arrow tools without conversion. The
 * schema comes from the first file; the writer option {@code compression} is {@code uncompressed}
 * (default), {@code lz4_frame} or {@code zstd}.
 */
final class ArrowFormat implements DataSourceFormat {
  @Override
  public String shortName() {
    return "arrow";
  }

  @Override
  public StructType inferSchema(List<Path> files, Map<String, String> options, ReadSettings settings) {
    Objects.requireNonNull(files, "files is null");
    if (files.isEmpty()) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "Arrow"),
          "Unable to infer schema for Arrow. It must be specified manually. SQLSTATE: 42KD9");
    }
    return ArrowIpcFiles.readSchema(FileListing.inReadOrder(files).get(0));
  }

  @Override
  public TableSource open(List<Path> files, StructType dataSchema, Map<String, String> options, List<String> userPaths) {
    return new ArrowTableSource(FileListing.inReadOrder(files), dataSchema, userPaths);
  }

  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options, WriteSettings settings) {
    Objects.requireNonNull(options, "options is null");
    return new ArrowIpcWriterFactory(ArrowIpcCompression.fromOptions(options));
  }
}
