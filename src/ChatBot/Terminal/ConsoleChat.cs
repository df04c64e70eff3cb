using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;

namespace ChatBot.Terminal;

/// <summary>
/// The console adapter: reads questions line by line, answers through the engine and renders replies as text.
/// <c>history</c> lists this session's questions, <c>!n</c> asks question n again, <c>exit</c> leaves.
/// </summary>
public sealed class ConsoleChat(IChatBotEngine engine, Conversation conversation, TextReader input, TextWriter output, bool styled = false)
{
    private readonly List<string> _history = [];

    // The other readings the last reply offered; typing a number asks that one.
    private IReadOnlyList<ReplyChoice> _choices = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("ChatBot — ask about the finances of AI companies, in English or Dutch.").ConfigureAwait(false);
        await output.WriteLineAsync("Try “What is OpenAI worth?”, “/deals Amazon” or “Hoeveel is OpenAI waard?”. Type 'help' for commands, 'history' for your questions, 'exit' to leave.").ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("\n> ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            string? line;
            try
            {
                line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
                break;
            }

            string text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text is "exit" or "quit" or "/exit" or "/quit" or "stop")
            {
                break;
            }

            if (text is "history" or "/history" or "geschiedenis")
            {
                await ShowHistoryAsync().ConfigureAwait(false);
                continue;
            }

            if (text.StartsWith('!') && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                if (number < 1 || number > _history.Count)
                {
                    await output.WriteLineAsync($"There is no question {number} in this session's history.").ConfigureAwait(false);
                    continue;
                }

                text = _history[number - 1];
                await output.WriteLineAsync(text).ConfigureAwait(false);
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int choice) && choice >= 1 && choice <= _choices.Count)
            {
                text = _choices[choice - 1].Question;
                await output.WriteLineAsync(text).ConfigureAwait(false);
            }

            _history.Add(text);
            Reply reply = await engine.HandleAsync(Utterance.FromText(text), conversation, cancellationToken).ConfigureAwait(false);
            _choices = reply.Choices;
            string rendered = TextReplyRenderer.Render(reply);
            await output.WriteAsync(styled ? TerminalStyle.Apply(rendered) : rendered).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Bye.").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ShowHistoryAsync()
    {
        if (_history.Count == 0)
        {
            await output.WriteLineAsync("No questions yet.").ConfigureAwait(false);
            return;
        }

        for (int i = 0; i < _history.Count; i++)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i + 1,3}  {_history[i]}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Type !n to ask question n again.").ConfigureAwait(false);
    }
}
