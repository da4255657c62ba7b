using System.Text;
using System.Text.Json;
using Dispatch.Api.Http;

namespace Dispatch.Api.Tests.Http;

public sealed class JsonEscapesTests
{
    [TestCase(@"{""n"":""\ud800""}", "\ufffd")]
    [TestCase(@"{""n"":""a\uDFFFb""}", "a\ufffdb")]
    [TestCase(@"{""n"":""\udfff\ud800""}", "\ufffd\ufffd")]
    [TestCase(@"{""n"":""x\ud83d""}", "x\ufffd")]
    [TestCase(@"{""n"":""\ud83d\ude91 ok""}", "\U0001F691 ok")]           // a pair stays
    [TestCase(@"{""n"":""\ud83d\ude91\ud800\ud83d\ude91""}", "\U0001F691\ufffd\U0001F691")]
    [TestCase(@"{""n"":""\\ud800""}", @"\ud800")]                      // an escaped backslash, not an escape
    [TestCase(@"{""n"":""\""\ud800\""""}", "\"\ufffd\"")]
    [TestCase(@"{""n"":""\u0041\n""}", "A\n")]
    public void Lone_surrogate_escapes_become_the_replacement_character_and_the_rest_is_kept(string json, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        JsonEscapes.RepairLoneSurrogates(bytes);
        Assert.That(JsonDocument.Parse(bytes).RootElement.GetProperty("n").GetString(), Is.EqualTo(expected));
    }

    [TestCase(@"{""n"":""\ud8""}")]
    [TestCase(@"{""n"":""\u")]
    [TestCase(@"""\ud800")]
    public void Malformed_escapes_are_left_for_the_parser_to_refuse(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        JsonEscapes.RepairLoneSurrogates(bytes);
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(json.Replace(@"\ud800", @"\uFFFD", StringComparison.Ordinal)));
    }
}
