import Foundation
import ScrutineerCore

/// The OpenAPI 3.1 description of the JSON API, written from `APIRoutes.endpoints` (the routes the
/// router registers) and the schemas of the answers (`APIModels.swift`).
enum OpenAPIDocument {
    /// The document as JSON.
    static let json: Data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()

    static var document: [String: Any] {
        var paths: [String: Any] = [:]
        for endpoint in APIRoutes.endpoints {
            var parameters: [[String: Any]] = endpoint.route.parameterNames.map { name in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"], "description": "The \(name)'s code."]
            }
            parameters += endpoint.query.map { p in
                let schema: [String: Any] = p.isCount ? ["type": "integer", "minimum": 1] : p.allowed.map { ["type": "string", "enum": $0] } ?? ["type": "string"]
                return ["name": p.name, "in": "query", "required": p.isRequired, "schema": schema, "description": p.description]
            }
            let item = ref(endpoint.schema)
            let schema: [String: Any] = endpoint.isList ? ["type": "array", "items": item] : item
            var responses: [String: Any] = [
                "200": ["description": endpoint.summary, "content": ["application/json": ["schema": schema]]],
                "400": errorResponse("A parameter is not valid; the message names it."),
                "401": errorResponse("The session cookie sent names no session (signed out, or more than 8 hours old): sign in again, or send no cookie to read as the public."),
            ]
            if !endpoint.route.parameterNames.isEmpty || endpoint.query.contains(where: { $0.name == "period" || $0.name == "committee" }) {
                responses["404"] = errorResponse("There is no such thing, or the caller may not see it.")
            }
            paths[endpoint.route.pattern] = [
                "get": ["operationId": endpoint.operationId, "summary": endpoint.summary, "parameters": parameters, "responses": responses],
            ]
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Scrutineer API", "version": "1",
                "description": "Committee performance reports: committees, measures, observations, assessments, targets, areas and comparator groups. Signed-in callers (the session cookie) see their council's drafts; everyone else sees published reports with small numbers suppressed. Contains public sector information licensed under the Open Government Licence v3.0.",
            ],
            "paths": paths,
            // Signed in or not: every operation answers the public without the cookie.
            "security": [[String: Any](), ["session": [String]()]],
            "components": ["schemas": schemas, "securitySchemes": ["session": [
                "type": "apiKey", "in": "cookie", "name": "scrutineer_session",
                "description": "The cookie a sign-in sets, good for 8 hours. A script signs in as a browser does: GET /sign-in, read the hidden csrf field of its form and keep the cookies it sets, then POST /sign-in (application/x-www-form-urlencoded: username, password, csrf) with those cookies; the answer (303) sets scrutineer_session. Five failed sign-ins for a name in 15 minutes hold it back (429).",
            ]]],
        ]
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func errorResponse(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ref("Error")]]]
    }

    static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }

    static var string: [String: Any] { ["type": "string"] }
    static var number: [String: Any] { ["type": "number"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var strings: [String: Any] { ["type": "array", "items": string] }
    /// Who marked or published a report: a sign-in name for those signed in, empty for the public.
    static var signedBy: [String: Any] { ["type": "string", "description": "The sign-in name of whoever did it; empty when read without signing in."] }

    static var schemas: [String: Any] {
        let judgement = object(["label": string, "reason": string], required: ["label", "reason"])
        let counts = object(Dictionary(uniqueKeysWithValues: countNames.map { ($0, integer) }), required: countNames)
        let factor: [String: Any] = ["type": "integer", "minimum": RiskScore.scale.lowerBound, "maximum": RiskScore.scale.upperBound]
        let revisionList: [String: Any] = ["type": "array", "items": object([
            "period": string, "breakdown": string, "before": number, "beforeText": string, "after": number, "afterText": string,
            "revisedAt": string, "beforeSource": string, "afterSource": string,
        ], required: ["period", "breakdown", "beforeText", "afterText", "revisedAt", "beforeSource", "afterSource"])]
        return [
            "Error": object(["error": object(["status": integer, "message": string, "parameter": string], required: ["status", "message"])], required: ["error"]),
            "Committee": object([
                "code": string, "name": string, "councilAreaCode": string,
                "themes": ["type": "array", "items": object(["name": string, "owner": string, "measureCodes": strings], required: ["name", "measureCodes"])],
            ], required: ["code", "name", "councilAreaCode", "themes"]),
            "CommitteeDetail": object([
                "committee": ref("Committee"),
                "reports": ["type": "array", "items": object([
                    "period": string, "stage": ["type": "string", "enum": ["draft", "checked", "published"]], "changedBy": signedBy, "changedAt": string,
                    "publications": ["type": "array", "items": object(["number": integer, "takenBy": signedBy, "takenAt": string], required: ["number", "takenBy", "takenAt"])],
                ], required: ["period", "stage", "changedBy", "changedAt", "publications"])],
            ], required: ["committee", "reports"]),
            "Assessment": object([
                "committee": string, "committeeName": string, "councilAreaCode": string, "councilName": string, "period": string,
                "stage": string, "snapshot": integer, "audience": string, "dataAsAt": string,
                "headline": object([
                    "sentence": string, "counts": counts,
                    "themes": ["type": "array", "items": object(["name": string, "sentence": string, "counts": counts], required: ["name", "sentence", "counts"])],
                ], required: ["sentence", "counts", "themes"]),
                "measures": ["type": "array", "items": object([
                    "code": string, "title": string, "theme": string, "unit": string, "polarity": string, "isIllustrative": boolean,
                    "latest": object([
                        "period": string, "value": number, "text": string, "symbol": string, "published": string, "numerator": number, "denominator": number,
                        "lower95": number, "upper95": number, "intervalSource": ["type": "string", "enum": IntervalSource.allCases.map(\.rawValue)],
                    ], required: ["period", "text", "intervalSource"]),
                    "currency": judgement, "nextUpdateDue": string, "nextUpdateEstimated": boolean, "status": judgement, "direction": judgement, "change": number,
                    "targets": ["type": "array", "items": object([
                        "kind": ["type": "string", "enum": TargetKind.allCases.map(\.rawValue)], "value": number, "tolerance": number, "period": string,
                        "validFrom": string, "version": integer, "result": ["type": "string", "enum": TargetResult.allCases.map(\.rawValue)], "reported": boolean,
                    ], required: ["kind", "value", "validFrom", "version", "result", "reported"])],
                    "benchmarks": object([
                        "period": string, "england": number, "regionName": string, "region": number, "statisticalNeighbourMean": number,
                        "rank": integer, "rankedCount": integer, "quartileBand": string, "comparedWithEngland": string, "reason": string,
                    ], required: ["period", "rankedCount", "comparedWithEngland", "reason"]),
                    "spc": object([
                        "reason": string, "pointCount": integer, "trialLimits": boolean,
                        "variation": ["type": "string", "enum": VariationIcon.allCases.map(\.rawValue)], "variationText": string,
                        "assurance": ["type": "string", "enum": AssuranceIcon.allCases.map(\.rawValue)], "assuranceText": string, "target": number,
                        "points": ["type": "array", "items": object([
                            "period": string, "value": number, "mean": number, "lowerProcessLimit": number, "upperProcessLimit": number,
                            "pointType": ["type": "string", "enum": XmRPointType.allCases.map(\.rawValue)], "specialCause": string,
                        ], required: ["period"])],
                    ], required: ["reason", "pointCount", "trialLimits", "points"]),
                    "spcNotDrawn": string,
                ], required: ["code", "title", "unit", "polarity", "isIllustrative", "currency", "nextUpdateEstimated", "status", "targets", "direction"])],
            ], required: ["committee", "committeeName", "councilAreaCode", "councilName", "period", "stage", "audience", "dataAsAt", "headline", "measures"]),
            "Commentary": object(["measureCode": string, "period": string, "text": string, "author": string, "writtenAt": string, "version": integer],
                                 required: ["measureCode", "period", "text", "author", "writtenAt", "version"]),
            "Request": object([
                "number": integer, "request": string, "askedBy": string, "raisedOn": string, "providedBy": string, "dueBy": string, "firstDueBy": string,
                "recurrence": ["type": "string", "enum": CommitteeRequest.Recurrence.allCases.map(\.rawValue)], "measureCode": string,
                "status": ["type": "string", "enum": RequestStanding.codes], "statusText": string,
                "answeredOn": string, "answer": string,
            ], required: ["number", "request", "askedBy", "raisedOn", "providedBy", "recurrence", "status", "statusText"]),
            "Risk": object([
                "reference": string, "title": string, "description": string, "owner": string, "reviewedOn": string, "reviewedThisPeriod": boolean,
                "status": ["type": "string", "enum": RiskReview.Status.allCases.map(\.rawValue)],
                "likelihood": factor, "impact": factor, "score": integer, "rating": ["type": "string", "enum": RiskRating.allCases.map(\.rawValue)],
                "targetLikelihood": factor, "targetImpact": factor, "targetScore": integer, "targetRating": ["type": "string", "enum": RiskRating.allCases.map(\.rawValue)],
                "trend": ["type": "string", "enum": RiskTrend.codes], "trendText": string, "previousScore": integer, "previousReviewedOn": string,
                "mitigation": string,
            ], required: [
                "reference", "title", "description", "owner", "reviewedOn", "reviewedThisPeriod", "status", "likelihood", "impact", "score", "rating",
                "trend", "trendText", "mitigation",
            ]),
            "FinanceLine": object([
                "period": string, "kind": ["type": "string", "enum": FinanceLine.Kind.allCases.map(\.rawValue)], "service": string, "line": string,
                "budget": number, "forecast": number, "variance": number, "variancePercent": number, "varianceText": string,
                "previousPeriod": string, "previousVariance": number,
                "plannedCompletion": string, "forecastCompletion": string, "completionText": string, "explanation": string,
            ], required: ["period", "kind", "service", "line", "budget", "forecast", "variance", "varianceText", "explanation"]),
            "FinanceTotal": object([
                "period": string, "kind": ["type": "string", "enum": FinanceLine.Kind.allCases.map(\.rawValue)], "service": string, "isTotal": boolean,
                "budget": number, "forecast": number, "variance": number, "variancePercent": number, "varianceText": string,
            ], required: ["period", "kind", "service", "isTotal", "budget", "forecast", "variance", "varianceText"]),
            "Revisions": object([
                "revisions": revisionList,
                "breakdownRevisionsWithheld": integer,
                "sincePublication": object(
                    ["publishedAt": string, "revisions": revisionList, "breakdownRevisionsWithheld": integer],
                    required: ["publishedAt", "revisions", "breakdownRevisionsWithheld"]
                ),
            ], required: ["revisions", "breakdownRevisionsWithheld"]),
            "Measure": object([
                "code": string, "title": string, "definition": string, "theme": string, "owner": string, "unit": string, "decimalPlaces": integer,
                "polarity": string, "periodicity": string, "yearType": string, "source": string, "publicationLagDays": integer,
                "benchmarkComparison": string, "directionOfTravel": string, "committees": strings, "councilAreaCode": string,
                "shownDecimalPlaces": integer, "reportedBy": strings,
            ], required: ["code", "title", "unit", "polarity", "periodicity", "yearType", "benchmarkComparison", "directionOfTravel", "committees", "shownDecimalPlaces", "reportedBy"]),
            "Target": object([
                "measureCode": string, "councilAreaCode": string, "kind": string, "value": number, "tolerance": number, "period": string,
                "validFrom": string, "validTo": string, "setBy": string, "setOn": string, "reason": string, "decision": string, "version": integer,
            ], required: ["measureCode", "councilAreaCode", "kind", "value", "validFrom", "setBy", "setOn", "reason", "version"]),
            "Observation": object([
                "measureCode": string, "areaCode": string, "period": string, "breakdown": string, "value": number, "numerator": number,
                "denominator": number, "lower95": number, "upper95": number, "statusSymbol": string, "source": string, "published": string,
                "nextUpdateDue": string, "periodStart": string, "periodEnd": string,
            ], required: ["measureCode", "areaCode", "period", "breakdown", "source", "periodStart", "periodEnd"]),
            "Area": object([
                "code": string, "dfeCode": string, "name": string, "type": string, "regionCode": string, "successorCode": string,
                "successors": ["type": "array", "items": ref("AreaSuccession")],
                "predecessors": ["type": "array", "items": ref("AreaSuccession")],
            ], required: ["code", "name", "type", "successors", "predecessors"]),
            "AreaSuccession": object(["code": string, "from": string], required: ["code", "from"]),
            "ComparatorGroup": object(
                ["kind": string, "name": string, "edition": string, "code": string, "ownerAreaCode": string, "memberCodes": strings],
                required: ["kind", "name", "memberCodes"]
            ),
        ]
    }

    static let countNames = [
        "measures", "onTrack", "withinTolerance", "notOnTrack", "completed", "notDue", "noData", "notJudged",
        "improving", "static", "declining", "increasing", "decreasing", "directionNotCalculated",
    ]
}
