using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>GraphQL over HTTP as the spec and older clients expect it, and the IDE for browsers.</summary>
public sealed class HttpProtocolTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body, HttpResponseMessage Response)> Send(HttpRequestMessage request)
    {
        var response = await server.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private static HttpRequestMessage Post(string body, string contentType = "application/json", string? accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static string Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Get_runs_a_query_with_variables()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($code: String!) { district(code: $code) { name } }")
            + "&variables=" + Uri.EscapeDataString("""{"code":"5000310"}""");
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        var (status, type, body, _) = await Send(request);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(GraphQLResponse, type);
        Assert.Equal("Riverside Valley Unified School District", body.GetProperty("data").GetProperty("district").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_never_runs_a_mutation()
    {
        // A mutation that would succeed over POST: if GET ran it, the commitment would change.
        const string read = """{ commitments(first: 1, where: { status: [ON_TRACK] }) { nodes { id status progress { status } } } }""";
        var commitment = (await server.QueryAsync(read)).GetProperty("commitments").GetProperty("nodes")[0];
        var mutation = $$"""mutation { reportProgress(input: { commitmentId: "{{commitment.GetProperty("id").GetString()}}", status: DONE, percentComplete: 100 }) { errors { code } } }""";
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(mutation));
        var (status, _, body, response) = await Send(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", Code(body));
        var after = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on Commitment { id status progress { status } } } }",
            new { id = commitment.GetProperty("id").GetString() });
        Assert.Equal(commitment.ToString(), after.GetProperty("node").ToString());
    }

    [Fact]
    public async Task Post_with_another_content_type_is_unsupported()
    {
        var (status, _, body, _) = await Send(Post("{ consortia { name } }", "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Code(body));
    }

    [Theory]
    [InlineData("{ not json", "INVALID_JSON")]
    [InlineData("""{"query": 42}""", "INVALID_JSON")]
    [InlineData("""{"query": "{ consortia { name } }", "variables": "nope"}""", "INVALID_JSON")]
    [InlineData("""{"operationName": "X"}""", "QUERY_MISSING")]
    [InlineData("null", "QUERY_MISSING")]
    public async Task Unreadable_requests_are_400_with_a_code(string body, string code)
    {
        var (status, type, response, _) = await Send(Post(body));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(GraphQLResponse, type);
        Assert.Equal(code, Code(response));
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Documents_that_do_not_parse_or_validate_follow_the_accepted_media_type(string accept, HttpStatusCode expected)
    {
        foreach (var query in new[] { "{ consortia { name ", "{ consortia { noSuchField } }", "query($n: Int!) { districts(first: $n) { totalCount } }" })
        {
            var (status, type, body, _) = await Send(Post(JsonSerializer.Serialize(new { query, variables = new { n = "ten" } }), accept: accept));
            Assert.Equal(expected, status);
            Assert.Equal(accept, type);
            Assert.False(body.TryGetProperty("data", out _));
            Assert.True(body.GetProperty("errors").GetArrayLength() > 0);
        }
    }

    [Fact]
    public async Task Without_an_accept_header_the_answer_is_json()
    {
        var (status, type, _, _) = await Send(Post("""{"query":"{ consortia { name } }"}""", accept: null));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
    }

    [Fact]
    public async Task Unaccepted_media_types_are_406()
    {
        var (status, _, body, _) = await Send(Post("""{"query":"{ consortia { name } }"}""", accept: "text/csv"));
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
        Assert.Equal("NOT_ACCEPTABLE", Code(body));
    }

    [Fact]
    public async Task A_browser_gets_the_ide_from_the_server_itself()
    {
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/ide/graphiql.min.js", html);
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/graphql/ui")).StatusCode);
        foreach (var asset in new[] { "/ide/graphiql.min.js", "/ide/graphiql.min.css", "/ide/react.production.min.js", "/ide/react-dom.production.min.js" })
            Assert.True((await client.GetAsync(asset)).IsSuccessStatusCode, asset);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData(null, null)]
    public async Task Responses_are_compressed_for_clients_that_accept_it(string? acceptEncoding, string? expected)
    {
        using var request = Post("""{"query":"{ districts(first: 20) { nodes { code name state enrollment } } }"}""");
        if (acceptEncoding is not null) request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        using var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var body = expected switch
        {
            "br" => new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
            _ => (Stream)new MemoryStream(bytes),
        };
        var json = await JsonDocument.ParseAsync(body);
        Assert.NotEqual(0, json.RootElement.GetProperty("data").GetProperty("districts").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task With_compression_off_responses_are_not_compressed()
    {
        await using var host = new Plugins.Testing.PluginTestHost { Settings = new Dictionary<string, string> { ["Compression:Enabled"] = "false" } };
        using var request = Post("""{"query":"{ consortia { name } }"}""");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("consortia", await response.Content.ReadAsStringAsync());
    }
}
