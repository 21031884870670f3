#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A small number for the calling thread, given on its first call (0, 1, 2 … in that order) and
/// the same for the rest of the thread's life, so per-thread state can be an array slot.
enum ThreadSlot {
    private static let next = Atomic<Int>(0)
    /// One key for the process, holding each thread's slot plus one (0 is "none yet").
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
        return key
    }()

    static var current: Int {
        let stored = Int(bitPattern: pthread_getspecific(key))
        if stored != 0 { return stored - 1 }
        let slot = next.add(1, ordering: .relaxed).oldValue
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: slot + 1))
        return slot
    }
}
