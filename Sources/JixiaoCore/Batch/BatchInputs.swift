import Foundation
import JixiaoBase
#if canImport(Glibc)
import Glibc
#endif

/// The files a batch reads, in a stable order whatever the file system lists first.
public enum BatchInputs {
    /// Extensions taken when walking a folder: submissions, document text, spreadsheets, Word
    /// documents, web pages, PDFs, and old Office/WPS files (.doc, .wps, .xls, .et), which LibreOffice
    /// converts: without LibreOffice each of those is an error row that says what to install,
    /// which tells more than the list of unsupported files would.
    public static let extensions: Set<String> = ["yaml", "yml", "txt", "text", "md", "xlsx", "docx", "htm", "html", "pdf", "doc", "wps", "xls", "et"]

    /// What a batch is given: the files to audit, and the files found in its folders that are of
    /// no format the tool reads (listed in errors.csv as `unsupported-format`, never skipped in
    /// silence).
    public struct Collected: Sendable {
        public var files: [String]
        public var unsupported: [String]
        /// Links in the folders to files outside them, not followed (listed in errors.csv as
        /// `link-outside-folder`).
        public var outsideLinks: [String] = []
    }

    /// Every file named in `paths`: folders are walked recursively (hidden files and folders are
    /// skipped; files with a known extension are taken, the others listed as unsupported); files
    /// named directly are always taken, whatever their format, so an unreadable one is reported.
    /// Paths named as files keep their given order; each folder's files are sorted by path.
    /// A file reached twice is read once. Output folders are never walked: `outputDirectory`
    /// (the run's own) and any folder holding an `outputMarker`. A link in a folder to a file
    /// outside it is not followed unless `followingLinks` (a link to a folder never is).
    public static func collect(_ paths: [String], skipping outputDirectory: String? = nil, followingLinks: Bool = false) -> Collected {
        let boundary = Boundary(skipping: outputDirectory, followsLinks: followingLinks)
        var files: [String] = []
        var unsupported: [String] = []
        var seen: Set<String> = []
        let workingDirectory = FileManager.default.currentDirectoryPath
        func add(_ path: String) {
            if seen.insert(absolute(path, in: workingDirectory)).inserted { files.append(path) }
        }
        for path in paths {
            guard kind(of: path) == .directory else {
                add(path)
                continue
            }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard boundary.enters(folder) else { continue }
            boundary.start(folder)
            var found: [String] = []
            walk(folder, boundary: boundary) { path, known in
                if known { found.append(path) } else { unsupported.append(path) }
            }
            found.sort { $0.utf8Precedes($1) }
            // A walk's paths are the folder's, then plain names (no `.`, `..` or empty part):
            // the folder is made absolute once, not each of its files.
            let base = folder.isEmpty ? "/" : absolute(folder, in: workingDirectory)
            let prefix = base == "/" ? "" : base
            for file in found where seen.insert(prefix + String(decoding: file.utf8.dropFirst(folder.utf8.count), as: UTF8.self)).inserted {
                files.append(file)
            }
        }
        func sorted(_ paths: [String]) -> [String] { paths.sorted { $0.utf8Precedes($1) } }
        return Collected(files: files, unsupported: sorted(unsupported), outsideLinks: sorted(boundary.outsideLinks))
    }

    private enum Kind { case directory, file, missing }

