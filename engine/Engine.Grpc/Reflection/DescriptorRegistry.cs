using Google.Protobuf;

namespace Engine.Grpc.Reflection;

/// <summary>
/// The serialized file descriptors of one metadata version, every import included, indexed by file name and by
/// fully qualified symbol: what server reflection answers from. Immutable; each snapshot has its own.
/// </summary>
public sealed class DescriptorRegistry
{
    private readonly Dictionary<string, RegisteredFile> files;
    private readonly Dictionary<string, RegisteredFile> symbols;

    /// <summary>Indexes <paramref name="files"/>; a file's imports must be among them (checked here).</summary>
    public DescriptorRegistry(IEnumerable<RegisteredFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        this.files = new Dictionary<string, RegisteredFile>(StringComparer.Ordinal);
        symbols = new Dictionary<string, RegisteredFile>(StringComparer.Ordinal);
        var services = new List<string>();
        foreach (var file in files)
        {
            if (!this.files.TryAdd(file.Name, file))
            {
                continue;
            }

            services.AddRange(file.Services);
            foreach (var symbol in file.Symbols)
            {
                symbols.TryAdd(symbol, file);
            }
        }

        foreach (var file in this.files.Values)
        {
            foreach (var dependency in file.Dependencies)
            {
                if (!this.files.ContainsKey(dependency))
                {
                    throw new ArgumentException($"'{file.Name}' imports '{dependency}', which is not registered.", nameof(files));
                }
            }
        }

        Services = services;
    }

    /// <summary>Fully qualified names of every service, in registration order.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>Every registered file, by name.</summary>
    public IReadOnlyCollection<RegisteredFile> Files => files.Values;

    /// <summary>The file named <paramref name="name"/>, or null.</summary>
    public RegisteredFile? FileByName(string name) => files.GetValueOrDefault(name);

    /// <summary>The file declaring the message, enum, service or method <paramref name="symbol"/> (no leading dot), or null.</summary>
    public RegisteredFile? FileContainingSymbol(string symbol) => symbols.GetValueOrDefault(symbol);

    /// <summary><paramref name="file"/> first, then each of its transitive imports once: what a reflection client needs to resolve it.</summary>
    public IReadOnlyList<ByteString> WithDependencies(RegisteredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var seen = new HashSet<string>(StringComparer.Ordinal) { file.Name };
        var queue = new List<RegisteredFile> { file };
        for (var i = 0; i < queue.Count; i++)
        {
            foreach (var dependency in queue[i].Dependencies)
            {
                if (seen.Add(dependency))
                {
                    queue.Add(files[dependency]);
                }
            }
        }

        var result = queue.Select(f => f.Bytes).ToArray();
        return result;
    }
}
