using AtomCuration.IO;

namespace AtomCuration.Tests.IO;

/// <summary>The comment-line splitter's rules, each on a line of its own (ASE 3.22's key_val_str_to_dict).</summary>
public class ExtXyzKeyValuesTests
{
    [Theory]
    [InlineData("a=1 b=2", "a=1|b=2")]
    [InlineData("  a=1   b  ", "a=1|b")] // a bare key means true
    [InlineData("key = value other=x", "key=value|other=x")] // spaces around '=' belong to the pair
    [InlineData("a=b=c", "a=b=c")] // the value keeps its '='
    [InlineData("a= =b", "a==b")]
    [InlineData("a= b", "a=b")]
    [InlineData("=x", "=x")] // an empty key
    [InlineData("Lattice=\"1 0 0 0 1 0 0 0 1\" pbc=[T, T, F]", "Lattice=1 0 0 0 1 0 0 0 1|pbc=T, T, F")]
    [InlineData("s='it''s' t={x y}", "s=its|t=x y")]
    [InlineData(@"path=a\ b\=c", "path=a b=c")] // a backslash takes the next character literally
    [InlineData("\"\" x=1", "x=1")] // an empty quoted token is no pair
    public void SplitsAsAseDoes(string line, string expected)
    {
        var pairs = ExtXyzKeyValues.Split(line, out char unclosed);
        Assert.Equal('\0', unclosed);
        Assert.Equal(expected, string.Join('|', pairs.Select(p => p.Value is null ? p.Key : $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void ReportsTheQuoteLeftOpen()
    {
        var pairs = ExtXyzKeyValues.Split("a=\"1 2 b=3", out char unclosed);
        Assert.Equal('"', unclosed);
        Assert.Equal("1 2 b=3", Assert.Single(pairs).Value);
    }
}