    /// What `path` is, following symbolic links: a folder, something else that exists, or nothing.
    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return info.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    /// Calls `found` with every non-hidden file under `folder` (output folders left out, see
    /// `Boundary`), depth first, and whether its extension is known. Entries are typed from the directory listing; only links and file
    /// systems that do not say are looked up one by one. A link to a folder is not followed
    /// (links can loop).
    private static func walk(_ folder: String, boundary: Boundary, found: (String, Bool) -> Void) {
        guard let directory = opendir(folder.isEmpty ? "/" : folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            let kind: Kind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): kind(of: full) == .file && boundary.follows(link: full) ? .file : .missing
            case Int32(DT_UNKNOWN): kind(of: full)
            default: .file
            }
            switch kind {
            case .directory: if boundary.enters(full) { walk(full, boundary: boundary, found: found) }
            case .file: found(full, hasKnownExtension(name))
            default: break
            }
        }
    }

    /// The error that lists a file of no format the tool reads.
    public static func unsupportedError(_ file: String) -> InputError {
        let name = (file as NSString).lastPathComponent
        let known = extensions.sorted().map { "." + $0 }.joined(separator: " ")
        return InputError(.unsupportedFormat, at: SourceLocation(file: file, line: 0),
                          message: LocalizedText(zh: "“\(name)”不是能读取的文件类型，未审核", en: "'\(name)' is not a kind of file the tool reads; not audited"),
                          hint: LocalizedText(zh: "能读取：\(known)", en: "read: \(known)"))
    }

    /// Whether `name` ends in one of `extensions`, in any case (`a.YAML`): what follows its last
    /// dot, when that dot is not its first character.
    static func hasKnownExtension(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return false }
        let lowercased = bytes[bytes.index(after: dot)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return extensions.contains(String(decoding: lowercased, as: UTF8.self))
    }

    /// `path` made absolute, with `.`, `..` and repeated slashes resolved in its text (links are
    /// not followed): the key under which a file reached twice is recognised.
    static func absolute(_ path: String, in workingDirectory: String) -> String {
        let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var parts: [Substring] = []
        for part in components(full) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The non-empty components of `path` between its slashes, split on bytes (splitting on
    /// characters costs as much as the rest of reading a path's report place).
    private static func components(_ path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
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

    /// Where each input's reports go (`reportBase(for:)`), one place per input, relative to the
    /// folder all inputs share (`/data/2024/a.yaml` and `/data/2024/b/c.yaml` give `a` and `b/c`):
    /// inputs that would share one (`a.yaml` and `a.txt`; paths that differ only by `..` or a
    /// leading `/`) keep their file's extension (`a.yaml`, `a.txt`); a place still taken, or one
    /// that a document of several tables could use for a later table (`a-2` next to `a`), gets
    /// `_` added.
    public static func reportBases(for files: [String]) -> [String] {
        let places = uniqueReportBases(for: files)
        // The folders every place starts with, dropped.
        var common = places.first.map { Array(components(folder(of: $0))) } ?? []
        for place in places.dropFirst() where !common.isEmpty {
            let folders = components(folder(of: place))
            common = Array(zip(common, folders).prefix { $0 == $1 }.map(\.0))
        }
        guard !common.isEmpty else { return places }
        let prefix = common.joined(separator: "/").utf8.count + 1
        return places.map { String(decoding: $0.utf8.dropFirst(prefix), as: UTF8.self) }
    }

    static func uniqueReportBases(for files: [String]) -> [String] {
        let bases = files.map(reportBase(for:))
        var uses: [String: Int] = [:]
        for base in bases { uses[base, default: 0] += 1 }
        var taken: Set<String> = []
        let places = zip(files, bases).map { file, base in
            var place = base
            if uses[base, default: 0] > 1 {
                let name = file.split(separator: "/").last ?? ""
                if let dot = name.lastIndex(of: "."), dot != name.startIndex { place += "." + name[name.index(after: dot)...] }
            }
            while !taken.insert(place).inserted { place += "_" }
            return place
        }
        return places.map { place in
            // On bytes: a character-wise search costs as much as the rest of this.
            let bytes = place.utf8
            guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")), bytes.index(after: dash) != bytes.endIndex,
                  bytes[bytes.index(after: dash)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  taken.contains(String(place[..<dash]))
            else { return place }
            var free = place + "_"
            while !taken.insert(free).inserted { free += "_" }
            return free
        }
    }

    /// The folder of a report place (`a/b` for `a/b/c`; empty for `c`).
    static func folder(of place: String) -> String {
        place.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(place[..<$0]) } ?? ""
    }

    /// Where an input's reports go inside the report folder, without an extension: the input's
    /// path without its own, made relative and safe (`Examples/seed-003`; a batch adds `-2`, `-3`
    /// for later tables of one file, then `.md` or `.html`).
    public static func reportBase(for file: String) -> String {
        plainReportBase(for: file) ?? generalReportBase(for: file)
    }

    static func generalReportBase(for file: String) -> String {
        var components = Self.components(file).filter { $0 != "." }.map { $0 == ".." ? "_" : String($0) }
        var name = components.popLast() ?? "table"
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return (components + [name]).joined(separator: "/")
    }

    /// `reportBase(for:)` read on bytes, for the usual path: no `.` or `..` component, a file name
    /// that does not start with a dot, and every dot in it followed by ASCII or nothing (so a dot
    /// byte is a `.` character). Nil for any other path, which the general reading takes.
    static func plainReportBase(for file: String) -> String? {
        file.withUTF8Bytes { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var start = 0
            var nameStart = -1, lastDot = -1
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                defer { start = end + 1 }
                let length = end - start
                guard length > 0 else { continue }
                if bytes[start] == UInt8(ascii: "."), length == 1 || length == 2 && bytes[start + 1] == UInt8(ascii: ".") { return nil }
                if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                nameStart = out.count
                lastDot = -1
                for index in start..<end {
                    if bytes[index] == UInt8(ascii: ".") {
                        guard index + 1 == end || bytes[index + 1] < 0x80 else { return nil }
                        lastDot = out.count + index - start
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            guard nameStart >= 0, out[nameStart] != UInt8(ascii: ".") else { return nil }
            if lastDot > nameStart { out.removeSubrange(lastDot...) }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
