namespace DurableLessons.Testing.Engines;

/// <summary>
/// Marks a test assembly whose <see cref="BothEnginesAttribute"/> theories also run on
/// <see cref="EngineKind.AzureStorage"/> (DTFx on Azurite): <c>[assembly: AlsoOnAzureStorageEngine]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class AlsoOnAzureStorageEngineAttribute : Attribute;
