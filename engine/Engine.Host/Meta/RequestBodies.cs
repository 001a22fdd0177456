namespace Engine.Host.Meta;

/// <summary>Reads a metadata request body with a size limit, so an oversized upload is refused before it is parsed.</summary>
internal static class RequestBodies
{
    /// <summary>The largest metadata body accepted (a whole document with thousands of resources fits).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public static async Task<(byte[] Bytes, IResult? Error)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            return ([], TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return ([], TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? ([], MetaResults.Errors(StatusCodes.Status400BadRequest, "", "the request body is empty; send the definition as JSON"))
            : (buffer.ToArray(), null);
    }

    private static IResult TooLarge() =>
        MetaResults.Errors(StatusCodes.Status413PayloadTooLarge, "", $"the request body is larger than {MaxBytes / (1024 * 1024)} MiB");
}
