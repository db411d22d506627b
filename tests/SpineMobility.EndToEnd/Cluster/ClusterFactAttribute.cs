namespace SpineMobility.EndToEnd.Cluster;

/// <summary>
/// A browser test through nginx in front of two instances on PostgreSQL (<c>deploy/cluster.sh</c>). It needs nginx and
/// PostgreSQL from Debian's packages and a folder to work in, and runs in <c>./test.sh</c> after the PostgreSQL run.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (ClusterFixture.Folder is null)
        {
            Skip = $"Needs nginx, PostgreSQL and two instances: runs in ./test.sh's cluster run ({ClusterFixture.Variable}=a folder to work in).";
        }
    }
}
