import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension BatchInputs {
    /// The file every batch leaves in its output folder: a walk never enters a folder that holds
    /// one, so a run inside its own inputs (`jixiao batch .`) never reads its reports back.
    public static let outputMarker = ".jixiao-output"

    /// What the marker says to whoever opens it.
    static let outputMarkerText = "jixiao batch outputs: folders holding this file are not read as inputs\n"

    /// The folders a walk does not enter: the run's own output folder, found by identity
    /// (device and inode, whatever path names it), and any folder holding `outputMarker`.
    struct Boundary {
        private var skipped: Set<Identity> = []

        init(skipping outputDirectory: String?) {
            if let outputDirectory, let identity = Identity(outputDirectory) { skipped.insert(identity) }
        }

        /// Whether a walk goes into `folder`: one `access` per folder, one `stat` more when an
        /// output folder is to be skipped.
        func enters(_ folder: String) -> Bool {
            let path = folder.isEmpty ? "/" : folder
            if access(path + (path.hasSuffix("/") ? "" : "/") + BatchInputs.outputMarker, F_OK) == 0 { return false }
            guard !skipped.isEmpty, let identity = Identity(path) else { return true }
            return !skipped.contains(identity)
        }
    }

    /// A file's identity on its file system.
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }
}
