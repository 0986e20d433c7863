import AtlasModel
import Testing

@Suite struct WorkStatusTests {
    /// SPEC §1: proposed → approved → under_construction → completed → handed_over, and
    /// cancelled from any state before completed. Exactly these seven steps are legal.
    static let legal: [(WorkStatus, WorkStatus)] = [
        (.proposed, .approved), (.proposed, .cancelled),
        (.approved, .underConstruction), (.approved, .cancelled),
        (.underConstruction, .completed), (.underConstruction, .cancelled),
        (.completed, .handedOver),
    ]

    /// Every other ordered pair (6 × 6 − 7 = 29), self-transitions included.
    static let illegal: [(WorkStatus, WorkStatus)] = WorkStatus.allCases.flatMap { from in
        WorkStatus.allCases.compactMap { to in
            legal.contains { $0 == (from, to) } ? nil : (from, to)
        }
    }

    @Test(arguments: legal)
    func legalStepIsAccepted(from: WorkStatus, to: WorkStatus) throws {
        // Given a work in `from`; When it moves one legal step; Then nothing is thrown
        try from.checkTransition(to: to)
        #expect(from.successors.contains(to))
    }

    @Test func illegalTableHasEveryOtherPair() {
        // 36 ordered pairs of 6 statuses, minus the 7 legal ones
        #expect(Self.illegal.count == 29)
    }

    @Test(arguments: illegal)
    func illegalStepIsRefusedNamingTheAllowedNextStates(from: WorkStatus, to: WorkStatus) {
        // Given a work in `from`; When it is asked to move to `to`
        let error = #expect(throws: ModelError.self) { try from.checkTransition(to: to) }
        // Then the error is the illegal transition, and its message names both states and every
        // allowed next state (or says that `from` is final)
        #expect(error == .illegalTransition(from: from, to: to))
        let message = error?.description ?? ""
        #expect(message.contains("from \(from.rawValue) to \(to.rawValue)"))
        if from.successors.isEmpty {
            #expect(message.contains("\(from.rawValue) is final"))
        } else {
            for next in from.successors { #expect(message.contains(next.rawValue)) }
        }
        #expect(error?.field == "status")
        #expect(error?.value == to.rawValue)
    }

    @Test(arguments: [
        (
            WorkStatus.proposed, WorkStatus.completed,
            "status cannot change from proposed to completed (allowed next: approved, cancelled)"
        ),
        (
            .approved, .proposed,
            "status cannot change from approved to proposed (allowed next: under_construction, cancelled)"
        ),
        (
            .underConstruction, .handedOver,
            "status cannot change from under_construction to handed_over (allowed next: completed, cancelled)"
        ),
        (.completed, .cancelled, "status cannot change from completed to cancelled (allowed next: handed_over)"),
        (.completed, .completed, "status cannot change from completed to completed (allowed next: handed_over)"),
        (.handedOver, .completed, "status cannot change from handed_over to completed: handed_over is final"),
        (.cancelled, .approved, "status cannot change from cancelled to approved: cancelled is final"),
    ])
    func illegalStepMessageReadsExactly(from: WorkStatus, to: WorkStatus, message: String) {
        // Given a table of illegal steps with the message a user should read
        let error = #expect(throws: ModelError.self) { try from.checkTransition(to: to) }
        // Then the message is exactly that
        #expect(error?.description == message)
    }

    @Test func onlyCompletedAndHandedOverServe() {
        // SPEC §2: a work serves when completed or handed over
        let serving = WorkStatus.allCases.filter(\.isServing)
        #expect(serving == [.completed, .handedOver])
    }

    @Test func finalStatesHaveNoSuccessor() {
        #expect(WorkStatus.handedOver.successors.isEmpty)
        #expect(WorkStatus.cancelled.successors.isEmpty)
    }
}
