using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DurableLessons.Functions.Tests.Determinism;

/// <summary>
/// Finds uses of non-deterministic APIs in orchestrator code, as the Durable Task analyzers (DURABLE0001–0006) would:
/// clocks, GUIDs, delays, threads, randomness, HTTP, file system, environment, stopwatches. The check is semantic: the
/// sources are compiled (with the project's implicit usings) and every name is resolved, so aliases, <c>using
/// static</c> and <c>var</c> cannot hide a call. Sources that do not compile are reported instead of scanned.
/// </summary>
internal static class DeterminismGuard
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly IReadOnlyList<Rule> Rules =
    [
        Rule.Members("System.DateTime", ["Now", "UtcNow", "Today"], "use context.CurrentUtcDateTime"),
        Rule.Members("System.DateTimeOffset", ["Now", "UtcNow"], "use context.CurrentUtcDateTime"),
        Rule.WholeType("System.TimeProvider", "use context.CurrentUtcDateTime"),
        Rule.Members("System.Guid", ["NewGuid", "CreateVersion7"], "use context.NewGuid()"),
        Rule.Members("System.Threading.Tasks.Task", ["Delay", "Run", "Factory"], "use context.CreateTimer or an activity"),
        Rule.WholeType("System.Threading.Tasks.TaskFactory", "use an activity"),
        Rule.WholeType("System.Threading.Thread", "use context.CreateTimer or an activity"),
        Rule.WholeType("System.Threading.Timer", "use context.CreateTimer"),
        Rule.WholeType("System.Timers.Timer", "use context.CreateTimer"),
        Rule.WholeType("System.Random", "pass random values in through the input or an activity"),
        Rule.WholeType("System.Security.Cryptography.RandomNumberGenerator", "pass random values in through the input or an activity"),
        Rule.WholeType("System.Net.Http.HttpClient", "do I/O in an activity"),
        Rule.WholeType("System.Net.Http.HttpMessageInvoker", "do I/O in an activity"),
        Rule.WholeType("System.IO.File", "do I/O in an activity"),
        Rule.WholeType("System.IO.Directory", "do I/O in an activity"),
        Rule.WholeType("System.IO.FileInfo", "do I/O in an activity"),
        Rule.WholeType("System.IO.DirectoryInfo", "do I/O in an activity"),
        Rule.WholeType("System.IO.FileStream", "do I/O in an activity"),
        Rule.WholeType("System.Environment", "read settings before the run starts and pass them in the input"),
        Rule.WholeType("System.Diagnostics.Stopwatch", "measure with context.CurrentUtcDateTime"),
        Rule.WholeType("System.Diagnostics.Process", "do I/O in an activity"),
    ];

    public static ScanResult Scan(IEnumerable<SourceFile> sources, IEnumerable<MetadataReference> references)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "ImplicitUsings.g.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "DeterminismScan",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(diagnostic => diagnostic.ToString())
            .ToList();

        var violations = new List<Violation>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                {
                    continue;
                }

                // A method group (e.g. "Func<Guid> f = Guid.NewGuid;") resolves to candidates rather than one symbol.
                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null || Rules.FirstOrDefault(rule => rule.Matches(symbol)) is not { } rule)
                {
                    continue;
                }

                var line = node.GetLocation().GetLineSpan();
                violations.Add(new Violation(line.Path, line.StartLinePosition.Line + 1, rule.Describe(symbol)));
            }
        }

        return new ScanResult(errors, violations.Distinct().ToList());
    }

    private sealed record Rule(string TypeName, IReadOnlySet<string>? MemberNames, string Advice)
    {
        public static Rule Members(string typeName, string[] members, string advice) => new(typeName, members.ToHashSet(StringComparer.Ordinal), advice);

        public static Rule WholeType(string typeName, string advice) => new(typeName, null, advice);

        public bool Matches(ISymbol symbol)
        {
            if (symbol is INamedTypeSymbol type)
            {
                return MemberNames is null && Is(type);
            }

            return symbol.ContainingType is { } containing && Is(containing)
                && (MemberNames is null || MemberNames.Contains(symbol.Name));
        }

        public string Describe(ISymbol symbol)
        {
            var type = symbol as INamedTypeSymbol ?? symbol.ContainingType!;
            var name = MemberNames is null ? type.Name : $"{type.Name}.{symbol.Name}";
            return $"{name} is not deterministic in orchestrator code; {Advice}.";
        }

        private bool Is(INamedTypeSymbol type) =>
            string.Equals(type.OriginalDefinition.ToDisplayString(), TypeName, StringComparison.Ordinal);
    }
}

internal sealed record SourceFile(string Path, string Text);

internal sealed record Violation(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}({Line}): {Message}";
}

internal sealed record ScanResult(IReadOnlyList<string> CompilationErrors, IReadOnlyList<Violation> Violations);
