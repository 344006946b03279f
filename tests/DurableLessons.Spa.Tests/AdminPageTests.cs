using DurableLessons.Engine;
using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DurableLessons.Spa.Tests;

[Collection(BrowserTests.Name)]
public sealed class AdminPageTests(Chromium chromium)
{
    private const string SystemKey = "spa-test-key-0123456789";

    [Fact]
    public async Task Terminate_on_the_runs_page_turns_a_running_run_Terminated_using_the_key_kept_in_the_tab()
    {
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string> { ["Security:SystemKey"] = SystemKey },
            services => services.AddDurableTasks(registry => registry.AddOrchestrator<AwaitApprovalOrchestration>()));
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var waiting = await client.ScheduleNewOrchestrationInstanceAsync(AwaitApprovalOrchestration.Name, "report");
        var finished = await client.ScheduleNewOrchestrationInstanceAsync(AwaitApprovalOrchestration.Name, "memo");
        await client.RaiseEventAsync(finished, AwaitApprovalOrchestration.EventName, "ok");
        await client.WaitForInstanceCompletionAsync(finished);

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "admin.html").ToString());

        // Without the key the webhooks refuse, and the page says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Load runs" }).ClickAsync();
        await Assertions.Expect(page.Locator("#admin-error")).ToContainTextAsync("system key");

        await page.GetByLabel("System key").FillAsync(SystemKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load runs" }).ClickAsync();
        var row = page.Locator($"tr[data-instance-id='{waiting}']");
        await Assertions.Expect(row.Locator("td.status")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.Locator("#status-counts")).ToContainTextAsync("Completed: 1");
        await Assertions.Expect(page.Locator("#status-counts")).ToContainTextAsync("Running: 1");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Terminate {waiting}" }).ClickAsync();

        await Assertions.Expect(row.Locator("td.status")).ToHaveTextAsync("Terminated");
        await Assertions.Expect(page.Locator("#status-counts")).ToContainTextAsync("Terminated: 1");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await client.GetInstanceAsync(waiting))!.RuntimeStatus);
        Assert.Equal(SystemKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('durableLessons.systemKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
    }
}
