import Foundation
import JixiaoBase

/// What `jixiao serve` is started with: where it listens, where it keeps uploads and the
/// history, the interface language and the upload limits.
public struct ServeConfiguration: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (the address printed says which).
    public var port: Int
    /// Uploads, audits and batch outputs live here, under generated names.
    public var dataDirectory: String
    /// The SQLite history that batch runs are stored in (the same file as `batch --db`).
    public var database: String
    public var language: Language
    /// The rubric folder (nil: the nearest `Rubrics/` or `$JIXIAO_RUBRICS`).
    public var rubrics: String?
    /// Largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// Largest .zip accepted, and most bytes unpacked from one.
    public var maxArchiveBytes: Int
    /// Most files in one upload.
    public var maxFiles: Int
    /// Uploads of at most this many files (and `smallBytes`) are audited at once; larger ones run as a batch.
    public var smallFiles: Int
    public var smallBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "jixiao-data", database: String? = nil,
                language: Language = .zh, rubrics: String? = nil, maxFileBytes: Int = 20 << 20, maxArchiveBytes: Int = 200 << 20, maxFiles: Int = 5_000,
                smallFiles: Int = 5, smallBytes: Int = 5 << 20) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database ?? (dataDirectory as NSString).appendingPathComponent("history.sqlite")
        self.language = language
        self.rubrics = rubrics
        self.maxFileBytes = maxFileBytes
        self.maxArchiveBytes = maxArchiveBytes
        self.maxFiles = maxFiles
        self.smallFiles = smallFiles
        self.smallBytes = smallBytes
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// The warning printed when the server listens beyond this machine.
    public static func exposedWarning(_ host: String, language: Language) -> String {
        language == .zh
            ? "警告：正在监听 \(host)，本机以外的计算机也可能访问此页面及上传的文件；本工具没有登录验证。仅在可信网络中使用。"
            : "warning: listening on \(host): other computers may reach this page and the uploaded files; the tool has no login. Use it on a trusted network only."
    }
}
