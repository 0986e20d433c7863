import AtlasGeoJSON
import AtlasModel

/// Reads the works fields of SPEC §5 from one GeoJSON feature's properties or one CSV record
/// (whose values are all strings), reporting every bad field to the log.
struct WorkFieldParser {
    static let knownFields: [String] = WorkFieldNames.registered + WorkFieldNames.derived

    let location: DraftLocation
    let value: (String) -> JSONValue?
    var log: ProblemLog
    private var ok = true

    init(location: DraftLocation, log: ProblemLog, value: @escaping (String) -> JSONValue?) {
        self.location = location
        self.log = log
        self.value = value
    }

    private mutating func bad(_ field: String, _ value: String, _ reason: String) {
        log.add(location.description, field, value, reason)
        ok = false
    }

    /// A non-empty string (numbers are taken as their text, e.g. integer ids); nil when absent.
    mutating func text(_ field: String) -> String? {
        switch value(field) {
        case nil, .null?: return nil
        case .string(let s)?:
            // A line break or tab in a spreadsheet cell is text; NUL and the other controls are not.
            if let control = s.unicodeScalars.first(where: {
                $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
            }) {
                bad(
                    field, s.debugDescription,
                    "control character U+\(String(control.value, radix: 16, uppercase: true)) is not allowed")
                return s  // already refused; not "missing" as well
            }
            let t = s.trimmedASCIISpaces
            return t.isEmpty ? nil : t
        case .integer(let i)?: return String(i)
        case let other?:
            bad(field, other.jsonText, "expected a string, found a \(other.kindName)")
            return nil
        }
    }

    mutating func required(_ field: String) -> String {
        guard let t = text(field) else {
            bad(field, "", "\(field) is required")
            return ""
        }
        return t
    }

    mutating func vocabulary<T: AtlasVocabulary>(_ field: String, _: T.Type) -> T? {
        guard let t = text(field) else { return nil }
        do {
            return try T.parse(t, field: field)
        } catch {
            bad(field, t, error.description)
            return nil
        }
    }

    mutating func requiredVocabulary<T: AtlasVocabulary>(_ field: String, _ type: T.Type) -> T? {
        if text(field) == nil {
            bad(field, "", "\(field) is required (allowed: \(T.allowedList))")
            return nil
        }
        return vocabulary(field, type)
    }

    mutating func date(_ field: String) -> CalendarDate? {
        guard let t = text(field) else { return nil }
        do {
            return try CalendarDate(iso: t, field: field)
        } catch {
            bad(field, t, error.description)
            return nil
        }
    }

    /// Whole đồng: a JSON integer or a string of digits; never a fraction.
    mutating func money(_ field: String) -> Int64? {
        switch value(field) {
        case nil, .null?: return nil
        case .integer(let i)?:
            if let why = Money.problem(i) {
                bad(field, String(i), why)
                return nil
            }
            return i
        case .string(let s)?:
            let t = s.trimmedASCIISpaces
            if t.isEmpty { return nil }
            guard t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let i = Int64(t) else {
                bad(
                    field, t,
                    "expected whole đồng (digits only, no separators or decimals, at most \(Money.ceilingVND))")
                return nil
            }
            if let why = Money.problem(i) {
                bad(field, t, why)
                return nil
            }
            return i
        case let other?:
            bad(field, other.jsonText, "expected whole đồng as an integer")
            return nil
        }
    }

    mutating func number(_ field: String) -> Double? {
        switch value(field) {
        case nil, .null?: return nil
        case .integer(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let s)?:
            let t = s.trimmedASCIISpaces
            if t.isEmpty { return nil }
            guard let d = NumberText.decimal(t) else {
                bad(field, t, "expected a finite number")
                return nil
            }
            return d
        case let other?:
            bad(field, other.jsonText, "expected a number")
            return nil
        }
    }

