import Foundation
import JixiaoBase
import JixiaoCore

/// Writes uploaded files under the data folder. The client's file name is only a hint: the
/// stored name is generated (a sequence number, the name's letters and digits, and an
/// extension the engine reads), so no path from the client ever reaches the file system.
package enum UploadStore {
    /// Extensions accepted for tables (what `BatchInputs` collects).
    package static var tableExtensions: Set<String> { BatchInputs.extensions }

    /// The stored name of upload number `index` whose client name is `clientName`, or nil
    /// when its extension is not one of `extensions`.
    package static func storedName(index: Int, clientName: String, extensions: Set<String>) -> String? {
        let base = clientName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let parts = base.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last else { return nil }
        let ext = last.lowercased()
        guard extensions.contains(ext) else { return nil }
        let stem = parts.dropLast().joined(separator: ".")
        // Letters (Chinese included), digits, - and _ only; at most 60 of them.
        let kept = String(stem.unicodeScalars.filter { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }.prefix(60).map(Character.init))
        return String(format: "%04d", index) + (kept.isEmpty ? "" : "-" + kept) + "." + ext
    }

    /// The name shown for a client's file name: its last component, at most 200 characters.
    package static func displayName(_ clientName: String) -> String {
        let base = clientName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? clientName
        return String(base.prefix(200))
    }

    /// A fresh identifier for a job or a stored check: 16 hex digits from the system's random source.
    package static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%016llx", generator.next() as UInt64)
    }

    /// Whether `id` could have been made by `newID` (route parameters are checked before use).
    package static func isID(_ id: String) -> Bool {
        id.utf8.count == 16 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
