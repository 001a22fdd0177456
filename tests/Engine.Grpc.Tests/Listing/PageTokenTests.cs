using System.Buffers.Text;
using System.Text;
using Engine.Grpc.Listing;
using Engine.Query.Plans;

namespace Engine.Grpc.Tests.Listing;

public class PageTokenTests
{
    private const string Id = "0190a1b2-0000-7000-8000-000000000001";

    private static readonly List<OrderBy> Keys = SortKeys.Of(ListingModel.Invoice, [new OrderBy(ListingModel.Invoice.Field("lineCount")!, true)]);

    /// <summary>A cursor as the SQL compiler writes it for a row with line_count 7.</summary>
    private static readonly string RowCursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"[1,\"lineCount_DESC,id_ASC\",7,\"{Id}\"]"));

    private static ListFingerprint Fingerprint(string filter = "archived = true") => PageToken.Fingerprint(ListingModel.Invoice, Keys, filter);

    [Fact]
    public void TryDecode_TokenItEncoded_ReturnsTheRowsPosition()
    {
        var token = PageToken.Encode(Fingerprint(), RowCursor);

        Assert.True(PageToken.TryDecode(token, Fingerprint(), Keys, out var cursor, out var error), error?.Description);

        Assert.Equal([7, Guid.Parse(Id)], cursor!.Values);
        Assert.DoesNotContain('=', token);
    }

    [Fact]
    public void TryDecode_AnotherFilter_IsAViolation()
    {
        var token = PageToken.Encode(Fingerprint(), RowCursor);

        Assert.False(PageToken.TryDecode(token, Fingerprint("archived = false"), Keys, out _, out var error));

        Assert.Equal(new FieldViolation("page_token",
            "page_token was made for another filter; repeat the request with the filter that returned it, or start again without page_token."), error);
    }

    [Fact]
    public void TryDecode_AnotherOrder_IsAViolation()
    {
        var token = PageToken.Encode(Fingerprint(), RowCursor);
        var otherKeys = SortKeys.Of(ListingModel.Invoice, [new OrderBy(ListingModel.Invoice.Field("lineCount")!, false)]);

        Assert.False(PageToken.TryDecode(token, PageToken.Fingerprint(ListingModel.Invoice, otherKeys, "archived = true"), otherKeys, out _, out var error));

        Assert.StartsWith("page_token was made for another order_by;", error!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_AnotherResource_IsAViolation()
    {
        var customer = ListingModel.Schema.Resource("Customer")!;
        var keys = SortKeys.Of(customer, []);
        var token = PageToken.Encode(PageToken.Fingerprint(customer, keys, ""), RowCursor);
        var invoiceKeys = SortKeys.Of(ListingModel.Invoice, []);

        Assert.False(PageToken.TryDecode(token, PageToken.Fingerprint(ListingModel.Invoice, invoiceKeys, ""), invoiceKeys, out _, out var error));

        Assert.Equal("page_token belongs to a list of Customer, not of Invoice.", error!.Description);
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("")]
    [InlineData("bm90IGpzb24")]
    [InlineData("WzIsIkludm9pY2UiLCJhIiwiYiIsImMiXQ")]
    [InlineData("WzEsIkludm9pY2UiLDEsImIiLCJjIl0")]
    public void TryDecode_NotAToken_IsAViolation(string token)
    {
        Assert.False(PageToken.TryDecode(token, Fingerprint(), Keys, out var cursor, out var error));

        Assert.Null(cursor);
        Assert.Equal("page_token is not a page token this server made; start again without page_token.", error!.Description);
    }

    [Fact]
    public void TryDecode_TamperedByte_IsAViolation()
    {
        var token = PageToken.Encode(Fingerprint(), RowCursor).ToCharArray();
        for (var i = 0; i < token.Length; i++)
        {
            var tampered = (char[])token.Clone();
            tampered[i] = tampered[i] == 'A' ? 'B' : 'A';

            var accepted = PageToken.TryDecode(new string(tampered), Fingerprint(), Keys, out var cursor, out var error);

            // A change either breaks the token or, inside the cursor's base64, still decodes to a well-formed position.
            Assert.True(accepted ? cursor is not null : error is { Field: "page_token" });
        }
    }

    [Fact]
    public void TryDecode_CursorWithAWrongValue_IsAViolation()
    {
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"[1,\"lineCount_DESC,id_ASC\",\"seven\",\"{Id}\"]"));
        var token = PageToken.Encode(Fingerprint(), cursor);

        Assert.False(PageToken.TryDecode(token, Fingerprint(), Keys, out _, out var error));

        Assert.Equal("page_token does not hold a valid value for lineCount.", error!.Description);
    }
}
