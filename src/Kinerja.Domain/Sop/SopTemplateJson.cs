using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Sop;

/// <summary>
/// A template as JSON (the shape <c>GET /api/v1/sop-templates/{id}</c> returns and <c>POST</c> imports): camelCase
/// names, enums (kind, action, role, time unit, period kinds) as camelCase strings. Optional fields may be left out:
/// lists default to empty, the action to <c>none</c>, the source to <c>impor</c>.
/// </summary>
public static class SopTemplateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        WriteIndented = true,
    };

    public static string Serialize(SopTemplate template) => JsonSerializer.Serialize(template, Options);

    /// <summary>
    /// Reads a template. On failure <paramref name="problems"/> says where: malformed JSON by line and position, each
    /// missing required field by its path (<c>steps[2].activity</c>), a value of the wrong type by path, line and
    /// position. Whether the template can run is a separate question (<see cref="SopTemplateRules.Problems"/>).
    /// </summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out SopTemplate? template, out IReadOnlyList<Text> problems)
    {
        template = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            problems = [new Text("JSON tidak dapat dibaca: baris {0}, posisi {1}.", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1)];
            return false;
        }

        using (doc)
        {
            var missing = new List<Text>();
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems = [new Text("Template SOP harus berupa objek JSON.")];
                return false;
            }

            Require(doc.RootElement, "", missing, "id", "agency", "identity", "actors", "steps");
            if (Property(doc.RootElement, "identity") is { ValueKind: JsonValueKind.Object } identity) Require(identity, "identity.", missing, "name");
            EachItem(doc.RootElement, "actors", missing, "key", "title", "role");
            EachItem(doc.RootElement, "steps", missing, "number", "activity", "actors", "kind");
            if (Property(doc.RootElement, "steps") is { ValueKind: JsonValueKind.Array } steps)
            {
                var i = 0;
                foreach (var s in steps.EnumerateArray())
                {
                    if (s.ValueKind == JsonValueKind.Object && Property(s, "time") is { ValueKind: JsonValueKind.Object } time)
                        Require(time, $"steps[{i}].time.", missing, "amount", "unit");
                    i++;
                }
            }

            if (missing.Count > 0)
            {
                problems = missing;
                return false;
            }

            try
            {
                var t = doc.Deserialize<SopTemplate>(Options)!;
                template = Normalized(t);
            }
            catch (JsonException e)
            {
                var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : e.Path ?? "";
                problems = [new Text("Nilai \"{0}\" tidak dapat dibaca (baris {1}, posisi {2}).", path, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1)];
                return false;
            }
        }

        problems = [];
        return true;
    }

    // A left-out optional list or source arrives as null from the constructor; the record promises non-null.
    [SuppressMessage("Style", "IDE0029", Justification = "the record's non-null lists are null when the field was left out")]
    private static SopTemplate Normalized(SopTemplate t)
    {
        var id = t.Identity;
        return t with
        {
            Source = string.IsNullOrWhiteSpace(t.Source) ? "impor" : t.Source,
            Facts = t.Facts ?? [],
            Identity = id with
            {
                LegalBasis = id.LegalBasis ?? [], Qualifications = id.Qualifications ?? [], Related = id.Related ?? [],
                Equipment = id.Equipment ?? [], Warnings = id.Warnings ?? [], Recording = id.Recording ?? [],
            },
            Steps = t.Steps.Select(s => s with { PeriodKinds = s.PeriodKinds ?? [] }).ToList(),
        };
    }

    private static JsonElement? Property(JsonElement obj, string name) =>
        obj.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static void Require(JsonElement obj, string prefix, List<Text> missing, params string[] names)
    {
        foreach (var name in names)
        {
            if (Property(obj, name) is not { } v || v.ValueKind == JsonValueKind.Null) missing.Add(new Text("Kolom \"{0}\" wajib diisi.", prefix + name));
        }
    }

    private static void EachItem(JsonElement root, string list, List<Text> missing, params string[] names)
    {
        if (Property(root, list) is not { ValueKind: JsonValueKind.Array } items) return;
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) Require(item, $"{list}[{i}].", missing, names);
            i++;
        }
    }
}
