import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Help.abstract(zh: "在本机启动审核网页：上传自评表、查看审核结果、筛选批量审核的问题并导出。",
                                en: "Serve a local web page: upload tables, read their audit, filter a batch's findings, export them."),
        discussion: Help.discussion(zh: """
            只监听 127.0.0.1（仅本机可以访问），除非用 --host 另行指定。上传的文件、报告和批量审核的输出保存在 --data \
            下；批量运行存入 SQLite 历史数据库 --db（与 jixiao batch --db 是同一种文件）。按 Ctrl-C 停止。
            """, en: """
            Listens on 127.0.0.1 (this computer only) unless --host says otherwise. Uploads, reports and batch \
            outputs are kept under --data; batch runs are stored in the SQLite history --db (the same file as \
            jixiao batch --db). Stop it with Ctrl-C.
            """))

    @Option(help: Help.text(zh: "监听的端口（0：任一空闲端口）。", en: "Port to listen on (0: any free port).", showsDefault: true))
    var port: Int = 8080

    @Option(help: Help.text(zh: "监听的地址；不是本机回环地址时，其他计算机也能访问这个网页。",
                            en: "Address to listen on; anything but a loopback address lets other computers reach the page.", showsDefault: true))
    var host: String = "127.0.0.1"

    @Option(help: Help.text(zh: "SQLite 历史数据库（默认：<data>/history.sqlite）。", en: "The SQLite history (default: <data>/history.sqlite)."))
    var db: String?

    @Option(help: Help.text(zh: "存放上传文件和输出的文件夹（不存在时自动建立）。", en: "Folder for uploads and outputs (created when missing).", showsDefault: true))
    var data: String = "jixiao-data"

    @OptionGroup var options: RubricOptions

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(options.lang == .zh ? "--port 应在 0 到 65535 之间" : "--port must be between 0 and 65535")
        }
    }

    func run() async throws {
        let lang = options.lang
        let data = URL(fileURLWithPath: data).standardizedFileURL.path
        let configuration = ServeConfiguration(host: host, port: port, dataDirectory: data,
                                               database: db.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                                               language: lang, rubrics: options.rubrics)
        let server: WebServer
        do {
            server = try WebServer(configuration: configuration)
        } catch {
            try finish(Terminal.report(error, language: lang))
            return
        }
        if !ServeConfiguration.isLoopback(host) { Terminal.printError(ServeConfiguration.exposedWarning(host, language: lang)) }
        do {
            try await server.run { address in
                Terminal.print(lang == .zh ? "绩效自评表审核页面：\(address)（按 Ctrl-C 停止）" : "Jixiao is serving \(address) (Ctrl-C to stop)")
            }
        } catch {
            let inUse = String(describing: error).contains("Address already in use")
            Terminal.printError(inUse
                ? (lang == .zh ? "无法在 \(host):\(port) 上启动服务：端口已被占用，可用 --port 换一个" : "cannot serve on \(host):\(port): the port is in use; choose another with --port")
                : (lang == .zh ? "无法在 \(host):\(port) 上启动服务：\(error)" : "cannot serve on \(host):\(port): \(error)"))
            try finish(.unusableInput)
        }
    }
}
