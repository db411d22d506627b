using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Settings;

internal sealed class StreakRuleChangeConfiguration : IEntityTypeConfiguration<StreakRuleChange>
{
    public void Configure(EntityTypeBuilder<StreakRuleChange> builder)
    {
        builder.HasKey(r => new { r.UserId, r.EffectiveFrom });
    }
}
