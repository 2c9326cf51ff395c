/// What the simulator has scheduled: a card's next legitimate payment, a fraudulent payment of
/// an episode, or the start of the next fraud episode.
struct ScheduledEvent: Sendable {
    enum Kind: UInt8, Sendable {
        case legitimate, fraudulent, episodeStart
    }

    /// Event time in seconds since 1970.
    var time: Int64
    /// Ties are broken by scheduling order, so the stream is the same on every platform.
    var sequence: UInt64
    var kind: Kind
    /// Index into the simulator's cards (unused for `episodeStart`).
    var card: Int32
    /// The episode this fraudulent payment belongs to.
    var episode: FraudEpisode.Payment = .none

    @inline(__always)
    static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
    }
}

/// A binary min-heap of scheduled events, earliest first.
struct EventQueue: Sendable {
    private var heap: [ScheduledEvent] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }

    /// The earliest event, if any.
    var first: ScheduledEvent? { heap.first }

    mutating func push(_ event: ScheduledEvent) {
        var event = event
        event.sequence = nextSequence
        nextSequence += 1
        heap.append(event)
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest event.
    mutating func popFirst() -> ScheduledEvent? {
        guard !heap.isEmpty else { return nil }
        let first = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return first
    }

    /// Replaces the earliest event by `event` (one sift instead of a pop and a push).
    mutating func replaceFirst(with event: ScheduledEvent) {
        var event = event
        event.sequence = nextSequence
        nextSequence += 1
        heap[0] = event
        siftDown(0)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let item = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard item < heap[parent] else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = item
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let item = heap[parent]
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
            guard heap[child] < item else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = item
    }
}
