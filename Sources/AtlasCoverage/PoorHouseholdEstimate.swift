import AtlasModel

/// Where an estimate of a village's poor households comes from.
public enum PoorBasis: String, Sendable, Hashable {
    /// The village's own statistics of the year.
    case village
    /// The village's households times its commune's poverty rate of the year.
    case communeRate = "commune_rate"
}

/// The poor households of one village in one year: its own figure when recorded, else its
/// households × the commune's poor / households, rounded half up. The product is formed in whole
/// numbers (⌊(2·h·poor + H) / 2H⌋), so a rate like 1/8 never rounds the wrong way through a binary
/// fraction.
public enum PoorHouseholdEstimate {
    public static func estimate(
        households: Int?, village: YearStats?, commune: YearStats?
    )
        -> (poorHouseholds: Int, basis: PoorBasis)?
    {
        if let village { return (village.poorHouseholds, .village) }
        guard let households, let commune, commune.households > 0 else { return nil }
        let (product, overflow) = (2 * households).multipliedReportingOverflow(by: commune.poorHouseholds)
        guard !overflow else { return nil }
        return ((product + commune.households) / (2 * commune.households), .communeRate)
    }
}
