using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Storage.Configuration;

/// <summary>Where the SQLite store keeps <c>lessons.db</c>: the root <c>DataDirectory</c> key (default ./.data).</summary>
public sealed class SqliteStorageOptions
{
    public const string DataDirectoryKey = "DataDirectory";

    public const string DefaultDataDirectory = "./.data";

    public const string DatabaseFileName = "lessons.db";

    [Required(AllowEmptyStrings = false, ErrorMessage = "DataDirectory must name a directory for lessons.db.")]
    public string DataDirectory { get; set; } = DefaultDataDirectory;
}