    /// An array of codes (GeoJSON) or a `;`-separated list (CSV).
    mutating func codeList(_ field: String) -> [String] {
        switch value(field) {
        case nil, .null?: return []
        case .string(let s)?:
            return s.split(separator: ";").map { String($0).trimmedASCIISpaces }.filter { !$0.isEmpty }
        case .array(let items)?:
            var codes: [String] = []
            for item in items {
                switch item {
                case .string(let s): codes.append(s)
                case .integer(let i): codes.append(String(i))
                default: bad(field, item.jsonText, "expected village codes as strings")
                }
            }
            return codes
        case let other?:
            bad(field, other.jsonText, "expected an array of village codes")
            return []
        }
    }

    /// The work described by the fields, or nil when any field is bad (all problems logged).
    mutating func work(geometry: Geometry) -> Work? {
        let id = required("id")
        let name = required("name")
        let programme = requiredVocabulary("programme", Programme.self)
        let category = requiredVocabulary("category", WorkCategory.self)
        let status = requiredVocabulary("status", WorkStatus.self)
        let surface = vocabulary("surface", RoadSurface.self)
        let roadClass = vocabulary("road_class", RoadClass.self)
        let exactness = vocabulary("exactness", Exactness.self) ?? .exact
        let accuracy = number("accuracy_m")
        let villages = codeList("villages_served")
        let approved = date("approved_on"), started = date("started_on"), completed = date("completed_on")
        let investor = vocabulary("investor", Investor.self)
        let funding = fundingLines()
        let labourDays = number("labour_days")
        // A works export writes the derived commune as `commune_code` and the declared one as
        // `declared_commune_code`: when that member is present (even null), it is the declared code.
        let declared = value("declared_commune_code") != nil ? text("declared_commune_code") : text("commune_code")
        guard ok, let programme, let category, let status else { return nil }
        var lines = funding
        if let labourDays {
            if lines.isEmpty { lines = [FundingLine(source: .communityLabour, plannedVND: 0, disbursedVND: 0)] }
            lines[lines.count - 1].labourDays = Int(labourDays)
        }
        let work = Work(
            id: id, name: name, programme: programme, category: category, status: status, geometry: geometry,
            surface: surface, roadClass: roadClass, declaredCommuneCode: declared, exactness: exactness,
            accuracyM: accuracy, villagesServed: villages, approvedOn: approved, startedOn: started,
            completedOn: completed, investor: investor, funding: lines)
        for problem in work.invariantProblems() { bad(problem.field, problem.value, problem.description) }
        return ok ? work : nil
    }

    /// Per-source lines when `planned_<source>_vnd` columns are given, else one line of totals.
    private mutating func fundingLines() -> [FundingLine] {
        var lines: [FundingLine] = []
        for source in FundingSource.allCases {
            let planned = money("planned_\(source.rawValue)_vnd")
            let disbursed = money("disbursed_\(source.rawValue)_vnd")
            if planned != nil || disbursed != nil {
                lines.append(FundingLine(source: source, plannedVND: planned ?? 0, disbursedVND: disbursed ?? 0))
            }
        }
        let planned = money("planned_vnd"), disbursed = money("disbursed_vnd")
        if lines.isEmpty {
            if planned != nil || disbursed != nil {
                lines.append(FundingLine(source: nil, plannedVND: planned ?? 0, disbursedVND: disbursed ?? 0))
            }
            return lines
        }
        // Each line is at most the ceiling, so these few sums cannot overflow.
        let sumPlanned = Money.sum(lines.map(\.plannedVND)) ?? .max
        let sumDisbursed = Money.sum(lines.map(\.disbursedVND)) ?? .max
        if let planned, planned != sumPlanned {
            bad("planned_vnd", String(planned), "differs from the sum of planned_<source>_vnd (\(sumPlanned))")
        }
        if let disbursed, disbursed != sumDisbursed {
            bad("disbursed_vnd", String(disbursed), "differs from the sum of disbursed_<source>_vnd (\(sumDisbursed))")
        }
        return lines
    }
}
