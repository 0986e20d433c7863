/// The life of a work (SPEC §1): proposed → approved → under_construction → completed →
/// handed_over, and cancelled from any state before completed.
public enum WorkStatus: String, AtlasVocabulary {
    case proposed, approved
    case underConstruction = "under_construction"
    case completed
    case handedOver = "handed_over"
    case cancelled

    /// The statuses reachable in one legal step.
    public var successors: [WorkStatus] {
        switch self {
        case .proposed: [.approved, .cancelled]
        case .approved: [.underConstruction, .cancelled]
        case .underConstruction: [.completed, .cancelled]
        case .completed: [.handedOver]
        case .handedOver, .cancelled: []
        }
    }

    /// Completed and handed-over works serve their surroundings (SPEC §2).
    public var isServing: Bool { self == .completed || self == .handedOver }

    /// Throws unless `next` is one legal step from `self`.
    public func checkTransition(to next: WorkStatus) throws(ModelError) {
        guard successors.contains(next) else {
            throw ModelError.illegalTransition(from: self, to: next)
        }
    }
}
