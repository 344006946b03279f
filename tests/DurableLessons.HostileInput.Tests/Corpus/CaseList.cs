namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>Collects the cases of one route family, refusing duplicate names.</summary>
internal sealed class CaseList(string family)
{
    private readonly List<HostileCase> _cases = [];

    public IReadOnlyList<HostileCase> Cases => _cases;

    public CaseList Add(string name, HostileRequest request, Expected expected)
    {
        if (_cases.Any(c => c.Name == name))
        {
            throw new InvalidOperationException($"Duplicate case name '{name}' in {family}.");
        }

        _cases.Add(new HostileCase(family, name, request, expected));
        return this;
    }

    public CaseList Invalid(string name, HostileRequest request, string names) => Add(name, request, Expected.Problem(400, names));

    public CaseList Status(string name, HostileRequest request, int status) => Add(name, request, Expected.Problem(status));
}
