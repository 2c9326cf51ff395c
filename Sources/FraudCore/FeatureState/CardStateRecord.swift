/// One card's feature state, encoded by the feature extractor (`FraudModel.CardStateCodec`); opaque to stores.
public struct CardStateRecord: Hashable, Sendable {
    /// The card number.
    public var ccNum: Int64
    /// The encoded state.
    public var state: [UInt8]

    public init(ccNum: Int64, state: [UInt8]) {
        self.ccNum = ccNum
        self.state = state
    }
}
