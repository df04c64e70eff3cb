using System.Runtime.CompilerServices;
using Xunit;

namespace ChatBot.Testing;

/// <summary>
/// Golden files: the approved output is checked in beside the test as <c>Approved/&lt;name&gt;.approved.txt</c>.
/// On a difference the actual output is written as <c>.received.txt</c> next to it and the test fails; review the
/// change and rename it to approve (or run the tests with <c>APPROVE=1</c>).
/// </summary>
public static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        string folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        string approvedPath = Path.Combine(folder, name + ".approved.txt");
        string receivedPath = Path.Combine(folder, name + ".received.txt");
        string normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable("APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, normalized);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(approved is null
            ? $"No approved file for '{name}'. Review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}."
            : $"'{name}' differs from the approved file. Compare {receivedPath} with {approvedPath}.\n--- approved\n{approved}\n--- received\n{normalized}");
    }
}
