import AtlasCoverage

/// The rows `check` prints. In the table, a rule that fires on many works at once (upkeep due
/// on every old handed-over work) shows its first few and one line saying how many more, so the
/// other findings stay readable; CSV lists every finding.
enum FindingRows {
    static let foldedRules: Set<String> = ["maintenance_due"]
    static let shownPerFoldedRule = 5

    static func rows(_ findings: [Finding], folded: Bool) -> [[String]] {
        var shown: [String: Int] = [:]
        var hidden: [(rule: String, severity: Finding.Severity, count: Int)] = []
        var rows: [[String]] = []
        for finding in findings {
            if folded, foldedRules.contains(finding.rule) {
                shown[finding.rule, default: 0] += 1
                if shown[finding.rule]! > shownPerFoldedRule {
                    if let i = hidden.firstIndex(where: { $0.rule == finding.rule }) {
                        hidden[i].count += 1
                    } else {
                        hidden.append((finding.rule, finding.severity, 1))
                    }
                    continue
                }
            }
            rows.append([finding.severity.rawValue, finding.subject, finding.id, finding.rule, finding.reason])
        }
        for (rule, severity, count) in hidden {
            rows.append([
                severity.rawValue, "work", "(\(count) more)", rule,
                "\(count) more works like these; all of them with --format csv",
            ])
        }
        return rows
    }
}
