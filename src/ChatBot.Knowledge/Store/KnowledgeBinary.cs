using System.Collections.Immutable;
using System.Text;
using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Store;

/// <summary>
/// The stored form of knowledge records: a compact, versioned binary encoding, written in canonical order. It is
/// deterministic (numbers normalized, lists in order), so its SHA-256 is the content hash, and it reads back an
/// order of magnitude faster than JSON, which keeps restarts on large knowledge sets short.
/// </summary>
public static class KnowledgeBinary
{
    /// <summary>The encoding's version; a store written with another version is imported again from the files.</summary>
    public const int Version = 1;

    public static byte[] Write(IEnumerable<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        return Encode(w =>
        {
            List<Company> list = [.. companies];
            w.Write7BitEncodedInt(list.Count);
            foreach (Company c in list)
            {
                w.Write(c.Id);
                w.Write(c.Name);
                Strings(w, c.Aliases);
                w.Write((byte)c.Kind);
                Optional(w, c.Founded, w.Write);
                Text(w, c.Headquarters);
                Text(w, c.Website);
                Text(w, c.Ticker);
                Text(w, c.ParentId);
                Text(w, c.Description);
                Text(w, c.DescriptionNl);
            }
        });
    }

    public static byte[] Write(IEnumerable<KnowledgeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Encode(w =>
        {
            List<KnowledgeEvent> list = [.. events];
            w.Write7BitEncodedInt(list.Count);
            foreach (KnowledgeEvent e in list)
            {
                w.Write(e.Id);
                w.Write((byte)e.Type);
                Date(w, e.Date);
                w.Write((byte)e.Stage);
                w.Write((byte)e.Certainty);
                w.Write7BitEncodedInt(e.Parties.Length);
                foreach (Party p in e.Parties)
                {
                    w.Write(p.CompanyId);
                    w.Write((byte)p.Role);
                    Optional(w, p.Amount, m => Money(w, m));
                    Optional(w, p.Stake, s => Stake(w, s));
                    Optional(w, p.Valuation, v => Valuation(w, v));
                }

                w.Write(e.Summary);
                w.Write7BitEncodedInt(e.Sources.Length);
                foreach (Source s in e.Sources)
                {
                    w.Write(s.Publisher);
                    Date(w, s.Date);
                    Text(w, s.Url);
                    Text(w, s.Cites);
                    Text(w, s.Title);
                    Optional(w, s.Reports, r =>
                    {
                        Optional(w, r.Amount, m => Money(w, m));
                        Optional(w, r.Valuation, m => Money(w, m));
                        Optional(w, r.Stake, st => Stake(w, st));
                    });
                }

                Optional(w, e.Announced, d => Date(w, d));
                Optional(w, e.Closed, d => Date(w, d));
                Strings(w, e.Others);
                Optional(w, e.Amount, m => Money(w, m));
                Optional(w, e.Valuation, v => Valuation(w, v));
                Optional(w, e.Round, r =>
                {
                    w.Write((byte)r.Kind);
                    Text(w, r.Name);
                });
                Optional(w, e.Stake, s => Stake(w, s));
                w.Write7BitEncodedInt(e.Quantities.Length);
                foreach (Quantity q in e.Quantities)
                {
                    Number(w, q.Value);
                    w.Write(q.Unit);
                    w.Write((byte)q.Qualifier);
                    Optional(w, q.Upper, u => Number(w, u));
                }

                Optional(w, e.Period, p =>
                {
                    w.Write(p.Year);
                    w.Write((byte)p.Kind);
                    w.Write((byte)p.Part);
                });
                w.Write7BitEncodedInt(e.Financials.Length);
                foreach (FinancialFigure f in e.Financials)
                {
                    w.Write((byte)f.Metric);
                    Money(w, f.Amount);
                }

                Optional(w, e.Term, t =>
                {
                    Optional(w, t.Years, w.Write);
                    Optional(w, t.Until, w.Write);
                });
                Text(w, e.SummaryNl);
                Text(w, e.Note);
            }
        });
    }

    public static ImmutableArray<Company> ReadCompanies(byte[] data)
    {
        using BinaryReader r = Decode(data);
        ImmutableArray<Company>.Builder companies = ImmutableArray.CreateBuilder<Company>(r.Read7BitEncodedInt());
        for (int i = companies.Capacity; i > 0; i--)
        {
            companies.Add(new Company(
                r.ReadString(),
                r.ReadString(),
                Strings(r),
                (CompanyKind)r.ReadByte(),
                r.ReadBoolean() ? r.ReadInt32() : null,
                Text(r),
                Text(r),
                Text(r),
                Text(r),
                Text(r),
                Text(r)));
        }

        return companies.MoveToImmutable();
    }

