using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Account;

internal sealed class AccountSignInConfiguration : IEntityTypeConfiguration<AccountSignIn>
{
    public void Configure(EntityTypeBuilder<AccountSignIn> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(SignIns.IdLength);
        builder.HasIndex(s => s.UserId);

        // A new table, so the foreign key costs no rebuild: an account's sign-ins go with it.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
