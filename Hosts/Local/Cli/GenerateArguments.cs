namespace DurableLessons.Hosts.Local.Cli;

/// <summary>The parsed command line of <c>generate &lt;subject&gt; &lt;topic&gt; --level &lt;level&gt; [--json] [--data-dir DIR]</c>.</summary>
internal sealed record GenerateArguments(string Subject, string Topic, string Level, bool Json, string? DataDirectory)
{
    /// <summary>The arguments, or the reason they are wrong (shown with the usage text).</summary>
    public static (GenerateArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        string? level = null;
        string? dataDirectory = null;
        var json = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inlineValue) = SplitOption(arg);
            switch (name)
            {
                case "--json":
                    json = true;
                    break;
                case "--level" or "-l":
                    if (!TakeValue(args, ref i, inlineValue, out level))
                    {
                        return (null, "--level needs a value.");
                    }

                    break;
                case "--data-dir":
                    if (!TakeValue(args, ref i, inlineValue, out dataDirectory))
                    {
                        return (null, "--data-dir needs a value.");
                    }

                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        return (null, $"Unknown option '{arg}'.");
                    }

                    positional.Add(arg);
                    break;
            }
        }

        if (positional.Count != 2)
        {
            return (null, $"Expected a subject and a topic; got {positional.Count} value(s).");
        }

        return level is null
            ? (null, "--level is required.")
            : (new GenerateArguments(positional[0], positional[1], level, json, dataDirectory), null);
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static bool TakeValue(IReadOnlyList<string> args, ref int i, string? inlineValue, out string? value)
    {
        if (inlineValue is not null)
        {
            value = inlineValue;
            return inlineValue.Length > 0;
        }

        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            value = args[++i];
            return true;
        }

        value = null;
        return false;
    }
}
