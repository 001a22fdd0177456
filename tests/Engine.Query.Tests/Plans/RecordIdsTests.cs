using Engine.Query.Plans;

namespace Engine.Query.Tests.Plans;

public class RecordIdsTests
{
    [Fact]
    public void NewId_ManyInOneMillisecond_StrictlyIncreaseInUuidOrder()
    {
        var ids = Enumerable.Range(0, 50_000).Select(_ => RecordIds.NewId().ToString()).ToArray();

        for (var i = 1; i < ids.Length; i++)
        {
            Assert.True(string.CompareOrdinal(ids[i - 1], ids[i]) < 0, $"{ids[i - 1]} is not below {ids[i]}");
        }
    }

    [Fact]
    public void NewId_Layout_IsUuidVersion7WithRfcVariantAndCurrentTime()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = RecordIds.NewId();
        var text = id.ToString("N");

        Assert.Equal('7', text[12]);
        Assert.Contains(text[16], "89ab");
        var millis = Convert.ToInt64(text[..12], 16);
        Assert.InRange(millis, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
    }

    [Fact]
    public void NewId_FromManyThreads_AreUnique()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(RecordIds.NewId());
            }
        });

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
