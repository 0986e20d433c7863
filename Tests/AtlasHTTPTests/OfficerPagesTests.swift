import AtlasTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// The officers' pages (upload, my works, users): served from the allow-list with the pages'
/// Content-Security-Policy, every file they load served too, no inline script or style, no
/// HTML parsed from data, and the Vietnamese written in each page the words of officer.js.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct OfficerPagesTests {
    static let pages = ["upload", "works", "admin"]
    static let maps = SignInTests.repository.appendingPathComponent("Maps")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: maps.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func eachPageIsServedWithThePolicyAndEveryFileItLoads() async throws {
        let world = try TestWorld.make()
        let files = PageFiles(mapsDirectory: Self.maps.path, leafletDirectory: "/none")
        for page in Self.pages {
            let html = try Self.text(page + ".html")
            let loaded = html.matches(of: /(?:src|href)="([a-z0-9-]+\.(?:js|css))"/).map { String($0.1) }
            #expect(loaded.contains("officer.js") && loaded.contains(page + ".js") && loaded.contains("style.css"))
            for file in loaded where file != "vocabulary.js" {
                #expect(files.entries["/" + file] != nil, "\(page).html loads \(file), which is not served")
            }
            try TestWorld.write(html, to: world.directory.appendingPathComponent("maps/\(page).html"))
        }
        try await world.test { client in
            for page in Self.pages {
                let response = try await client.get("/" + page)
                #expect(response.status == .ok, "/\(page)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
            }
        }
    }

    @Test func nothingInlineAndNoHTMLFromData() throws {
        for page in Self.pages {
            let html = try Self.text(page + ".html")
            #expect(html.matches(of: /<script(?![^>]*\bsrc=)/).isEmpty, "\(page).html has an inline script")
            #expect(!html.contains("style=") && !html.contains("<style"), "\(page).html has an inline style")
            #expect(html.matches(of: /\son[a-z]+=/).isEmpty, "\(page).html has an inline event handler")
        }
        for script in ["officer.js"] + Self.pages.map({ $0 + ".js" }) {
            let code = try Self.text(script)
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
                #expect(!code.contains(sink), "\(script) uses \(sink)")
            }
        }
    }

    @Test func theWordsWrittenInThePagesAreThoseOfOfficerJS() throws {
        let script = try Self.text("officer.js")
        let vi = script.components(separatedBy: "    en: {")[0]
        let en = script.components(separatedBy: "    en: {").dropFirst().first ?? ""
        var keys = 0
        for page in Self.pages {
            for match in try Self.text(page + ".html").matches(of: #/data-o="(\w+)"[^>]*>([^<]+)</#) {
                let (key, text) = (String(match.1), String(match.2))
                keys += 1
                if key == "switchLang" { continue }  // the map page's word, from i18n.js
                #expect(vi.contains("\(key): '\(text)'"), "\(page).html's \(key) is \"\(text)\", not officer.js's")
                #expect(en.contains("\(key): '"), "officer.js has no English \(key)")
            }
        }
        #expect(keys >= 30)
        #expect(en.contains("navUpload: 'Import a file'") && en.contains("navWorks: 'My works'"))
        #expect(vi.contains("confirm: 'Xác nhận nhập'") && en.contains("confirm: 'Confirm import'"))
    }
}
