using DurableLessons.Shared.Lessons;

namespace DurableLessons.Hosts.Local.Cli;

/// <summary>
/// Shows a run's progress: one redrawn bar on a terminal, or one plain line per change when output is redirected
/// (logs, CI, pipes).
/// </summary>
internal sealed class TerminalProgress(TextWriter writer, bool interactive)
{
    private const int BarWidth = 30;
    private LessonProgress? _last;

    public async Task ShowAsync(LessonProgress progress)
    {
        if (progress == _last)
        {
            return;
        }

        _last = progress;
        var percent = Math.Clamp(progress.Percent, 0, 100);
        var sources = progress.SourcesTotal > 0 ? $" [{progress.SourcesDone}/{progress.SourcesTotal} sources]" : string.Empty;
        if (interactive)
        {
            var filled = percent * BarWidth / 100;
            var line = $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}% {progress.Stage}: {progress.Message}{sources}";
            // \r redraws in place; \x1b[K clears what a longer previous line left behind.
            await writer.WriteAsync($"\r{line}\u001b[K");
        }
        else
        {
            await writer.WriteLineAsync($"{percent,3}% {progress.Stage}: {progress.Message}{sources}");
        }

        await writer.FlushAsync();
    }

    public async Task FinishAsync()
    {
        if (interactive && _last is not null)
        {
            await writer.WriteLineAsync();
        }
    }
}
