using System.Security.Cryptography;

namespace DurableLessons.Storage.TableStore;

/// <summary>Pause after losing an optimistic-concurrency race: short, jittered and growing, so racers stop colliding in lockstep.</summary>
internal static class ConflictBackoff
{
    public static Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, 10 + (Math.Min(attempt, 10) * 10))), cancellationToken);
}
