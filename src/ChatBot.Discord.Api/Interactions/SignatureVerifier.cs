using System.Text;
using NSec.Cryptography;

namespace ChatBot.Discord.Api.Interactions;

/// <summary>
/// Verifies Discord's request signatures: Ed25519 over the bytes of <c>X-Signature-Timestamp</c> followed by the raw
/// body, with the application's public key. Never throws for bad input: anything malformed is simply not valid.
/// </summary>
public sealed class SignatureVerifier
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;

    /// <param name="publicKeyHex">The application's public key, 64 hex characters (the Developer Portal's "Public Key").</param>
    public SignatureVerifier(string publicKeyHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyHex);
        _key = PublicKey.Import(Algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Whether a hex string is a well-formed Ed25519 public key.</summary>
    public static bool IsValidPublicKey(string? hex)
    {
        if (hex is not { Length: 64 })
        {
            return false;
        }

        try
        {
            return PublicKey.TryImport(Algorithm, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 })
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out int written) != System.Buffers.OperationStatus.Done || written != 64)
        {
            return false;
        }

        int timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        byte[] message = new byte[timestampLength + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampLength));
        return Algorithm.Verify(_key, message, signature);
    }
}
