using Engine.Metadata.Model;

namespace Engine.Metadata.Tests.Model;

public class EnumValueNumberingTests
{
    [Fact]
    public void Number_NothingStored_GivesDeclaredOrderFromOne()
    {
        var numbered = EnumValueNumbering.Number(["DRAFT", "SENT", "PAID"], []);

        Assert.Equal([new(1, "DRAFT"), new(2, "SENT"), new EnumValueNumber(3, "PAID")], numbered);
    }

    [Fact]
    public void Number_ValueInsertedInTheMiddle_KeepsTheOthersNumbers()
    {
        EnumValueNumber[] stored = [new(1, "DRAFT"), new(2, "SENT"), new(3, "PAID")];

        var numbered = EnumValueNumbering.Number(["DRAFT", "REVIEW", "SENT", "PAID"], stored);

        Assert.Equal([1, 4, 2, 3], numbered.Select(n => n.Number));
    }

    [Fact]
    public void Number_RemovedValueAddedAgain_GetsItsOldNumberAndNewValuesSkipIt()
    {
        EnumValueNumber[] stored = [new(1, "DRAFT"), new(2, "SENT"), new(3, "PAID")];

        var numbered = EnumValueNumbering.Number(["VOID", "SENT", "DRAFT"], stored);

        Assert.Equal([4, 2, 1], numbered.Select(n => n.Number));
    }

    [Fact]
    public void Removed_ValuesNoLongerDeclared_AreReturnedByNumber()
    {
        EnumValueNumber[] stored = [new(3, "PAID"), new(1, "DRAFT"), new(2, "SENT"), new(4, "VOID")];

        var removed = EnumValueNumbering.Removed(["SENT"], stored);

        Assert.Equal([new(1, "DRAFT"), new(3, "PAID"), new EnumValueNumber(4, "VOID")], removed);
    }
}
