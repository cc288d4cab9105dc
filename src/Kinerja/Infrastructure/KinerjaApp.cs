using System.Globalization;
using Kinerja.Api;
using Kinerja.Data;
using Kinerja.Features.Auth;
using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Infrastructure;

/// <summary>The composition root: services and the HTTP pipeline of the web app (also used by the command-line verbs).</summary>
public static class KinerjaApp
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("id-ID"), CultureInfo.GetCultureInfo("id"), CultureInfo.GetCultureInfo("en")];

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The content root is the program's folder, so `dotnet run` from any directory finds its settings;
        // data goes to KINERJA_DATA_DIR, relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Serve wwwroot from the source tree when running from a build (dotnet run, tests) in any environment;
        // a published app has the files in its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // Settings are read from the final configuration (so tests and hosts can override them), not eagerly here.
        services.AddSingleton(sp => KinerjaSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditActor>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Messages>();
        services.AddSingleton<Kinerja.Documents.PdfConverter>();
        services.AddScoped<Kinerja.Features.Rounds.WorksheetAccess>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<CheckedUploads>();
        services.AddScoped<Kinerja.Features.Notifications.Notifier>();
        services.AddMail();
        services.AddUseCases();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Kinerja.Features.Recap.GovernmentRecapTurns>();

        // Pooled contexts with options built once: creating a context and its options for every request was a third of
        // what saving a cell allocated (docs/performance.md). The request's scope gives the context its actor and clock.
        services.AddPooledDbContextFactory<SqliteKinerjaDbContext>((sp, o) =>
            o.UseSqlite(sp.GetRequiredService<KinerjaSettings>().ConnectionString).AddInterceptors(new SqlitePragmas()));
        services.AddPooledDbContextFactory<PostgresKinerjaDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<KinerjaSettings>().ConnectionString));
        services.AddScoped<KinerjaDbContext>(sp =>
        {
            KinerjaDbContext db = sp.GetRequiredService<KinerjaSettings>().Database switch
            {
                DatabaseKind.Sqlite => sp.GetRequiredService<IDbContextFactory<SqliteKinerjaDbContext>>().CreateDbContext(),
                DatabaseKind.Postgres => sp.GetRequiredService<IDbContextFactory<PostgresKinerjaDbContext>>().CreateDbContext(),
            };
            db.Actor = sp.GetRequiredService<AuditActor>();
            db.Clock = sp.GetRequiredService<TimeProvider>();
            return db;
        });

        // Before data protection's own start-up service, so StartupTasks makes the key ring under its lock (StartupLock).
        services.AddHostedService<StartupTasks>();
        services.AddDataProtection().SetApplicationName("Kinerja");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(sp.GetRequiredService<KinerjaSettings>().DataDirectory, "keys")),
                sp.GetRequiredService<ILoggerFactory>())));
        services.AddScoped<Kinerja.Features.Reports.ReportContent>();
        services.AddScoped<Kinerja.Features.Sop.SopCatalog>();
        services.AddScoped<Kinerja.Features.Sop.RoundStepRecorder>();
        services.AddSingleton<Kinerja.Features.Sop.StepReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<Kinerja.Features.Sop.StepReminders>());
        services.AddScoped<Kinerja.Features.Reports.ReportVersions>();
        services.AddSingleton<Kinerja.Features.Reports.PdfJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<Kinerja.Features.Reports.PdfJobs>());

        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = SignInRules.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(SignInRules.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<KinerjaDbContext>()
            .AddDefaultTokenProviders();
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kinerja.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure over HTTPS (and behind a proxy that says so, KINERJA_BEHIND_PROXY); plain http://localhost still works.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // Who passed the password step and waits for the two-step code (five minutes).
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "kinerja.2fa";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.Policy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "kinerja.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, SharedTexts>(); // not a .resx: see SharedTexts
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = LanguageCookie.Name },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Language");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Verify/Index");
                o.Conventions.ConfigureFilter(new Pages.UnreadableFormFilter()); // a form body with NUL: a message, not a bare 400
            })
            .AddViewLocalization();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblems.Customize);
        // Malformed JSON, ids or dates throw, so ProblemExceptionHandler can say what to fix.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Kinerja API";
            doc.Info.Description = "Pengumpulan data kinerja SAKIP. Kirim Authorization: Bearer <token> dari POST /api/v1/auth/token.";
            return Task.CompletedTask;
        }));
        // Saving a cell and submitting: a few at a time, the rest wait their turn in order. When a deadline brings more
        // requests than cores, the one holding the database's write turn then keeps its CPU instead of sharing it with
        // dozens of half-done requests, so waits stay short and throughput stays at its best (docs/performance.md).
        // Recap reads: the same, from the request to the last byte of the answer (the lease covers writing the JSON), so a
        // crowd of readers does not hold hundreds of answers in memory at once (docs/performance.md).
        services.AddRateLimiter(o =>
        {
            foreach (var policy in new[] { WorksheetWrites.Policy, RecapReads.Policy })
            {
                Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions.AddConcurrencyLimiter(o, policy, l =>
                {
                    l.PermitLimit = Math.Max(2, 2 * Environment.ProcessorCount);
                    l.QueueLimit = 100_000;
                    l.QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst;
                });
            }
        });
        services.AddHealthChecks().AddDbContextCheck<KinerjaDbContext>("database");
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new NoNulJsonConverter()); // NUL in any text: 400 on the field
        });
        return builder;
    }

    public static WebApplication BuildPipeline(this WebApplication app)
    {
        // A TLS-terminating proxy on this machine: its X-Forwarded-For/-Proto give the client address and https (loopback proxies only).
        if (app.Services.GetRequiredService<KinerjaSettings>().BehindProxy) app.UseForwardedHeaders();
        // Security headers on every answer, also those the exception handler writes after clearing the response.
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                SecurityHeaders.Add(http);
                return Task.CompletedTask;
            });
            await next();
        });
        // HTTPS answers tell browsers to use HTTPS only (not in Development; never for localhost).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Localization first, so problems written by the exception handler are in the user's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Kinerja API v1");
            o.DocumentTitle = "Kinerja API";
        });
        app.MapHealthChecks("/health").AllowAnonymous();
        // Liveness without touching the database: also the machine's ceiling in load tests (bench/load).
        app.MapGet("/health/live", () => "ok").AllowAnonymous().ExcludeFromDescription();
        app.MapLoadProbes();
        app.MapKinerjaApi();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>The queue that worksheet writes (a cell, a budget line, a submission) take turns in.</summary>
public static class WorksheetWrites
{
    public const string Policy = "worksheet-writes";
}

/// <summary>The queue that one agency's recap reads (the API's JSON and workbook) take turns in.</summary>
public static class RecapReads
{
    public const string Policy = "recap-reads";
}

public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static void Add(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var h = http.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        // Swagger UI needs inline script and style; it shows only the public API description.
        if (!http.Request.Path.StartsWithSegments("/api/docs")) h.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}

public static class LanguageCookie
{
    public const string Name = "kinerja.lang";
}
