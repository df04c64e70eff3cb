using System.Reflection;
using ChatBot.Core.Knowledge;

namespace ChatBot.Tests.Architecture;

/// <summary>The dependency rules of the design, checked on the compiled assemblies.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(KnowledgeSnapshot).Assembly;
    private static readonly Assembly Knowledge = typeof(ChatBot.Knowledge.KnowledgeOptions).Assembly;

    [Fact]
    public void Core_ReferencesNoIoLibrary()
    {
        // System.IO.Hashing is computation only (hashes over spans), despite its name.
        string[] allowed = ["System.Runtime", "System.Collections", "System.Collections.Immutable", "System.Linq", "System.Memory", "System.Runtime.InteropServices", "System.Text.RegularExpressions", "System.Collections.Concurrent", "System.Threading", "Humanizer", "Microsoft.Extensions.Logging.Abstractions", "System.IO.Hashing"];

        string[] references = [.. Core.GetReferencedAssemblies().Select(a => a.Name!)];

        Assert.All(references, name => Assert.True(allowed.Contains(name), $"ChatBot.Core references {name}: the core stays pure (no I/O, no platform types)"));
    }

    [Theory]
    [InlineData("LiteDB")]
    [InlineData("YamlDotNet")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("System.Net.Http")]
    [InlineData("System.Net.WebSockets")]
    [InlineData("Microsoft.Extensions.Hosting")]
    [InlineData("ChatBot.Knowledge")]
    [InlineData("chatbot")]
    public void Core_DoesNotReference(string name) =>
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public void Search_DependsOnTheCoreOnly_AndTheCoreKnowsNothingOfLucene()
    {
        string[] search = [.. typeof(ChatBot.Search.LuceneEventSearch).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("ChatBot", StringComparison.Ordinal) || n == "chatbot")];

        Assert.Equal(["ChatBot.Core"], search);
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith("Lucene", StringComparison.Ordinal));
    }

    [Fact]
    public void Knowledge_DoesNotReferenceTheExecutableOrAdapters() =>
        Assert.DoesNotContain(Knowledge.GetReferencedAssemblies(), a => a.Name is "chatbot" || a.Name!.StartsWith("ChatBot.Discord", StringComparison.Ordinal) || a.Name.StartsWith("ChatBot.Teams", StringComparison.Ordinal));

    [Fact]
    public void DiscordProtocolLibrary_KnowsNothingOfTheBot() =>
        Assert.DoesNotContain(typeof(ChatBot.Discord.Api.Interactions.SignatureVerifier).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("ChatBot", StringComparison.Ordinal) || a.Name == "chatbot");

    [Fact]
    public void DiscordAdapter_DependsOnCoreAndTheProtocol_NotOnStorage() =>
        Assert.DoesNotContain(typeof(ChatBot.Discord.EmbedRenderer).Assembly.GetReferencedAssemblies(), a => a.Name is "ChatBot.Knowledge" or "chatbot" or "LiteDB" or "YamlDotNet");

    [Fact]
    public void TeamsProtocolLibrary_KnowsNothingOfTheBot() =>
        Assert.DoesNotContain(typeof(ChatBot.Teams.Api.Authentication.BotAuthenticator).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("ChatBot", StringComparison.Ordinal) || a.Name == "chatbot");

    [Fact]
    public void TeamsAdapter_DependsOnCoreAndTheProtocol_NotOnStorageOrDiscord() =>
        Assert.DoesNotContain(typeof(ChatBot.Teams.TeamsBot).Assembly.GetReferencedAssemblies(), a => a.Name is "ChatBot.Knowledge" or "chatbot" or "LiteDB" or "YamlDotNet" || a.Name!.StartsWith("ChatBot.Discord", StringComparison.Ordinal));

    [Fact]
    public void Adapters_DoNotKnowEachOther() =>
        Assert.DoesNotContain(typeof(ChatBot.Discord.EmbedRenderer).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("ChatBot.Teams", StringComparison.Ordinal));

    [Fact]
    public void CoreKnowledgeTypes_AreImmutable()
    {
        IEnumerable<Type> types = Core.GetExportedTypes().Where(t => t.Namespace == "ChatBot.Core.Knowledge" && !t.IsInterface && !t.IsEnum && !(t.IsAbstract && t.IsSealed));
        foreach (Type type in types)
        {
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                MethodInfo? setter = property.SetMethod;
                bool initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") == true;
                Assert.True(setter is null || !setter.IsPublic || initOnly, $"{type.Name}.{property.Name} has a public setter");
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} is a mutable field");
            }
        }
    }

    [Fact]
    public void NoClassIsNamedChatBot() =>
        Assert.DoesNotContain(new[] { Core, Knowledge, typeof(ChatBot.Cli.ChatBotApp).Assembly, typeof(ChatBot.Teams.TeamsBot).Assembly }.SelectMany(a => a.GetTypes()), t => t.Name == "ChatBot");
}
