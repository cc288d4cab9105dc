namespace Kinerja;

/// <summary>Marker type for Resources/SharedResource.en.resx: English texts keyed by the Indonesian ones.</summary>
public sealed class SharedResource;
