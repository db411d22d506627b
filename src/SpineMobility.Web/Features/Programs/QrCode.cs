using QRCoder;

namespace SpineMobility.Web.Features.Programs;

/// <summary>A share link as a QR code (QRCoder), as a PNG in a data address the page and the handout embed.</summary>
public static class QrCode
{
    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    public static string DataUri(string text) => "data:image/png;base64," + Convert.ToBase64String(Png(text));
}
