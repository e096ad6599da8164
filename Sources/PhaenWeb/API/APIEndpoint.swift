import Hummingbird

/// One row of the API's route table. The router registers exactly these rows and the OpenAPI
/// document describes exactly these rows, so the two cannot drift apart.
struct APIEndpoint: Sendable {
    struct Parameter: Sendable {
        enum Location: String, Sendable { case path, query }
        var name: String
        var location: Location
        var description: String
        var type: String = "string"
        var required: Bool { location == .path }
    }

    typealias Handler = @Sendable (Request, PhaenRequestContext) async throws -> Response

    var route: SiteURL.Route
    var method: HTTPRequest.Method = .get
    var summary: String
    var query: [Parameter] = []
    var response: String
    /// The OpenAPI document itself is public; everything else needs a person.
    var requiresSignIn = true
    /// The JSON body a POST or PUT takes, for the OpenAPI document. Nil: the catalogue of
    /// `APIRequestBody.known` describes it (a test requires every POST and PUT to have one).
    var requestBody: APIRequestBody? = nil
    var handler: Handler

    /// What the OpenAPI document shows as this row's request body.
    var documentedBody: APIRequestBody? { requestBody ?? APIRequestBody.known(route, method) }

    /// Path parameters come from the route's pattern; their descriptions from here.
    var parameters: [Parameter] {
        route.parameters.map { name in
            switch name {
            case "code": Parameter(name: name, location: .path, description: "รหัสหน่วยงาน เช่น 1022")
            case "year": Parameter(name: name, location: .path, description: "ปีงบประมาณ พ.ศ. เช่น 2567", type: "integer")
            default: Parameter(name: name, location: .path, description: name)
            }
        } + query
    }
}
