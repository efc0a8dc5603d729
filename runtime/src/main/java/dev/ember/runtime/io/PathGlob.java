package dev.ember.runtime.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Glob patterns in paths, as Spark matches them through Hadoop: {@code *} (any run of characters
 * within one path level), {@code ?} (one character), {@code [abc]}, {@code [a-z]}, {@code [^a]} or
 * {@code [!a]} (a character class), {@code {a,b}} (alternatives, nestable, may span levels) and
 * {@code \} to quote the next character. Wildcards may appear in any level, not only the last:
 * {@code /data/2024-*}{@code /part-*.parquet}. Names starting with {@code .} or {@code _} match like any
 * other; the file listing leaves them out afterwards.
 */
public final class PathGlob {
  private PathGlob() {}

  /** Whether {@code path} has glob syntax; a path without any is taken literally. */
  public static boolean hasWildcards(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * The existing files and directories that {@code pattern} (an absolute or relative local path)
   * matches, sorted and without duplicates; empty when nothing matches.
   */
  public static List<Path> expand(String pattern) {
    Objects.requireNonNull(pattern, "pattern is null");
    Set<Path> matches = new TreeSet<>();
    for (String alternative : expandBraces(pattern)) {
      matchLevels(alternative, matches);
    }
    return List.copyOf(matches);
  }

  /** Whether a single file name matches {@code pattern} (no path separators), as {@code pathGlobFilter} does. */
  public static boolean matchesName(String pattern, String name) {
    for (String alternative : expandBraces(pattern)) {
      if (levelRegex(alternative).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The pattern with every {@code {a,b}} group written out, outermost first; escapes are kept. */
  static List<String> expandBraces(String pattern) {
    int open = -1;
    int depth = 0;
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        if (depth++ == 0) {
          open = i;
          commas.clear();
        }
      } else if (c == ',' && depth == 1) {
        commas.add(i);
      } else if (c == '}' && depth > 0 && --depth == 0) {
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(i + 1);
        Set<String> out = new LinkedHashSet<>();
        int start = open + 1;
        List<Integer> ends = new ArrayList<>(commas);
        ends.add(i);
        for (int end : ends) {
          out.addAll(expandBraces(prefix + pattern.substring(start, end) + suffix));
          start = end + 1;
        }
        return List.copyOf(out);
      }
    }
    return List.of(pattern);
  }

  private static void matchLevels(String pattern, Set<Path> matches) {
    boolean absolute = pattern.startsWith("/");
    String[] levels = pattern.split("/+");
    List<Path> current = new ArrayList<>();
    current.add(absolute ? Path.of("/") : Path.of(""));
    for (String level : levels) {
      if (level.isEmpty()) {
        continue;
      }
      List<Path> next = new ArrayList<>();
      if (!hasWildcards(level)) {
        for (Path parent : current) {
          Path child = parent.resolve(level);
          if (Files.exists(child)) {
            next.add(child);
          }
        }
      } else {
        Pattern regex = levelRegex(level);
        for (Path parent : current) {
          Path directory = parent.toString().isEmpty() ? Path.of(".") : parent;
          if (!Files.isDirectory(directory)) {
            continue;
          }
          try (Stream<Path> children = Files.list(directory)) {
            children.map(child -> child.getFileName().toString()).filter(name -> regex.matcher(name).matches())
                .sorted().forEach(name -> next.add(parent.resolve(name)));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot list directory " + FileListing.displayName(directory)
                + " while matching the path pattern " + pattern, e);
          }
        }
      }
      current = next;
      if (current.isEmpty()) {
        return;
      }
    }
    for (Path path : current) {
      matches.add(path.toAbsolutePath().normalize());
    }
  }

  /** One path level (no {@code /}, no braces) as a regular expression over a whole name. */
  static Pattern levelRegex(String level) {
    StringBuilder regex = new StringBuilder(level.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < level.length(); i++) {
      char c = level.charAt(i);
      if (c == '\\' && i + 1 < level.length()) {
        regex.append(Pattern.quote(String.valueOf(level.charAt(++i))));
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          regex.append(']');
        } else if (c == '-') {
          regex.append('-');
        } else if ((c == '^' || c == '!') && level.charAt(i - 1) == '[') {
          regex.append('^');
        } else {
          // Inside a class every non-alphanumeric character is taken literally.
          regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[') {
        inClass = true;
        regex.append('[');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inClass) {
      throw new IllegalArgumentException("Unclosed character class in the path pattern " + level);
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
