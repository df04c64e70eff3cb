using System.ComponentModel.DataAnnotations;

namespace ChatBot.Knowledge;

/// <summary>The <c>Knowledge</c> section of the configuration.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The folder of knowledge files. The default value is <c>knowledge</c>.</summary>
    [Required]
    public string Path { get; set; } = "knowledge";

    /// <summary>The LiteDB database file. The default value is <c>data/chatbot.db</c>.</summary>
    [Required]
    public string Database { get; set; } = "data/chatbot.db";

    /// <summary>Whether a running bot watches the folder and reloads on change. The default value is <c>true</c>.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>The largest knowledge file accepted, in bytes. The default value is 26,214,400 (25 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 26_214_400;

    /// <summary>
    /// Whether unanswered questions are stored with the asking user's platform id. The default value is <c>false</c>:
    /// only the time, platform and normalized text are kept.
    /// </summary>
    public bool UnansweredUserIds { get; set; }
}
