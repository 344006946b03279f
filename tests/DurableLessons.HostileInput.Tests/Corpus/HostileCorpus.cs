namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>The whole corpus, by route family; a case is addressed by its key "family | name".</summary>
public static class HostileCorpus
{
    private static readonly Lazy<IReadOnlyList<HostileCase>> AllCases = new(() =>
    [
        .. LessonCases.StartCases(),
        .. LessonCases.ReadCases(),
        .. SyllabusCases.Cases(),
        .. RunCases.Cases(),
        .. AdminCases.Cases(),
        .. WebhookCases.Cases(),
        .. ProtocolCases.Cases(),
    ]);

    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> ByKey =
        new(() => AllCases.Value.ToDictionary(c => c.ToString(), StringComparer.Ordinal));

    public static IReadOnlyList<HostileCase> All => AllCases.Value;

    public static IReadOnlyList<string> Families { get; } =
    [
        LessonCases.StartFamily, LessonCases.ReadFamily, SyllabusCases.Family, RunCases.Family, AdminCases.Family, WebhookCases.Family, ProtocolCases.Family,
    ];

    public static HostileCase Find(string key) => ByKey.Value[key];

    public static TheoryData<string> KeysOf(string family)
    {
        var data = new TheoryData<string>();
        foreach (var hostile in All.Where(c => c.Family == family))
        {
            data.Add(hostile.ToString());
        }

        return data;
    }
}
