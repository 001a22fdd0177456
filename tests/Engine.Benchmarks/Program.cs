using System.Globalization;
using BenchmarkDotNet.Running;
using Engine.Benchmarks;

// dotnet run -c Release --project tests/Engine.Benchmarks -- metadata 10 2000 5000
//   PUT → first query latency and compiled-model memory at N resources (needs scripts/services.sh up).
// dotnet run -c Release --project tests/Engine.Benchmarks -- request [BenchmarkDotNet options, e.g. --filter '*']
//   CPU and allocations of one GraphQL request through parse cache, validation, planning, SQL compilation and
//   response writing, without the database (BenchmarkDotNet).
// dotnet run -c Release --project tests/Engine.Benchmarks -- grpc [seconds=10] [warm-up=3] [callers=32] [rounds=2] [rows=10000]
//   Get and List through the dynamic gRPC service against a statically generated one (issue 4; needs scripts/services.sh up).
if (args.Length > 0 && args[0] == "grpc")
{
    await GrpcBenchmark.RunAsync(args[1..]);
}
else if (args.Length > 0 && args[0] == "request")
{
    BenchmarkSwitcher.FromTypes([typeof(RequestPathBenchmarks)]).Run(args[1..]);
}
else
{
    var sizes = args.Skip(args.Length > 0 && args[0] == "metadata" ? 1 : 0).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    await MetadataBenchmark.RunAsync(sizes.Length > 0 ? sizes : [10, 2000]);
}
