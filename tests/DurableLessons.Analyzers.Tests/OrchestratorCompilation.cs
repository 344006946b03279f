using System.Collections.Immutable;
using System.Reflection;
using DurableLessons.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.DurableTask;

namespace DurableLessons.Analyzers.Tests;

/// <summary>
/// Compiles orchestrator snippets as the Orchestrations project is compiled: with the Durable Task SDK's analyzers
/// (loaded from their package) and ours, and reports what they find.
/// </summary>
internal static class OrchestratorCompilation
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

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(LoadAnalyzers);

    public static string SdkAnalyzerPath => Metadata("DurableTaskAnalyzers");

    public static string OrchestrationsProjectPath => Metadata("OrchestrationsProject");

    /// <summary>The analyzers' findings as (line, id) pairs; fails the test if the snippet does not compile.</summary>
    public static async Task<IReadOnlyList<(int Line, string Id, string Message)>> AnalyzeAsync(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source, parseOptions, "Snippet.cs"), CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "Usings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The snippet does not compile:\n" + string.Join("\n", errors));

        var diagnostics = await compilation.WithAnalyzers(Analyzers.Value).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == "Snippet.cs")
            .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
    {
        Assert.True(File.Exists(SdkAnalyzerPath), $"The Durable Task SDK's analyzers are not at {SdkAnalyzerPath}.");
        var sdk = new AnalyzerFileReference(SdkAnalyzerPath, new AnalyzerLoader()).GetAnalyzers(LanguageNames.CSharp);
        Assert.NotEmpty(sdk);
        return [.. sdk, new OrchestratorThreadAnalyzer()];
    }

    private static List<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(TaskOrchestrator<,>).Assembly.Location)
            .Append(typeof(DurableTask.Core.FailureDetails).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static string Metadata(string key) =>
        typeof(OrchestratorCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
