using System.Reflection;
using FluentValidation;

namespace Kinerja.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>
    /// Registers every use case (a class under Kinerja.Features with a public HandleAsync) and every
    /// validator as scoped services, so a new use-case file needs no wiring.
    /// </summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        var types = typeof(ServiceRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsNested
                        && t.Namespace?.StartsWith("Kinerja.Features", StringComparison.Ordinal) == true);
        foreach (var t in types)
        {
            if (t.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance) is not null)
            {
                services.AddScoped(t);
            }

            foreach (var i in t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddScoped(i, t);
            }
        }

        return services;
    }
}
