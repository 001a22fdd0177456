using System.Globalization;
using System.Text;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Where a value sits inside an argument or variable (<c>data.email</c>, <c>where.AND[0].title</c>). A linked list so
/// that descending into an input costs one small allocation and the text is only built when an error needs it.
/// </summary>
internal sealed class InputPath
{
    private readonly InputPath? parent;
    private readonly string? name;
    private readonly int index;

    private InputPath(InputPath? parent, string? name, int index)
    {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /// <summary>The path of an argument or variable named <paramref name="root"/>.</summary>
    public static InputPath Root(string root) => new(null, root, -1);

    /// <summary>The path of a field of the input object at this path.</summary>
    public InputPath Field(string fieldName) => new(this, fieldName, -1);

    /// <summary>The path of an item of the list at this path.</summary>
    public InputPath Item(int itemIndex) => new(this, null, itemIndex);

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        parent?.Append(builder);
        if (name is null)
        {
            builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            return;
        }

        if (parent is not null)
        {
            builder.Append('.');
        }

        builder.Append(name);
    }
}
