using DurableLessons.Shared.Research;

namespace DurableLessons.Research;

/// <summary>The token estimate the merge budget uses: about four characters per token, rounded up.</summary>
public static class ResearchTokens
{
    public const int CharsPerToken = 4;

    public static int Estimate(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + CharsPerToken - 1) / CharsPerToken;

    /// <summary>A note's cost in a prompt: its title, URL and text (the citation travels with the evidence).</summary>
    public static int Estimate(ResearchNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Estimate(note.Title + note.Url + note.Text);
    }
}
