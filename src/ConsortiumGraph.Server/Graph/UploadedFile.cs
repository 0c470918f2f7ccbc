namespace ConsortiumGraph.Graph;

/// <summary>A file sent with a multipart request, spooled to a temporary file that is deleted when the response ends.</summary>
public sealed class UploadedFile(string fileName, string? contentType, string path, long length)
{
    public string FileName => fileName;
    public string? ContentType => contentType;
    public long Length => length;

    /// <summary>Reads the file from its start; every call opens it anew.</summary>
    public Stream OpenRead() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
}
