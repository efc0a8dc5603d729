package dev.ember.runtime.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * JSON lines part files as Spark writes them: one object per row, fields in schema order, nulls
 * left out unless {@code ignoreNullFields=false}, {@code .json} or, with {@code compression=gzip},
 * {@code .json.gz}. Timestamps are written in the {@code timeZone} option's zone, else the session's.
 */
public final class JsonWriterFactory implements BatchFileWriterFactory {
  private final JsonOptions options;
  private final ZoneId zone;
  private final JsonFactory factory;

  /** @param sessionZone the zone timestamps are written in when the options name none */
  public JsonWriterFactory(JsonOptions options, ZoneId sessionZone) {
    this.options = Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    this.zone = options.timeZone() != null ? options.timeZone() : sessionZone;
    this.factory = new JsonFactory();
  }

  @Override
  public String extension() {
    return options.compression().equals("gzip") ? ".json.gz" : ".json";
  }

  @Override
  public BatchFileWriter open(Path file, StructType schema, BufferAllocator allocator) {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(schema, "schema is null");
    return JsonFileWriter.create(file, schema, options, zone, factory);
  }
}
