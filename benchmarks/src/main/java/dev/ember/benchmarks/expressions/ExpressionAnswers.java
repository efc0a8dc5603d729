package dev.ember.benchmarks.expressions;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The answers of every {@link BenchmarkExpression} on one data set, checked once to be equal on Ember
 * generated, Ember interpreted and Spark, and kept beside the data
 * ({@code <cache>/expressions/rows-<rows>.answers.properties}) so that each benchmark fork compares its
 * own answer with the agreed one instead of starting all three engines again. A disagreement is kept
 * too, with every engine's answer, and fails the setup of that expression only.
 */
public final class ExpressionAnswers {
  private static final String[] ENGINES = {
    ExpressionEngine.EMBER_GENERATED, ExpressionEngine.EMBER_INTERPRETED, ExpressionEngine.SPARK,
  };

  private ExpressionAnswers() {}

  /**
   * The checksum all three engines agree on for {@code expression} over {@code data}, running the
   * check first if it has not run for this expression's text.
   *
   * @throws IllegalStateException naming each engine's answer when they differ
   */
  public static long agreed(Path data, BenchmarkExpression expression) throws IOException {
    Objects.requireNonNull(expression, "expression is null");
    Properties answers = load(data);
    if (!answers.containsKey(key(expression))) {
      answers = check(data);
    }
    String answer = answers.getProperty(key(expression));
    try {
      return Long.parseLong(answer);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("engines disagree on " + expression.checksumSql() + " over " + data + ": "
          + answer, e);
    }
  }

  /** Why Ember's generated path ran {@code expression} interpreted in the check, if it did. */
  public static Optional<String> codegenFallback(Path data, BenchmarkExpression expression) throws IOException {
    return Optional.ofNullable(load(data).getProperty(key(expression) + ".fallback"));
  }

  /** Runs every expression on all three engines (2 cores each), one engine at a time, and stores the verdicts. */
  public static Properties check(Path data) throws IOException {
    Map<String, Map<BenchmarkExpression, String>> results = new LinkedHashMap<>();
    Map<BenchmarkExpression, String> fallbacks = new LinkedHashMap<>();
    try (EmberExpressionEngine generated = EmberExpressionEngine.start(2, data, true);
        EmberExpressionEngine interpreted = generated.withGenerated(false)) {
      results.put(ExpressionEngine.EMBER_GENERATED, answers(generated, fallbacks));
      results.put(ExpressionEngine.EMBER_INTERPRETED, answers(interpreted, new LinkedHashMap<>()));
    }
    try (SparkExpressionEngine spark = SparkExpressionEngine.start(2, data)) {
      results.put(ExpressionEngine.SPARK, answers(spark, new LinkedHashMap<>()));
    }
    Properties verdicts = new Properties();
    for (BenchmarkExpression expression : BenchmarkExpression.values()) {
      Map<String, String> byEngine = new LinkedHashMap<>();
      for (String engine : ENGINES) {
        byEngine.put(engine, results.get(engine).get(expression));
      }
      boolean agree = byEngine.values().stream().distinct().count() == 1
          && byEngine.values().iterator().next().matches("-?[0-9]+");
      verdicts.setProperty(key(expression), agree ? byEngine.get(ENGINES[0]) : byEngine.toString());
      if (fallbacks.containsKey(expression)) {
        verdicts.setProperty(key(expression) + ".fallback", fallbacks.get(expression));
      }
      System.out.printf(Locale.ROOT, "%-22s %-8s %s%s%n", expression.parameterName(), agree ? "agree" : "DIFFER",
          agree ? byEngine.get(ENGINES[0]) : byEngine,
          fallbacks.containsKey(expression) ? " (generated path fell back: " + fallbacks.get(expression) + ")" : "");
    }
    Path file = answersFile(data);
    Path partial = Files.createTempFile(file.getParent(), "answers-", ".partial");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      verdicts.store(out, "sum(hash(expression)) on Ember generated, Ember interpreted and Spark over " + data);
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return verdicts;
  }

  private static Map<BenchmarkExpression, String> answers(ExpressionEngine engine,
      Map<BenchmarkExpression, String> fallbacks) {
    Map<BenchmarkExpression, String> answers = new LinkedHashMap<>();
    for (BenchmarkExpression expression : BenchmarkExpression.values()) {
      try {
        answers.put(expression, Long.toString(engine.checksum(expression)));
        engine.codegenFallback().ifPresent(reason -> fallbacks.put(expression, reason));
      } catch (RuntimeException e) {
        answers.put(expression, "failed: " + e);
      }
    }
    return answers;
  }

  private static Properties load(Path data) throws IOException {
    Properties answers = new Properties();
    Path file = answersFile(data);
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        answers.load(in);
      }
    }
    return answers;
  }

  /** The expression's name and its text's hash, so that editing an expression's text checks it again. */
  private static String key(BenchmarkExpression expression) {
    return expression.parameterName() + "." + Integer.toHexString(expression.checksumSql().hashCode());
  }

  private static Path answersFile(Path data) {
    return data.resolveSibling(data.getFileName() + ".answers.properties");
  }

  /** Generates the data set if needed and checks every expression: {@code ExpressionAnswers [rows]}. */
  public static void main(String[] arguments) throws IOException {
    long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 2_000_000L;
    check(ExpressionData.ensure(rows));
  }
}
