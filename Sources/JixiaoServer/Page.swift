import Foundation
import Hummingbird
import JixiaoBase
import JixiaoReport

/// The frame of every page the server writes (its own style and script, no external URL) and
/// the responses it sends. Every text from a table, a file name or a query is escaped.
package enum Page {
    /// Escaped for element content and quoted attributes.
    package static func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The security headers of every response: nothing loads from elsewhere, no framing, no sniffing.
    static func headers(_ contentType: String) -> HTTPFields {
        [
            .contentType: contentType,
            .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("X-Frame-Options")!: "DENY",
            .init("Referrer-Policy")!: "no-referrer",
            .init("Content-Security-Policy")!:
                "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ]
    }

    package static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers("text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    package static func plain(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: headers("text/plain; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    package static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: headers("application/json; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    package static func download(_ data: Data, contentType: String, fileName: String) -> Response {
        var fields = headers(contentType)
        fields[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A whole page: the navigation bar, `title` and `main`.
    package static func frame(_ title: String, _ main: String, language: Language) -> String {
        let zh = language == .zh
        return """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) · \(zh ? "绩效自评表审核" : "Jixiao")</title>
            <link rel="stylesheet" href="/static/app.css">
            </head>
            <body>
            <header class="bar"><a class="brand" href="/">\(zh ? "绩效自评表审核" : "Jixiao · self-evaluation audit")</a>
            <nav><a href="/">\(zh ? "上传" : "Upload")</a><a href="/history">\(zh ? "历史" : "History")</a><a href="/rubrics">\(zh ? "评分规则" : "Rubrics")</a></nav></header>
            <main>
            <h1>\(e(title))</h1>
            \(main)
            </main>
            <script src="/static/app.js"></script>
            </body>
            </html>

            """
    }

    /// A page that says what went wrong, in the interface language.
    package static func error(_ message: String, status: HTTPResponse.Status, language: Language) -> Response {
        html(frame(language == .zh ? "出错了" : "Something went wrong", "<p class=\"error\">\(e(message))</p>", language: language), status: status)
    }
}
