using QRCoder;

namespace Kinerja.Documents;

/// <summary>QR codes as PNG bytes (QRCoder's <see cref="PngByteQRCode"/>: no GDI, no System.Drawing at run time).</summary>
public static class QrCodePng
{
    /// <summary>
    /// A black-on-white QR code of <paramref name="content"/> (e.g. a verification URL) with its quiet zone,
    /// error correction M, <paramref name="pixelsPerModule"/> pixels per module: sharp when printed 3 cm wide.
    /// </summary>
    public static byte[] Create(string content, int pixelsPerModule = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }
}
