using DurableLessons.Http.Links;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Practice;

public static class PracticeRoutes
{
    public const string Start = "lessons/{subject}/{topic}/practice";
    public const string Session = "practice/{sessionId}";
    public const string Messages = "practice/{sessionId}/messages";
    public const string MyProgress = "me/progress";

    public static string SessionPath(string sessionId) => $"/api/practice/{Uri.EscapeDataString(sessionId)}";

    public static string SessionUrl(HttpRequest request, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{PublicBaseUrl.From(request)}{request.PathBase.ToUriComponent()}{SessionPath(sessionId)}";
    }
}
