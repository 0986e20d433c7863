import AtlasModel

/// The XLSForm (KoboToolbox, ODK Collect) of a work: its questions are named after the works
/// fields (SPEC §5) and its choices are the vocabularies' own codes and labels, so a
/// submission export (CSV or XLSX) imports with `worksatlas import works` unchanged.
public enum WorksXLSForm {
    /// One sheet of the workbook: its header and rows of text.
    public struct Sheet: Sendable {
        public let name: String
        public let header: [String]
        public let rows: [[String]]
    }

    static let labels = ["label::Tiếng Việt (vi)", "label::English (en)"]

    public static func sheets(version: String) -> [Sheet] {
        [survey, choices, Sheet(
            name: "settings", header: ["form_title", "form_id", "version", "default_language"],
            rows: [["Công trình hạ tầng giảm nghèo / Poverty-reduction works", "worksatlas_works", version, "Tiếng Việt (vi)"]])]
    }

    /// type, name, the two labels, required, relevant, constraint and its message, appearance.
    static var survey: Sheet {
        func q(
            _ type: String, _ name: String, _ vi: String, _ en: String, required: Bool = false,
            relevant: String = "", constraint: String = "", message: String = ""
        ) -> [String] {
            [type, name, vi, en, required ? "yes" : "", relevant, constraint, message]
        }
        let road = "${category} = 'road'"
        return Sheet(
            name: "survey",
            header: ["type", "name"] + labels + ["required", "relevant", "constraint", "constraint_message"],
            rows: [
                q("text", "id", "Mã công trình", "Work id", required: true,
                  constraint: "string-length(.) <= 64", message: "Tối đa 64 ký tự / At most 64 characters"),
                q("text", "name", "Tên công trình", "Name", required: true),
                q("select_one programme", "programme", "Chương trình", "Programme", required: true),
                q("select_one category", "category", "Loại công trình", "Category", required: true),
                q("select_one status", "status", "Tình trạng", "Status", required: true),
                q("select_one surface", "surface", "Mặt đường", "Road surface", relevant: road),
                q("select_one road_class", "road_class", "Cấp đường", "Road class", relevant: road),
                // Kobo exports each as "lat lon alt accuracy" (points joined by ";" for a trace).
                q("geopoint", "location", "Vị trí công trình", "Location", relevant: "not(\(road))"),
                q("geotrace", "geotrace", "Tuyến đường (đi dọc tuyến)", "Road line (walk along it)", relevant: road),
                q("text", "commune_code", "Mã xã", "Commune code", constraint: "regex(., '^[0-9]{5}$')",
                  message: "5 chữ số / 5 digits"),
                q("date", "approved_on", "Ngày phê duyệt", "Approved on"),
                q("date", "started_on", "Ngày khởi công", "Started on"),
                q("date", "completed_on", "Ngày hoàn thành", "Completed on"),
                q("select_one investor", "investor", "Chủ đầu tư", "Investor"),
                q("integer", "planned_vnd", "Kế hoạch vốn (đồng)", "Planned (đồng)", constraint: ". >= 0",
                  message: "Không âm / Not negative"),
                q("integer", "disbursed_vnd", "Giải ngân (đồng)", "Disbursed (đồng)", constraint: ". >= 0",
                  message: "Không âm / Not negative"),
            ])
    }

    /// list_name, name and the labels of every vocabulary the survey asks.
    static var choices: Sheet {
        func list<T: LabeledVocabulary>(_ name: String, _: T.Type) -> [[String]] {
            T.allCases.map { [name, $0.rawValue, $0.label.vi, $0.label.en] }
        }
        return Sheet(
            name: "choices", header: ["list_name", "name"] + labels,
            rows: list("programme", Programme.self) + list("category", WorkCategory.self)
                + list("status", WorkStatus.self) + list("surface", RoadSurface.self)
                + list("road_class", RoadClass.self) + list("investor", Investor.self))
    }
}
