using System.Reflection;
using DurableLessons.Hosts.Functions.Triggers.Http;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Functions.Tests.Parity;

/// <summary>What the Functions app binds, read from its <c>[Function]</c> methods and their trigger attributes.</summary>
internal static class FunctionBindings
{
    public static Assembly FunctionsAssembly => typeof(LessonHttpFunctions).Assembly;

    public static IReadOnlyList<BoundFunction> All { get; } = Read(FunctionsAssembly);

    public static IEnumerable<BoundFunction> WithTrigger<TTrigger>() where TTrigger : Attribute =>
        All.Where(function => function.Trigger is TTrigger);

    private static List<BoundFunction> Read(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.function is not null)
            .Select(pair =>
            {
                var triggers = pair.method.GetParameters()
                    .SelectMany(parameter => parameter.GetCustomAttributes()
                        .Where(attribute => attribute is OrchestrationTriggerAttribute or ActivityTriggerAttribute or HttpTriggerAttribute or TimerTriggerAttribute or EntityTriggerAttribute)
                        .Select(attribute => (parameter, attribute)))
                    .ToList();
                Assert.True(triggers.Count == 1, $"Function {pair.function!.Name} ({pair.method.DeclaringType!.Name}.{pair.method.Name}) must have exactly one trigger; it has {triggers.Count}.");
                return new BoundFunction(pair.function!.Name, pair.method, triggers[0].parameter, triggers[0].attribute);
            })
            .ToList();
}

internal sealed record BoundFunction(string Name, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger)
{
    /// <summary>The orchestration or activity name Durable registers: the trigger's own name when set, else the function name.</summary>
    public string TaskName => Trigger switch
    {
        OrchestrationTriggerAttribute { Orchestration: { Length: > 0 } name } => name,
        ActivityTriggerAttribute { Activity: { Length: > 0 } name } => name,
        _ => Name,
    };

    public override string ToString() => $"{Name} ({Method.DeclaringType!.Name}.{Method.Name})";
}
