import AtlasGDAL
import AtlasModel

extension OfficeTable {
    /// The header is the first of these many rows that names enough known columns; rows above
    /// it are titles ("DANH MỤC CÔNG TRÌNH…", merged across the sheet).
    static let headerSearchRows = 30
    static let headerMinimumColumns = 3

    /// A workbook sheet read as text cells (the driver's own header guess is turned off):
    /// `sheet` by name, or the first sheet with a header row (a "Hướng dẫn" sheet before the
    /// data is passed over).
    static func workbook(
        _ dataset: VectorDataset, sheet: String?, mapped: [String: WorkColumn]
    ) throws(ImportFailure) -> OfficeTable {
        try workbook(dataset, sheet: sheet, example: "id, name, programme or Mã công trình, Tên công trình, Chương trình") {
            (WorkColumns.column(forHeader: $0, mapped: mapped) ?? .ignored) != .ignored
        }
    }

    /// A workbook sheet whose header row is the first with enough cells `isColumn` knows;
    /// `example` names some such headers for the error when no row has them.
    static func workbook(
        _ dataset: VectorDataset, sheet: String?, example: String, isColumn: (String) -> Bool
    ) throws(ImportFailure) -> OfficeTable {
        if sheet == nil {
            var firstFailure: ImportFailure?
            for layer in dataset.layers where layer.featureCount > 0 {
                do {
                    return try self.sheet(layer, of: dataset, example: example, isColumn: isColumn)
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            if let firstFailure { throw firstFailure }
        }
        return try self.sheet(
            try chooseLayer(dataset, named: sheet, what: "sheet"), of: dataset, example: example, isColumn: isColumn)
    }

    private static func sheet(
        _ layer: VectorLayer, of dataset: VectorDataset, example: String, isColumn: (String) -> Bool
    ) throws(ImportFailure) -> OfficeTable {
        let name = layer.name
        var rows: [(number: Int, cells: [VectorValue])] = []
        do {
            // With headers off, the driver's feature id is the spreadsheet's row number.
            try layer.forEachFeature { rows.append((Int($0.fid), $0.values)) }
        } catch {
            throw ImportFailure(file: dataset.path, problems: [.file("\(error)")])
        }
        func known(_ cells: [VectorValue]) -> Int { cells.compactMap(\.text).filter(isColumn).count }
        guard let header = rows.prefix(headerSearchRows).firstIndex(where: { known($0.cells) >= headerMinimumColumns })
        else {
            throw ImportFailure(
                file: dataset.path,
                problems: [
                    .file(
                        "sheet \"\(name)\": no header row in its first \(headerSearchRows) rows (a header names at least \(headerMinimumColumns) columns such as \(example))"
                    )
                ])
        }
        let headerRow = rows[header]
        let location = "sheet \"\(name)\" row \(headerRow.number)"
        var table = OfficeTable(
            headers: headerRow.cells.map { $0.text?.trimmedASCIISpaces ?? "" },
            rows: [],
            headerLocation: location)
        table.rows = rows[(header + 1)...].map { Row(location: "sheet \"\(name)\" row \($0.number)", cells: $0.cells) }
        table.notes.append(
            "read sheet \"\(name)\"; header in row \(headerRow.number)"
                + (headerRow.number > 1 ? " (rows above it taken as titles)" : ""))
        return table
    }

    /// The layer named (exactly, or by its folded name), else the first with features.
    static func chooseLayer(
        _ dataset: VectorDataset, named: String?, what: String, skipping: Set<String> = []
    ) throws(ImportFailure) -> VectorLayer {
        let layers = dataset.layers
        let names = layers.map(\.name)
        if let named {
            if let exact = layers.first(where: { $0.name == named })
                ?? layers.first(where: { WorkColumns.key($0.name) == WorkColumns.key(named) })
            {
                return exact
            }
            throw ImportFailure(
                file: dataset.path,
                problems: [
                    ImportProblem(
                        location: "file", field: "--sheet", value: named,
                        reason: "no \(what) of this name (the file has: \(names.map { "\"\($0)\"" }.joined(separator: ", ")))")
                ])
        }
        if let first = layers.first(where: { !skipping.contains($0.name) && $0.featureCount > 0 }) { return first }
        throw ImportFailure(file: dataset.path, problems: [.file("no \(what) with any rows: nothing to import")])
    }
}

extension ImportProblem {
    /// A problem with the file as a whole.
    static func file(_ reason: String, value: String = "") -> ImportProblem {
        ImportProblem(location: "file", field: "-", value: value, reason: reason)
    }
}
