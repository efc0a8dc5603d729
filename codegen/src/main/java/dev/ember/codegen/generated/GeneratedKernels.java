package dev.ember.codegen.generated;

import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.InvalidKernelSourceException;
import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.KernelProvider;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.runtime.pipeline.KernelFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Kernels compiled from generated Java source with Janino, one class per pipeline.
 *
 * <p>Compiled classes are cached by their normalized source (comments dropped, the class name made
 * independent of the pipeline id), so running the same query again compiles nothing; a cache hit
 * reuses the class, so its name carries the id of the pipeline that compiled it first. Values kept
 * out of the source (string and wide decimal literals) are passed to each instance, so queries that
 * differ only in those share a class too. Thread-safe.
 *
 * <p>{@link #create} throws {@link KernelCompilationException} when the pipeline uses an expression
 * or type the generator does not handle, when Janino fails, or when a generated method is too large
 * for the JIT; the caller then runs the pipeline with the interpreted kernels.
 */
public final class GeneratedKernels implements KernelProvider {
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*\\n");
  private static final Pattern CLASS_NAME = Pattern.compile("\\b" + KernelSourceGenerator.CLASS_PREFIX + "\\d+\\b");

  private static final System.Logger LOGGER = System.getLogger(GeneratedKernels.class.getName());

  /** Pipelines this provider found nothing compiled for, to compile them when they come again. */
  private static final int MAX_PLANNED = 100_000;

  private final Map<String, Class<?>> cache = new ConcurrentHashMap<>();
  private final Set<Long> planned = ConcurrentHashMap.newKeySet();
  private final AtomicLong compilations = new AtomicLong();

  @Override
  public KernelFactory create(PipelineSpec spec, KernelOptions options) {
    Objects.requireNonNull(spec, "spec is null");
    Objects.requireNonNull(options, "options is null");
    KernelSourceGenerator.Source source = KernelSourceGenerator.generate(spec, options);
    String key = normalize(source.text());
    Class<?> kernelClass = cache.get(key);
    if (kernelClass == null) {
      // Compiles outside any lock; two threads racing on one new source both compile, one class wins.
      Class<?> compiled;
      try {
        compiled = JaninoCompiler.compile(source.className(), source.text());
      } catch (InvalidKernelSourceException e) {
        // A generator bug that a query with fallback on survives silently (interpreted), so it is logged.
        LOGGER.log(System.Logger.Level.WARNING, "Generated code for pipeline " + spec.pipelineId()
            + " did not compile: " + e.getMessage());
        throw e;
      }
      compilations.incrementAndGet();
      Class<?> previous = cache.putIfAbsent(key, compiled);
      kernelClass = previous != null ? previous : compiled;
    }
    return new GeneratedKernelFactory(kernelClass, source.references(), source.text(),
        spec.sink() instanceof BatchOutput);
  }

  @Override
  public Cached cached(PipelineSpec spec, KernelOptions options) {
    Objects.requireNonNull(spec, "spec is null");
    Objects.requireNonNull(options, "options is null");
    KernelSourceGenerator.Source source = KernelSourceGenerator.generate(spec, options);
    String key = normalize(source.text());
    Class<?> kernelClass = cache.get(key);
    if (kernelClass != null) {
      return new Cached(new GeneratedKernelFactory(kernelClass, source.references(), source.text(),
          spec.sink() instanceof BatchOutput), true);
    }
    if (planned.size() >= MAX_PLANNED) {
      planned.clear(); // forgetting a pipeline only delays its compilation
    }
    return new Cached(null, !planned.add(fingerprint(key)));
  }

  /** A 64-bit FNV-1a hash of a normalized source: a collision only starts a compilation early. */
  private static long fingerprint(String key) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

  /** How many classes this provider has compiled (cache misses that compiled successfully). */
  public long compilations() {
    return compilations.get();
  }

  static String normalize(String source) {
    return CLASS_NAME.matcher(LINE_COMMENT.matcher(source).replaceAll(""))
        .replaceAll(KernelSourceGenerator.CLASS_PREFIX);
  }
}
