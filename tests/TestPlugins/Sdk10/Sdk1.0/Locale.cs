namespace ConsortiumGraph.Plugins;

/// <summary>NCES locale category of a district: how urban or rural it is.</summary>
public enum Locale
{
    /// <summary>Inside an urbanized area and a principal city.</summary>
    City,
    /// <summary>Inside an urbanized area, outside a principal city.</summary>
    Suburb,
    /// <summary>Inside an urban cluster.</summary>
    Town,
    /// <summary>Outside any urbanized area or urban cluster.</summary>
    Rural,
}
