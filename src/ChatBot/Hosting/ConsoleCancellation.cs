namespace ChatBot.Cli;

/// <summary>Ctrl-C and SIGTERM as a cancellation token, so the chat ends cleanly.</summary>
internal static class ConsoleCancellation
{
    public static CancellationToken Token()
    {
        CancellationTokenSource source = new();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            source.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => source.Cancel();
        return source.Token;
    }
}
