using DurableLessons.Testing.Azurite;

namespace DurableLessons.Syllabi.Tests;

/// <summary>Syllabi stored in Azure Table storage (a real Azurite), end to end over HTTP.</summary>
public sealed class TableStorageSyllabusTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Syllabi_are_saved_read_and_found_one_level_lower_on_the_table_provider()
    {
        await using var host = await SyllabusApi.StartHostAsync(settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Table:TablePrefix"] = "T" + Guid.NewGuid().ToString("N")[..12],
        });

        var beginner = await host.CreateSyllabusAsync("fractions", "beginner");
        var syllabus = await host.GetSyllabusAsync(beginner);
        Assert.Equal("fractions", syllabus["topic"]!.GetValue<string>());
        Assert.NotEmpty(SyllabusApi.Lessons(syllabus));
        Assert.All(SyllabusApi.Lessons(syllabus), l => Assert.Equal("pending", SyllabusApi.State(l)));

        var intermediate = await host.CreateSyllabusAsync("fractions", "intermediate");
        using var lowered = await host.Client.PostAsync($"/api/syllabi/{intermediate}/lower-difficulty", null);
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Equal(beginner, (await RunningHost.ReadObjectAsync(lowered))["id"]!.GetValue<string>());

        using var unknown = await host.Client.GetAsync("/api/syllabi/not-there");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
