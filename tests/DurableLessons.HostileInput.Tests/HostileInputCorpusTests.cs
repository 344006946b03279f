using DurableLessons.HostileInput.Tests.Corpus;
using DurableLessons.HostileInput.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DurableLessons.HostileInput.Tests;

/// <summary>
/// Every route answers hostile input with a 4xx problem (or, where a case says so, a harmless success), never a
/// 5xx; afterwards the host still works and nothing was written.
/// </summary>
[TestCaseOrderer(AfterCorpusLastOrderer.TypeName, AfterCorpusLastOrderer.AssemblyName)]
public sealed class HostileInputCorpusTests(HostileHost fixture, ITestOutputHelper output) : IClassFixture<HostileHost>
{
    public static TheoryData<string> StartLesson => HostileCorpus.KeysOf(LessonCases.StartFamily);

    public static TheoryData<string> ReadLessons => HostileCorpus.KeysOf(LessonCases.ReadFamily);

    public static TheoryData<string> Syllabi => HostileCorpus.KeysOf(SyllabusCases.Family);

    public static TheoryData<string> Runs => HostileCorpus.KeysOf(RunCases.Family);

    public static TheoryData<string> Admin => HostileCorpus.KeysOf(AdminCases.Family);

    public static TheoryData<string> Webhooks => HostileCorpus.KeysOf(WebhookCases.Family);

    public static TheoryData<string> Protocol => HostileCorpus.KeysOf(ProtocolCases.Family);

    [Theory]
    [MemberData(nameof(StartLesson))]
    public Task Starting_a_lesson(string key) => AnswersCorrectlyAsync(key);

    [Theory]
    [MemberData(nameof(ReadLessons))]
    public Task Reading_lessons(string key) => AnswersCorrectlyAsync(key);

    [Theory]
    [MemberData(nameof(Syllabi))]
    public Task Syllabi_routes(string key) => AnswersCorrectlyAsync(key);

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Run_listing_and_events(string key) => AnswersCorrectlyAsync(key);

    [Theory]
    [MemberData(nameof(Admin))]
    public Task Administration(string key) => AnswersCorrectlyAsync(key);

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task Management_webhooks(string key) => AnswersCorrectlyAsync(key);

    [Theory]
    [MemberData(nameof(Protocol))]
    public Task Headers_and_framing(string key) => AnswersCorrectlyAsync(key);

    /// <summary>
    /// Runs last (and sends any case not sent yet, so it also holds when run alone): the host answers normal
    /// requests, and the instances and stored rows are exactly those from before the corpus.
    /// </summary>
    [Fact]
    [AfterCorpus]
    public async Task After_the_corpus_the_host_is_healthy_and_nothing_was_written()
    {
        var failures = new List<string>();
        foreach (var hostile in HostileCorpus.All.Where(c => !fixture.Answered.Contains(c.ToString())))
        {
            if (AnswerCheck.Problems(hostile, await fixture.SendAsync(hostile)) is { } problem)
            {
                failures.Add($"{hostile}: {problem}");
            }
        }

        foreach (var family in HostileCorpus.Families)
        {
            output.WriteLine($"{HostileCorpus.All.Count(c => c.Family == family),4}  {family}");
        }

        output.WriteLine($"{HostileCorpus.All.Count,4}  cases in all");
        Assert.Empty(failures);
        Assert.True(HostileCorpus.All.Count >= 200, $"The corpus has only {HostileCorpus.All.Count} cases.");
        Assert.All(HostileCorpus.Families, family => Assert.Contains(HostileCorpus.All, c => c.Family == family));

        var after = await fixture.ReadStateAsync();
        Assert.Equal(fixture.Baseline.Describe(), after.Describe());

        await HealthChecks.AssertHostServesAsync(fixture);
    }

    /// <summary>
    /// Sends the case once, or <c>HOSTILE_REPEAT</c> times (the longer form, for races in framing and parsing).
    /// </summary>
    private async Task AnswersCorrectlyAsync(string key)
    {
        var hostile = HostileCorpus.Find(key);
        var repeat = int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_REPEAT"), out var times) && times > 1 ? times : 1;
        for (var attempt = 1; attempt <= repeat; attempt++)
        {
            var answer = await fixture.SendAsync(hostile);
            output.WriteLine($"{hostile.Request.Method} {hostile.Request.Path} -> {answer}");
            var problem = AnswerCheck.Problems(hostile, answer);
            Assert.True(problem is null, $"attempt {attempt} of {repeat}: {problem}");
        }
    }
}
