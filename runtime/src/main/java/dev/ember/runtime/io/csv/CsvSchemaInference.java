package dev.ember.runtime.io.csv;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Derives a CSV schema as Spark 4.2 does (checked against Spark).
 *
 * <p>The first line that is neither blank nor a comment, in the first file that has one, fixes the
 * column count. With {@code header} its fields name the columns: an empty name, or one equal to
 * {@code nullValue}, becomes {@code _c<index>}; names occurring more than once (ignoring case) get
 * their index appended ({@code a,a,A} gives {@code a0,a1,A2}). Without a header columns are
 * {@code _c0, _c1, ...}. No lines at all give an empty schema.
 *
 * <p>With {@code inferSchema} every record of every file is read (Spark's default sampling ratio is
 * 1), skipping lines equal to the header line; null tokens and {@code nullValue} do not vote; a
 * column with no values is a string. Extra fields of long rows are ignored. Without
 * {@code inferSchema} every column is a string. All columns are nullable.
 */
public final class CsvSchemaInference {
  private CsvSchemaInference() {}

  public static StructType infer(List<Path> files, CsvOptions options) {
    Objects.requireNonNull(files, "files is null");
    Objects.requireNonNull(options, "options is null");
    CsvTokenizer tokenizer = new CsvTokenizer(options);
    byte[] firstLine = null;
    String[] names = null;
    DataType[] types = null;
    CsvTypeInference inference = options.inferSchema() ? new CsvTypeInference(options) : null;
    for (Path file : files) {
      if (firstLine != null && inference == null) {
        break;
      }
      try (CsvLineReader lines = openWholeFile(file, options)) {
        boolean atFileStart = true;
        while (lines.nextLine()) {
          byte[] line = lines.buffer();
          int start = lines.lineStart();
          int end = lines.lineEnd();
          if (atFileStart && CsvBatchStream.hasByteOrderMark(line, start, end)) {
            start += 3;
          }
          atFileStart = false;
          if (CsvBatchStream.isSkipped(line, start, end, commentByte(options))) {
            continue;
          }
          if (options.multiLine()) {
            int skipped = start - lines.lineStart();
            CsvBatchStream.continueQuotedRecord(lines, tokenizer, skipped);
            line = lines.buffer();
            start = lines.lineStart() + skipped;
            end = lines.lineEnd();
          }
          if (options.charset() != StandardCharsets.UTF_8 && CsvSource.isAsciiCompatible(options.charset())) {
            line = new String(line, start, end - start, options.charset()).getBytes(StandardCharsets.UTF_8);
            start = 0;
            end = line.length;
          }
          if (firstLine == null) {
            firstLine = Arrays.copyOfRange(line, start, end);
            tokenizer.tokenize(line, start, end);
            names = columnNames(tokenizer, options);
            types = new DataType[names.length];
            Arrays.fill(types, DataTypes.NullType);
            if (options.header()) {
              continue;
            }
            if (inference == null) {
              break;
            }
          } else if (options.header() && Arrays.equals(line, start, end, firstLine, 0, firstLine.length)) {
            continue;
          }
          if (inference == null) {
            break;
          }
          tokenizer.tokenize(line, start, end);
          inferRecord(tokenizer, types, inference, options);
        }
      } catch (IOException e) {
        throw CsvBatchStream.readFailure(file, e);
      }
    }
    if (names == null) {
      return new StructType();
    }
    List<StructField> fields = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      DataType type = inference == null || types[i] instanceof NullType ? DataTypes.StringType : types[i];
      fields.add(new StructField(names[i], type, true));
    }
    return StructType.of(fields);
  }

  private static int commentByte(CsvOptions options) {
    return options.comment() == CsvOptions.DISABLED ? -1 : options.comment();
  }

  private static CsvLineReader openWholeFile(Path file, CsvOptions options) throws IOException {
    CsvCompression compression = CsvCompression.of(file);
    if (CsvSource.isAsciiCompatible(options.charset())) {
      if (compression.isCompressed()) {
        return new CsvLineReader(Channels.newChannel(compression.open(file)), 0, Long.MAX_VALUE);
      }
      return new CsvLineReader(FileChannel.open(file), 0, Long.MAX_VALUE);
    }
    byte[] decoded;
    try (InputStream in = compression.open(file)) {
      decoded = in.readAllBytes();
    }
    byte[] utf8 = new String(decoded, options.charset()).getBytes(StandardCharsets.UTF_8);
    return new CsvLineReader(Channels.newChannel(new ByteArrayInputStream(utf8)), 0, Long.MAX_VALUE);
  }

  private static void inferRecord(CsvTokenizer tokenizer, DataType[] types, CsvTypeInference inference, CsvOptions options) {
    byte[] data = tokenizer.data();
    byte[] nullValue = options.nullValue().getBytes(StandardCharsets.UTF_8);
    int count = Math.min(types.length, tokenizer.count());
    for (int i = 0; i < count; i++) {
      int start = tokenizer.start(i);
      int end = tokenizer.end(i);
      if (tokenizer.isNullToken(i) || Arrays.equals(data, start, end, nullValue, 0, nullValue.length)) {
        continue;
      }
      types[i] = CsvTypeInference.merge(types[i], inference.infer(types[i], data, start, end));
    }
  }

  private static String[] columnNames(CsvTokenizer tokenizer, CsvOptions options) {
    int count = tokenizer.count();
    String[] names = new String[count];
    if (!options.header()) {
      for (int i = 0; i < count; i++) {
        names[i] = "_c" + i;
      }
      return names;
    }
    Map<String, Integer> occurrences = new HashMap<>();
    String[] raw = new String[count];
    for (int i = 0; i < count; i++) {
      raw[i] = tokenizer.text(i);
      if (raw[i] != null) {
        occurrences.merge(raw[i].toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    for (int i = 0; i < count; i++) {
      String name = raw[i];
      if (name == null || name.isEmpty() || name.equals(options.nullValue())) {
        names[i] = "_c" + i;
      } else if (occurrences.get(name.toLowerCase(Locale.ROOT)) > 1) {
        names[i] = name + i;
      } else {
        names[i] = name;
      }
    }
    return names;
  }
}
