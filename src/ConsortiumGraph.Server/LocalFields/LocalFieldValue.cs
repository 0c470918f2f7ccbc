using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.LocalFields;

/// <summary>
/// One stored local field value: the host keeps every plugin's values here, so plugins own no
/// tables or migrations. A value outlives its plugin: removing or replacing a plugin loses nothing.
/// </summary>
public sealed class LocalFieldValue : Entity
{
    /// <summary>The plugin's key.</summary>
    public required string Plugin { get; set; }
    /// <summary>District, School, Partnership or Commitment.</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Field { get; set; }
    /// <summary>The value as JSON, checked against the field's declared type when written.</summary>
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class LocalFieldValueConfiguration : IEntityTypeConfiguration<LocalFieldValue>
{
    public void Configure(EntityTypeBuilder<LocalFieldValue> v)
    {
        v.Property(x => x.Plugin).HasMaxLength(64);
        v.Property(x => x.EntityType).HasMaxLength(32);
        v.Property(x => x.Field).HasMaxLength(64);
        v.Property(x => x.Value).HasMaxLength(LocalValueCodec.MaxJsonLength);
        // One statement loads a plugin's values for a batch of entities of one type.
        v.HasIndex(x => new { x.Plugin, x.EntityType, x.EntityId, x.Field }).IsUnique();
    }
}
