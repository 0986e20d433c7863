import AtlasGDAL
import AtlasModel

/// The rows of one sheet, layer or CSV file as the works import reads them: the header as
/// written, each row's cells and, for GIS files, its geometry, with where the user's own tool
/// shows the row ("sheet \"Danh mục\" row 7", "line 7", "placemark \"Cầu Nà Pàn\" (feature 3)").
struct OfficeTable {
    struct Row {
        let location: String
        var cells: [VectorValue]
        var geometry: Geometry? = nil
        var geometryProblem: String? = nil
    }

    var headers: [String]
    var rows: [Row]
    /// Where the header is, for problems about columns ("sheet \"Danh mục\" row 3", "line 1").
    var headerLocation: String
    /// What the user should know about how the file was read (sheet, header row, dialect, CRS).
    var notes: [String] = []
    /// The CRS the file states for its geometries; nil when it states none.
    var srid: Int32? = nil
    /// Whether rows carry their own geometry (GIS files) rather than coordinate columns.
    var hasGeometry = false
    /// Keys of the fields the file format itself defines (GPX `ele`, KML `visibility`): skipped quietly.
    var formatFields: Set<String> = []
}

extension VectorValue {
    /// Empty text is no value, as an empty CSV cell is.
    var isBlank: Bool {
        switch self {
        case .null: true
        case .string(let s): s.trimmedASCIISpaces.isEmpty
        default: false
        }
    }
}

extension OfficeTable {
    /// Headers and text cells typed with the TCVN3 fonts, made Unicode (`--encoding tcvn3`).
    func fromTCVN3() -> OfficeTable {
        var converted = self
        converted.headers = headers.map(TCVN3Text.repair)
        converted.rows = rows.map { row in
            var row = row
            row.cells = row.cells.map { cell in
                if case .string(let text) = cell { return .string(TCVN3Text.repair(text)) }
                return cell
            }
            return row
        }
        converted.notes.append("text read as TCVN3 (ABC fonts) and made Unicode")
        return converted
    }
}
