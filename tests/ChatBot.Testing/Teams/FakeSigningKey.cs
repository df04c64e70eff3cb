using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Testing.Teams;

/// <summary>
/// An RSA signing key as the Bot Framework and Entra publish them: a self-signed certificate whose SHA-1 thumbprint
/// (base64url) is both the <c>kid</c> and the <c>x5t</c>, served as a JWK with <c>n</c>, <c>e</c>, <c>x5c</c> and,
/// for Bot Framework keys, the non-standard <c>endorsements</c> array.
/// </summary>
internal sealed class FakeSigningKey : IDisposable
{
    private readonly RSA _rsa;

    private FakeSigningKey(RSA rsa, X509Certificate2 certificate, IReadOnlyList<string>? endorsements)
    {
        _rsa = rsa;
        Certificate = certificate;
        Endorsements = endorsements;
        Thumbprint = Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA1));
        RsaKey = new RsaSecurityKey(rsa) { KeyId = Thumbprint };
        X509Key = new X509SecurityKey(certificate, Thumbprint);
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The base64url SHA-1 thumbprint: the key's <c>kid</c> and <c>x5t</c>.</summary>
    public string Thumbprint { get; }

    /// <summary>Channels the key is endorsed for; <c>null</c> for a key that carries no <c>endorsements</c> member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>Signs with header <c>kid</c> only.</summary>
    public RsaSecurityKey RsaKey { get; }

    /// <summary>Signs with header <c>kid</c> and <c>x5t</c>, as the Bot Framework does.</summary>
    public X509SecurityKey X509Key { get; }

    public static FakeSigningKey Create(string subject, DateTimeOffset now, IReadOnlyList<string>? endorsements = null)
    {
        RSA rsa = RSA.Create(2048);
        CertificateRequest request = new($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        X509Certificate2 certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return new FakeSigningKey(rsa, certificate, endorsements);
    }

    /// <summary>The JWK; <paramref name="issuer"/> is the per-key <c>issuer</c> member Entra's JWKS carries.</summary>
    public JsonObject ToJwk(string? issuer = null)
    {
        RSAParameters parameters = _rsa.ExportParameters(includePrivateParameters: false);
        JsonObject jwk = new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Thumbprint,
            ["x5t"] = Thumbprint,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["x5c"] = new JsonArray(Convert.ToBase64String(Certificate.RawData)),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        if (issuer is not null)
        {
            jwk["issuer"] = issuer;
        }

        return jwk;
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _rsa.Dispose();
    }
}
