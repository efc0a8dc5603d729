package dev.ember.codegen;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.sources.ScanSettings;
import java.util.Objects;

/**
 * @param codegenEnabled use generated kernels where they compile; false runs every pipeline interpreted
 * @param rangeMorselRows rows per morsel of a {@code range} source
 */
public record QueryCompilerSettings(KernelOptions kernelOptions, boolean codegenEnabled, ScanSettings scanSettings,
    int rangeMorselRows) {
  public QueryCompilerSettings {
    Objects.requireNonNull(kernelOptions, "kernelOptions is null");
    Objects.requireNonNull(scanSettings, "scanSettings is null");
    if (rangeMorselRows <= 0) {
      throw new IllegalArgumentException("rangeMorselRows must be positive, got " + rangeMorselRows);
    }
  }
}
