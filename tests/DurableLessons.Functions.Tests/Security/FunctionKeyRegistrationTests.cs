using DurableLessons.Functions.Tests.Composition;
using DurableLessons.Hosts.Functions.Security;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableLessons.Functions.Tests.Security;

/// <summary>
/// The key check is wired into the app: Program.cs puts the middleware in the worker pipeline (read from the source,
/// since the worker's builder needs the Functions runtime) and the app validates the function key at start-up.
/// </summary>
public sealed class FunctionKeyRegistrationTests
{
    [Fact]
    public void Program_runs_the_key_check_on_http_functions_after_the_ASP_NET_Core_integration_and_before_building()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Hosts", "Functions", "Program.cs"));
        var calls = CSharpSyntaxTree.ParseText(source).GetRoot()
            .DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(call => (Call: call, Member: call.Expression as MemberAccessExpressionSyntax))
            .Where(pair => pair.Member is { Expression: IdentifierNameSyntax { Identifier.Text: "builder" } })
            .ToList();

        int PositionOf(Func<MemberAccessExpressionSyntax, InvocationExpressionSyntax, bool> match, string what)
        {
            var found = calls.Where(pair => match(pair.Member!, pair.Call)).ToList();
            Assert.True(found.Count == 1, $"Program.cs must call {what} on the builder exactly once; it does {found.Count} times.");
            return found[0].Call.SpanStart;
        }

        var integration = PositionOf((member, _) => member.Name.Identifier.Text == "ConfigureFunctionsWebApplication", "ConfigureFunctionsWebApplication()");
        var keyCheck = PositionOf(
            (member, call) => member.Name is GenericNameSyntax { Identifier.Text: "UseWhen" } generic
                && generic.TypeArgumentList.Arguments.Single().ToString() == nameof(FunctionKeyWorkerMiddleware)
                && call.ArgumentList.Arguments.SingleOrDefault()?.ToString() == $"{nameof(FunctionKeyWorkerMiddleware)}.{nameof(FunctionKeyWorkerMiddleware.AppliesTo)}",
            $"UseWhen<{nameof(FunctionKeyWorkerMiddleware)}>({nameof(FunctionKeyWorkerMiddleware)}.{nameof(FunctionKeyWorkerMiddleware.AppliesTo)})");
        var build = PositionOf((member, _) => member.Name.Identifier.Text == "Build", "Build()");

        Assert.True(integration < keyCheck, "The key check must come after ConfigureFunctionsWebApplication(), whose middleware gives it the HttpContext.");
        Assert.True(keyCheck < build, "Middleware must be added before Build().");
    }

    [Theory]
    [InlineData("short-key", "Security:FunctionKey must be at least 16 characters")]
    [InlineData("system-key-for-tests-9876543210", "Security:FunctionKey must differ from Security:SystemKey")]
    public void A_weak_function_key_or_one_equal_to_the_system_key_stops_the_app_at_start_up(string functionKey, string expected)
    {
        var settings = FunctionsApp.SampleSettings();
        settings["Security:SystemKey"] = "system-key-for-tests-9876543210";
        settings["Security:FunctionKey"] = functionKey;
        using var services = FunctionsApp.Compose(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
