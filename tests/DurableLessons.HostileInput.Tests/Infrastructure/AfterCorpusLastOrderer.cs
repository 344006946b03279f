using Xunit.Abstractions;
using Xunit.Sdk;

namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>Runs the corpus theories first and the methods marked <see cref="AfterCorpusAttribute"/> last, each group by name.</summary>
public sealed class AfterCorpusLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "DurableLessons.HostileInput.Tests.Infrastructure.AfterCorpusLastOrderer";
    public const string AssemblyName = "DurableLessons.HostileInput.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(test => test.TestMethod.Method.GetCustomAttributes(typeof(AfterCorpusAttribute)).Any())
            .ThenBy(test => test.DisplayName, StringComparer.Ordinal);
}

/// <summary>Marks a test that checks the host after every corpus case was sent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AfterCorpusAttribute : Attribute;
