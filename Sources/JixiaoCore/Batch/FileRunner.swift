import Foundation
import JixiaoBase

/// Runs a batch's files on a pool of threads and hands their outcomes on in input order.
///
/// Each thread takes the next file, works on it, and puts its outcome in a reorder buffer; the
/// thread that finds the next outcome in order there delivers it (and every one after it that is
/// ready) while the others go on working. So no thread waits for another to hand it work or to
/// write its results, and the pool's threads are the only busy ones. At most `window` files are
/// taken ahead of the last one delivered, which bounds memory whatever the run's size.
///
/// With a `timeout`, each file's work runs under a `TimeLimit` (`TimeLimit.current`), started when
/// a thread takes the file up, and the readers stop soon after it passes. Swift cannot stop a
/// thread, so a watchdog also looks at the running files every `pollInterval`: once a deadline
/// has passed, that file is delivered as timed out at once and a new thread takes the place of
/// the one still busy with it. A file stuck where no loop asks the deadline (a read that blocks,
/// a C library) costs one thread, not the run, and the outputs never wait for it.
///
/// The work runs on these threads rather than on Swift's cooperative pool, which a blocked
/// thread would starve.
final class FileRunner: @unchecked Sendable {
    typealias Work = @Sendable (Int) -> FileOutcome
    typealias TimedOut = @Sendable (Int, TimeLimit) -> FileOutcome
    typealias Deliver = (FileOutcome) throws -> Void

    /// A file being worked on.
    private final class Job {
        let index: Int
        let deadline: TimeLimit?
        /// The watchdog delivered it as timed out and gave its thread's place to a new one.
        var abandoned = false

        init(index: Int, deadline: TimeLimit?) {
            self.index = index
            self.deadline = deadline
        }
    }

    private let count: Int
    private let timeout: Duration?
    private let window: Int
    private let work: Work
    private let timedOut: TimedOut
    /// Called by one thread at a time, under `delivering`.
    private let deliver: Deliver

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var next = 0
    private var delivered = 0
    private var finished: [Int: FileOutcome] = [:]
    private var running: [Job] = []
    private var delivering = false
    private var failure: (any Error)?
    private var completion: CheckedContinuation<Void, any Error>?

    /// Runs `work` for every index in `0..<count` on `threads` threads and calls `deliver` with
    /// the outcomes in index order, one call at a time. A file over `timeout` is delivered as
    /// `timedOut(index, deadline)`. The first error `deliver` throws ends the run: no new file
    /// is started, and the error is thrown once the files being worked on are done.
    static func run(
        _ count: Int, threads: Int, timeout: Duration?, window: Int,
        work: @escaping Work, timedOut: @escaping TimedOut, deliver: @escaping Deliver
    ) async throws {
        let runner = FileRunner(count: count, timeout: timeout, window: max(1, window), work: work, timedOut: timedOut,
                                deliver: deliver)
        try await withCheckedThrowingContinuation { continuation in
            runner.start(threads: max(1, min(threads, count)), completion: continuation)
        }
    }

    private init(count: Int, timeout: Duration?, window: Int, work: @escaping Work, timedOut: @escaping TimedOut,
                 deliver: @escaping Deliver) {
        self.count = count
        self.timeout = timeout
        self.window = window
        self.work = work
        self.timedOut = timedOut
        self.deliver = deliver
    }

    private func start(threads: Int, completion: CheckedContinuation<Void, any Error>) {
        condition.lock()
        self.completion = completion
        settleIfDone()
        condition.unlock()
        guard count > 0 else { return }
        for _ in 0..<threads { startWorker() }
        if let timeout {
            // A twentieth of the limit, between 10 ms and 250 ms: a file is reported at most 5%
            // late, and an idle watchdog wakes at most four times a second.
            let pollInterval = min(max(timeout / 20, .milliseconds(10)), .milliseconds(250))
            let watchdog = Thread { [self] in watch(every: pollInterval) }
            watchdog.name = "jixiao-watchdog"
            watchdog.start()
        }
    }

    /// Starts a worker.
    private func startWorker() {
        let thread = Thread { [self] in takeFiles() }
        thread.name = "jixiao-file"
        thread.start()
    }

    /// A worker thread: takes files until none is left (or the run failed).
    private func takeFiles() {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, next < count {
            if next - delivered >= window {
                condition.wait()
                continue
            }
            let job = Job(index: next, deadline: timeout.map { TimeLimit(timeout: $0) })
            next += 1
            running.append(job)
            condition.unlock()

            var outcome: FileOutcome
            if let deadline = job.deadline {
                outcome = TimeLimit.$current.withValue(deadline) { work(job.index) }
                if !deadline.finish() { outcome = timedOut(job.index, deadline) }
            } else {
                outcome = work(job.index)
            }

            condition.lock()
            running.removeAll { $0 === job }
            // A new thread took this one's place when the watchdog delivered the file.
            if job.abandoned { return }
            finished[job.index] = outcome
            deliverReady()
            settleIfDone()
        }
    }

    /// Delivers the outcomes that are next in order, unless another thread is already doing so
    /// (it will find them). Called and returns with the lock held; delivers without it.
    private func deliverReady() {
        guard !delivering else { return }
        delivering = true
        while failure == nil, let outcome = finished.removeValue(forKey: delivered) {
            condition.unlock()
            var thrown: (any Error)?
            do { try deliver(outcome) } catch { thrown = error }
            condition.lock()
            if let thrown {
                failure = thrown
                finished = [:]
            } else {
                delivered += 1
            }
            // Room in the window, or the run is over: waiting threads look again.
            condition.broadcast()
        }
        delivering = false
    }

    /// Resumes the caller once every outcome is delivered, or once the run has failed and no
    /// thread is still working on a file. Called with the lock held.
    private func settleIfDone() {
        guard let completion else { return }
        if delivered == count {
            self.completion = nil
            completion.resume()
        } else if let failure, !delivering, !running.contains(where: { !$0.abandoned }) {
            self.completion = nil
            completion.resume(throwing: failure)
        }
    }

    private func watch(every pollInterval: Duration) {
        while true {
            Thread.sleep(forTimeInterval: Double(pollInterval.components.attoseconds) / 1e18 + Double(pollInterval.components.seconds))
            condition.lock()
            defer { condition.unlock() }
            if completion == nil { return }
            for job in running where !job.abandoned {
                guard let deadline = job.deadline, deadline.hasExpired else { continue }
                job.abandoned = true
                finished[job.index] = timedOut(job.index, deadline)
                startWorker()
            }
            deliverReady()
            settleIfDone()
        }
    }
}
