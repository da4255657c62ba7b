using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// Runs deploy/nginx/psc119.conf itself, with only its host-specific parts replaced (ports, the
/// certificate paths, the app's port), from a temporary prefix with a self-signed certificate.
/// </summary>
public sealed class NginxFront : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc119-nginx", Guid.NewGuid().ToString("n"));
    private readonly string _nginx;
    private Process? _process;

    public NginxFront(int appPort)
    {
        _nginx = DeployTools.Require("nginx");
        Directory.CreateDirectory(_folder);
        HttpPort = FreePort();
        HttpsPort = FreePort();
        Certificate = TestCertificate.Write(Path.Combine(_folder, "cert.pem"), Path.Combine(_folder, "key.pem"));
        File.WriteAllText(Path.Combine(_folder, "psc119.conf"), Site(File.ReadAllText(DeployTools.DeployFile("nginx/psc119.conf")), appPort));
        File.WriteAllText(ConfigPath, $$"""
            pid {{_folder}}/nginx.pid;
            daemon off;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/client_temp;
                proxy_temp_path {{_folder}}/proxy_temp;
                fastcgi_temp_path {{_folder}}/fastcgi_temp;
                uwsgi_temp_path {{_folder}}/uwsgi_temp;
                scgi_temp_path {{_folder}}/scgi_temp;
                include {{_folder}}/psc119.conf;
            }
            """);
    }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public X509Certificate2 Certificate { get; }

    public string ConfigPath => Path.Combine(_folder, "nginx.conf");

    public Uri HttpsAddress => new($"https://127.0.0.1:{HttpsPort}");

    /// <summary>The site file with its placeholders replaced; each one must be there exactly once.</summary>
    private string Site(string site, int appPort)
    {
        (string From, string To)[] replacements =
        [
            ("listen 80;", $"listen 127.0.0.1:{HttpPort};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;"),
            ("listen [::]:443 ssl http2;", ""),
            ("/etc/ssl/psc119/fullchain.pem", Path.Combine(_folder, "cert.pem")),
            ("/etc/ssl/psc119/privkey.pem", Path.Combine(_folder, "key.pem")),
            ("server 127.0.0.1:5119;", $"server 127.0.0.1:{appPort};"),
        ];
        foreach (var (from, to) in replacements)
        {
            var count = (site.Length - site.Replace(from, "", StringComparison.Ordinal).Length) / from.Length;
            Assert.That(count, Is.EqualTo(1), $"deploy/nginx/psc119.conf should contain '{from}' once");
            site = site.Replace(from, to, StringComparison.Ordinal);
        }
        return site;
    }

    /// <summary><c>nginx -t</c> on the configuration: exit code and what nginx said.</summary>
    public Task<(int Code, string Output)> TestConfigurationAsync() =>
        DeployTools.RunAsync(_nginx, ["-t", "-e", Path.Combine(_folder, "error.log"), "-p", _folder + "/", "-c", ConfigPath]);

    /// <summary>Starts nginx in the foreground and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-e", Path.Combine(_folder, "error.log"), "-p", _folder + "/", "-c", ConfigPath }) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (_process.HasExited) Assert.Fail($"nginx exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (SocketException) when (TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// An HTTP client that connects from <paramref name="source"/> (any 127.x address works on
    /// Linux) and trusts only this nginx's certificate.
    /// </summary>
    public HttpClient Client(string source = "127.0.0.1", bool https = true) =>
        new(Handler(IPAddress.Parse(source))) { BaseAddress = https ? HttpsAddress : new Uri($"http://127.0.0.1:{HttpPort}") };

    public SocketsHttpHandler Handler(IPAddress source) => new()
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => IsOurs(cert) },
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public bool IsOurs(X509Certificate? presented) => presented is not null && presented.GetCertHashString() == Certificate.Thumbprint;

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public void Dispose()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(5000);
        _process?.Dispose();
        Certificate.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* nginx still closing a file: the temp folder is cleaned later */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
