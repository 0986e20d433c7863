import AtlasExport
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The Kobo/ODK form of a work and what its submissions look like when exported, and provincial
/// files typed with the TCVN3 fonts. The form is read back with GDAL's own ogr2ogr.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && OfficeFiles.available))
struct FieldFormTests {
    /// A sheet of a workbook as rows of text, by ogr2ogr (the header row kept as a row).
    private func sheet(_ file: URL, _ name: String) throws -> [[String]] {
        let text = try Tool.run(
            OfficeFiles.ogr2ogr, ["-f", "CSV", "/vsistdout/", file.path, name, "-oo", "HEADERS=DISABLE"])
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
    }

    @Test func theFormAsksTheWorksFieldsWithTheVocabulariesAsChoices() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let form = world.url("works.xlsx")
        try WorksXLSForm.write(to: form.path, version: "test")
        let survey = try sheet(form, "survey")
        #expect(survey.first?.prefix(4) == ["type", "name", "label::Tiếng Việt (vi)", "label::English (en)"])
        let names = Set(survey.dropFirst().map { $0[1] })
        #expect(names.isSubset(of: Set(WorkFieldNames.registered + ["location", "geotrace"])), "\(names)")
        #expect(names.isSuperset(of: ["id", "name", "programme", "category", "status", "location", "geotrace"]))
        let choices = try sheet(form, "choices").dropFirst()
        let categories = choices.filter { $0[0] == "category" }.map { $0[1] }
        #expect(categories == WorkCategory.allCases.map(\.rawValue))
        #expect(choices.contains(["status", "handed_over", "Đã bàn giao", "Handed over"]))
    }

    /// What KoboToolbox's CSV export ("XML values and headers") of two submissions holds: the
    /// point's split columns beside its answer, the road's geotrace, and Kobo's own metadata.
    @Test func submissionsOfTheFormImportAsTheyAre() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = """
            start,end,id,name,programme,category,status,surface,road_class,location,_location_latitude,_location_longitude,_location_altitude,_location_precision,geotrace,commune_code,approved_on,started_on,completed_on,investor,planned_vnd,disbursed_vnd,_id,_uuid,_submission_time,_validation_status,_index
            2024-05-02T08:00:00.000+07:00,2024-05-02T08:09:00.000+07:00,KF-1,Trạm y tế thôn Nà Pàn,135,health,completed,,,21.05 106.05 310 3.9,21.05,106.05,310,3.9,,00001,2023-03-01,,2024-04-30,commune,1500000000,1480000000,11,u-1,2024-05-02T01:10:00,,1
            2024-05-02T09:00:00.000+07:00,2024-05-02T09:30:00.000+07:00,KF-2,Đường thôn Khuổi Lũng,30a,road,proposed,concrete,to_village,,,,,,21.1 106.12 300 5;21.1 106.18 305 6,,,,,,,,12,u-2,2024-05-02T02:31:00,,2

            """
        let report = try world.importer.importWorks(from: try world.write("kobo-works.csv", text))
        #expect(report.rowCount == 2)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let clinic = try #require(try world.database.work(id: "KF-1")).work
        #expect(clinic.geometry == .point(Position(x: 106.05, y: 21.05)))
        #expect(clinic.accuracyM == 3.9 && clinic.plannedVND == 1_500_000_000 && clinic.investor == .commune)
        let road = try #require(try world.database.work(id: "KF-2")).work
        #expect(road.geometry == .lineString([Position(x: 106.12, y: 21.1), Position(x: 106.18, y: 21.1)]))
        #expect(road.surface == .concrete && road.roadClass == .toVillage)
    }

    /// A Shapefile whose DBF holds TCVN3 bytes and no .cpg, as provincial offices still send:
    /// the bytes are iconv's (`iconv -f UTF-8 -t TCVN5712-1`), written by ogr2ogr as Latin-1.
    @Test func tcvn3ShapefileNamesBecomeUnicode() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let name = "Đường liên xã Quốc Khánh"
        let bytes = try #require(OfficeFiles.iconvTCVN3(name))
        let latin1 = String(bytes.map { Character(Unicode.Scalar($0)) })
        let csv = "id,name,programme,category,status,WKT\nT-1,\(latin1),135,road,proposed,\"LINESTRING (106.07 21.1,106.17 21.1)\"\n"
        let shp = try OfficeFiles.convert(
            csv: csv, in: world, to: "duong.shp", driver: "ESRI Shapefile", extra: ["-lco", "ENCODING=ISO-8859-1"])
        try? FileManager.default.removeItem(at: shp.deletingPathExtension().appendingPathExtension("cpg"))
        _ = try world.importer.importWorks(from: shp, options: WorkFileOptions(tcvn3: true))
        #expect(try world.database.work(id: "T-1")?.work.name == name)
    }
}
