namespace DurableLessons.Syllabi.Tests;

/// <summary>The system clock moved by an offset the test changes, so "30 days ago" can be made without waiting.</summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    private long offsetTicks = offset.Ticks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
