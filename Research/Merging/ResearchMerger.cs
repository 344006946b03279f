using DurableLessons.Research.Merging;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;

namespace DurableLessons.Research;

/// <summary>
/// The fan-in step: one <see cref="ResearchPack"/> from every source's outcome. Pure and deterministic (same
/// outcomes, same pack), so it is safe to run as an activity and to re-run.
/// <list type="number">
/// <item>Rank: each source's notes by its own score, then scores divided by that source's best, so a source that
/// scores in the thousands cannot bury one that scores below 1 (a source without usable scores gets 1, 1−1/n, ...).</item>
/// <item>Interleave: round robin, every source's best note before any source's second; within a round, higher
/// normalized score first, then outcome order.</item>
/// <item>De-duplicate: walking that order, a note is dropped if an earlier one has the same URL (see <see cref="UrlKey"/>)
/// or near-identical text (see <see cref="NearDuplicates"/>).</item>
/// <item>Budget: notes are kept in order while their estimate (<see cref="ResearchTokens"/>) fits; the first that does
/// not is cut at a sentence boundary to the room left (if at least <see cref="MinTrimmedChars"/> characters), and
/// the pack ends there.</item>
/// <item>Number: kept notes get Id 1..n in order; titles, URLs and sources stay for citations.</item>
/// </list>
/// <see cref="ResearchPack.Sources"/> lists every outcome in input order with its error and time, and as its notes
/// the ones that made it into the pack.
/// </summary>
public sealed class ResearchMerger : IResearchMerger
{
    public const int MinTrimmedChars = 80;

    public ResearchPack Merge(IReadOnlyList<SourceOutcome> outcomes, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfNegative(tokenBudget);

        var ranked = outcomes.Select(Rank).ToList();
        var kept = FitToBudget(RemoveDuplicates(Interleave(ranked)), tokenBudget);
        var numbered = kept.Select((candidate, index) => candidate with { Note = candidate.Note with { Id = index + 1 } }).ToList();

        var notes = numbered.Select(candidate => candidate.Note).ToList();
        var sources = outcomes
            .Select((outcome, index) => new SourceOutcome(
                outcome.Source,
                numbered.Where(candidate => candidate.Outcome == index).Select(candidate => candidate.Note).ToList(),
                outcome.Error,
                outcome.ElapsedMs))
            .ToList();
        return new ResearchPack(notes, sources, notes.Sum(ResearchTokens.Estimate));
    }

    private static List<Candidate> Rank(SourceOutcome outcome, int outcomeIndex)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var notes = (outcome.Notes ?? [])
            .Where(note => note is not null && !string.IsNullOrWhiteSpace(note.Text))
            .OrderByDescending(note => double.IsFinite(note.Score) ? note.Score : double.MinValue)
            .ToList();
        var best = notes.Where(note => double.IsFinite(note.Score)).Select(note => note.Score).DefaultIfEmpty(0).Max();

        return notes
            .Select((note, rank) =>
            {
                var normalized = best > 0
                    ? Math.Clamp(double.IsFinite(note.Score) ? note.Score / best : 0, 0, 1)
                    : 1 - ((double)rank / notes.Count);
                var cleaned = note with
                {
                    Title = note.Title?.Trim() ?? string.Empty,
                    Url = note.Url?.Trim() ?? string.Empty,
                    Text = note.Text.Trim(),
                    Source = string.IsNullOrWhiteSpace(note.Source) ? outcome.Source : note.Source,
                    Score = Math.Round(normalized, 6),
                    Id = 0,
                };
                return new Candidate(cleaned, outcomeIndex, rank);
            })
            .ToList();
    }

    private static List<Candidate> Interleave(List<List<Candidate>> ranked)
    {
        var ordered = new List<Candidate>();
        var rounds = ranked.Count == 0 ? 0 : ranked.Max(list => list.Count);
        for (var round = 0; round < rounds; round++)
        {
            ordered.AddRange(ranked
                .Where(list => round < list.Count)
                .Select(list => list[round])
                .OrderByDescending(candidate => candidate.Note.Score)
                .ThenBy(candidate => candidate.Outcome));
        }

        return ordered;
    }

    private static List<Candidate> RemoveDuplicates(List<Candidate> ordered)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        var keptShingles = new List<HashSet<string>>();
        var unique = new List<Candidate>();
        foreach (var candidate in ordered)
        {
            var url = UrlKey.Of(candidate.Note.Url);
            if (url is not null && urls.Contains(url))
            {
                continue;
            }

            var shingles = NearDuplicates.Shingles(candidate.Note.Text);
            if (keptShingles.Any(kept => NearDuplicates.AreNearDuplicates(kept, shingles)))
            {
                continue;
            }

            if (url is not null)
            {
                urls.Add(url);
            }

            keptShingles.Add(shingles);
            unique.Add(candidate);
        }

        return unique;
    }

    private static List<Candidate> FitToBudget(List<Candidate> unique, int tokenBudget)
    {
        var kept = new List<Candidate>();
        var remaining = tokenBudget;
        foreach (var candidate in unique)
        {
            var cost = ResearchTokens.Estimate(candidate.Note);
            if (cost <= remaining)
            {
                kept.Add(candidate);
                remaining -= cost;
                continue;
            }

            var room = (remaining * ResearchTokens.CharsPerToken) - candidate.Note.Title.Length - candidate.Note.Url.Length;
            if (room >= MinTrimmedChars)
            {
                var text = TextTrimmer.ToLength(candidate.Note.Text, room);
                if (text.Length > 0)
                {
                    kept.Add(candidate with { Note = candidate.Note with { Text = text } });
                }
            }

            break;
        }

        return kept;
    }

    private sealed record Candidate(ResearchNote Note, int Outcome, int Rank);
}
