import Hummingbird
import JixiaoBase
import JixiaoReport

/// Turns what a handler throws into a page in the interface language, never a raw system error.
struct Failures<Context: RequestContext>: RouterMiddleware {
    let language: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return Page.error(language == .zh ? "没有这个页面" : "no such page", status: .notFound, language: language)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return Page.error(language == .zh ? "上传的内容过大" : "the upload is too large", status: .contentTooLarge, language: language)
        } catch let error as InputError {
            return Page.error(InputErrorReport.render(error, language: language), status: .badRequest, language: language)
        } catch {
            return Page.error((language == .zh ? "内部错误：" : "internal error: ") + String(describing: error), status: .internalServerError,
                              language: language)
        }
    }
}
