
/// Carries household statistics recorded on the units of one date onto the units of a later one,
/// across the successions between them. Pure: the store gathers the inputs.
///
/// A `whole` predecessor adds all its households, poor and near-poor. A divided (`part`)
/// predecessor is split by, in this order, the shares of the successions file, the households of
/// its villages lying in each new unit, or the area of it lying in each new unit; each count is
/// rounded by largest remainder so the old unit's totals are kept exactly.
public enum StatisticsRollUp {
    public struct Counts: Hashable, Sendable {
        public var households: Int
        public var poor: Int
        public var nearPoor: Int

        public init(households: Int, poor: Int, nearPoor: Int) {
            self.households = households
            self.poor = poor
            self.nearPoor = nearPoor
        }

        static let zero = Counts(households: 0, poor: 0, nearPoor: 0)

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(households: a.households + b.households, poor: a.poor + b.poor, nearPoor: a.nearPoor + b.nearPoor)
        }
    }

    /// What a divided figure was split by.
    public enum Basis: String, Sendable, CaseIterable {
        case share, villages, area
    }

    /// Where part of an old unit went, with what is known to divide it.
    public struct Target: Hashable, Sendable {
        public var code: String
        public var share: Double?
        /// Households of the old unit's villages whose point lies in this new unit.
        public var villageHouseholds: Int?
        /// Area of the old unit lying in this new unit (any unit, same for all targets).
        public var area: Double?

        public init(code: String, share: Double? = nil, villageHouseholds: Int? = nil, area: Double? = nil) {
            self.code = code
            self.share = share
            self.villageHouseholds = villageHouseholds
            self.area = area
        }
    }

    /// A rolled-up figure: the counts, and the bases of every divided predecessor in it
    /// (empty when every predecessor went in whole).
    public struct Figure: Hashable, Sendable {
        public var counts: Counts
        public var estimatedBy: Set<Basis>

        public var isEstimated: Bool { !estimatedBy.isEmpty }

        public init(counts: Counts, estimatedBy: Set<Basis> = []) {
            self.counts = counts
            self.estimatedBy = estimatedBy
        }
    }

    public enum RollUpError: Error, Equatable, CustomStringConvertible {
        case nothingToDivideBy(oldCode: String)

        public var description: String {
            switch self {
            case .nothingToDivideBy(let code):
                "unit \(code) is divided but has no share, no village households and no area in its new units"
            }
        }
    }

    /// Splits `counts` among `targets` (one target: all of it goes there).
    public static func divide(
        _ counts: Counts, oldCode: String, among targets: [Target]
    ) throws(RollUpError) -> (basis: Basis?, parts: [Counts]) {
        if targets.count == 1 && targets[0].share == nil { return (nil, [counts]) }
        let basis: Basis
        let weights: [Double]
        if targets.allSatisfy({ $0.share != nil }) {
            basis = .share
            weights = targets.map { $0.share ?? 0 }
        } else if targets.allSatisfy({ $0.villageHouseholds != nil }),
            targets.contains(where: { ($0.villageHouseholds ?? 0) > 0 })
        {
            basis = .villages
            weights = targets.map { Double($0.villageHouseholds ?? 0) }
        } else if targets.allSatisfy({ $0.area != nil }), targets.contains(where: { ($0.area ?? 0) > 0 }) {
            basis = .area
            weights = targets.map { $0.area ?? 0 }
        } else {
            throw .nothingToDivideBy(oldCode: oldCode)
        }
        // Shares may leave a rest that went outside the listed units; the other bases cover it all.
        let fraction = basis == .share ? min(1, weights.reduce(0, +)) : 1
        let households = largestRemainder(counts.households, weights: weights, fraction: fraction)
        let poor = largestRemainder(counts.poor, weights: weights, fraction: fraction)
        let nearPoor = largestRemainder(counts.nearPoor, weights: weights, fraction: fraction)
        let parts = targets.indices.map {
            Counts(households: households[$0], poor: poor[$0], nearPoor: nearPoor[$0])
        }
        return (basis, parts)
    }

    /// Whole numbers proportional to `weights` summing to `total × fraction` rounded: each gets the
    /// floor of its quota, then the largest remainders one more each (ties: the earlier target).
    public static func largestRemainder(_ total: Int, weights: [Double], fraction: Double = 1) -> [Int] {
        let weightSum = weights.reduce(0, +)
        guard total > 0, weightSum > 0 else { return weights.map { _ in 0 } }
        let target = Int((Double(total) * fraction).rounded())
        let quotas = weights.map { Double(target) * $0 / weightSum }
        var parts = quotas.map { Int($0.rounded(.down)) }
        let left = target - parts.reduce(0, +)
        let order = quotas.indices.sorted { a, b in
            let ra = quotas[a] - quotas[a].rounded(.down), rb = quotas[b] - quotas[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(max(0, left)) { parts[index] += 1 }
        return parts
    }

    /// One reorganisation: `counts` on the old units, `targets[old]` where each went. An old unit
    /// with no successions carries on under its own code. `recorded` holds figures recorded
    /// directly on the new units for the same year; they win over the rolled-up ones.
    public static func step(
        counts: [String: Figure], targets: [String: [Target]], recorded: [String: Counts] = [:]
    ) throws(RollUpError) -> [String: Figure] {
        var result: [String: Figure] = [:]
        for (oldCode, figure) in counts.sorted(by: { $0.key < $1.key }) {
            let into = targets[oldCode] ?? [Target(code: oldCode)]
            let (basis, parts) = try divide(figure.counts, oldCode: oldCode, among: into)
            for (target, part) in zip(into, parts) {
                var sum = result[target.code] ?? Figure(counts: .zero, estimatedBy: [])
                sum.counts = sum.counts + part
                sum.estimatedBy.formUnion(figure.estimatedBy)
                if let basis { sum.estimatedBy.insert(basis) }
                result[target.code] = sum
            }
        }
        for (code, counts) in recorded { result[code] = Figure(counts: counts, estimatedBy: []) }
        return result
    }
}
