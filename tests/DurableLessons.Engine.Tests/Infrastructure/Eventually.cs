namespace DurableLessons.Engine.Tests.Infrastructure;

/// <summary>For conditions only visible by reading state (the journal): check until true, fail after 15 s.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            await Task.Delay(20);
        }
    }
}
