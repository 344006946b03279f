using Sdk = Microsoft.DurableTask;

namespace DurableLessons.Functions.Tests.Adapters;

/// <summary>
/// Builds the SDK's failure details whatever its version: the record's constructor gained a <c>Properties</c> parameter
/// in later Durable Task SDKs, and these tests compile against the surface (newest) and the real packages alike.
/// </summary>
internal static class SdkFailure
{
    public static Sdk.TaskFailureDetails Details(string errorType, string message, string? stackTrace = null, Sdk.TaskFailureDetails? inner = null)
    {
        var constructor = typeof(Sdk.TaskFailureDetails).GetConstructors()
            .Where(c => c.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(string))
            .OrderBy(c => c.GetParameters().Length)
            .First();
        object?[] known = [errorType, message, stackTrace, inner];
        var arguments = constructor.GetParameters().Select((_, index) => index < known.Length ? known[index] : null).ToArray();
        return (Sdk.TaskFailureDetails)constructor.Invoke(arguments);
    }

    public static Sdk.TaskFailedException Exception(string taskName, int taskId, string errorType, string message) =>
        new(taskName, taskId, Details(errorType, message));
}
