package dev.ember.runtime.memory;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;

/**
 * Creates Ember's Arrow allocators. The allocation manager is chosen explicitly (Unsafe, not netty):
 * Spark on the same classpath brings arrow-memory-netty, and netty's allocator fails on JDK 24+ and
 * is slower for buffers of 512 KB and more (TECH-NOTES §1.3).
 */
public final class Allocators {
  private Allocators() {}

  /** A root allocator limited to {@code limitBytes} of off-heap memory. The caller closes it. */
  public static BufferAllocator newRoot(long limitBytes) {
    return new RootAllocator(
        RootAllocator.configBuilder()
            .allocationManagerFactory(UnsafeAllocationManager.FACTORY)
            .maxAllocation(limitBytes)
            .build());
  }

  /** A root allocator without a limit, for tests and tools. */
  public static BufferAllocator newRoot() {
    return newRoot(Long.MAX_VALUE);
  }
}
