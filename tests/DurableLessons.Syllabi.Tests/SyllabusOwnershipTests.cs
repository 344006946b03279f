using DurableLessons.Testing.Auth;

namespace DurableLessons.Syllabi.Tests;

/// <summary>With sign-in on, a syllabus belongs to the learner who planned it: others see it only once it is shared.</summary>
public sealed class SyllabusOwnershipTests : IssuerTests
{
    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return response.StatusCode;
    }

    private static async Task<IReadOnlyList<string>> MineAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/me/syllabi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await RunningHost.ReadObjectAsync(response);
        return body["syllabi"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Learner_B_cannot_read_or_use_learner_As_syllabus_until_A_shares_it()
    {
        await using var host = await SyllabusApi.StartHostAsync(settings: Issuer.HostSettings(Audience));
        using var a = host.SignedIn(Issuer.CreateToken("learner-a", Audience, objectId: "0f7d7a43-0000-4000-8000-00000000000a"));
        using var b = host.SignedIn(Issuer.CreateToken("learner-b", Audience, objectId: "0f7d7a43-0000-4000-8000-00000000000b"));

        var id = await host.PlanSyllabusAsync(a, "english");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(a.GetAsync($"/api/syllabi/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b.GetAsync($"/api/syllabi/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b.PostAsync($"/api/syllabi/{id}/generate", null)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b.PostAsync($"/api/syllabi/{id}/lessons/m1-l1/generate", null)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b.PostAsync($"/api/syllabi/{id}/share", null)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host.Client.GetAsync($"/api/syllabi/{id}")));
        Assert.Equal([id], await MineAsync(a));
        Assert.Empty(await MineAsync(b));

        using (var share = await a.PostAsync($"/api/syllabi/{id}/share", null))
        {
            Assert.Equal(HttpStatusCode.OK, share.StatusCode);
            Assert.True((await RunningHost.ReadObjectAsync(share))["shared"]!.GetValue<bool>());
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(b.GetAsync($"/api/syllabi/{id}")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(b.PostAsync($"/api/syllabi/{id}/share", null)));
        Assert.Empty(await MineAsync(b));
    }

    [Fact]
    public async Task Signed_out_callers_cannot_plan_or_list_syllabi_when_sign_in_is_on()
    {
        await using var host = await SyllabusApi.StartHostAsync(settings: Issuer.HostSettings(Audience));

        using var plan = await host.Client.PostAsJsonAsync("/api/syllabi", new { topic = "english", level = "beginner" });
        Assert.Equal(HttpStatusCode.Unauthorized, plan.StatusCode);
        Assert.Equal("application/problem+json", plan.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host.Client.GetAsync("/api/me/syllabi")));
    }

    [Fact]
    public async Task Without_sign_in_syllabi_stay_anonymous_and_readable_by_all()
    {
        await using var host = await SyllabusApi.StartHostAsync();

        var id = await host.CreateSyllabusAsync("english", "beginner");

        Assert.Equal(id, (await host.GetSyllabusAsync(id))["id"]!.GetValue<string>());
        Assert.Contains(id, await MineAsync(host.Client));
    }

    [Fact]
    public async Task Lowering_the_difficulty_of_a_shared_syllabus_never_hands_out_another_learners_private_one()
    {
        await using var host = await SyllabusApi.StartHostAsync(settings: Issuer.HostSettings(Audience));
        using var a = host.SignedIn(Issuer.CreateToken("learner-a", Audience));
        using var b = host.SignedIn(Issuer.CreateToken("learner-b", Audience));
        var privateBeginner = await host.PlanSyllabusAsync(a, "fractions", "beginner");
        var sharedIntermediate = await host.PlanSyllabusAsync(a, "fractions", "intermediate");
        using (var share = await a.PostAsync($"/api/syllabi/{sharedIntermediate}/share", null))
        {
            Assert.Equal(HttpStatusCode.OK, share.StatusCode);
        }

        using (var mine = await a.PostAsync($"/api/syllabi/{sharedIntermediate}/lower-difficulty", null))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Equal(privateBeginner, (await RunningHost.ReadObjectAsync(mine))["id"]!.GetValue<string>());
        }

        using var theirs = await b.PostAsync($"/api/syllabi/{sharedIntermediate}/lower-difficulty", null);
        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
        var status = await host.PollUntilDoneAsync(theirs.Headers.Location!);
        var planned = status["output"]!["id"]!.GetValue<string>();
        Assert.NotEqual(privateBeginner, planned);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(b.GetAsync($"/api/syllabi/{planned}")));
        Assert.Contains(planned, await MineAsync(b));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b.GetAsync($"/api/syllabi/{privateBeginner}")));
    }
}
