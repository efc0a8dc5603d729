package dev.ember.planner.functions;

import dev.ember.planner.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The definition of one built-in scalar function, everything Ember needs to know about it in one
 * place: Spark's name and how Spark renders a call, the arguments it accepts (and the implicit casts
 * that make others fit), its result type and nullability, whether it is deterministic, and the
 * public static Java method that computes it, which both kernels call. Immutable; built with
 * {@link #builder}. See {@code docs/functions.md}.
 *
 * <p>Implementation method parameters, in order: the {@link FunctionContext} values the definition
 * asks for; the per-partition state, if any; then one parameter per argument, typed by
 * {@link JavaValues} (boxed when the function is {@linkplain Builder#nullAware() null-aware}; an
 * array for the repeated last argument of a variadic function). Among overloads of the method name,
 * the one whose parameters match the (coerced) argument types is called.
 */
public final class ScalarFunction {
  /** A function's result type from its (coerced, resolved) arguments. */
  @FunctionalInterface
  public interface ResultType {
    DataType of(List<Expression> arguments);

    static ResultType fixed(DataType type) {
      return arguments -> type;
    }

    /** The type of argument {@code index}, e.g. abs. */
    static ResultType argument(int index) {
      return arguments -> arguments.get(index).dataType();
    }
  }

  /** Whether a call may return null. */
  @FunctionalInterface
  public interface Nullability {
    boolean of(List<Expression> arguments);

    Nullability ALWAYS = arguments -> true;
    Nullability NEVER = arguments -> false;
    Nullability ANY_ARGUMENT = arguments -> arguments.stream().anyMatch(Expression::nullable);
  }

  /** Spark's text of a call, the name of an unaliased column. */
  @FunctionalInterface
  public interface SqlRendering {
    String render(String prettyName, List<Expression> arguments);

    SqlRendering CALL = (name, arguments) ->
        name + "(" + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  private final String name;
  private final String prettyName;
  private final List<ArgumentType> argumentTypes;
  private final boolean variadic;
  private final boolean variadicObjects;
  private final boolean widenArguments;
  private final boolean binaryOperator;
  private final List<Expression> defaults;
  private final Set<Integer> foldableArguments;
  private final ResultType resultType;
  private final Nullability nullability;
  private final SqlRendering sqlRendering;
  private final boolean nullAware;
  private final boolean deterministic;
  private final List<FunctionContext> context;
  private final Class<?> implementationClass;
  private final String methodName;
  private final String stateFactory;
  private final String cacheFactory;
  private final boolean objectArguments;
  private final boolean variadicFromZero;
  private final Object instance;
  private final String instanceDescription;

  private ScalarFunction(Builder builder) {
    this.name = builder.name;
    this.prettyName = builder.prettyName;
    this.argumentTypes = List.copyOf(builder.argumentTypes);
    this.variadic = builder.variadic;
    this.variadicObjects = builder.variadicObjects;
    this.widenArguments = builder.widenArguments;
    this.binaryOperator = builder.binaryOperator;
    this.defaults = List.copyOf(builder.defaults);
    this.foldableArguments = Set.copyOf(builder.foldableArguments);
    this.resultType = Objects.requireNonNull(builder.resultType, "result type of " + name + " is not set");
    this.nullability = builder.nullability;
    this.sqlRendering = builder.sqlRendering;
    this.nullAware = builder.nullAware;
    this.deterministic = builder.deterministic;
    this.context = List.copyOf(builder.context);
    this.implementationClass = Objects.requireNonNull(builder.implementationClass,
        "implementation of " + name + " is not set");
    this.methodName = builder.methodName;
    this.stateFactory = builder.stateFactory;
    this.cacheFactory = builder.cacheFactory;
    if (stateFactory != null && cacheFactory != null) {
      throw new IllegalArgumentException(name + " has both a per-partition state and a per-kernel cache");
    }
    this.objectArguments = builder.objectArguments;
    this.variadicFromZero = builder.variadicFromZero;
    this.instance = builder.instance;
    this.instanceDescription = builder.instanceDescription;
    if (variadic && argumentTypes.isEmpty()) {
      throw new IllegalArgumentException(name + " is variadic but declares no argument type to repeat");
    }
  }

  /** Starts a definition; {@code name} is Spark's function name, lower case, as users call it. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this definition's settings, to derive a variant: ceil and ceiling differ in name only. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.prettyName = prettyName;
    builder.argumentTypes.addAll(argumentTypes);
    builder.variadic = variadic;
    builder.variadicObjects = variadicObjects;
    builder.widenArguments = widenArguments;
    builder.binaryOperator = binaryOperator;
    builder.defaults.addAll(defaults);
    builder.foldableArguments.addAll(foldableArguments);
    builder.resultType = resultType;
    builder.nullability = nullability;
    builder.sqlRendering = sqlRendering;
    builder.nullAware = nullAware;
    builder.deterministic = deterministic;
    builder.context.addAll(context);
    builder.implementationClass = implementationClass;
    builder.methodName = methodName;
    builder.stateFactory = stateFactory;
    builder.cacheFactory = cacheFactory;
    builder.objectArguments = objectArguments;
    builder.variadicFromZero = variadicFromZero;
    builder.instance = instance;
    builder.instanceDescription = instanceDescription;
    return builder;
  }

  public String name() {
    return name;
  }

  public String prettyName() {
    return prettyName;
  }

  /** The declared argument types; a variadic function repeats the last. */
  public List<ArgumentType> argumentTypes() {
    return argumentTypes;
  }

  public boolean variadic() {
    return variadic;
  }

  /**
   * True when the repeated arguments may differ in type (hash(i, s, d)): the implementation takes them
   * boxed, in an {@code Object[]}.
   */
  public boolean variadicObjects() {
    return variadicObjects;
  }

  /** True when all arguments are first brought to one common type, as arithmetic operands are (pmod). */
  public boolean widenArguments() {
    return widenArguments;
  }

  /**
   * True for Spark's binary operators written as functions ({@code &}, {@code |}, {@code ^}): operands
   * are widened only when both are of an accepted type, and a mismatch is Spark's
   * {@code BINARY_OP_DIFF_TYPES} or {@code BINARY_OP_WRONG_TYPE}, not a function's input error.
   */
  public boolean binaryOperator() {
    return binaryOperator;
  }

  /** Argument positions that must be constants (Spark's NON_FOLDABLE_INPUT otherwise), e.g. round's scale. */
  public Set<Integer> foldableArguments() {
    return foldableArguments;
  }

  /** The fewest arguments a call may pass: the declared ones less those with defaults. */
  public int minimumArguments() {
    return variadicFromZero ? 0 : argumentTypes.size() - defaults.size();
  }

  /** The most arguments a call may pass, or -1 for a variadic function. */
  public int maximumArguments() {
    return variadic ? -1 : argumentTypes.size();
  }

  public boolean acceptsArgumentCount(int count) {
    return count >= minimumArguments() && (variadic || count <= argumentTypes.size());
  }

  /** The call's arguments with the defaults of the omitted trailing ones: round(x) is round(x, 0). */
  public List<Expression> withDefaults(List<Expression> arguments) {
    int missing = argumentTypes.size() - arguments.size();
    if (missing <= 0 || variadicFromZero) {
      return arguments;
    }
    List<Expression> complete = new ArrayList<>(arguments);
    complete.addAll(defaults.subList(defaults.size() - missing, defaults.size()));
    return complete;
  }

  /** The expected type of argument {@code index}. */
  public ArgumentType argumentType(int index) {
    return index < argumentTypes.size() ? argumentTypes.get(index) : argumentTypes.get(argumentTypes.size() - 1);
  }

  public DataType resultType(List<Expression> arguments) {
    return resultType.of(arguments);
  }

  public boolean nullable(List<Expression> arguments) {
    return nullability.of(arguments);
  }

  public String sql(List<Expression> arguments) {
    return sqlRendering.render(prettyName, arguments);
  }

  /** True when the implementation receives nulls (boxed); otherwise any null argument gives null unseen. */
  public boolean nullAware() {
    return nullAware;
  }

  public boolean deterministic() {
    return deterministic;
  }

  public List<FunctionContext> context() {
    return context;
  }

  public boolean hasState() {
    return stateFactory != null;
  }

  /** True when the implementation takes a per-kernel cache before its arguments, see {@link Builder#perKernelCache}. */
  public boolean hasCache() {
    return cacheFactory != null;
  }

  /** The no-argument public static method that makes a kernel's cache. */
  public Method cacheFactoryMethod() {
    if (cacheFactory == null) {
      throw new IllegalStateException(name + " has no per-kernel cache");
    }
    return publicStatic(cacheFactory, List.of());
  }

  public Class<?> implementationClass() {
    return implementationClass;
  }

  /**
   * The object whose method computes a user-defined function (a Java UDF), or null for a built-in,
   * which a static method computes. The method takes and returns {@code Object}s: boxed values, as
   * Spark passes them to Java UDFs.
   */
  public Object instance() {
    return instance;
  }

  /** How errors name a user-defined function: {@code `plusOne (MyUdf)`}; null for a built-in. */
  public String instanceDescription() {
    return instanceDescription;
  }

  /**
   * The implementation for arguments of these (coerced) types.
   *
   * @throws IllegalStateException naming the expected signature when the class has no such method
   */
  public Method implementation(List<DataType> argumentTypes) {
    if (instance != null) {
      Class<?>[] objects = new Class<?>[argumentTypes.size()];
      Arrays.fill(objects, Object.class);
      try {
        return implementationClass.getMethod(methodName, objects);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(missing(methodName, Arrays.asList(objects)).replace(" static", ""), e);
      }
    }
    List<Class<?>> parameters = new ArrayList<>();
    for (FunctionContext value : context) {
      parameters.add(value.javaType());
    }
    if (stateFactory != null) {
      parameters.add(stateClass());
    }
    if (cacheFactory != null) {
      parameters.add(cacheFactoryMethod().getReturnType());
    }
    if (stateFactory != null) {
      for (DataType type : rowArguments(argumentTypes)) {
        parameters.add(argumentJavaType(type));
      }
    } else {
      int fixed = variadic ? this.argumentTypes.size() - 1 : argumentTypes.size();
      for (int i = 0; i < fixed; i++) {
        parameters.add(argumentJavaType(this.argumentTypes.get(i), argumentTypes.get(i)));
      }
      if (variadic) {
        // A call of a function variadic from zero may have no repeated argument: array().
        Class<?> repeated = variadicObjects ? Object.class : argumentTypes.size() > fixed
            ? argumentJavaType(this.argumentTypes.get(fixed), argumentTypes.get(fixed)) : Object.class;
        parameters.add(java.lang.reflect.Array.newInstance(repeated, 0).getClass());
      }
    }
    return publicStatic(methodName, parameters);
  }

  /**
   * The per-partition state factory: a public static method of the implementation class taking the
   * partition index (int) and then the values of the call's foldable arguments, boxed; the
   * implementation then takes the state instead of those arguments ({@code rand(seed)}).
   */
  public Method stateFactoryMethod(List<DataType> argumentTypes) {
    if (stateFactory == null) {
      throw new IllegalStateException(name + " has no per-partition state");
    }
    List<Class<?>> parameters = new ArrayList<>();
    parameters.add(int.class);
    for (DataType type : stateArguments(argumentTypes)) {
      parameters.add(JavaValues.boxed(JavaValues.javaType(type)));
    }
    return publicStatic(stateFactory, parameters);
  }

  /**
   * The arguments the implementation receives row by row: all of them, except that a function with
   * per-partition state gives its constant ({@linkplain #foldableArguments() foldable}) arguments to
   * the state factory instead. rand passes its seed to the factory and nothing per row; a regular
   * expression function keeps a compiled-pattern cache as state and receives all its arguments.
   */
  public <T> List<T> rowArguments(List<T> arguments) {
    if (stateFactory == null) {
      return arguments;
    }
    List<T> passed = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      if (!foldableArguments.contains(i)) {
        passed.add(arguments.get(i));
      }
    }
    return passed;
  }

  /** The arguments given to the per-partition state factory: the foldable ones, in order. */
  public <T> List<T> stateArguments(List<T> arguments) {
    List<T> constants = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      if (foldableArguments.contains(i)) {
        constants.add(arguments.get(i));
      }
    }
    return constants;
  }

  /** What the state factory returns; every overload of it returns the same class. */
  private Class<?> stateClass() {
    return Arrays.stream(implementationClass.getMethods())
        .filter(method -> method.getName().equals(stateFactory) && Modifier.isStatic(method.getModifiers()))
        .map(Method::getReturnType)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(missing(stateFactory, List.of(int.class))));
  }

  private Class<?> argumentJavaType(DataType type) {
    Class<?> javaType = JavaValues.javaType(type);
    return nullAware ? JavaValues.boxed(javaType) : javaType;
  }

  private Class<?> argumentJavaType(ArgumentType declared, DataType type) {
    if (objectArguments && (declared == ArgumentType.ANY || dev.ember.runtime.batch.NestedValues.isNested(type))) {
      return Object.class;
    }
    Class<?> javaType = JavaValues.javaType(type);
    return nullAware ? JavaValues.boxed(javaType) : javaType;
  }

  private Method publicStatic(String method, List<Class<?>> parameters) {
    try {
      Method found = implementationClass.getMethod(method, parameters.toArray(new Class<?>[0]));
      if (!Modifier.isStatic(found.getModifiers())) {
        throw new IllegalStateException(missing(method, parameters) + " (it exists but is not static)");
      }
      return found;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(missing(method, parameters), e);
    }
  }

  private String missing(String method, List<Class<?>> parameters) {
    return "function " + name + " needs the method public static ... " + implementationClass.getName() + "."
        + method + "(" + parameters.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return name;
  }

  /** Settings of a definition; every setter returns the builder. */
  public static final class Builder {
    private String name;
    private String prettyName;
    private final List<ArgumentType> argumentTypes = new ArrayList<>();
    private boolean variadic;
    private boolean variadicObjects;
    private boolean widenArguments;
    private boolean binaryOperator;
    private final List<Expression> defaults = new ArrayList<>();
    private final List<Integer> foldableArguments = new ArrayList<>();
    private ResultType resultType;
    private Nullability nullability = Nullability.ANY_ARGUMENT;
    private SqlRendering sqlRendering = SqlRendering.CALL;
    private boolean nullAware;
    private boolean deterministic = true;
    private final List<FunctionContext> context = new ArrayList<>();
    private Class<?> implementationClass;
    private String methodName;
    private String stateFactory;
    private String cacheFactory;
    private boolean objectArguments;
    private boolean variadicFromZero;
    private Object instance;
    private String instanceDescription;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name is null");
      this.prettyName = name;
      this.methodName = name;
    }

    /** Another name for the same function (ceiling for ceil); the implementation method stays. */
    public Builder name(String newName) {
      this.name = Objects.requireNonNull(newName, "newName is null");
      return this;
    }

    /** How Spark writes the name in a column name when it differs from {@link #name}: SQRT, CEIL. */
    public Builder prettyName(String prettyName) {
      this.prettyName = Objects.requireNonNull(prettyName, "prettyName is null");
      return this;
    }

    public Builder arguments(ArgumentType... types) {
      argumentTypes.clear();
      argumentTypes.addAll(Arrays.asList(types));
      return this;
    }

    /** The last argument type repeats: {@code concat(s...)}; the implementation takes an array. */
    public Builder variadic() {
      this.variadic = true;
      return this;
    }

    /**
     * The last argument type repeats and the repeated arguments may each have a different type
     * ({@code hash(cols...)}): the implementation takes them as an {@code Object[]} of boxed values
     * ({@code null} for SQL null when {@linkplain #nullAware() null-aware}); ask for
     * {@link FunctionContext#ARGUMENT_TYPES} to know their types.
     */
    public Builder variadicObjects() {
      this.variadic = true;
      this.variadicObjects = true;
      return this;
    }

    /** Brings all arguments to one common type first, by the rules of arithmetic operands. */
    public Builder widenArguments() {
      this.widenArguments = true;
      return this;
    }

    /** A binary operator: see {@link ScalarFunction#binaryOperator()}; implies {@link #widenArguments()}. */
    public Builder binaryOperator() {
      this.binaryOperator = true;
      this.widenArguments = true;
      return this;
    }

    /** Values of the last arguments when a call omits them. */
    public Builder defaults(Expression... trailing) {
      defaults.clear();
      defaults.addAll(Arrays.asList(trailing));
      return this;
    }

    public Builder foldable(int... argumentIndexes) {
      for (int index : argumentIndexes) {
        foldableArguments.add(index);
      }
      return this;
    }

    public Builder returns(DataType type) {
      this.resultType = ResultType.fixed(type);
      return this;
    }

    public Builder returns(ResultType type) {
      this.resultType = Objects.requireNonNull(type, "type is null");
      return this;
    }

    /** Default: nullable when some argument is. */
    public Builder nullability(Nullability nullability) {
      this.nullability = Objects.requireNonNull(nullability, "nullability is null");
      return this;
    }

    public Builder sql(SqlRendering rendering) {
      this.sqlRendering = Objects.requireNonNull(rendering, "rendering is null");
      return this;
    }

    /** The implementation sees null arguments (boxed) and decides; default: null in, null out. */
    public Builder nullAware() {
      this.nullAware = true;
      return this;
    }

    public Builder nondeterministic() {
      this.deterministic = false;
      return this;
    }

    public Builder context(FunctionContext... values) {
      context.clear();
      context.addAll(Arrays.asList(values));
      return this;
    }

    /** {@code owner.name(...)}: the implementation method has the function's name. */
    public Builder implementedBy(Class<?> owner) {
      return implementedBy(owner, name);
    }

    public Builder implementedBy(Class<?> owner, String method) {
      this.implementationClass = Objects.requireNonNull(owner, "owner is null");
      this.methodName = Objects.requireNonNull(method, "method is null");
      return this;
    }

    /**
     * A user-defined function: {@code type.method(Object...)} called on {@code target}; errors name it
     * {@code description}. Such a call is never constant-folded: the function runs when the query does.
     */
    public Builder implementedByInstance(Object target, Class<?> type, String method, String description) {
      this.instance = Objects.requireNonNull(target, "target is null");
      this.implementationClass = Objects.requireNonNull(type, "type is null");
      this.methodName = Objects.requireNonNull(method, "method is null");
      this.instanceDescription = Objects.requireNonNull(description, "description is null");
      if (!type.isInstance(target)) {
        throw new IllegalArgumentException(target.getClass().getName() + " does not implement " + type.getName());
      }
      return this;
    }

    /** A per-partition state made once per kernel by {@code owner.factoryMethod(partitionIndex, constants...)}. */
    public Builder perPartitionState(String factoryMethod) {
      this.stateFactory = Objects.requireNonNull(factoryMethod, "factoryMethod is null");
      return this;
    }

    /**
     * A mutable object made once per kernel by the no-argument {@code owner.factoryMethod()} and passed
     * to the implementation before the arguments, which it still receives: for what is worth keeping
     * between rows, such as the formatter compiled from a pattern that is usually constant. A kernel
     * runs on one thread at a time, so the cache needs no locking.
     */
    public Builder perKernelCache(String factoryMethod) {
      this.cacheFactory = Objects.requireNonNull(factoryMethod, "factoryMethod is null");
      return this;
    }

    /** Like {@link #variadic()}, but a call may also pass no arguments at all: {@code array()}. */
    public Builder variadicFromZero() {
      this.variadic = true;
      this.variadicFromZero = true;
      return this;
    }

    /**
     * Arguments declared {@link ArgumentType#ANY} and nested arguments reach the implementation as
     * {@code Object} (boxed, nested values as {@link JavaValues} says); the others keep their Java
     * types. For functions over elements of any type, such as {@code array_contains(array, value)},
     * which would otherwise need an overload per element type.
     */
    public Builder objectArguments() {
      this.objectArguments = true;
      return this;
    }

    public ScalarFunction build() {
      return new ScalarFunction(this);
    }
  }
}
