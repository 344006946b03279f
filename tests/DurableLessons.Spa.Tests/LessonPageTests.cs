using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Testing.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DurableLessons.Spa.Tests;

[Collection(BrowserTests.Name)]
public sealed class LessonPageTests(Chromium chromium)
{
    [Fact]
    public async Task Requesting_a_lesson_moves_the_progress_bar_and_renders_the_lesson_with_its_citations()
    {
        await using var host = await RunningHost.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageEvents.Errors(page);
        await page.GotoAsync(host.BaseAddress.ToString());
        // Record every value the progress bar takes.
        await page.EvaluateAsync("""
            () => {
              window.progressValues = [];
              const bar = document.getElementById('progress');
              new MutationObserver(() => window.progressValues.push(Number(bar.value))).observe(bar, { attributes: true, childList: true });
            }
            """);

        await page.GetByLabel("Subject").FillAsync("english");
        await page.GetByLabel("Topic").FillAsync("irregular verbs");
        await page.GetByLabel("Level").SelectOptionAsync("beginner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();

        var title = page.Locator("#lesson h2");
        await title.WaitForAsync(new() { Timeout = 45_000 });
        var store = host.Services.GetRequiredService<ILessonStore>();
        var saved = await store.GetLatestAsync(new LessonKey("english", "irregular verbs", LessonLevel.Beginner), CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(saved.Document.Title, await title.TextContentAsync());

        var progress = await page.EvaluateAsync<int[]>("() => window.progressValues");
        Assert.True(progress.Distinct().Count() >= 2, $"The progress bar should move; it showed {string.Join(", ", progress)}.");
        Assert.Equal(100, progress[^1]);
        Assert.Equal(progress.Order().ToArray(), progress);

        Assert.Equal(0, await page.Locator(".grounding-warning").CountAsync());
        var citations = page.Locator(".citations li");
        Assert.Equal(saved.Document.Citations.Count, await citations.CountAsync());
        Assert.NotEmpty(saved.Document.Citations);
        foreach (var citation in saved.Document.Citations)
        {
            var item = page.Locator($".citations li[data-citation='{citation.Id}']");
            if (citation.Url.StartsWith("http", StringComparison.Ordinal))
            {
                Assert.Equal(citation.Url, await item.Locator("a").GetAttributeAsync("href"));
            }
            else
            {
                Assert.Equal(0, await item.Locator("a").CountAsync());
                Assert.Contains(citation.Title, await item.TextContentAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal("1.0", await page.Locator("#version-picker").InputValueAsync());
        Assert.Contains("Generator: offline", await page.Locator(".generator").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_lesson_no_source_knew_is_written_by_the_model_and_the_page_warns_that_nothing_in_it_is_cited()
    {
        await using var model = await FakeLessonModel.StartAsync(seed: 5, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string>
        {
            ["Llm:Providers:0:Name"] = "fake",
            ["Llm:Providers:0:Endpoint"] = model.Endpoint,
            ["Llm:Providers:0:ApiKey"] = "test-key",
            ["Llm:Providers:0:Model"] = "fake-model",
        });
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageEvents.Errors(page);
        await page.GotoAsync(host.BaseAddress.ToString());

        await page.GetByLabel("Subject").FillAsync("cooking");
        await page.GetByLabel("Topic").FillAsync("sourdough starters");
        await page.GetByLabel("Level").SelectOptionAsync("beginner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();

        var warning = page.Locator("#lesson .grounding-warning");
        await warning.WaitForAsync(new() { Timeout = 45_000 });
        Assert.StartsWith("Written without research notes", await warning.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("fake/fake-model", (await host.Services.GetRequiredService<ILessonStore>()
            .GetLatestAsync(new LessonKey("cooking", "sourdough starters", LessonLevel.Beginner), CancellationToken.None))!.Document.Generator);
        Assert.Equal(0, await page.Locator("#lesson .citations").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Markup_in_a_lesson_is_shown_as_text_and_never_runs()
    {
        await using var host = await RunningHost.StartAsync();
        var key = new LessonKey("security", "injection", LessonLevel.Expert);
        var store = host.Services.GetRequiredService<ILessonStore>();
        await store.SaveNewVersionAsync(key, "crafted-run", CraftedLesson(), CancellationToken.None);

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = PageEvents.Dialogs(page);
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        var requests = PageEvents.Requests(page);
        var errors = PageEvents.Errors(page);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByLabel("Subject").FillAsync("security");
        await page.GetByLabel("Topic").FillAsync("injection");
        await page.GetByLabel("Level").SelectOptionAsync("expert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open saved lesson" }).ClickAsync();
        await page.Locator("#lesson h2").WaitForAsync();
        // Give any injected handler (img onerror, script) the chance to run before looking for its effects.
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 300))");

        Assert.Equal("<script>window.pwned = 'title'</script> Verbs", await page.Locator("#lesson h2").TextContentAsync());
        var text = await page.Locator("#lesson").InnerTextAsync();
        Assert.Contains("<img src=x onerror=\"window.pwned='img';console.log('pwned');alert('img')\">", text, StringComparison.Ordinal);
        Assert.Contains("<b onmouseover=alert(1)>bold</b>", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#lesson script, #lesson img, #lesson iframe, #lesson [onerror], #lesson [onmouseover], #lesson b").CountAsync());
        Assert.Empty(await page.Locator("#lesson a").EvaluateAllAsync<string[]>("links => links.map(a => a.href).filter(href => !/^https?:/.test(href))"));
        Assert.Equal("https://example.org/safe", await page.Locator("#lesson a", new() { HasText = "a safe link" }).GetAttributeAsync("href"));
        Assert.Null(await page.EvaluateAsync<string?>("() => window.pwned ?? null"));
        Assert.Empty(dialogs);
        Assert.DoesNotContain(console, message => message.Contains("pwned", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, url => url.EndsWith("/x", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    private static LessonDocument CraftedLesson() => new(
        Title: "<script>window.pwned = 'title'</script> Verbs",
        Summary: "<img src=x onerror=\"window.pwned='summary'\">",
        Objectives: ["<svg onload=alert('objective')></svg>"],
        Sections:
        [
            new LessonSection(
                "<iframe src=javascript:alert('heading')>",
                "Look: <img src=x onerror=\"window.pwned='img';console.log('pwned');alert('img')\">\n\n- <b onmouseover=alert(1)>bold</b>\n- [click me](javascript:alert('link')) and [a safe link](https://example.org/safe)\n\n```\n<script>alert('code')</script>\n```",
                [1, 2]),
        ],
        Exercises: [new Exercise("<script>alert('prompt')</script>", "<img src=x onerror=alert('answer')>")],
        Quiz: [new QuizQuestion("Which?", ["<script>alert('choice')</script>", "b"], 1, "<img src=x onerror=alert('why')>")],
        Citations:
        [
            new Citation(1, "<img src=x onerror=alert('citation')>", "javascript:alert('citation')", "web"),
            new Citation(2, "Irregular verbs", "corpus://english/verbs-irregular.md#past-simple", "local"),
        ],
        ReviewNotes: ["<script>alert('note')</script>"],
        Generator: "test",
        Usage: new ModelUsage(1, 2, 3));
}
