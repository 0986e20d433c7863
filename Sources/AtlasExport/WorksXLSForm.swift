import AtlasGDAL
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

    static let languages = ["Tiếng Việt (vi)", "English (en)"]
    static var labels: [String] { languages.map { "label::\($0)" } }

    public static func sheets(version: String) -> [Sheet] {
        [survey, choices, Sheet(
            name: "settings", header: ["form_title", "form_id", "version", "default_language"],
            rows: [["Công trình hạ tầng giảm nghèo / Poverty-reduction works", "worksatlas_works", version, "Tiếng Việt (vi)"]])]
    }

    /// type, name, the two labels, required, relevant, constraint and its message, appearance.
    static var survey: Sheet {
        func q(
            _ type: String, _ name: String, _ vi: String, _ en: String, required: Bool = false,
            relevant: String = "", constraint: String = "", message: Label? = nil
        ) -> [String] {
            [type, name, vi, en, required ? "yes" : "", relevant, constraint, message?.vi ?? "", message?.en ?? ""]
        }
        let road = "${category} = 'road'"
        return Sheet(
            name: "survey",
            header: ["type", "name"] + labels + ["required", "relevant", "constraint"]
                + languages.map { "constraint_message::\($0)" },
            rows: [
                q("text", "id", "Mã công trình", "Work id", required: true,
                  constraint: "string-length(.) <= 64", message: Label("Tối đa 64 ký tự", "At most 64 characters")),
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
                  message: Label("5 chữ số", "5 digits")),
                q("date", "approved_on", "Ngày phê duyệt", "Approved on"),
                q("date", "started_on", "Ngày khởi công", "Started on"),
                q("date", "completed_on", "Ngày hoàn thành", "Completed on"),
                q("select_one investor", "investor", "Chủ đầu tư", "Investor"),
                q("integer", "planned_vnd", "Kế hoạch vốn (đồng)", "Planned (đồng)", constraint: ". >= 0",
                  message: Label("Không âm", "Not negative")),
                q("integer", "disbursed_vnd", "Giải ngân (đồng)", "Disbursed (đồng)", constraint: ". >= 0",
                  message: Label("Không âm", "Not negative")),
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

extension WorksXLSForm {
    /// Writes the form as a workbook, one sheet per table, every cell text (as XLSForm wants).
    public static func write(to path: String, version: String) throws {
        let writer = try VectorWriter(destination: path, driver: .xlsx)
        for sheet in sheets(version: version) {
            let layer = try writer.addLayer(
                LayerSpec(name: sheet.name, geometry: .none, srid: nil, fields: sheet.header.map { FieldSpec($0, .string) }))
            for row in sheet.rows {
                try layer.add(row.map { $0.isEmpty ? .null : .string($0) }, geometry: nil)
            }
        }
        try writer.finish()
    }
}
