import Foundation

/// Runs each input's work on a thread of its own pool, racing it against a per-file deadline.
///
/// Swift cannot stop a thread. The work is given its `Deadline` (`Deadline.current`) and the
/// readers stop soon after it passes; a watchdog thread also looks at the running work every
/// `pollInterval` and, once a deadline has passed, reports that file as timed out at once and
/// starts a new thread in place of the one still busy with it. So a file stuck where no loop
/// asks the deadline (a read that blocks, a C library) costs one thread, not the run: the run
/// keeps `threads` threads working, and its outputs never wait for the stuck file.
///
/// The work runs on these threads rather than on Swift's cooperative pool, which a blocked
/// thread would starve. Each file's deadline starts when a thread takes it up, not when it is
/// queued.
final class FileRunner: @unchecked Sendable {
    typealias Work = @Sendable () -> FileOutcome
    typealias TimedOut = @Sendable (Deadline) -> FileOutcome

    private final class Job: @unchecked Sendable {
        let work: Work
        let timedOut: TimedOut
        var deadline: Deadline?
        /// Resumed once, by whoever settles the job first; nil afterwards.
        var continuation: CheckedContinuation<FileOutcome, Never>?
        /// The watchdog reported it and gave its thread's place to a new one.
        var abandoned = false

        init(work: @escaping Work, timedOut: @escaping TimedOut, continuation: CheckedContinuation<FileOutcome, Never>) {
            self.work = work
            self.timedOut = timedOut
            self.continuation = continuation
        }
    }

    let timeout: Duration
    let pollInterval: Duration
    private let condition = NSCondition()
    private var pending: [Job] = []
    private var running: [Job] = []
    private var closed = false

    /// Starts `threads` worker threads and the watchdog.
    init(threads: Int, timeout: Duration) {
        self.timeout = timeout
        // A twentieth of the limit, between 10 ms and 250 ms: a file is reported at most 5%
        // late, and an idle watchdog wakes at most four times a second.
        pollInterval = min(max(timeout / 20, .milliseconds(10)), .milliseconds(250))
        for _ in 0..<max(1, threads) { startWorker() }
        let watchdog = Thread { [self] in watch() }
        watchdog.name = "jixiao-watchdog"
        watchdog.start()
    }

    /// The outcome of `work`, or `timedOut(deadline)` when its deadline passes first.
    func run(_ work: @escaping Work, timedOut: @escaping TimedOut) async -> FileOutcome {
        await withCheckedContinuation { continuation in
            condition.lock()
            pending.append(Job(work: work, timedOut: timedOut, continuation: continuation))
            condition.signal()
            condition.unlock()
        }
    }

    /// Lets the threads end once the queue is empty. Threads still busy with abandoned work end
    /// when it does (or with the process).
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func startWorker() {
        let thread = Thread { [self] in work() }
        thread.name = "jixiao-file"
        thread.start()
    }

    private func work() {
        condition.lock()
        while true {
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty {
                condition.unlock()
                return
            }
            let job = pending.removeFirst()
            let deadline = Deadline(timeout: timeout)
            job.deadline = deadline
            running.append(job)
            condition.unlock()

            let outcome = Deadline.$current.withValue(deadline) { job.work() }
            let inTime = deadline.finish()

            condition.lock()
            running.removeAll { $0 === job }
            let continuation = job.continuation
            job.continuation = nil
            let abandoned = job.abandoned
            condition.unlock()
            continuation?.resume(returning: inTime ? outcome : job.timedOut(deadline))
            // A new thread took this one's place when the job was abandoned.
            if abandoned { return }
            condition.lock()
        }
    }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: Double(pollInterval.components.attoseconds) / 1e18 + Double(pollInterval.components.seconds))
            condition.lock()
            if closed {
                condition.unlock()
                return
            }
            var late: [(Job, Deadline, CheckedContinuation<FileOutcome, Never>)] = []
            for job in running where !job.abandoned {
                guard let deadline = job.deadline, deadline.hasExpired else { continue }
                job.abandoned = true
                if let continuation = job.continuation { late.append((job, deadline, continuation)) }
                job.continuation = nil
            }
            condition.unlock()
            for (job, deadline, continuation) in late {
                startWorker()
                continuation.resume(returning: job.timedOut(deadline))
            }
        }
    }
}
