using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DurableLessons.Spa.Tests;

/// <summary>The lesson page's Practice panel and its maths, in Chromium against the real host with its offline tutor.</summary>
[Collection(BrowserTests.Name)]
public sealed class PracticePanelTests(Chromium chromium)
{
    private static readonly LessonKey Verbs = new("english", "verbs", LessonLevel.Beginner);

    [Fact]
    public async Task A_learner_completes_a_lessons_practice_and_sees_each_reply_arrive_without_reloading()
    {
        await using var host = await RunningHost.StartAsync();
        using (var started = await host.PostLessonAsync(Verbs.Subject, Verbs.Topic, "beginner"))
        {
            Assert.Equal("Completed", (await host.PollUntilDoneAsync(started.Headers.Location!))["runtimeStatus"]!.GetValue<string>());
        }

        var lesson = await host.Services.GetRequiredService<ILessonStore>().GetLatestAsync(Verbs, CancellationToken.None);
        var tasks = PracticeTaskList.From(lesson!.Document);
        Assert.Contains(tasks, task => task.Kind == PracticeTaskKind.GapFill);
        Assert.Contains(tasks, task => task.Kind == PracticeTaskKind.Choice);

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageEvents.Errors(page);
        await page.GotoAsync($"{host.BaseAddress}?subject=english&topic=verbs&level=beginner");
        await page.Locator("#lesson h2").WaitForAsync();
        // A page that reloads loses this marker; the texts every "checking" entry showed are recorded as they appear.
        await page.EvaluateAsync("""
            () => {
              window.notReloaded = true;
              window.checkingShown = [];
              new MutationObserver((records) => {
                for (const record of records) for (const node of record.addedNodes) {
                  if (node.nodeType === 1 && node.matches('li[data-state="checking"]')) window.checkingShown.push(node.dataset.messageId);
                }
              }).observe(document.getElementById('practice-transcript'), { childList: true });
            }
            """);

        var panel = page.Locator("#practice-panel");
        Assert.Contains("version 1.0", await panel.Locator("#practice-lesson").TextContentAsync(), StringComparison.Ordinal);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Start practice" }).ClickAsync();
        var taskTitle = panel.Locator("#practice-task-title");
        await Assertions.Expect(taskTitle).ToHaveTextAsync("Fill the gap");
        Assert.Equal("log", await panel.Locator("#practice-transcript").GetAttributeAsync("role"));

        var turns = panel.Locator("#practice-transcript > li");
        var score = panel.Locator("#practice-score");
        var correct = 0;
        var asked = false;
        var gapAnsweredWrong = false;
        for (var index = 0; index < tasks.Count; index++)
        {
            var task = tasks[index];
            await Assertions.Expect(panel.Locator("#practice-prompt")).ToContainTextAsync(task.Prompt[..Math.Min(40, task.Prompt.Length)]);
            if (task.Kind == PracticeTaskKind.GapFill && !gapAnsweredWrong)
            {
                // A wrong answer first: "checking…" at once, then "Not quite" with a hint that does not give the key away.
                gapAnsweredWrong = true;
                await AnswerInFieldAsync(panel, "The missing word or words", "zzz");
                var wrong = turns.Last;
                await Assertions.Expect(wrong.Locator(".verdict")).ToHaveTextAsync("Not quite", new() { Timeout = 20_000 });
                await Assertions.Expect(wrong.Locator(".hint")).ToContainTextAsync("Hint:");
                Assert.DoesNotContain(task.AnswerKey, await wrong.Locator(".hint").TextContentAsync() ?? "", StringComparison.OrdinalIgnoreCase);
                await Assertions.Expect(taskTitle).ToHaveTextAsync("Fill the gap · try 2");
                await Assertions.Expect(score).ToHaveTextAsync($"Score: {correct} correct of {index} attempted · {tasks.Count} tasks in all");
            }

            if (task.Kind == PracticeTaskKind.Choice)
            {
                await Assertions.Expect(taskTitle).ToHaveTextAsync("Choose an answer");
                await panel.Locator("#practice-controls").GetByRole(AriaRole.Button, new() { Name = task.AnswerKey, Exact = true }).ClickAsync();
            }
            else
            {
                await AnswerInFieldAsync(panel, task.Kind == PracticeTaskKind.GapFill ? "The missing word or words" : "Your answer", task.AnswerKey);
            }

            var reply = turns.Last;
            await Assertions.Expect(reply).ToHaveAttributeAsync("data-state", "answered", new() { Timeout = 20_000 });
            await Assertions.Expect(reply.Locator(".learner")).ToContainTextAsync(task.AnswerKey);
            if (task.Kind != PracticeTaskKind.FreeText)
            {
                // Choice and gap-fill answers are graded against the key: the right answer is correct.
                await Assertions.Expect(reply.Locator(".verdict")).ToHaveTextAsync("Correct");
            }

            if ((await reply.Locator(".verdict").TextContentAsync()) == "Correct")
            {
                correct++;
            }

            await Assertions.Expect(score).ToContainTextAsync($"Score: {correct} correct of {index + 1} attempted");

            if (task.Kind == PracticeTaskKind.Choice && !asked)
            {
                asked = true;
                await panel.GetByLabel("Ask the tutor a question").FillAsync("How is the past tense of a regular verb formed?");
                await panel.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
                var answer = turns.Last;
                await Assertions.Expect(answer.Locator(".learner")).ToContainTextAsync("You asked: How is the past tense");
                await Assertions.Expect(answer).ToHaveAttributeAsync("data-state", "answered", new() { Timeout = 20_000 });
                Assert.NotEmpty(await answer.Locator(".feedback").TextContentAsync() ?? "");
                Assert.True(await answer.Locator(".reply-citations li").CountAsync() > 0, "The tutor's answer should cite the lesson's sources.");
                Assert.Contains("Tutor: offline", await answer.Locator(".generator").TextContentAsync(), StringComparison.Ordinal);
            }
        }

        await Assertions.Expect(panel.Locator("#practice-state")).ToHaveTextAsync($"Practice complete: every task is done. {correct} of {tasks.Count} correct.", new() { Timeout = 20_000 });
        await Assertions.Expect(panel.Locator("#practice-task")).ToBeHiddenAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "End practice" })).ToBeHiddenAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Start practice" })).ToBeVisibleAsync();
        Assert.True(asked && gapAnsweredWrong);
        Assert.Equal(tasks.Count + 2, await turns.CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page reloaded.");
        Assert.Equal(tasks.Count + 2, await page.EvaluateAsync<int>("() => new Set(window.checkingShown).size"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Without_the_event_stream_replies_arrive_by_polling_and_a_learner_can_end_practice_early()
    {
        await using var host = await HostWithMathsLessonAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // A proxy that breaks Server-Sent Events: the watcher falls back to polling the session's status URL.
        var streams = 0;
        await page.RouteAsync("**/api/runs/*/events**", route =>
        {
            streams++;
            return route.AbortAsync();
        });
        await page.GotoAsync($"{host.BaseAddress}{MathsLessonQuery}");

        var panel = page.Locator("#practice-panel");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Start practice" }).ClickAsync();
        await Assertions.Expect(panel.Locator("#practice-task-title")).ToHaveTextAsync("Fill the gap");
        await AnswerInFieldAsync(panel, "The missing word or words", "7");
        var reply = panel.Locator("#practice-transcript > li").Last;
        await Assertions.Expect(reply.Locator(".hint")).ToContainTextAsync("Hint:", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.Locator("#practice-score")).ToHaveTextAsync("Score: 0 correct of 0 attempted · 2 tasks in all");

        await panel.GetByRole(AriaRole.Button, new() { Name = "End practice" }).ClickAsync();
        await Assertions.Expect(panel.Locator("#practice-state")).ToHaveTextAsync("Practice ended. 0 of 2 correct.", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.Locator("#practice-task")).ToBeHiddenAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "End practice" })).ToBeHiddenAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Start practice" })).ToBeVisibleAsync();
        Assert.Equal(1, await panel.Locator("#practice-transcript > li").CountAsync());
        Assert.True(streams > 0, "The page should have tried the event stream first.");
    }

    [Fact]
    public async Task Formulas_in_a_lesson_and_in_the_tutors_replies_are_typeset_by_the_hosts_own_KaTeX_and_script_in_them_stays_inert()
    {
        await using var host = await HostWithMathsLessonAsync();

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = PageEvents.Dialogs(page);
        var requests = PageEvents.Requests(page);
        var errors = PageEvents.Errors(page);

        await page.GotoAsync($"{host.BaseAddress}{MathsLessonQuery}");
        var lesson = page.Locator("#lesson");
        await lesson.Locator("h2").WaitForAsync();
        await Assertions.Expect(lesson.Locator(".maths[data-typeset] .katex").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 300))");

        // Every formula is typeset, inline and display, in sections, objectives, exercises and the quiz.
        Assert.Equal(await lesson.Locator(".maths").CountAsync(), await lesson.Locator(".maths[data-typeset] > .katex, .maths[data-typeset] > .katex-display, .maths[data-typeset] > .katex-error").CountAsync());
        Assert.Equal(1, await lesson.Locator(".katex-display").CountAsync());
        Assert.Contains("a^2 + b^2 = c^2", await lesson.Locator(".lesson-section .katex annotation").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await lesson.Locator(".choices .katex").CountAsync() >= 2, "Quiz choices should be typeset.");
        Assert.Contains("KaTeX_Main", await lesson.Locator(".katex").First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"), StringComparison.Ordinal);
        // Text around formulas is text, prices are not formulas, and a dollar in code is code.
        var section = await lesson.Locator(".lesson-section").First.InnerTextAsync();
        Assert.Contains("costs $5 and $10", section, StringComparison.Ordinal);
        Assert.Equal("$x$", await lesson.Locator(".lesson-section code").TextContentAsync());

        // Markup inside formulas: KaTeX shows it as symbols or text, makes no element of it, and refuses \href.
        Assert.Equal(0, await lesson.Locator("script, img, iframe, [onerror], [onload], a[href^='javascript']").CountAsync());
        Assert.Empty(await lesson.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.href).filter(href => !/^https?:/.test(href))"));
        // \text{…} keeps its markup as visible text (KaTeX writes its spaces as no-break spaces).
        var mtexts = string.Join(" ", await lesson.Locator(".katex mtext").AllTextContentsAsync()).Replace('\u00a0', ' ');
        Assert.Contains("<img src=x onerror=", mtexts, StringComparison.Ordinal);
        Assert.Contains("\\href", mtexts, StringComparison.Ordinal); // refused with trust off: shown as its name, in red
        Assert.Equal(0, await lesson.Locator(".katex a").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => window.pwned ?? null"));

        // KaTeX comes from the host itself, nothing from another origin.
        Assert.Contains(requests, url => url == $"{host.BaseAddress}lib/katex/katex.mjs");
        Assert.Contains(requests, url => url == $"{host.BaseAddress}lib/katex/katex.min.css");
        Assert.DoesNotContain(requests, url => !url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));

        // The tutor quotes the lesson's passage with its formula, and the reply is typeset too.
        var panel = page.Locator("#practice-panel");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Start practice" }).ClickAsync();
        await Assertions.Expect(panel.Locator("#practice-task-title")).ToHaveTextAsync("Fill the gap");
        await Assertions.Expect(panel.Locator("#practice-prompt .katex").First).ToBeVisibleAsync();
        await panel.GetByLabel("Ask the tutor a question").FillAsync("What does the Pythagorean theorem say about the hypotenuse?");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        var answer = panel.Locator("#practice-transcript > li").Last;
        await Assertions.Expect(answer).ToHaveAttributeAsync("data-state", "answered", new() { Timeout = 20_000 });
        await Assertions.Expect(answer.Locator(".feedback .katex").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 300))");
        Assert.Equal(0, await panel.Locator("script, img, iframe, [onerror], [onload]").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => window.pwned ?? null"));
        Assert.Empty(dialogs);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_host_serves_KaTeX_from_its_own_wwwroot()
    {
        await using var host = await RunningHost.StartAsync();
        foreach (var (path, type) in new[]
                 {
                     ("lib/katex/katex.mjs", "text/javascript"),
                     ("lib/katex/katex.min.css", "text/css"),
                     ("lib/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2"),
                 })
        {
            using var response = await host.Client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }

        var module = await host.Client.GetStringAsync("lib/katex/katex.mjs");
        Assert.Contains("version = \"0.19.1\"", module, StringComparison.Ordinal);
    }

    private const string MathsLessonQuery = "?subject=maths&topic=pythagoras&level=intermediate";

    private static async Task<RunningHost> HostWithMathsLessonAsync()
    {
        var host = await RunningHost.StartAsync();
        var key = new LessonKey("maths", "pythagoras", LessonLevel.Intermediate);
        await host.Services.GetRequiredService<ILessonStore>().SaveNewVersionAsync(key, "maths-run", MathsLesson(), CancellationToken.None);
        return host;
    }

    private static async Task AnswerInFieldAsync(ILocator panel, string label, string text)
    {
        await panel.Locator("#practice-controls").GetByLabel(label).FillAsync(text);
        await panel.Locator("#practice-controls").GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
    }

    private static LessonDocument MathsLesson() => new(
        Title: "Pythagoras",
        Summary: "Right triangles: $a^2 + b^2 = c^2$.",
        Objectives: ["Use $c = \\sqrt{a^2 + b^2}$ to find the hypotenuse."],
        Sections:
        [
            new LessonSection(
                "The theorem",
                "The Pythagorean theorem says that the hypotenuse satisfies $a^2 + b^2 = c^2$ in every right triangle [1].\n\n" +
                "$$\n\\frac{a}{c} = \\sin \\alpha\n$$\n\n" +
                "A ruler costs $5 and $10 buys two; in code, `$x$` stays code.\n\n" +
                "Inert: $<script>window.pwned = 'script'</script>$ and $\\text{<img src=x onerror=\"window.pwned='img'\">}$ and $\\href{javascript:window.pwned='href'}{click}$.",
                [1]),
        ],
        Exercises: [new Exercise("Fill in the gap: $3^2 + 4^2 = c^2$, so $c$ is _____.", "5. The full sentence: $3^2 + 4^2 = 5^2$, so $c$ is 5. [1]")],
        Quiz: [new QuizQuestion("Which is the hypotenuse of a 6–8 triangle?", ["$10$", "$\\sqrt{28}$", "$14$"], 0, "$\\sqrt{36 + 64} = 10$ [1]")],
        Citations: [new Citation(1, "Pythagorean theorem", "https://example.org/pythagoras", "web")],
        ReviewNotes: [],
        Generator: "test",
        Usage: new ModelUsage(0, 0, 0));
}
