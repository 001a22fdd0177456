using Engine.Host;
using Npgsql;

namespace Engine.IntegrationTests.Host;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void WithEngineDefaults_NothingSet_PreparesSkipsResetAndUsesUtc()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithEngineDefaults("Host=db;Username=engine"));

        Assert.Equal(256, builder.MaxAutoPrepare);
        Assert.True(builder.NoResetOnClose);
        Assert.Equal("UTC", builder.Timezone);
        Assert.True(builder.MaxPoolSize >= 16);
    }

    [Fact]
    public void WithEngineDefaults_OperatorSettings_AreKept()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithEngineDefaults(
            "Host=db;Username=engine;No Reset On Close=false;MaxPoolSize=4;Max Auto Prepare=0;Timezone=Europe/Berlin"));

        Assert.False(builder.NoResetOnClose);
        Assert.Equal(4, builder.MaxPoolSize);
        Assert.Equal(0, builder.MaxAutoPrepare);
        Assert.Equal("Europe/Berlin", builder.Timezone);
    }
}
