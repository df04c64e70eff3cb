using ChatBot.Knowledge.Reloading;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

public class DebouncerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private Debouncer CreateSut() => new(_clock, Quiet);

    [Fact]
    public async Task WaitAsync_ABurstOfSignals_CompletesOnceTheFolderIsQuiet()
    {
        using Debouncer sut = CreateSut();
        Task quiet = sut.WaitAsync(TestContext.Current.CancellationToken);

        for (int i = 0; i < 5; i++)
        {
            sut.Signal();
            _clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        Assert.False(quiet.IsCompleted, "each save within the quiet period restarts it");
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await quiet.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitAsync_ABurst_IsOneReload()
    {
        using Debouncer sut = CreateSut();
        for (int i = 0; i < 10; i++)
        {
            sut.Signal();
        }

        _clock.Advance(Quiet);
        Task first = sut.WaitAsync(TestContext.Current.CancellationToken);
        Task second = sut.WaitAsync(TestContext.Current.CancellationToken);
        _clock.Advance(Quiet * 3);

        await first.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted, "ten signals before one quiet period ask for one reload, not ten");
    }

    [Fact]
    public void WaitAsync_NoSignal_NeverCompletes()
    {
        using Debouncer sut = CreateSut();
        Task quiet = sut.WaitAsync(TestContext.Current.CancellationToken);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.False(quiet.IsCompleted);
    }
}
