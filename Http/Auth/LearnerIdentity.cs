using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DurableLessons.Http.Auth;

/// <summary>Who a signed-in request acts for: the token's <c>oid</c> (Entra ID's stable user id), else its <c>sub</c>.</summary>
public static partial class LearnerIdentity
{
    public const string ObjectIdClaim = "oid";
    public const string SubjectClaim = "sub";

    public static bool IsSignedIn(ClaimsPrincipal? principal) => IdOf(principal) is not null && principal!.Identity?.IsAuthenticated == true;

    public static string? IdOf(ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirst(ObjectIdClaim)?.Value;
        return string.IsNullOrEmpty(id) ? NullIfEmpty(principal?.FindFirst(SubjectClaim)?.Value) : id;
    }

    /// <summary>
    /// The learner id as it goes into instance ids and storage keys: itself when it is 1 to 64 letters, digits, '-'
    /// or '_' (an Entra object id is), else a digest of it (a <c>sub</c> may hold '|', '/' or anything else).
    /// </summary>
    public static string KeyOf(string learnerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(learnerId);
        return KeyPattern().IsMatch(learnerId)
            ? learnerId
            : "sub-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(learnerId)))[..40];
    }

    public static bool IsWellFormedKey(string learnerId) => KeyPattern().IsMatch(learnerId);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyPattern();
}
