using System.Runtime.InteropServices;

namespace DurableLessons.Engine.Dispatch;

/// <summary>
/// Lowers the scheduling priority of the calling thread. On Linux .NET ignores <see cref="Thread.Priority"/>, but
/// every thread has its own nice value, set with <c>setpriority(PRIO_PROCESS, tid, nice)</c>; raising one's own nice
/// value needs no privilege. Elsewhere <see cref="ThreadPriority.BelowNormal"/> is used.
/// </summary>
internal static partial class ThreadPriorities
{
    private const int PrioProcess = 0;

    /// <returns>True when the priority was lowered.</returns>
    public static bool LowerCurrentThread(int niceness)
    {
        if (niceness <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                return SetPriority(PrioProcess, GetThreadId(), niceness) == 0;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without gettid (glibc before 2.30): the workers keep the normal priority.
                return false;
            }
        }

        try
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return true;
        }
        catch (Exception exception) when (exception is ThreadStateException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int GetThreadId();
}
