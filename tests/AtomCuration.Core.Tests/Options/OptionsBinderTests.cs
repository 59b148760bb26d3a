using System.Collections;
using AtomCuration.Options;

namespace AtomCuration.Tests.Options;

public class OptionsBinderTests
{
    public enum Colour { Red, Green }

    public sealed record Inner
    {
        [OptionRange(0, 1)]
        public double Share { get; init; } = 0.5;
        public string Label { get; init; } = "x";
    }

    public sealed record Sample : IOptions
    {
        [OptionRange(1, double.PositiveInfinity)]
        public int Count { get; init; } = 3;
        [OptionRange(0, 10, MinExclusive = true, MaxExclusive = true)]
        public double Width { get; init; } = 1;
        public Colour Colour { get; init; }
        public TimeSpan? Limit { get; init; }
        public bool Flag { get; init; }
        public IReadOnlyList<double> Values { get; init; } = [];
        public IReadOnlyDictionary<int, string>? Names { get; init; }
        public Inner Nested { get; init; } = new();
        public int ReadOnly => Count * 2;

        public void Validate()
        {
            OptionRanges.Validate(this);
            OptionRanges.Validate(Nested);
        }
    }

    [Fact]
    public void ConvertsEveryKindOfValueByNameInAnyCase()
    {
        var s = OptionsBinder.Bind<Sample>(new Hashtable
        {
            ["COUNT"] = "7", ["width"] = 2.5f, ["colour"] = "green", ["limit"] = "00:01:30", ["flag"] = "true",
            ["values"] = new object[] { 1, "2.5", 3L }, ["names"] = new Hashtable { ["1"] = "a", [2] = "b" },
            ["nested"] = new Dictionary<object, object?> { ["share"] = "0.25" },
        });
        Assert.Equal((7, 2.5, Colour.Green, TimeSpan.FromSeconds(90), true), (s.Count, s.Width, s.Colour, s.Limit, s.Flag));
        Assert.Equal([1.0, 2.5, 3.0], s.Values);
        Assert.Equal("b", s.Names![2]);
        Assert.Equal((0.25, "x"), (s.Nested.Share, s.Nested.Label));
        Assert.Equal(TimeSpan.FromSeconds(12), OptionsBinder.Bind<Sample>(new Hashtable { ["limit"] = 12 }).Limit);
        Assert.Equal([4.0], OptionsBinder.Bind<Sample>(new Hashtable { ["values"] = 4 }).Values);
    }

    [Fact]
    public void AppliesOverAStartWithoutChangingIt()
    {
        var start = new Sample { Count = 9, Colour = Colour.Green };
        var bound = OptionsBinder.Bind(new Hashtable { ["width"] = 3 }, start);
        Assert.Equal((9, 3.0, Colour.Green), (bound.Count, bound.Width, bound.Colour));
        Assert.Equal(1.0, start.Width);
        Assert.Equal(new Sample(), OptionsBinder.Bind<Sample>(null));
    }

    [Theory]
    [InlineData("cont", 1, "'cont'; valid keys: count, width, colour, limit, flag, values, names, nested")]
    [InlineData("count", 1.5, "s.count: expected a whole number, got '1.5'")]
    [InlineData("count", 0, "s.count: Count must be in [1, ∞); got 0")]
    [InlineData("width", 10, "s.width: Width must be in (0, 10); got 10")]
    [InlineData("width", "NaN", "Width must be in (0, 10); got NaN")]
    [InlineData("colour", "Blue", "s.colour: 'Blue' is not one of Red, Green")]
    [InlineData("colour", "1", "is not one of Red, Green")]
    [InlineData("flag", "yes", "s.flag: expected true or false, got 'yes'")]
    [InlineData("readOnly", 1, "unknown key 'readOnly'")]
    public void RefusesWhatDoesNotFitNamingTheKey(string key, object value, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<Sample>(new Hashtable { [key] = value }, context: "s"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ParameterStyleNamesTheParameter()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<Sample>(new Hashtable { ["Count"] = 0 }, context: "Get-Thing", style: KeyStyle.Parameter));
        Assert.StartsWith("Get-Thing -Count: Count must be in [1, ∞)", e.Message);
        Assert.DoesNotContain("(Parameter", e.Message);
    }

    [Fact]
    public void PlainDataReadsBackToAnEqualRecord()
    {
        var s = OptionsBinder.Bind<Sample>(new Hashtable
        {
            ["count"] = 5, ["width"] = 0.1 + 0.2, ["colour"] = Colour.Green, ["limit"] = TimeSpan.FromMilliseconds(1500),
            ["values"] = new[] { Math.PI, 1e-300 }, ["names"] = new Hashtable { [3] = "c" },
        });
        var plain = OptionsBinder.ToPlain(s);
        Assert.Equal("Green", plain["colour"]);
        Assert.False(plain.ContainsKey("readOnly"));
        var again = OptionsBinder.Bind<Sample>(new Hashtable(plain));
        Assert.Equal(s.Width, again.Width);
        Assert.Equal(s.Values, again.Values);
        Assert.Equal(s.Names, again.Names);
        Assert.Equal((s.Count, s.Colour, s.Limit, s.Nested), (again.Count, again.Colour, again.Limit, again.Nested));
    }

    [Fact]
    public void RangesGiveTheAllowedExtremesOfTheirType()
    {
        var positive = new OptionRangeAttribute(0, double.PositiveInfinity) { MinExclusive = true };
        Assert.Equal(double.Epsilon, positive.SmallestAllowed(typeof(double)));
        Assert.Equal(double.MaxValue, positive.LargestAllowed(typeof(double)));
        Assert.Equal(1, positive.SmallestAllowed(typeof(int)));
        Assert.Equal(int.MaxValue, positive.LargestAllowed(typeof(int?)));
        Assert.Equal("(0, ∞)", positive.ToString());
        Assert.False(positive.Contains(double.PositiveInfinity));
        Assert.Equal("[0, 1]", new OptionRangeAttribute(0, 1).ToString());
    }
}
