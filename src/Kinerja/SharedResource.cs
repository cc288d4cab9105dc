namespace Kinerja;

/// <summary>Marker type of the shared texts: IStringLocalizer&lt;SharedResource&gt; is <see cref="Infrastructure.SharedTexts"/>.</summary>
public sealed class SharedResource;
