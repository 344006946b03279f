namespace DurableLessons.Bench;

/// <summary>The independent parts of one benchmark run; <c>--only</c> picks some of them.</summary>
[Flags]
internal enum BenchParts
{
    None = 0,
    Sqlite = 1,
    Engine = 2,
    Kestrel = 4,
    Host = 8,
    Providers = 16,
    All = Sqlite | Engine | Kestrel | Host | Providers,
}

internal static class BenchPartsParser
{
    extension(BenchParts)
    {
        /// <summary>Parses a comma-separated list such as <c>kestrel,host</c>; false on an unknown or empty name.</summary>
        public static bool TryParse(string text, out BenchParts parts)
        {
            parts = BenchParts.None;
            foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<BenchParts>(name, ignoreCase: true, out var part) || part is BenchParts.None or BenchParts.All)
                {
                    return false;
                }

                parts |= part;
            }

            return parts != BenchParts.None;
        }
    }
}
