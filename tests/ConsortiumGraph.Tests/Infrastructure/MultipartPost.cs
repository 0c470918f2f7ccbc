using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>A GraphQL request with files, as the GraphQL multipart request spec sends it: operations, map, then the files.</summary>
public static class MultipartPost
{
    /// <summary>POSTs <paramref name="query"/> with each file at its variable path (such as <c>variables.input.file</c>, null in <paramref name="variables"/>).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string? token, string query, object variables,
        IReadOnlyList<(string Path, byte[] Content, string Name)> files)
    {
        var operations = JsonSerializer.Serialize(new { query, variables });
        var map = JsonSerializer.Serialize(files.Select((f, i) => (f, i)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => new[] { x.f.Path }));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(operations, Encoding.UTF8), "operations" },
            { new StringContent(map, Encoding.UTF8), "map" },
        };
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, i.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
