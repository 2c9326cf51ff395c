/// What an alerter delivers: a fraud alert for one payment, or an operational alert from the monitor.
package enum AlertMessage: Hashable, Sendable {
    case fraud(Alert)
    case operational(OperationalAlert)

    /// The key deliveries are de-duplicated on: the payment's `trans_num`, or the operational alert's id.
    package var deduplicationKey: String {
        switch self {
        case .fraud(let alert): alert.transNum
        case .operational(let alert): "operational:" + alert.id
        }
    }

    /// When the alert was raised.
    package var createdAt: EventTime {
        switch self {
        case .fraud(let alert): alert.createdAt
        case .operational(let alert): alert.createdAt
        }
    }
}
