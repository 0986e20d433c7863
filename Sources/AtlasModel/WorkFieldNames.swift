/// The names of a work's fields in every file and API body (works import, works export,
/// `/api/works`): one list, so a new field is named once.
public enum WorkFieldNames {
    /// What a user registers, in the order the README lists them.
    public static let registered: [String] =
        [
            "id", "name", "programme", "category", "status", "surface", "road_class", "commune_code",
            "declared_commune_code", "exactness", "accuracy_m", "villages_served", "approved_on",
            "started_on", "completed_on", "investor", "planned_vnd", "disbursed_vnd", "labour_days",
        ] + FundingSource.allCases.flatMap { ["planned_\($0.rawValue)_vnd", "disbursed_\($0.rawValue)_vnd"] }

    /// What the works export computes from the geometry, the units and the maintenance events:
    /// read back silently on import (so an export imports again) and derived anew.
    public static let derived = [
        "district_code", "commune_disagrees", "length_m", "maintenance_count", "maintenance_vnd", "last_maintained_on",
    ]
}
