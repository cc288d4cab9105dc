using Kinerja.Domain.Common;
using Shouldly;

namespace Kinerja.Domain.Tests.Common;

/// <summary>RFC 6238 time steps and codes: the SHA-1 vectors of appendix B (6 digits, the last six of the 8-digit values).</summary>
public class TotpStepsTests
{
    private const string Rfc6238Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"

    private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    [Theory]
    [InlineData(59, 1, "287082")]
    [InlineData(1111111109, 37037036, "081804")]
    [InlineData(1111111111, 37037037, "050471")]
    [InlineData(1234567890, 41152263, "005924")]
    [InlineData(2000000000, 66666666, "279037")]
    [InlineData(20000000000, 666666666, "353130")]
    public void Codes_and_steps_of_RFC_6238_appendix_B(long unixSeconds, long step, string code)
    {
        TotpSteps.StepAt(At(unixSeconds)).ShouldBe(step);
        TotpSteps.Code(TotpSteps.Base32(Rfc6238Key), step).ShouldBe(code);
        TotpSteps.MatchingStep(Rfc6238Key, code, At(unixSeconds)).ShouldBe(step);
    }

    [Theory]
    [InlineData(-3, null)] // older than Identity accepts
    [InlineData(-2, -2L)]
    [InlineData(-1, -1L)]
    [InlineData(0, 0L)]
    [InlineData(1, 1L)]
    [InlineData(2, 2L)]
    [InlineData(3, null)] // further ahead than Identity accepts
    public void A_code_matches_its_step_within_two_steps_either_side(int offset, long? expected)
    {
        var now = At(1_800_000_015);
        var current = TotpSteps.StepAt(now);
        var code = TotpSteps.Code(TotpSteps.Base32(Rfc6238Key), current + offset);
        TotpSteps.MatchingStep(Rfc6238Key, code, now).ShouldBe(expected is null ? null : current + expected);
    }

    [Theory]
    [InlineData(29.4, 0)] // Identity rounds the seconds before dividing
    [InlineData(29.5, 1)]
    [InlineData(30, 1)]
    [InlineData(59.9, 2)]
    public void The_step_of_a_moment_rounds_the_seconds_like_Identity(double seconds, long step) =>
        TotpSteps.StepAt(DateTimeOffset.UnixEpoch.AddSeconds(seconds)).ShouldBe(step);

    [Theory]
    [InlineData("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 20)] // grouped and lower case, as the page shows it
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 20)]
    [InlineData("not base32!", 0)]
    [InlineData("", 0)]
    public void Base32_keys_decode(string text, int length) => TotpSteps.Base32(text).Length.ShouldBe(length);

    [Fact]
    public void A_wrong_code_or_no_key_matches_nothing()
    {
        TotpSteps.MatchingStep(Rfc6238Key, "12345", At(59)).ShouldBeNull();
        TotpSteps.MatchingStep(Rfc6238Key, "000000", At(59)).ShouldBeNull();
        TotpSteps.MatchingStep("", "287082", At(59)).ShouldBeNull();
    }
}
