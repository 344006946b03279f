using System.Text.RegularExpressions;
using DurableLessons.Shared.Lessons;
using Microsoft.Playwright;

namespace DurableLessons.Spa.Tests;

[Collection(BrowserTests.Name)]
public sealed class SyllabusPageTests(Chromium chromium)
{
    private const string AllRowsCompleted = """
        () => {
          const rows = [...document.querySelectorAll('li.lesson-row')];
          return rows.length > 0 && rows.every(row => row.dataset.state === 'completed');
        }
        """;

    private static readonly LocatorAssertionsToHaveAttributeOptions LessonRunTime = new() { Timeout = 60_000 };

    [Fact]
    public async Task Planning_a_syllabus_and_generating_all_turns_every_badge_from_pending_through_generating_to_completed()
    {
        var author = new GatedLessonAuthor(open: false);
        await using var host = await SyllabusHost.StartAsync(author, new Dictionary<string, string> { ["Syllabi:BatchConcurrency"] = "8" });
        try
        {
            await using var context = await chromium.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var errors = PageEvents.Errors(page);
            await page.GotoAsync(host.BaseAddress.ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Syllabi" }).ClickAsync();

            await page.GetByLabel("Topic").FillAsync("verbs");
            await page.GetByLabel("Level").SelectOptionAsync("beginner");
            await page.GetByLabel("Goals (optional)").FillAsync("talk about last weekend");
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan syllabus" }).ClickAsync();

            await page.WaitForURLAsync("**/syllabus.html#/syllabi/*");
            var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            var rows = page.Locator("li.lesson-row");
            await rows.First.WaitForAsync();
            var lessons = await host.GetLessonsAsync(id);
            Assert.True(lessons.Count > 1, $"the syllabus needs several lessons for this test; it has {lessons.Count}");
            Assert.Equal(lessons.Count, await rows.CountAsync());
            Assert.Equal(lessons.Select(l => l["title"]!.GetValue<string>()), await page.Locator("li.lesson-row .lesson-title").AllTextContentsAsync());
            Assert.All(await page.Locator("li.lesson-row .badge").AllTextContentsAsync(), badge => Assert.Equal("pending", badge));
            await Assertions.Expect(page.Locator("#syllabus-goals")).ToHaveTextAsync("Goals: talk about last weekend");

            await page.GetByRole(AriaRole.Button, new() { Name = "Generate all" }).ClickAsync();

            // The author holds every lesson at its first step, so the started ones read as generating until released.
            var generating = page.Locator("li.lesson-row[data-state='generating']");
            await generating.First.WaitForAsync();
            await Assertions.Expect(generating.First.Locator(".badge")).ToHaveTextAsync("generating");
            await Assertions.Expect(generating.First.Locator("button.lesson-generate")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Generate all" })).ToBeDisabledAsync();
            await Assertions.Expect(page.Locator("#batch-message")).ToHaveTextAsync($"Lessons done: 0 of {lessons.Count}", new() { Timeout = 30_000 });
            Assert.Equal(0, await page.Locator("li.lesson-row[data-state='completed']").CountAsync());

            author.Open();

            await page.WaitForFunctionAsync(AllRowsCompleted, null, new() { Timeout = 90_000 });
            Assert.All(await page.Locator("li.lesson-row .badge").AllTextContentsAsync(), badge => Assert.Equal("completed", badge));
            await Assertions.Expect(page.Locator("#batch-message")).ToContainTextAsync($"Lessons done: {lessons.Count} of {lessons.Count}", new() { Timeout = 30_000 });
            Assert.Equal(lessons.Count, await page.Locator("li.lesson-row a.lesson-open:visible").CountAsync());
            Assert.Equal(0, await page.Locator("li.lesson-row button.lesson-generate:visible").CountAsync());

            // The syllabus is in the URL: a reload shows it again, as it now stands.
            await page.ReloadAsync();
            await rows.First.WaitForAsync();
            Assert.All(await page.Locator("li.lesson-row .badge").AllTextContentsAsync(), badge => Assert.Equal("completed", badge));
            Assert.Empty(errors);
        }
        finally
        {
            author.Open();
        }
    }

    [Fact]
    public async Task Generating_single_lessons_completes_one_with_a_link_to_it_and_shows_a_failed_one_with_its_error_and_a_retry()
    {
        var author = new GatedLessonAuthor();
        await using var host = await SyllabusHost.StartAsync(author);
        var id = await host.CreateSyllabusAsync("fractions", "beginner");
        var lessons = await host.GetLessonsAsync(id);
        Assert.True(lessons.Count > 2, $"the syllabus needs more than two lessons for this test; it has {lessons.Count}");
        var (good, doomed) = (lessons[0], lessons[1]);
        var goodTitle = good["title"]!.GetValue<string>();
        var doomedTitle = doomed["title"]!.GetValue<string>();
        author.FailingTopics[LessonKey.Normalize(doomedTitle)] = true;

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageEvents.Errors(page);
        await page.GotoAsync(host.SyllabusPage(id).ToString());
        var goodRow = page.Locator($"li.lesson-row[data-lesson-id='{good["id"]!.GetValue<string>()}']");
        var doomedRow = page.Locator($"li.lesson-row[data-lesson-id='{doomed["id"]!.GetValue<string>()}']");
        await Assertions.Expect(goodRow).ToHaveAttributeAsync("data-state", "pending");

        await doomedRow.GetByRole(AriaRole.Button, new() { Name = $"Generate “{doomedTitle}”" }).ClickAsync();
        await goodRow.GetByRole(AriaRole.Button, new() { Name = $"Generate “{goodTitle}”" }).ClickAsync();

        await Assertions.Expect(goodRow).ToHaveAttributeAsync("data-state", "completed", LessonRunTime);
        await Assertions.Expect(goodRow.Locator(".badge")).ToHaveTextAsync("completed");
        await Assertions.Expect(goodRow.Locator("button.lesson-generate")).ToBeHiddenAsync();
        Assert.Equal(lessons.Count - 2, await page.Locator("li.lesson-row[data-state='pending']").CountAsync());

        await Assertions.Expect(doomedRow).ToHaveAttributeAsync("data-state", "failed", LessonRunTime);
        await Assertions.Expect(doomedRow.Locator(".badge")).ToHaveTextAsync("failed");
        await Assertions.Expect(doomedRow.Locator(".lesson-error")).ToContainTextAsync("HTTP 500");
        author.FailingTopics.Clear();
        await doomedRow.GetByRole(AriaRole.Button, new() { Name = $"Retry “{doomedTitle}”" }).ClickAsync();
        await Assertions.Expect(doomedRow).ToHaveAttributeAsync("data-state", "completed", LessonRunTime);
        await Assertions.Expect(doomedRow.Locator(".lesson-error")).ToBeHiddenAsync();

        await goodRow.GetByRole(AriaRole.Link, new() { Name = $"Open “{goodTitle}”, version 1.0" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lesson h2")).ToBeVisibleAsync();
        Assert.Equal("1.0", await page.Locator("#version-picker").InputValueAsync());
        Assert.Contains($"fractions · {LessonKey.Normalize(goodTitle)} · beginner · version 1.0", await page.Locator("#lesson header").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the syllabus" }).ClickAsync();
        await Assertions.Expect(goodRow).ToHaveAttributeAsync("data-state", "completed");
        await Assertions.Expect(doomedRow).ToHaveAttributeAsync("data-state", "completed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Lower_difficulty_plans_the_easier_syllabus_then_finds_it_and_is_disabled_at_beginner()
    {
        await using var host = await SyllabusHost.StartAsync(new GatedLessonAuthor());
        var id = await host.CreateSyllabusAsync("modal verbs", "intermediate");

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageEvents.Errors(page);
        await page.GotoAsync(host.SyllabusPage(id).ToString());
        await Assertions.Expect(page.Locator("#syllabus-meta")).ToContainTextAsync("intermediate ·");
        var lower = page.GetByRole(AriaRole.Button, new() { Name = "Lower difficulty" });

        // No beginner syllabus yet: the switch starts the run that plans it and shows the new one when it is saved.
        await lower.ClickAsync();
        await Assertions.Expect(page.Locator("#syllabus-meta")).ToContainTextAsync("beginner ·", new() { Timeout = 60_000 });
        var easierId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.NotEqual(id, easierId);
        Assert.NotEmpty(await host.GetLessonsAsync(easierId));
        await Assertions.Expect(page.Locator("li.lesson-row").First).ToBeVisibleAsync();
        await Assertions.Expect(lower).ToBeDisabledAsync();

        // Back on the intermediate syllabus, the switch now finds the beginner one without planning again.
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#syllabus-meta")).ToContainTextAsync("intermediate ·");
        await Assertions.Expect(lower).ToBeEnabledAsync();
        await lower.ClickAsync();
        // A same-document (hash) navigation: the URL is polled, not waited for as a page load.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/syllabus\\.html#/syllabi/{Regex.Escape(easierId)}$"));
        await Assertions.Expect(page.Locator("#syllabus-meta")).ToContainTextAsync("beginner ·");
        await Assertions.Expect(lower).ToBeDisabledAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_unknown_syllabus_in_the_url_shows_the_problem_detail()
    {
        await using var host = await SyllabusHost.StartAsync(new GatedLessonAuthor());
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.SyllabusPage("no-such-syllabus").ToString());

        await Assertions.Expect(page.Locator("#form-error")).ToHaveTextAsync("There is no syllabus with id 'no-such-syllabus'; POST /api/syllabi to plan one.");
        await Assertions.Expect(page.Locator("#syllabus-panel")).ToBeHiddenAsync();
    }
}
