using System.Text.Json;
using Kinerja.Api;
using Kinerja.Infrastructure;
using Kinerja.Tests.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kinerja.Tests;

/// <summary>What the API answers, and what it logs, when a request fails for a reason of the server's own.</summary>
public sealed class ProblemHandlingTests(SqliteFixture f) : IClassFixture<SqliteFixture>
{
    /// <summary>The application's handler, logging into a collector, and a request to <paramref name="path"/> for it to answer.</summary>
    private (ProblemExceptionHandler Handler, HttpContext Http, LogCollector Logs) Handler(string method, string path, string traceIdentifier)
    {
        var services = f.Services.CreateScope().ServiceProvider;
        var logs = new LogCollector();
        var logger = LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<ProblemExceptionHandler>();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), services.GetRequiredService<Messages>(), logger);
        var http = new DefaultHttpContext { RequestServices = services, TraceIdentifier = traceIdentifier };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        return (handler, http, logs);
    }

    [Fact]
    public async Task An_unexpected_failure_answers_500_with_a_code_to_report_and_logs_the_exception_under_that_code()
    {
        var (handler, http, logs) = Handler("PUT", "/api/v1/worksheets/1/lines/2", "0HTEST0001:00000002");

        (await handler.TryHandleAsync(http, new InvalidOperationException("the database went away"), TestContext.Current.CancellationToken)).ShouldBeTrue();

        http.Response.StatusCode.ShouldBe(500);
        http.Response.Body.Position = 0;
        using var answer = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        answer.RootElement.GetProperty("detail").GetString()!.ShouldContain("0HTEST0001:00000002");
        answer.RootElement.GetProperty("detail").GetString()!.ShouldNotContain("database went away"); // the user is not shown the inside
        var logged = logs.With(LogLevel.Error, "0HTEST0001:00000002").ShouldHaveSingleItem();
        logged.Message.ShouldContain("PUT /api/v1/worksheets/1/lines/2");
        logged.Exception.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("the database went away");
    }

    [Theory]
    [InlineData(404)] // the caller's: not found, or not theirs
    [InlineData(503)] // busy, or no LibreOffice: the answer says what to do, nothing to chase in the log
    public async Task A_problem_of_ours_is_answered_as_it_says_and_not_logged_as_an_error(int status)
    {
        var (handler, http, logs) = Handler("GET", "/api/v1/agencies", "0HTEST0001:00000003");

        (await handler.TryHandleAsync(http, new AppProblem(status, new Domain.Common.Text("Judul."), new Domain.Common.Text("Rincian.")),
            TestContext.Current.CancellationToken)).ShouldBeTrue();

        http.Response.StatusCode.ShouldBe(status);
        logs.Entries.Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty();
    }
}
