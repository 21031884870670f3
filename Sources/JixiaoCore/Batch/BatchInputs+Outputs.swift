import Foundation
import JixiaoBase
#if canImport(Glibc)
import Glibc
#endif

extension BatchInputs {
    /// The file every batch leaves in its output folder: a walk never enters a folder that holds
    /// one, so a run inside its own inputs (`jixiao batch .`) never reads its reports back.
    public static let outputMarker = ".jixiao-output"

    /// What the marker says to whoever opens it.
    static let outputMarkerText = "jixiao batch outputs: folders holding this file are not read as inputs\n"

    /// Where a walk stops: the folders it does not enter (the run's own output folder, found by
    /// identity, device and inode, whatever path names it; any folder holding `outputMarker`),
    /// and the links it does not follow (to a file outside the folder being walked, unless
    /// `followsLinks`), which it keeps in `outsideLinks` to be listed.
    final class Boundary {
        private var skipped: Set<Identity> = []
        let followsLinks: Bool
        /// The folder being walked, links resolved, with a trailing `/`.
        private var root = "/"
        private(set) var outsideLinks: [String] = []

        init(skipping outputDirectory: String?, followsLinks: Bool) {
            self.followsLinks = followsLinks
            if let outputDirectory, let identity = Identity(outputDirectory) { skipped.insert(identity) }
        }

        /// Starts the walk of `folder`.
        func start(_ folder: String) {
            let resolved = Self.resolved(folder.isEmpty ? "/" : folder) ?? "/"
            root = resolved.hasSuffix("/") ? resolved : resolved + "/"
        }

        /// Whether the walk reads the file the link `path` points to: one inside the folder
        /// walked, or any with `followsLinks`; a link it does not follow is kept to be listed.
        func follows(link path: String) -> Bool {
            if followsLinks { return true }
            if let target = Self.resolved(path), target.hasPrefix(root) { return true }
            outsideLinks.append(path)
            return false
        }

        private static func resolved(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
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

    /// The error that lists a link to a file outside the folder walked, not followed.
    public static func outsideLinkError(_ file: String) -> InputError {
        let name = (file as NSString).lastPathComponent
        return InputError(.linkOutsideFolder, at: SourceLocation(file: file, line: 0),
                          message: LocalizedText(zh: "“\(name)”是指向所读文件夹之外的链接，未读取",
                                                 en: "'\(name)' is a link to a file outside the folder being read; not read"),
                          hint: LocalizedText(zh: "要读取它，请加 --follow-links，或直接列出该文件",
                                              en: "add --follow-links to read it, or name the file itself"))
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
