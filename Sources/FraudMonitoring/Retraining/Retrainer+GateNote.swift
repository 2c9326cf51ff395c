extension Retrainer {
    /// The gate's note, with how the window was sized from the store's confirmed labels when it was too small:
    /// the window holds at most `holdout` of them, so its count alone reads as if the store held no more.
    static func gateNote(_ gate: PromotionGate, confirmedLabels: Int, holdout: Int, configuration: RetrainerConfiguration) -> String {
        guard !gate.sameWindow else { return gate.note }
        return "the store holds \(confirmedLabels) confirmed label\(confirmedLabels == 1 ? "" : "s"); the gate's window takes at most "
            + "\(holdout) of them (the most recent \(configuration.gateWindowRows), at most \(configuration.holdoutShare) of all): "
            + "\(gate.note); none held out, all \(confirmedLabels) train the challenger"
    }
}
