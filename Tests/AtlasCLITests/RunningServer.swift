import Foundation

/// A `worksatlas serve` process on a free loopback port, killed when the test is done with it.
final class RunningServer: Sendable {
    let process: Process
    let port: Int

    init(workspace: Workspace, maps: String? = nil, arguments extra: [String] = []) throws {
        let output = workspace.path("serve-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments =
            ["serve", "--port", "0", "--db", workspace.database, "--maps", maps ?? workspace.directory.path] + extra
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        var port: Int?
        for _ in 0..<400 where port == nil {
            Thread.sleep(forTimeInterval: 0.05)
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last ?? "")
            }
        }
        guard let port else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start"])
        }
        self.port = port
    }

    /// Posts one work; true only when the server acknowledged it with 201.
    func postWork(id: String, token: String) -> Bool {
        let body =
            #"{"type":"Feature","id":"\#(id)","properties":{"name":"Đường thôn \#(id)","programme":"135","category":"road","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        let reply = RawHTTP.post(
            port: port, "/api/works", body: body,
            headers: ["Authorization: Bearer \(token)", "Content-Type: application/geo+json"])
        return reply.status == 201
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill() }
    }
}
