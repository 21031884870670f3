import Foundation

/// A time limit on the work of one input (`jixiao batch --timeout`).
///
/// Swift cannot stop a thread, so the work stops itself: the readers' long loops (YAML events,
/// document lines, paragraphs, tables) ask a `TimeLimit.Ticker`, which is a counter increment
/// and looks at the clock only once every `Ticker.interval` units of work, and give up when time
/// has run out. `TimeLimit.current` is read once per reader call, never per event. Work stuck where no
/// loop asks (a read that blocks, a C library) is not waited for: the batch races each input
/// against its deadline (`FileRunner`) and reports it as timed out on time.
///
/// A time limit ends once, in one of two ways: the work finishes in time (`finish()`), or time
/// runs out (`hasExpired` finds the clock past the limit). Whichever comes first stands, so a
/// result is never both used and reported as timed out.
public final class TimeLimit: @unchecked Sendable {
    /// The time limit of the input being read on this task or thread; nil outside a batch.
    @TaskLocal public static var current: TimeLimit?

    /// How long the work may take.
    public let timeout: Duration
    /// When time runs out.
    public let limit: ContinuousClock.Instant
    private let lock = NSLock()
    private var state = State.running

    private enum State {
        case running, finished, expired
    }

    public init(timeout: Duration, from start: ContinuousClock.Instant = .now) {
        self.timeout = timeout
        limit = start.advanced(by: timeout)
    }

    /// Whether time has run out. The first call that finds the clock past the limit ends the
    /// deadline as expired, unless the work has finished.
    public var hasExpired: Bool {
        lock.lock()
        defer { lock.unlock() }
        if state == .running, ContinuousClock.now >= limit { state = .expired }
        return state == .expired
    }

    /// Ends the deadline because the work is done. False when time ran out first: the work's
    /// result must then be dropped (and anything it wrote removed). Calling it again gives the
    /// same answer.
    public func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if state == .running { state = ContinuousClock.now >= limit ? .expired : .finished }
        return state == .finished
    }

    /// The input error of `file` when its time ran out.
    public func error(file: String) -> InputError {
        let seconds = Self.seconds(timeout)
        return InputError(
            .timedOut, at: SourceLocation(file: file, line: 0),
            message: LocalizedText(zh: "处理时间超过 \(seconds) 秒的上限，已跳过", en: "not done within the \(seconds) s limit; skipped"),
            hint: LocalizedText(zh: "检查文件是否异常（过大、重复内容极多），或用 --timeout 放宽上限（0 为不限）",
                                en: "check the file (huge, or one thing repeated over and over), or raise the limit with --timeout (0 for none)"))
    }

    /// `30`, `0.5`: a duration in seconds as an option would be written.
    static func seconds(_ duration: Duration) -> String {
        var text = String(duration.seconds)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// Asks a deadline in a loop without slowing the loop: `isExpired()` adds to a count of work
    /// done and reads the clock only when `interval` units have been done since the last look.
    /// A loop of cheap steps counts one per step; a loop whose steps cost more (a pass over a
    /// sentence) counts what each step costs. Without a deadline it never expires.
    ///
    /// Inlinable: the readers of every module call it once per step of their loops.
    public struct Ticker {
        /// Units of work between two looks at the clock.
        public static let interval = 1024
        public let deadline: TimeLimit?
        @usableFromInline var work = 0
        @usableFromInline var expired = false

        public init(_ deadline: TimeLimit? = TimeLimit.current) {
            self.deadline = deadline
        }

        /// Whether time has run out, as of the last look at the clock; once true, always true.
        @inlinable @inline(__always)
        public mutating func isExpired(_ units: Int = 1) -> Bool {
            work &+= units
            if work >= Self.interval {
                work = 0
                if !expired, let deadline { expired = deadline.hasExpired }
            }
            return expired
        }

        /// Throws the timed-out error of `file` when time has run out.
        @inlinable @inline(__always)
        public mutating func check(_ file: String, _ units: Int = 1) throws(InputError) {
            if isExpired(units), let deadline { throw deadline.error(file: file) }
        }
    }
}

extension Duration {
    /// The duration in seconds, for timings and messages (never for money or scores).
    package var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
