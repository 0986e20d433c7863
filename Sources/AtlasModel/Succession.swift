/// How an old unit went into a new one at a reorganisation.
public enum SuccessionRelation: String, AtlasVocabulary {
    /// All of the old unit went into the new one.
    case whole
    /// Part of the old unit went into the new one; the rest went elsewhere.
    case part
}

/// One line of a successions file: the old unit `oldCode` went (wholly or in part) into
/// `newCode` on `effectiveOn`. Codes are read against the units in force the day before and on
/// that day, since a code may be reused with a new meaning.
public struct Succession: Hashable, Sendable {
    public var oldCode: String
    public var newCode: String
    public var effectiveOn: CalendarDate
    public var relation: SuccessionRelation
    /// The fraction of the old unit going to the new one, when the source gives it.
    public var share: Double?

    public init(
        oldCode: String, newCode: String, effectiveOn: CalendarDate, relation: SuccessionRelation, share: Double? = nil
    ) {
        self.oldCode = oldCode
        self.newCode = newCode
        self.effectiveOn = effectiveOn
        self.relation = relation
        self.share = share
    }
}
