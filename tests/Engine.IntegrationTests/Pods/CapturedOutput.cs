using System.Diagnostics;
using System.Text;

namespace Engine.IntegrationTests.Pods;

/// <summary>Collects a child process's stdout and stderr lines, so a failing test can show what the process said.</summary>
internal sealed class CapturedOutput
{
    private readonly StringBuilder text = new();

    /// <summary>Starts reading both streams of <paramref name="process"/> (started with both redirected).</summary>
    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything captured so far.</summary>
    public override string ToString()
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    /// <summary>The last <paramref name="lines"/> lines, for assertion messages.</summary>
    public string Tail(int lines = 60)
    {
        var all = ToString().Split('\n');
        return string.Join('\n', all[Math.Max(0, all.Length - lines)..]);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }
}
