using Kinerja.Documents;
using Kinerja.Domain.Common;

namespace Kinerja.Infrastructure;

/// <summary>A PDF made while a person waits: when LibreOffice is missing or fails, a 503 whose detail says why (and how to install it).</summary>
public static class PdfInRequest
{
    public static async Task<byte[]> ConvertAsync(this PdfConverter pdf, byte[] docx, Text title, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        try
        {
            return await pdf.ConvertAsync(docx, ct);
        }
        catch (PdfUnavailableException e)
        {
            throw new AppProblem(StatusCodes.Status503ServiceUnavailable, title, e.Reason);
        }
        catch (PdfConversionException e)
        {
            throw new AppProblem(StatusCodes.Status503ServiceUnavailable, title, e.Reason);
        }
    }
}
