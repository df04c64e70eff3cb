using ChatBot.Cli;

// The content root is the current directory: README commands run from the repository root.
return await ChatBotApp.RunAsync(args, Console.In, Console.Out, Console.Error, ConsoleCancellation.Token()).ConfigureAwait(false);
