using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kinerja.Tests;

public static partial class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return string.IsNullOrEmpty(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).Json(expected);

    public static async Task<JsonElement> PostJson(this HttpClient client, string url, object body, HttpStatusCode expected) =>
        await (await client.PostAsJsonAsync(url, body)).Json(expected);

    /// <summary>A problem+json response: checks its type and returns it.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Json(expected);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static string[] Errors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string FormToken(string html) =>
        TokenRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new ShouldAssertException("no antiforgery token in page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    /// <summary>Signs in through the login form, as a person does; the client keeps the cookie.</summary>
    public static async Task<HttpClient> SignInPagesAsync(this KinerjaFixture f, string userName, string? password = null)
    {
        var client = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password ?? KinerjaFixture.DemoPassword,
            ["__RequestVerificationToken"] = FormToken(page),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Writes every narrative section of a report that has none yet (finalization needs them all).</summary>
    public static async Task FillNarrativesAsync(this HttpClient client, object reportId)
    {
        var report = await client.GetJson($"/api/v1/reports/{reportId}");
        foreach (var s in report.GetProperty("sections").EnumerateArray()
                     .Where(s => s.GetProperty("narrative").GetBoolean() && s.GetProperty("text").ValueKind == System.Text.Json.JsonValueKind.Null))
        {
            var put = await client.PutAsJsonAsync($"/api/v1/reports/{reportId}/sections/{s.GetProperty("key").GetString()}",
                new { text = "Uraian " + s.GetProperty("title").GetString() + " disusun tim SAKIP." });
            put.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }
    }
}
