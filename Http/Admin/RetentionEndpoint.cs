using System.Globalization;
using System.Xml;
using DurableLessons.Http.Requests;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Admin;

/// <summary>DELETE /api/admin/runs?olderThan=: purges finished runs older than a duration ("P7D", "7.00:00:00", "7d", "12h", "30m").</summary>
public sealed class RetentionEndpoint(RetentionPurger purger)
{
    public async Task<IResult> PurgeAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["olderThan"].ToString().Trim();
        if (ParseAge(text) is not { } age || age < TimeSpan.Zero)
        {
            return RequestProblems.Invalid("olderThan", "Required: a duration such as P7D, 7.00:00:00, 7d, 12h or 30m.");
        }

        var purged = await purger.PurgeOlderThanAsync(age, request.HttpContext.RequestAborted);
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
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 's': return TimeSpan.FromSeconds(amount);
            }
        }

        if (text.StartsWith('P') || text.StartsWith('p'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text.ToUpperInvariant());
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }
}

public sealed record RetentionOutcome(int Purged, TimeSpan OlderThan);
