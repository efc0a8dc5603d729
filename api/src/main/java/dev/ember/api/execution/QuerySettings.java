package dev.ember.api.execution;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.runtime.operators.sort.SortSpillSettings;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/** The session settings one query is planned and run with, read once when the query starts. */
public record QuerySettings(boolean caseSensitive, boolean ansiEnabled, boolean codegenEnabled,
    KernelOptions kernelOptions, ScanSettings scanSettings, Set<String> disabledRules,
    boolean backgroundCompilation, SortSpillSettings sortSpill, boolean codegenFallback) {
  public QuerySettings {
    Objects.requireNonNull(sortSpill, "sortSpill is null");
    Objects.requireNonNull(kernelOptions, "kernelOptions is null");
    Objects.requireNonNull(scanSettings, "scanSettings is null");
    disabledRules = Set.copyOf(disabledRules);
  }

  public ZoneId sessionZone() {
    return scanSettings.sessionZone();
  }
}
