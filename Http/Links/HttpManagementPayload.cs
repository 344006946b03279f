namespace DurableLessons.Http.Links;

/// <summary>
/// The management links of one instance, as Durable's <c>CreateHttpManagementPayload</c> returns them
/// (serialized camelCase). <see cref="RewindPostUri"/> and <see cref="RestartPostUri"/> may be null: some
/// Functions versions do not produce them. With public status links (<c>Api:PublicStatusLinks</c>) only
/// <see cref="StatusQueryGetUri"/> is set: the operation links are null.
/// </summary>
public sealed record HttpManagementPayload(
    string Id,
    string StatusQueryGetUri,
    string? SendEventPostUri,
    string? TerminatePostUri,
    string? SuspendPostUri,
    string? ResumePostUri,
    string? RewindPostUri,
    string? RestartPostUri,
    string? PurgeHistoryDeleteUri);
