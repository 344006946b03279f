using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DurableLessons.Analyzers;

/// <summary>
/// DL0001: orchestrator code must stay on the orchestration's own thread and replay the same way every time. Reports
/// what the Durable Task SDK's analyzers do not: <c>CancellationTokenSource.CancelAsync</c> and <c>CancelAfter</c> and
/// <c>ConfigureAwait</c> (each resumes the orchestrator on the thread pool, after its episode has ended, so the run
/// never finishes on the Durable Task Framework), threads, timers and the thread pool, randomness, stopwatches, and
/// file and process I/O. It applies to every line of the project that references it: the orchestrations project,
/// where all code is orchestrator code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OrchestratorThreadAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = "DL0001";

    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        "Orchestrator code uses an API that leaves the orchestration's thread or does not replay",
        "{0} in orchestrator code: {1}",
        "Determinism",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Orchestrator code is replayed and runs on the orchestration's own thread; on the Durable Task Framework a continuation that resumes elsewhere is lost and the run hangs.");

    private static readonly IReadOnlyList<BannedApi> Banned =
    [
        BannedApi.Members("System.Threading.CancellationTokenSource", ["CancelAsync", "CancelAfter"], "its callbacks run on the thread pool, so the orchestrator resumes off its thread and the run hangs on Durable Functions; use Cancel()"),
        BannedApi.Members("System.Threading.Tasks.Task", ["ConfigureAwait"], "the continuation leaves the orchestration's thread; await durable tasks as they are"),
        BannedApi.Members("System.Threading.Tasks.Task`1", ["ConfigureAwait"], "the continuation leaves the orchestration's thread; await durable tasks as they are"),
        BannedApi.Members("System.Threading.Tasks.ValueTask", ["ConfigureAwait"], "the continuation leaves the orchestration's thread"),
        BannedApi.Members("System.Threading.Tasks.ValueTask`1", ["ConfigureAwait"], "the continuation leaves the orchestration's thread"),
        BannedApi.WholeType("System.Threading.Tasks.Parallel", "work started here runs on other threads; use an activity"),
        BannedApi.WholeType("System.Threading.Thread", "use context.CreateTimer or an activity"),
        BannedApi.WholeType("System.Threading.ThreadPool", "use an activity"),
        BannedApi.WholeType("System.Threading.Timer", "use context.CreateTimer"),
        BannedApi.WholeType("System.Timers.Timer", "use context.CreateTimer"),
        BannedApi.WholeType("System.Random", "pass random values in through the input or an activity"),
        BannedApi.WholeType("System.Security.Cryptography.RandomNumberGenerator", "pass random values in through the input or an activity"),
        BannedApi.WholeType("System.Diagnostics.Stopwatch", "measure with context.CurrentUtcDateTime"),
        BannedApi.WholeType("System.Diagnostics.Process", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.File", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.Directory", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.FileInfo", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.DirectoryInfo", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.FileStream", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.StreamReader", "do I/O in an activity"),
        BannedApi.WholeType("System.IO.StreamWriter", "do I/O in an activity"),
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(
            operation => Check(operation, Referenced(operation.Operation)),
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.MethodReference,
            OperationKind.EventReference,
            OperationKind.ObjectCreation);
    }

    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IMemberReferenceOperation member => member.Member,
        IObjectCreationOperation creation => creation.Constructor,
        _ => null,
    };

    private static void Check(OperationAnalysisContext context, ISymbol? symbol)
    {
        if (symbol?.ContainingType is not { } type)
        {
            return;
        }

        var rule = Banned.FirstOrDefault(candidate => candidate.Matches(type, symbol));
        if (rule is not null)
        {
            var name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? $"new {type.Name}" : $"{type.Name}.{symbol.Name}";
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), name, rule.Advice));
        }
    }

    private sealed class BannedApi(string typeMetadataName, IReadOnlyCollection<string>? members, string advice)
    {
        public string Advice { get; } = advice;

        public static BannedApi Members(string type, string[] members, string advice) => new(type, members, advice);

        public static BannedApi WholeType(string type, string advice) => new(type, null, advice);

        public bool Matches(INamedTypeSymbol type, ISymbol symbol)
        {
            var definition = type.OriginalDefinition;
            var fullName = definition.ContainingNamespace.ToDisplayString() + "." + definition.MetadataName;
            return fullName == typeMetadataName && (members is null || members.Contains(symbol.Name));
        }
    }
}
