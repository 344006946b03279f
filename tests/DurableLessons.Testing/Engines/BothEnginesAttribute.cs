using System.Reflection;
using Xunit.Sdk;

namespace DurableLessons.Testing.Engines;

/// <summary>
/// Runs a theory once per engine: the engine comes first, then the given values. Repeat the attribute for more rows.
/// <code>[Theory, BothEngines]                         Task Test(EngineKind engine)
/// [Theory, BothEngines(true), BothEngines(false)]  Task Test(EngineKind engine, bool flag)</code>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BothEnginesAttribute(params object?[] values) : DataAttribute
{
    public IReadOnlyList<object?> Values { get; } = values;

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod) =>
        Enum.GetValues<EngineKind>().Select(engine => new object?[] { engine }.Concat(Values).ToArray());
}
