using System.Management.Automation.Host;

namespace AtomCuration.PowerShell;

/// <summary>
/// Text helpers the format views (AtomCuration.format.ps1xml) call, so that a rule every table follows is written once
/// instead of being repeated as a script block in each view.
/// </summary>
public static class ViewText
{
    /// <summary>Width assumed when the host has no window (redirected output, hosted runspaces).</summary>
    public const int FallbackWidth = 120;

    /// <summary>The narrowest Id column shown, however narrow the window.</summary>
    public const int MinimumWidth = 16;

    /// <summary>
    /// An id fitted into what the window leaves after the view's other columns (<paramref name="reserved"/> characters):
    /// cut on the left, behind an ellipsis, because the end of an id (file name and frame, <c>…/OUTCAR#3</c>) is what tells
    /// two rows apart, while their beginnings (a shared folder) are usually the same.
    /// </summary>
    /// <param name="id">The id (any object; its string form is used).</param>
    /// <param name="host">The host whose window width is used ($Host in a view).</param>
    /// <param name="reserved">Characters the view's other columns take.</param>
    public static string IdTail(object? id, PSHost? host, int reserved)
    {
        string text = id?.ToString() ?? "";
        int room = Math.Max(MinimumWidth, WindowWidth(host) - reserved);
        return text.Length > room ? "…" + text[(text.Length - room + 1)..] : text;
    }

    private static int WindowWidth(PSHost? host)
    {
        try
        {
            int width = host?.UI?.RawUI?.WindowSize.Width ?? 0;
            return width > 0 ? width : FallbackWidth;
        }
        catch (Exception e) when (e is NotImplementedException or HostException or IOException or InvalidOperationException)
        {
            return FallbackWidth; // a host without a console window
        }
    }
}
