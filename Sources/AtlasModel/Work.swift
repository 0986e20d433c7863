import Foundation

/// An infrastructure work (công trình) as registered: what was declared, before any derivation.
public struct Work: Hashable, Sendable {
    public var id: String
    public var name: String
    public var programme: Programme
    public var category: WorkCategory
    public var status: WorkStatus
    /// WGS84 lon/lat.
    public var geometry: Geometry
    public var surface: RoadSurface?
    public var roadClass: RoadClass?
    /// The commune code the source declared; the derived one is computed from the geometry.
    public var declaredCommuneCode: String?
    public var exactness: Exactness
    public var accuracyM: Double?
    public var villagesServed: [String]
    public var approvedOn: CalendarDate?
    public var startedOn: CalendarDate?
    public var completedOn: CalendarDate?
    public var investor: Investor?
    public var funding: [FundingLine]

    public init(
        id: String, name: String, programme: Programme, category: WorkCategory, status: WorkStatus,
        geometry: Geometry, surface: RoadSurface? = nil, roadClass: RoadClass? = nil,
        declaredCommuneCode: String? = nil, exactness: Exactness = .exact, accuracyM: Double? = nil,
        villagesServed: [String] = [], approvedOn: CalendarDate? = nil, startedOn: CalendarDate? = nil,
        completedOn: CalendarDate? = nil, investor: Investor? = nil, funding: [FundingLine] = []
    ) {
        self.id = id
        self.name = name
        self.programme = programme
        self.category = category
        self.status = status
        self.geometry = geometry
        self.surface = surface
        self.roadClass = roadClass
        self.declaredCommuneCode = declaredCommuneCode
        self.exactness = exactness
        self.accuracyM = accuracyM
        self.villagesServed = villagesServed
        self.approvedOn = approvedOn
        self.startedOn = startedOn
        self.completedOn = completedOn
        self.investor = investor
        self.funding = funding
    }

    /// Why `id` cannot name a work, or nil. Ids go into URLs, file names and spreadsheet cells, so
    /// they are 1 to 64 letters or digits (any script) and `-`, `_`, `.`, starting with a letter
    /// or digit: no spaces, slashes or control characters.
    public static let idRule = "an id is 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"

    public static func idProblem(_ id: String) -> String? {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType == .decimal || "-_.".unicodeScalars.contains($0)
        }
        let first = id.unicodeScalars.first
        guard (1...64).contains(id.count), allowed, let first,
            first.properties.isAlphabetic || first.properties.numericType == .decimal
        else {
            return idRule
        }
        return nil
    }

    /// Problems a work has on its own, independent of any other data: each one a field and why.
    public func invariantProblems() -> [ModelError] {
        var problems: [ModelError] = []
        if let why = Self.idProblem(id) {
            problems.append(.invalid(field: "id", value: id, reason: why))
        }
        switch geometry {
        case .point, .lineString, .polygon: break
        case .multiLineString where category == .road: break
        default:
            problems.append(
                .invalid(
                    field: "geometry", value: geometry.typeName,
                    reason: "a work is a Point, LineString or Polygon (MultiLineString for roads)"))
        }
        if name.trimmedASCIISpaces.isEmpty {
            problems.append(.invalid(field: "name", value: name, reason: "name is required"))
        }
        if surface != nil && category != .road {
            problems.append(
                .invalid(field: "surface", value: surface!.rawValue, reason: "only roads have a surface"))
        }
        if roadClass != nil && category != .road {
            problems.append(
                .invalid(field: "road_class", value: roadClass!.rawValue, reason: "only roads have a road class"))
        }
        if let accuracyM, !(accuracyM >= 0 && accuracyM.isFinite) {
            problems.append(
                .invalid(field: "accuracy_m", value: "\(accuracyM)", reason: "accuracy must be a finite number ≥ 0"))
        }
        if let approvedOn, let completedOn, completedOn < approvedOn {
            problems.append(
                .invalid(
                    field: "completed_on", value: completedOn.description,
                    reason: "completed before it was approved (\(approvedOn))"))
        }
        if funding.count > FundingSource.allCases.count + 1 {
            problems.append(
                .invalid(
                    field: "funding", value: "\(funding.count) lines",
                    reason: "at most one line per funding source and one without a source"))
        }
        for line in funding {
            if let why = Money.problem(line.plannedVND) {
                problems.append(.invalid(field: "planned_vnd", value: "\(line.plannedVND)", reason: why))
            }
            if let why = Money.problem(line.disbursedVND) {
                problems.append(.invalid(field: "disbursed_vnd", value: "\(line.disbursedVND)", reason: why))
            }
        }
        return problems
    }

    /// Totals over the lines; `Int64.max` only for lines that `invariantProblems` refuses.
    public var plannedVND: Int64 { Money.sum(funding.map(\.plannedVND)) ?? .max }
    public var disbursedVND: Int64 { Money.sum(funding.map(\.disbursedVND)) ?? .max }
}

/// One source of money for a work, in whole đồng (never floating point).
public struct FundingLine: Hashable, Sendable {
    /// nil when the source did not say where the money came from.
    public var source: FundingSource?
    public var plannedVND: Int64
    public var disbursedVND: Int64
    public var labourDays: Int?

    public init(source: FundingSource?, plannedVND: Int64, disbursedVND: Int64, labourDays: Int? = nil) {
        self.source = source
        self.plannedVND = plannedVND
        self.disbursedVND = disbursedVND
        self.labourDays = labourDays
    }
}
