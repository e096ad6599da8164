import Hummingbird
import Logging
import PhaenApp
import PhaenStore
import PhaenCore
import ServiceLifecycle

/// Builds the web application: opens the store named by the configuration, loads the
/// templates, and wires the router. `phaen serve` runs it; tests call it with a test
/// configuration and `app.test(.router)`.
public func buildApplication(configuration: WebConfiguration) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "phaen.web")
    logger.logLevel = configuration.logLevel
    var storeLogger = Logger(label: "phaen.store")
    storeLogger.logLevel = configuration.logLevel
    let store = try await PhaenStore.open(configuration.databaseURL, logger: storeLogger)
    let web: WebServices
    do {
        web = try await WebServices(store: store, configuration: configuration)
    } catch {
        try? await store.shutdown()
        throw error
    }
    var app = Application(
        router: buildRouter(web),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Phaen"),
        logger: logger)
    app.addServices(StoreService(store: store))
    return app
}

/// What the handlers share; built once per application.
struct WebServices: Sendable {
    let store: PhaenStore
    let configuration: WebConfiguration
    let accounts: Accounts
    let renderer: Renderer
    let metrics: WebMetrics
    let stylesheet: ByteBuffer

    init(store: PhaenStore, configuration: WebConfiguration) async throws {
        self.store = store
        self.configuration = configuration
        self.accounts = Accounts(store: store)
        self.renderer = try await Renderer()
        self.metrics = WebMetrics()
        self.stylesheet = try OpsController.loadStylesheet()
    }
}

/// Middleware order, outermost first: request log and metrics (see the final status) → error
/// mapping → session (who is asking) → public routes → `RequireSignIn` and the CSRF check →
/// everything else.
func buildRouter(_ web: WebServices) -> Router<PhaenRequestContext> {
    let router = Router(context: PhaenRequestContext.self)
    router.add(middleware: ClientAddressMiddleware(trustProxy: web.configuration.trustProxy))
    router.add(middleware: RequestLogMiddleware(metrics: web.metrics, level: .info))
    router.add(middleware: ErrorMiddleware(renderer: web.renderer))
    router.add(middleware: SessionMiddleware(identification: web.accounts))
    let accounts = AccountController(accounts: web.accounts, renderer: web.renderer,
                                     secureCookies: web.configuration.secureCookies)

    OpsController(store: web.store, metrics: web.metrics, stylesheet: web.stylesheet).addRoutes(to: router)
    let reports = ReportController(store: web.store, renderer: web.renderer, evidenceDirectory: web.configuration.evidenceDirectory,
                                   evidenceLimit: web.configuration.evidenceMaxBytes)
    let progress = StepProgressController(store: web.store, renderer: web.renderer)
    let api = APIController(store: web.store).endpoints + ReportAPI(entry: reports.entry).endpoints + progress.endpoints
        + AgreementEditAPI(editing: AgreementEditing(store: web.store)).endpoints
        + DisbursementAPI(store: web.store).endpoints
        + FollowUpAPI(store: web.store).endpoints
    let openAPI = OpenAPIDocument(endpoints: api + [openAPIEndpoint()])
    let everything = api + [openAPIEndpoint { _, _ in try JSONResponse.make(openAPI) }]
    for endpoint in everything where !endpoint.requiresSignIn { register(endpoint, on: router) }
    accounts.addPublicRoutes(to: router)

    router.add(middleware: RequireSignIn())
    router.add(middleware: CSRFMiddleware(uploadLimit: web.configuration.evidenceMaxBytes + ReportController.multipartOverhead))
    for endpoint in everything where endpoint.requiresSignIn { register(endpoint, on: router) }
    PageController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    reports.addRoutes(to: router)
    PlanEditController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    AgreementEditController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    progress.addRoutes(to: router)
    DisbursementController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    DocumentDownloadController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    DirectiveController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    InnovationController(store: web.store, renderer: web.renderer).addRoutes(to: router)
    accounts.addRoutes(to: router)
    return router
}

private func register(_ endpoint: APIEndpoint, on router: Router<PhaenRequestContext>) {
    let handler = endpoint.handler
    router.on(RouterPath(endpoint.route.pattern), method: endpoint.method) { request, context in
        try await handler(request, context)
    }
}

/// The OpenAPI document's own row: the document describes itself too. It is described before
/// the document exists (a description needs no handler) and registered with the handler that
/// serves the finished document.
private func openAPIEndpoint(_ handler: @escaping APIEndpoint.Handler = { _, _ in Response(status: .noContent) }) -> APIEndpoint {
    APIEndpoint(route: .apiOpenAPI, summary: "เอกสาร OpenAPI 3.1 ของ API นี้", response: "เอกสาร OpenAPI",
                requiresSignIn: false, handler: handler)
}

/// Closes the store's connections when the application shuts down.
struct StoreService: Service {
    let store: PhaenStore
    func run() async throws {
        try? await gracefulShutdown()
        try await store.shutdown()
    }
}
