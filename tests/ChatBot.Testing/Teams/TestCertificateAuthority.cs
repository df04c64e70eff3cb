using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatBot.Testing.Teams;

/// <summary>
/// A throw-away certificate authority made at start-up and the TLS server certificate it signs for the loopback host
/// (SAN IP 127.0.0.1 and DNS localhost, EKU serverAuth). Clients trust it explicitly: nothing is installed in a store.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    private TestCertificateAuthority(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA certificate, public part only.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with a private key Kestrel can use.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Creates the pair. Validity uses the machine's real time: TLS peers check it against their clock, not a test's.</summary>
    public static TestCertificateAuthority Create()
    {
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        using RSA caKey = RSA.Create(2048);
        CertificateRequest caRequest = new("CN=ChatBot Test CA (fake Bot Framework), O=ChatBot Tests", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using X509Certificate2 caWithKey = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using RSA serverKey = RSA.Create(2048);
        CertificateRequest serverRequest = new("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        SubjectAlternativeNameBuilder names = new();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build(critical: false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, critical: false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caWithKey, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 serverPublic = serverRequest.Create(caWithKey, now.AddDays(-1), now.AddDays(30), serial);
        using X509Certificate2 serverWithKey = serverPublic.CopyWithPrivateKey(serverKey);

        // Round-trip through PKCS#12 so the private key is a persisted one that SslStream can use on every platform.
        string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        X509Certificate2 server = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pfx, password), password, X509KeyStorageFlags.Exportable);
        X509Certificate2 authority = X509CertificateLoader.LoadCertificate(caWithKey.RawData);
        return new TestCertificateAuthority(authority, server);
    }

    public void Dispose()
    {
        Server.Dispose();
        Authority.Dispose();
    }
}
