using System.Globalization;
using System.Xml;
using DurableLessons.Application.Retention;
using DurableLessons.Http.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Http.Retention;

/// <summary>DELETE /api/admin/runs?olderThan=: purges finished runs older than a duration ("P7D", "7.00:00:00", "7d", "12h", "30m").</summary>
public sealed class RetentionEndpoint(RetentionPurger purger)
{
    /// <summary>The longest age accepted, as for the scheduled purge's <see cref="RetentionOptions.MaxAge"/>.</summary>
    public static readonly TimeSpan MaxOlderThan = TimeSpan.FromDays(3650);

    public async Task<IResult> PurgeAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["olderThan"].ToString().Trim();
        if (ParseAge(text) is not { } age || age < TimeSpan.Zero || age > MaxOlderThan)
        {
            return RequestProblems.Invalid("olderThan", $"Required: a duration from 0 to {MaxOlderThan.TotalDays:0} days, such as P7D, 7.00:00:00, 7d, 12h or 30m.");
        }

        var purged = await purger.PurgeOlderThanAsync(client, age, request.HttpContext.RequestAborted);
        return Results.Ok(new RetentionOutcome(purged, age));
    }

    public static TimeSpan? ParseAge(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > 1 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            var unit = char.ToLowerInvariant(text[^1]) switch
            {
                'd' => TimeSpan.FromDays(1),
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                's' => TimeSpan.FromSeconds(1),
                _ => (TimeSpan?)null,
            };
            if (unit is { } one)
            {
                // Checked in double first: "1e400d", "NaNd" or a count past TimeSpan's range (1e18 ticks is
                // about 3,000 years, far past any accepted age) is not an age.
                var ticks = amount * one.Ticks;
                return double.IsFinite(ticks) && Math.Abs(ticks) < 1e18 ? TimeSpan.FromTicks((long)ticks) : null;
            }
        }

        if (text.StartsWith('P') || text.StartsWith('p'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text.ToUpperInvariant());
            }
            catch (Exception error) when (error is FormatException or OverflowException)
            {
                return null;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }
}

public sealed record RetentionOutcome(int Purged, TimeSpan OlderThan);
