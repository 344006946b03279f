using System.Reflection;
using Xunit.Sdk;

namespace DurableLessons.Testing.Engines;

/// <summary>
/// Runs a theory once per engine: the engine comes first, then the given values. Repeat the attribute for more rows.
/// The engines are the embedded one and the Durable Task SDK's, and also DTFx on Azure Storage in a test assembly
/// marked <see cref="AlsoOnAzureStorageEngineAttribute"/> (the suites that prove workflows, not an engine's internals).
/// <code>[Theory, BothEngines]                         Task Test(EngineKind engine)
/// [Theory, BothEngines(true), BothEngines(false)]  Task Test(EngineKind engine, bool flag)</code>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BothEnginesAttribute(params object?[] values) : DataAttribute
{
    public IReadOnlyList<object?> Values { get; } = values;

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod) =>
        Engines(testMethod).Select(engine => new object?[] { engine }.Concat(Values).ToArray());

    private static IEnumerable<EngineKind> Engines(MethodInfo testMethod) =>
        testMethod.DeclaringType?.Assembly.IsDefined(typeof(AlsoOnAzureStorageEngineAttribute)) == true
            ? [EngineKind.Embedded, EngineKind.DurableTask, EngineKind.AzureStorage]
            : [EngineKind.Embedded, EngineKind.DurableTask];
}
