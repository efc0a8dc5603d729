package dev.ember.runtime.io.partition;

import dev.ember.SparkException;
import dev.ember.runtime.io.FileListing;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds partition columns in the directories holding data files, as Spark's partition discovery
 * does. Each such directory is read upwards to its table root ({@code basePath}, else the directory
 * given, or a given file's parent): {@code name=value} levels become columns, outermost first; a
 * level without {@code =} is skipped below the innermost column and ends the reading above it. All
 * directories must yield the same column names (ignoring case) and reach the same root, or the layout
 * is one of Spark's conflicting ones.
 */
final class PartitionDiscovery {
  private PartitionDiscovery() {}

  /** What reading one data directory upwards found. */
  private record ParsedDirectory(Path directory, List<String> names, List<String> rawValues, Path root) {}

  /** The partitions of the data directories; null when no directory has partition columns. */
  static PartitionedFiles discover(List<Path> roots, Map<Path, List<Path>> filesByDirectory, FileIndexOptions options) {
    Set<Path> tableRoots = tableRoots(roots, options.basePath());
    List<ParsedDirectory> parsed = new ArrayList<>();
    for (Path directory : filesByDirectory.keySet()) {
      ParsedDirectory columns = parse(directory, tableRoots);
      if (columns != null) {
        parsed.add(columns);
      }
    }
    if (parsed.isEmpty()) {
      return null;
    }
    checkOneRoot(parsed);
    checkSameNames(parsed);
    StructType schema = partitionSchema(parsed, options);
    List<PartitionDirectory> directories = new ArrayList<>(parsed.size());
    for (ParsedDirectory directory : parsed) {
      List<Object> values = new ArrayList<>(schema.length());
      for (int i = 0; i < schema.length(); i++) {
        StructField column = schema.apply(i);
        String raw = directory.rawValues().get(i);
        boolean userTyped = userField(options.userSchema(), column.name()) != null;
        values.add(userTyped
            ? PartitionValueParser.castValue(raw, column.dataType(), column.name(), options.sessionZone())
            : PartitionValueParser.inferredValue(raw, column.dataType(), options.sessionZone()));
      }
      directories.add(new PartitionDirectory(directory.directory(), values, filesByDirectory.get(directory.directory())));
    }
    return new PartitionedFiles(schema, directories);
  }

  /** The directories where reading upwards stops. */
  private static Set<Path> tableRoots(List<Path> roots, String basePath) {
    Set<Path> tableRoots = new LinkedHashSet<>();
    if (basePath != null) {
      Path base = Paths.get(basePath.startsWith("file:") ? basePath.substring(5) : basePath).toAbsolutePath().normalize();
      for (Path root : roots) {
        if (!root.startsWith(base)) {
          throw new IllegalArgumentException("Wrong basePath " + basePath + " for the root path: "
              + FileListing.displayName(root));
        }
      }
      tableRoots.add(base);
    } else {
      for (Path root : roots) {
        tableRoots.add(java.nio.file.Files.isDirectory(root) ? root : root.getParent());
      }
    }
    return tableRoots;
  }

  private static ParsedDirectory parse(Path directory, Set<Path> tableRoots) {
    List<String> names = new ArrayList<>();
    List<String> rawValues = new ArrayList<>();
    Path current = directory;
    while (current != null && !tableRoots.contains(current) && current.getFileName() != null) {
      String level = current.getFileName().toString();
      int equals = level.indexOf('=');
      if (equals < 0) {
        if (!names.isEmpty()) {
          break;
        }
      } else {
        String name = level.substring(0, equals);
        String value = level.substring(equals + 1);
        if (name.isEmpty()) {
          throw emptyPart("EMPTY_PARTITION_COLUMN_NAME", "Found an empty partition column name in the path segment '"
              + level + "'. Each partition directory must have a non-empty column name before the '=' sign (e.g., 'col=value').");
        }
        if (value.isEmpty()) {
          throw emptyPart("EMPTY_PARTITION_COLUMN_VALUE", "Found an empty partition column value in the path segment '"
              + level + "'. Each partition directory must have a non-empty value after the '=' sign (e.g., 'col=value').");
        }
        names.add(0, PartitionPathNames.unescape(name));
        rawValues.add(0, value);
      }
      current = current.getParent();
    }
    return names.isEmpty() ? null : new ParsedDirectory(directory, names, rawValues, current);
  }

  private static SparkException emptyPart(String condition, String message) {
    return new SparkException(condition, Map.of(), message + " SQLSTATE: KD009", null);
  }

  private static void checkOneRoot(List<ParsedDirectory> parsed) {
    List<Path> roots = parsed.stream().map(ParsedDirectory::root).distinct().toList();
    if (roots.size() > 1) {
      String suspicious = roots.stream().map(root -> "\t" + FileListing.displayName(root))
          .collect(Collectors.joining("\n"));
      throw new SparkException("CONFLICTING_DIRECTORY_STRUCTURES", Map.of("discoveredBasePaths", suspicious),
          "Conflicting directory structures detected.\nSuspicious paths:\n\n" + suspicious + "\n\n"
              + "If provided paths are partition directories, please set \"basePath\" in the options of the data"
              + " source to specify the root directory of the table.\nIf there are multiple root directories,"
              + " please load them separately and then union them. SQLSTATE: KD009",
          null);
    }
  }

  private static void checkSameNames(List<ParsedDirectory> parsed) {
    Map<List<String>, List<ParsedDirectory>> byNames = new LinkedHashMap<>();
    for (ParsedDirectory directory : parsed) {
      List<String> key = directory.names().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
      byNames.computeIfAbsent(key, names -> new ArrayList<>()).add(directory);
    }
    if (byNames.size() <= 1) {
      return;
    }
    List<List<ParsedDirectory>> groups = new ArrayList<>(byNames.values());
    StringBuilder lists = new StringBuilder();
    for (int i = 0; i < groups.size(); i++) {
      lists.append("\tPartition column name list #").append(i).append(": ")
          .append(String.join(", ", groups.get(i).get(0).names())).append('\n');
    }
    // Directories with fewer partition levels first: they are the likely strays.
    String suspicious = groups.stream().sorted(Comparator.comparingInt(group -> group.get(0).names().size()))
        .flatMap(List::stream).map(directory -> "\t" + FileListing.displayName(directory.directory()))
        .collect(Collectors.joining("\n"));
    throw new SparkException("CONFLICTING_PARTITION_COLUMN_NAMES",
        Map.of("distinctPartColLists", lists.toString(), "suspiciousPaths", suspicious),
        "Conflicting partition column names detected:\n\n" + lists
            + "\nFor partitioned table directories, data files should only live in leaf directories.\n"
            + "And directories at the same level should have the same partition column name.\n"
            + "Please check the following directories for unexpected files or inconsistent partition column"
            + " names:\n\n" + suspicious + " SQLSTATE: KD009",
        null);
  }

  /** Column names as the first directory spells them; types from the user's schema, else inferred. */
  private static StructType partitionSchema(List<ParsedDirectory> parsed, FileIndexOptions options) {
    List<String> names = parsed.get(0).names();
    List<StructField> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      StructField user = userField(options.userSchema(), names.get(i));
      DataType type;
      if (user != null) {
        type = user.dataType();
      } else if (!options.typeInference()) {
        type = DataTypes.StringType;
      } else {
        type = DataTypes.NullType;
        for (ParsedDirectory directory : parsed) {
          type = PartitionValueParser.widerType(type, PartitionValueParser.inferType(directory.rawValues().get(i)));
        }
      }
      fields.add(DataTypes.createStructField(user != null ? user.name() : names.get(i), type, true));
    }
    return StructType.of(fields);
  }

  private static StructField userField(StructType userSchema, String name) {
    if (userSchema == null) {
      return null;
    }
    for (StructField field : userSchema.fields()) {
      if (field.name().equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }
}
