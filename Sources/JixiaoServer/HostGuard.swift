import Hummingbird
import JixiaoBase

/// Refuses requests whose `Host` is not the address served (DNS rebinding: a web page on
/// another site whose name is made to resolve to 127.0.0.1 must not read this one).
///
/// Loopback addresses accept each other's names (`localhost`, `127.0.0.1`, `[::1]`), as a
/// browser may use any of them. Listening on every interface (`0.0.0.0`, `::`) accepts any IP
/// address as the host, since a rebinding attack needs a domain name. A port of 0 (tests)
/// accepts any port.
package struct HostGuard<Context: RequestContext>: RouterMiddleware {
    package let names: Set<String>
    package let anyAddress: Bool
    package let port: Int
    package let language: JixiaoBase.Language

    package init(host: String, port: Int, language: JixiaoBase.Language) {
        let lowered = host.lowercased()
        var names: Set<String> = [lowered.hasPrefix("[") ? lowered : (lowered.contains(":") ? "[\(lowered)]" : lowered)]
        anyAddress = ["0.0.0.0", "::", "[::]"].contains(lowered)
        if anyAddress || ServeConfiguration.isLoopback(lowered) { names.formUnion(["localhost", "127.0.0.1", "[::1]"]) }
        self.names = names
        self.port = port
        self.language = language
    }

    /// Whether `name` is an IPv4 address (four numbers) or a bracketed IPv6 address.
    static func isAddress(_ name: String) -> Bool {
        if name.hasPrefix("[") { return name.hasSuffix("]") && name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && Int(part).map { (0...255).contains($0) } == true }
    }

    /// Whether an `Host` header value names the served address.
    package func allows(_ authority: String) -> Bool {
        let value = authority.lowercased()
        var name = value
        var port: Int?
        if let colon = value.lastIndex(of: ":"), !value.hasSuffix("]") {
            name = String(value[..<colon])
            guard let number = Int(value[value.index(after: colon)...]) else { return false }
            port = number
        }
        guard names.contains(name) || (anyAddress && Self.isAddress(name)) else { return false }
        if self.port == 0 { return true }
        return (port ?? 80) == self.port
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority ?? request.headers[.init("Host")!]
        guard let authority, allows(authority) else {
            return Page.plain(language == .zh ? "拒绝访问：请求的主机名不是本服务的地址。请直接打开 jixiao serve 打印的地址。"
                                              : "Refused: the request's host is not this server's address. Open the address jixiao serve printed.",
                              status: .misdirectedRequest)
        }
        return try await next(request, context)
    }
}
