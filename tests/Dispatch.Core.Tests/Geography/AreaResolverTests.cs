using Dispatch.Core.Geography;
using NetTopologySuite.Features;

namespace Dispatch.Core.Tests.Geography;

public sealed class AreaResolverTests
{
    private static readonly AreaResolver Resolver = AreaResolver.KotaSolok();

    private static readonly Dictionary<string, string> Kecamatan = new()
    {
        ["13.72.01"] = "Lubuk Sikarah",
        ["13.72.02"] = "Tanjung Harapan",
    };

    private static IEnumerable<TestCaseData> KelurahanFeatures() =>
        Resolver.Kelurahan.Select(f => new TestCaseData(f).SetArgDisplayNames((string)f.Attributes["nama"]));

    [Test]
    public void Kota_solok_has_thirteen_kelurahan()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Resolver.Kelurahan, Has.Count.EqualTo(13));
            Assert.That(Resolver.KelurahanAreas.Select(a => a.Code).ToList(), Is.Unique.And.Count.EqualTo(13));
        });
    }

    [TestCaseSource(nameof(KelurahanFeatures))]
    public void An_interior_point_resolves_to_its_kelurahan_and_kecamatan(IFeature feature)
    {
        var code = (string)feature.Attributes["kode"];
        var name = (string)feature.Attributes["nama"];
        var interior = feature.Geometry.InteriorPoint;
        var kecamatanCode = code[..code.LastIndexOf('.')];

        var match = Resolver.Resolve(new GeoPoint(interior.Y, interior.X));

        Assert.Multiple(() =>
        {
            Assert.That(Kecamatan, Does.ContainKey(kecamatanCode), "kelurahan code has a known kecamatan prefix");
            Assert.That(match.Kelurahan, Is.EqualTo(new Area(code, name)));
            Assert.That(match.Kecamatan, Is.EqualTo(new Area(kecamatanCode, Kecamatan[kecamatanCode])));
        });
    }

    [TestCaseSource(nameof(KelurahanFeatures))]
    public void The_resolver_interior_point_lies_in_its_kelurahan(IFeature feature)
    {
        var code = (string)feature.Attributes["kode"];

        var point = Resolver.InteriorPoint(code);

        Assert.That(point, Is.Not.Null);
        Assert.That(Resolver.Resolve(point!.Value).Kelurahan?.Code, Is.EqualTo(code));
    }

    [TestCase(-0.95, 100.35, TestName = "Padang")]
    [TestCase(0, 0, TestName = "Null island")]
    [TestCase(-0.70, 100.62, TestName = "North of the city")]
    public void A_point_outside_the_city_resolves_to_none(double lat, double lon) =>
        Assert.That(Resolver.Resolve(new GeoPoint(lat, lon)), Is.EqualTo(AreaMatch.None));

    [TestCase(double.NaN, 100.65)]
    [TestCase(-0.79, double.NaN)]
    [TestCase(-91, 100.65)]
    [TestCase(-0.79, 181)]
    [TestCase(double.PositiveInfinity, 100.65)]
    public void An_invalid_point_resolves_to_none(double lat, double lon) =>
        Assert.That(Resolver.Resolve(new GeoPoint(lat, lon)), Is.EqualTo(AreaMatch.None));

    [Test]
    public void InteriorPoint_of_an_unknown_code_is_null() =>
        Assert.That(Resolver.InteriorPoint("13.72.09.9999"), Is.Null);

    [TestCase("13.72.02.1003", "Tanjung Paku")]
    [TestCase("tanjung paku", "Tanjung Paku")]
    [TestCase("NAN BALIMO", "Nan Balimo")]
    public void FindKelurahan_matches_code_or_name_ignoring_case(string query, string expectedName) =>
        Assert.That(Resolver.FindKelurahan(query)?.Name, Is.EqualTo(expectedName));

    [Test]
    public void FindKelurahan_of_an_unknown_name_is_null() =>
        Assert.That(Resolver.FindKelurahan("Padang Barat"), Is.Null);
}

public sealed class GreatCircleTests
{
    [Test]
    public void One_degree_of_latitude_is_the_mean_radius_times_pi_over_180() =>
        Assert.That(GreatCircle.Meters(new GeoPoint(-1, 100.6), new GeoPoint(0, 100.6)),
            Is.EqualTo(6_371_008.8 * Math.PI / 180).Within(0.01));

    [Test]
    public void Distance_is_symmetric_and_zero_to_itself()
    {
        var a = new GeoPoint(-0.7925, 100.6562);
        var b = new GeoPoint(-0.95, 100.35);

        Assert.Multiple(() =>
        {
            Assert.That(GreatCircle.Meters(a, b), Is.EqualTo(GreatCircle.Meters(b, a)).Within(1e-6));
            Assert.That(GreatCircle.Meters(a, a), Is.Zero);
        });
    }
}
