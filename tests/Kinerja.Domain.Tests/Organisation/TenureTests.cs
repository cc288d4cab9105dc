using Kinerja.Domain.Organisation;
using Shouldly;

namespace Kinerja.Domain.Tests.Organisation;

public class TenureTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(TenureKind.Definitive, "2025-01-01", null, "2024-12-31", false)]
    [InlineData(TenureKind.Definitive, "2025-01-01", null, "2025-01-01", true)]
    [InlineData(TenureKind.Definitive, "2025-01-01", null, "2040-06-30", true)]
    [InlineData(TenureKind.Plt, "2025-03-01", "2025-05-31", "2025-05-31", true)]
    [InlineData(TenureKind.Plt, "2025-03-01", "2025-05-31", "2025-06-01", false)]
    [InlineData(TenureKind.Plh, "2025-03-10", "2025-03-10", "2025-03-10", true)]
    [InlineData(TenureKind.Plh, "2025-03-10", "2025-03-10", "2025-03-09", false)]
    public void Active_between_its_dates_inclusive(TenureKind kind, string from, string? until, string day, bool active) =>
        new Tenure(kind, D(from), until is null ? null : D(until)).IsActiveOn(D(day)).ShouldBe(active);

    [Theory]
    [InlineData(TenureKind.Definitive, "2025-01-01", null, null)]
    [InlineData(TenureKind.Definitive, "2025-01-01", "2024-12-31", "Tanggal akhir jabatan tidak boleh sebelum tanggal mulai.")]
    [InlineData(TenureKind.Plt, "2025-01-01", null, "Plt/Plh harus punya tanggal akhir.")]
    [InlineData(TenureKind.Plh, "2025-01-01", null, "Plt/Plh harus punya tanggal akhir.")]
    [InlineData(TenureKind.Plt, "2025-01-01", "2025-01-01", null)]
    [InlineData(TenureKind.Plh, "2025-02-01", "2025-01-31", "Tanggal akhir jabatan tidak boleh sebelum tanggal mulai.")]
    public void Validation(TenureKind kind, string from, string? until, string? message) =>
        Tenure.Validate(kind, D(from), until is null ? null : D(until))?.ToString().ShouldBe(message);

    [Theory]
    [InlineData(TenureKind.Definitive, "")]
    [InlineData(TenureKind.Plt, "Plt. ")]
    [InlineData(TenureKind.Plh, "Plh. ")]
    public void Title_prefix_on_documents(TenureKind kind, string prefix) =>
        new Tenure(kind, D("2025-01-01"), D("2025-12-31")).TitlePrefix.ShouldBe(prefix);
}