    public static ImmutableArray<KnowledgeEvent> ReadEvents(byte[] data)
    {
        using BinaryReader r = Decode(data);
        ImmutableArray<KnowledgeEvent>.Builder events = ImmutableArray.CreateBuilder<KnowledgeEvent>(r.Read7BitEncodedInt());
        for (int i = events.Capacity; i > 0; i--)
        {
            string id = r.ReadString();
            EventType type = (EventType)r.ReadByte();
            FuzzyDate date = Date(r);
            Stage stage = (Stage)r.ReadByte();
            Certainty certainty = (Certainty)r.ReadByte();
            ImmutableArray<Party>.Builder parties = ImmutableArray.CreateBuilder<Party>(r.Read7BitEncodedInt());
            for (int p = parties.Capacity; p > 0; p--)
            {
                parties.Add(new Party(
                    r.ReadString(),
                    (Role)r.ReadByte(),
                    r.ReadBoolean() ? Money(r) : null,
                    r.ReadBoolean() ? Stake(r) : null,
                    r.ReadBoolean() ? Valuation(r) : null));
            }

            string summary = r.ReadString();
            ImmutableArray<Source>.Builder sources = ImmutableArray.CreateBuilder<Source>(r.Read7BitEncodedInt());
            for (int s = sources.Capacity; s > 0; s--)
            {
                sources.Add(new Source(
                    r.ReadString(),
                    Date(r),
                    Text(r),
                    Text(r),
                    Text(r),
                    r.ReadBoolean() ? new SourceReport(r.ReadBoolean() ? Money(r) : null, r.ReadBoolean() ? Money(r) : null, r.ReadBoolean() ? Stake(r) : null) : null));
            }

            KnowledgeEvent e = new(id, type, date, stage, certainty, parties.MoveToImmutable(), summary, sources.MoveToImmutable())
            {
                Announced = r.ReadBoolean() ? Date(r) : null,
                Closed = r.ReadBoolean() ? Date(r) : null,
                Others = Strings(r),
                Amount = r.ReadBoolean() ? Money(r) : null,
                Valuation = r.ReadBoolean() ? Valuation(r) : null,
                Round = r.ReadBoolean() ? new Round((RoundKind)r.ReadByte(), Text(r)) : null,
                Stake = r.ReadBoolean() ? Stake(r) : null,
                Quantities = Quantities(r),
                Period = r.ReadBoolean() ? new Period(r.ReadInt32(), (PeriodKind)r.ReadByte(), r.ReadByte()) : null,
                Financials = Financials(r),
                Term = r.ReadBoolean() ? new Term(r.ReadBoolean() ? r.ReadInt32() : null, r.ReadBoolean() ? r.ReadInt32() : null) : null,
                SummaryNl = Text(r),
                Note = Text(r),
            };
            events.Add(e);
        }

        return events.MoveToImmutable();
    }

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        using MemoryStream stream = new();
        using (BinaryWriter writer = new(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(Version);
            write(writer);
        }

        return stream.ToArray();
    }

    private static BinaryReader Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        BinaryReader reader = new(new MemoryStream(data, writable: false), Encoding.UTF8);
        int version = reader.Read7BitEncodedInt();
        if (version != Version)
        {
            reader.Dispose();
            throw new InvalidDataException($"Stored knowledge has encoding version {version}; this build reads version {Version}.");
        }

        return reader;
    }

    private static void Optional<T>(BinaryWriter w, T? value, Action<T> write)
        where T : class
    {
        w.Write(value is not null);
        if (value is not null)
        {
            write(value);
        }
    }

    private static void Optional<T>(BinaryWriter w, T? value, Action<T> write)
        where T : struct
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            write(v);
        }
    }

    private static void Text(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? Text(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Strings(BinaryWriter w, ImmutableArray<string> items)
    {
        w.Write7BitEncodedInt(items.Length);
        foreach (string item in items)
        {
            w.Write(item);
        }
    }

    private static ImmutableArray<string> Strings(BinaryReader r)
    {
        int count = r.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        ImmutableArray<string>.Builder items = ImmutableArray.CreateBuilder<string>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(r.ReadString());
        }

        return items.MoveToImmutable();
    }

    private static void Date(BinaryWriter w, FuzzyDate date)
    {
        w.Write(date.Start.DayNumber);
        w.Write((byte)date.Precision);
    }

    private static FuzzyDate Date(BinaryReader r) => FuzzyDate.FromStart(DateOnly.FromDayNumber(r.ReadInt32()), (DatePrecision)r.ReadByte());

    /// <summary>Decimals are written without trailing zeros, so 40.0 and 40 encode (and hash) alike.</summary>
    private static void Number(BinaryWriter w, decimal value) => w.Write(value / 1.000000000000000000000000000000000m);

    private static void Money(BinaryWriter w, Money money)
    {
        Number(w, money.Amount);
        w.Write(money.Currency);
        w.Write((byte)money.Qualifier);
        Optional(w, money.UpperAmount, u => Number(w, u));
    }

    private static Money Money(BinaryReader r) =>
        new(r.ReadDecimal(), r.ReadString(), (Qualifier)r.ReadByte(), r.ReadBoolean() ? r.ReadDecimal() : null);

    private static void Stake(BinaryWriter w, Stake stake)
    {
        Number(w, stake.Percent);
        w.Write((byte)stake.Qualifier);
    }

    private static Stake Stake(BinaryReader r) => new(r.ReadDecimal(), (Qualifier)r.ReadByte());

    private static void Valuation(BinaryWriter w, Valuation valuation)
    {
        Money(w, valuation.Amount);
        w.Write((byte)valuation.Basis);
    }

    private static Valuation Valuation(BinaryReader r) => new(Money(r), (ValuationBasis)r.ReadByte());

    private static ImmutableArray<Quantity> Quantities(BinaryReader r)
    {
        int count = r.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        ImmutableArray<Quantity>.Builder items = ImmutableArray.CreateBuilder<Quantity>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(new Quantity(r.ReadDecimal(), r.ReadString(), (Qualifier)r.ReadByte(), r.ReadBoolean() ? r.ReadDecimal() : null));
        }

        return items.MoveToImmutable();
    }

    private static ImmutableArray<FinancialFigure> Financials(BinaryReader r)
    {
        int count = r.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        ImmutableArray<FinancialFigure>.Builder items = ImmutableArray.CreateBuilder<FinancialFigure>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(new FinancialFigure((FinancialMetric)r.ReadByte(), Money(r)));
        }

        return items.MoveToImmutable();
    }
}
