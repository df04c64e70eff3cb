using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace ChatBot.Testing;

/// <summary>
/// Signs requests the way Discord does: Ed25519 over timestamp + body, hex in <c>X-Signature-Ed25519</c>. Each
/// signer has its own fresh key pair, so a test can also sign with the wrong key.
/// </summary>
public sealed class DiscordSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));

    /// <summary>A POST with the body and its signature headers, timestamped at <paramref name="at"/>.</summary>
    public HttpRequestMessage Request(string path, string body, DateTimeOffset at)
    {
        string timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        HttpRequestMessage request = new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Sign(timestamp, body));
        return request;
    }

    public void Dispose() => _key.Dispose();
}
