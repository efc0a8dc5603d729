package dev.ember.codegen.generated;

import dev.ember.codegen.spec.InvalidKernelSourceException;
import dev.ember.codegen.spec.KernelCompilationException;
import java.io.IOException;
import java.io.StringReader;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.codehaus.janino.util.ClassFile;

/**
 * Compiles one generated class with Janino and rejects it when any method's bytecode is larger than
 * HotSpot compiles: above 8,000 bytes ({@code -XX:+DontCompileHugeMethods}) a method stays
 * interpreted and runs about 11x slower (TECH-NOTES §2.2), so the interpreted kernels are the
 * better choice.
 */
final class JaninoCompiler {
  /** HotSpot's huge-method limit, the same bound Spark's code generator uses. */
  static final int MAX_METHOD_BYTECODE = 8000;

  private JaninoCompiler() {}

  // Janino's MethodInfo.getName() may carry a trailing '$'; the message names the source method.
  private static String methodName(ClassFile.MethodInfo method) {
    String name = method.getName();
    return name.endsWith("$") ? name.substring(0, name.length() - 1) : name;
  }

  static Class<?> compile(String className, String source) {
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(JaninoCompiler.class.getClassLoader());
    compiler.setDebuggingInformation(true, true, false);
    try {
      compiler.cook(className + ".java", new StringReader(source));
    } catch (CompileException | IOException | RuntimeException e) {
      throw new InvalidKernelSourceException("Janino could not compile " + className + ": " + e.getMessage(), e);
    }
    for (ClassFile classFile : compiler.getClassFiles()) {
      for (ClassFile.MethodInfo method : classFile.methodInfos) {
        for (ClassFile.AttributeInfo attribute : method.getAttributes()) {
          if (attribute instanceof ClassFile.CodeAttribute code && code.code.length > MAX_METHOD_BYTECODE) {
            throw new KernelCompilationException("generated method " + classFile.getThisClassName() + "."
                + methodName(method) + " has " + code.code.length + " bytes of bytecode, more than the "
                + MAX_METHOD_BYTECODE + " HotSpot compiles");
          }
        }
      }
    }
    try {
      return compiler.getClassLoader().loadClass(KernelSourceGenerator.PACKAGE + "." + className);
    } catch (ClassNotFoundException e) {
      throw new KernelCompilationException("compiled source does not define " + className, e);
    }
  }
}
