import Foundation

/// The files a batch reads, in a stable order whatever the file system lists first.
public enum BatchInputs {
    /// Extensions taken when walking a folder: submissions, document text and spreadsheets.
    public static let extensions: Set<String> = ["yaml", "yml", "txt", "text", "md", "xlsx"]

    /// Every file named in `paths`: folders are walked recursively (hidden files and folders are
    /// skipped, and only files with a known extension are taken); files named directly are
    /// always taken, whatever their format, so an unreadable one is reported, not ignored.
    /// Paths named as files keep their given order; each folder's files are sorted by path.
    /// A file reached twice is read once.
    public static func collect(_ paths: [String]) -> [String] {
        var files: [String] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted { files.append(path) }
        }
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                add(path)
                continue
            }
            var found: [String] = []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let walker = manager.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                        continue
                    }
                    guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                    let full = base + "/" + relative
                    var childIsDirectory: ObjCBool = false
                    if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                        found.append(full)
                    }
                }
            }
            for file in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { add(file) }
        }
        return files
    }

    /// A run name guessed from the inputs: the year when every path names the same one
    /// (`2024`), else the last component of the first path (`Examples`).
    public static func runName(_ paths: [String]) -> String {
        let years = Set(paths.compactMap(year(in:)))
        if years.count == 1, let year = years.first { return String(year) }
        let first = URL(fileURLWithPath: paths.first ?? "batch").standardizedFileURL
        let name = first.hasDirectoryPath || !first.pathExtension.isEmpty ? first.deletingPathExtension().lastPathComponent : first.lastPathComponent
        return name.isEmpty || name == "/" ? "batch" : name
    }

    /// A year 1990–2100 written in `path` as four separate digits, if any.
    static func year(in path: String) -> Int? {
        let digits = Array(path.utf8)
        var index = 0
        while index + 4 <= digits.count {
            let window = digits[index..<index + 4]
            let before = index > 0 ? digits[index - 1] : 0
            let after = index + 4 < digits.count ? digits[index + 4] : 0
            if window.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !(before >= 0x30 && before <= 0x39), !(after >= 0x30 && after <= 0x39),
               let year = Int(String(decoding: window, as: UTF8.self)), (1990...2100).contains(year) {
                return year
            }
            index += 1
        }
        return nil
    }

    /// Where a table's report goes inside the report folder: the input's path without its
    /// extension, made relative and safe (`Examples/seed-003.md`; `-2`, `-3` for later tables).
    public static func reportPath(for file: String, table: Int, tables: Int, extension ext: String) -> String {
        var components = file.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty }.map { $0 == ".." ? "_" : $0 }
        var name = components.popLast() ?? "table"
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        let suffix = tables > 1 ? "-\(table)" : ""
        return (components + [name + suffix + "." + ext]).joined(separator: "/")
    }
}
