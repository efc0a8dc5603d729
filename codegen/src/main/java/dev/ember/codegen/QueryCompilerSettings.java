package dev.ember.codegen;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.runtime.operators.sort.SortSpillSettings;
import java.util.Objects;

/**
 * @param codegenEnabled use generated kernels where they compile; false runs every pipeline interpreted
 * @param rangeMorselRows rows per morsel of a {@code range} source
 * @param backgroundCompilation run a pipeline whose kernel is not compiled yet with the interpreted
 *     kernels while it compiles on a background thread, instead of waiting for the compiler
 * @param sortSpill when and where full sorts spill sorted runs to disk
 * @param codegenFallback run a pipeline interpreted when its generated source fails to compile (true), or
 *     fail the query (false; only kernels compiled before the query runs, not in the background)
 */
public record QueryCompilerSettings(KernelOptions kernelOptions, boolean codegenEnabled, ScanSettings scanSettings,
    int rangeMorselRows, boolean backgroundCompilation, SortSpillSettings sortSpill, boolean codegenFallback) {
  /** Settings whose sorts spill as {@link SortSpillSettings#DEFAULT} says and whose kernels may fall back. */
  public QueryCompilerSettings(KernelOptions kernelOptions, boolean codegenEnabled, ScanSettings scanSettings,
      int rangeMorselRows, boolean backgroundCompilation) {
    this(kernelOptions, codegenEnabled, scanSettings, rangeMorselRows, backgroundCompilation,
        SortSpillSettings.DEFAULT, true);
  }

  /** Settings that compile every kernel before the query runs. */
  public QueryCompilerSettings(KernelOptions kernelOptions, boolean codegenEnabled, ScanSettings scanSettings,
      int rangeMorselRows) {
    this(kernelOptions, codegenEnabled, scanSettings, rangeMorselRows, false);
  }

  public QueryCompilerSettings {
    Objects.requireNonNull(kernelOptions, "kernelOptions is null");
    Objects.requireNonNull(scanSettings, "scanSettings is null");
    Objects.requireNonNull(sortSpill, "sortSpill is null");
    if (rangeMorselRows <= 0) {
      throw new IllegalArgumentException("rangeMorselRows must be positive, got " + rangeMorselRows);
    }
  }
}
