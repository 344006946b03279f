using Microsoft.Playwright;

namespace DurableLessons.Spa.Tests;

/// <summary>What a page did that a test wants to look at afterwards, recorded from the moment it is asked for.</summary>
internal static class PageEvents
{
    /// <summary>Uncaught exceptions and console errors.</summary>
    public static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    /// <summary>The messages of alert, confirm and prompt dialogs, each dismissed.</summary>
    public static List<string> Dialogs(IPage page)
    {
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        return dialogs;
    }

    /// <summary>The URL of every request.</summary>
    public static List<string> Requests(IPage page)
    {
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        return requests;
    }
}
