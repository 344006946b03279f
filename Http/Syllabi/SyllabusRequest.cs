namespace DurableLessons.Http.Syllabi;

/// <summary>What a client POSTs to /api/syllabi.</summary>
public sealed record SyllabusRequest(string? Topic, string? Level, string? Goals = null, string? Language = null);
