using System.Net;
using System.Text;
using System.Text.Json;
using DurableLessons.HostileInput.Tests.Infrastructure;

namespace DurableLessons.HostileInput.Tests;

/// <summary>
/// Inputs that look hostile but are legitimate: they are accepted (202) and mean what they say. Unknown fields are
/// ignored, as System.Text.Json does by default and Durable's own endpoints do.
/// </summary>
public sealed class LegitimateOddInputTests(PlainHost fixture) : IClassFixture<PlainHost>
{
    [Theory]
    [InlineData("emoji and a family ZWJ sequence", "{\"subject\":\"Cooking 🍳\",\"topic\":\"Eggs for 👨‍👩‍👧\",\"level\":\"beginner\"}", "eggs for 👨‍👩‍👧")]
    [InlineData("right-to-left text", "{\"subject\":\"עברית\",\"topic\":\"الكسور\",\"level\":\"intermediate\"}", "الكسور")]
    [InlineData("a direction override inside visible text", "{\"subject\":\"math\",\"topic\":\"abc\\u202edef\",\"level\":\"beginner\"}", "abc\u202edef")]
    [InlineData("unknown fields, nested", "{\"subject\":\"math\",\"topic\":\"ignored extras\",\"level\":\"beginner\",\"isAdmin\":true,\"extra\":{\"a\":[1,2,{\"b\":null}]}}", "ignored extras")]
    [InlineData("escaped tabs and line breaks inside text", "{\"subject\":\"math\",\"topic\":\"tabs\\tand\\nbreaks\",\"level\":\"beginner\"}", "tabs and breaks")]
    public async Task Odd_but_legitimate_lesson_request_is_accepted(string why, string json, string expectedTopic)
    {
        using var response = await PostAsync(json, "application/json");

        var run = await AcceptedRunInputAsync(response, why);
        Assert.Equal(expectedTopic, run.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task Body_with_a_UTF8_byte_order_mark_is_accepted()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"subject\":\"math\",\"topic\":\"bom\",\"level\":\"beginner\"}")];
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");

        using var response = await fixture.Host.Client.PostAsync(new Uri("/api/lessons", UriKind.Relative), content);

        var run = await AcceptedRunInputAsync(response, "a UTF-8 BOM");
        Assert.Equal("bom", run.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task The_NFD_and_NFC_spellings_of_a_topic_are_the_same_lesson()
    {
        using var decomposed = await PostAsync("{\"subject\":\"french\",\"topic\":\"cafe\\u0301\",\"level\":\"beginner\"}", "application/json");
        using var composed = await PostAsync("{\"subject\":\"french\",\"topic\":\"caf\\u00e9\",\"level\":\"beginner\"}", "application/json");

        var first = await AcceptedRunInputAsync(decomposed, "NFD");
        var second = await AcceptedRunInputAsync(composed, "NFC");
        Assert.Equal("caf\u00e9", first.GetProperty("topic").GetString());
        Assert.Equal(first.GetProperty("instanceId").GetString(), second.GetProperty("instanceId").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string contentType)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await fixture.Host.Client.PostAsync(new Uri("/api/lessons", UriKind.Relative), content);
    }

    /// <summary>Asserts a 202 and returns the started run's input, with its instance id added.</summary>
    private async Task<JsonElement> AcceptedRunInputAsync(HttpResponseMessage response, string why)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{why}: expected 202, got {(int)response.StatusCode} {body}");
        using var payload = JsonDocument.Parse(body);
        var instanceId = payload.RootElement.GetProperty("id").GetString()!;

        using var status = await fixture.Host.Client.GetAsync(new Uri(payload.RootElement.GetProperty("statusQueryGetUri").GetString()!));
        using var document = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        var input = document.RootElement.GetProperty("input");
        var withId = new Dictionary<string, JsonElement>(input.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.Clone())))
        {
            ["instanceId"] = JsonSerializer.SerializeToElement(instanceId),
        };
        return JsonSerializer.SerializeToElement(withId);
    }
}
