using System.Globalization;
using BenchmarkDotNet.Running;
using Engine.Benchmarks;

// dotnet run -c Release --project tests/Engine.Benchmarks -- metadata 10 2000 5000
//   PUT → first query latency and compiled-model memory at N resources (needs scripts/services.sh up).
// dotnet run -c Release --project tests/Engine.Benchmarks -- request [BenchmarkDotNet options, e.g. --filter '*']
//   CPU and allocations of one GraphQL request through parse cache, validation, planning, SQL compilation and
//   response writing, without the database (BenchmarkDotNet).
if (args.Length > 0 && args[0] == "request")
{
    BenchmarkSwitcher.FromTypes([typeof(RequestPathBenchmarks)]).Run(args[1..]);
}
else
{
    var sizes = args.Skip(args.Length > 0 && args[0] == "metadata" ? 1 : 0).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    await MetadataBenchmark.RunAsync(sizes.Length > 0 ? sizes : [10, 2000]);
}
