#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A small number for the calling thread, so per-thread state can be an array slot: the one the
/// thread was given (a batch's workers are 0, 1, 2 …), else one taken on its first call from a
/// count of its own, kept for the rest of the thread's life.
enum ThreadSlot {
    private static let next = Atomic<Int>(0)
    /// One key for the process, holding each thread's slot plus one (0 is "none yet").
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
        return key
    }()

    static var current: Int {
        get {
            let stored = Int(bitPattern: pthread_getspecific(key))
            if stored != 0 { return stored - 1 }
            let slot = next.add(1, ordering: .relaxed).oldValue
            pthread_setspecific(key, UnsafeRawPointer(bitPattern: slot + 1))
            return slot
        }
        set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue + 1)) }
    }
}
