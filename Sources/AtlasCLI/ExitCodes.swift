import ArgumentParser
import AtlasImport
import AtlasModel
import AtlasReports
import AtlasStore
import Foundation

/// Stable exit statuses: scripts and CI gate on them.
enum AtlasExitCode {
    static let ok: Int32 = 0
    static let dataProblems: Int32 = 1
    static let usage: Int32 = 2
    static let runtime: Int32 = 3
}

/// A command's refusal that is the data's fault (exit 1), with a message for the user.
struct DataProblem: Error, CustomStringConvertible {
    let description: String
}

extension Atlas {
    static func exit(withStableCode error: Error) -> Never {
        let code: Int32
        let message: String
        switch error {
        case let failure as ImportFailure:
            (code, message) = (AtlasExitCode.dataProblems, failure.description)
        case let problem as DataProblem:
            (code, message) = (AtlasExitCode.dataProblems, problem.description)
        case let model as ModelError:
            (code, message) = (AtlasExitCode.dataProblems, "\(model.field): \(model.description)")
        case let refusal as DatabaseBackup.Refusal:
            (code, message) = (AtlasExitCode.dataProblems, refusal.description)
        case StoreError.moneyOverflow(let scope):
            (code, message) = (AtlasExitCode.dataProblems, StoreError.moneyOverflow(scope: scope).description)
        case let report as ReportError:
            (code, message) = (AtlasExitCode.dataProblems, report.description)
        case StoreError.maintenanceOverflow(let workId):
            (code, message) = (AtlasExitCode.dataProblems, StoreError.maintenanceOverflow(workId: workId).description)
        case MapError.noData(let why):
            (code, message) = (AtlasExitCode.dataProblems, why)
        case let map as MapError:
            (code, message) = (AtlasExitCode.runtime, map.description)
        case let store as StoreError:
            (code, message) = (AtlasExitCode.runtime, store.description)
        case let exit as ExitCode:
            Foundation.exit(exit.rawValue)
        default:
            let parserCode = exitCode(for: error)
            if parserCode == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if error is CleanExit || parserCode == .validationFailure {
                (code, message) = (AtlasExitCode.usage, fullMessage(for: error))
            } else {
                (code, message) = (AtlasExitCode.runtime, "error: \(error)")
            }
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(code)
    }
}
