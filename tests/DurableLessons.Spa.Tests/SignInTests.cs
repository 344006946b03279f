using System.Net;
using System.Net.Http.Json;
using DurableLessons.Testing.Auth;
using Microsoft.Playwright;

namespace DurableLessons.Spa.Tests;

/// <summary>
/// A learner signs in on the page against a real OIDC issuer (authorization code + PKCE), sees their own syllabi under
/// "My syllabi" and their progress on the lesson page, and signs out.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SignInTests(Chromium chromium) : IssuerTests
{
    [Fact]
    public async Task A_learner_signs_in_sees_only_their_syllabi_and_their_progress_and_signs_out()
    {
        var settings = Issuer.HostSettings(Audience);
        settings["Auth:ClientId"] = "durable-lessons-spa";
        await using var host = await RunningHost.StartAsync(settings);
        using (var lesson = await host.PostLessonAsync("english", "verbs", "beginner"))
        {
            Assert.Equal("Completed", (await host.PollUntilDoneAsync(lesson.Headers.Location!))["runtimeStatus"]!.GetValue<string>());
        }

        using var a = host.SignedIn(Issuer.CreateToken("learner-a", Audience));
        using var b = host.SignedIn(Issuer.CreateToken("learner-b", Audience));
        var mine = await host.PlanSyllabusAsync(a, "english");
        var theirs = await host.PlanSyllabusAsync(b, "math");
        Issuer.NextSignIn = new TestSignIn("learner-a", "Learner A", Audience, []);

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageEvents.Errors(page);
        await page.GotoAsync(new Uri(host.BaseAddress, "syllabus.html").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My syllabi" })).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Learner A");
        Assert.StartsWith(host.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My syllabi" })).ToBeVisibleAsync();
        var links = page.Locator("#my-syllabi-list a");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        await Assertions.Expect(links).ToHaveTextAsync("english (beginner)");
        Assert.Equal($"syllabus.html#/syllabi/{mine}", await links.GetAttributeAsync("href"));
        Assert.DoesNotContain(theirs, await page.Locator("#my-syllabi").InnerHTMLAsync(), StringComparison.Ordinal);

        await links.ClickAsync();
        await Assertions.Expect(page.Locator("#syllabus-title")).ToHaveTextAsync("Syllabus: english");

        await page.GotoAsync(new Uri(host.BaseAddress, "?subject=english&topic=verbs&level=beginner").ToString());
        await Assertions.Expect(page.Locator("#my-progress")).ToHaveTextAsync("My progress: not practised yet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start practice" }).ClickAsync();
        await Assertions.Expect(page.Locator("#practice-task")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#my-progress")).ToContainTextAsync("a session is open");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#my-progress")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Without_sign_in_settings_the_page_shows_no_sign_in_area()
    {
        await using var host = await RunningHost.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "syllabus.html").ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Assertions.Expect(page.Locator("#auth-area")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My syllabi" })).ToBeHiddenAsync();
    }
}
