/// The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Kept by hand beside `APIController`; the tests check that the paths here are exactly the
/// routes the controller adds. The file is long because it is data: the JSON as served, one
/// small object per line so that a change reads as a diff; error responses, the sheet upload
/// body and its parameters are written once under `components`.
enum OpenAPIDocument {
    static let json = """
        {
          "openapi": "3.1.0",
          "info": {
            "title": "RioPlan platform API",
            "version": "1",
            "description": "Published plans, needs intake and delivery records of a RioPlan workspace (`rioplan serve`). Scripts send `Authorization: Bearer TOKEN` (the sign-in token of `rioplan access add`)."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearerAuth": []}],
          "paths": {
            "/api/v1/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "This document",
                "security": [],
                "responses": {
                  "200": {
                    "description": "OpenAPI 3.1 document",
                    "content": {"application/json": {"schema": {"type": "object"}}}
                  }
                }
              }
            },
            "/api/v1/plans": {
              "get": {
                "operationId": "listPlans",
                "summary": "The published plans: the latest publication of each name, by name (any role)",
                "responses": {
                  "200": {
                    "description": "Published plans",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["plans"],
                          "properties": {"plans": {"type": "array", "items": {"$ref": "#/components/schemas/Publication"}}}
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/v1/plans/{name}": {
              "get": {
                "operationId": "getPlan",
                "summary": "The latest published version's plan file (rioplan-plan/1, any role)",
                "parameters": [
                  {
                    "name": "name",
                    "in": "path",
                    "required": true,
                    "description": "name",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}
                  }
                ],
                "responses": {
                  "200": {"description": "The plan file", "content": {"application/json": {"schema": {"type": "object"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/plans/{name}/publish": {
              "post": {
                "operationId": "publishPlan",
                "summary": "Publish NAME@version, or the latest recorded version (coordinator)",
                "parameters": [
                  {
                    "name": "name",
                    "in": "path",
                    "required": true,
                    "description": "name",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}
                  },
                  {
                    "name": "version",
                    "in": "query",
                    "required": false,
                    "description": "A recorded version (`rioplan history NAME`); default: the latest",
                    "schema": {"type": "integer", "minimum": 1}
                  },
                  {"$ref": "#/components/parameters/CSRFToken"}
                ],
                "responses": {
                  "200": {
                    "description": "The publication (publishing a published version again returns it)",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Publication"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/Unprocessable"}
                }
              }
            },
            "/api/v1/needs/{cycle}": {
              "get": {
                "operationId": "listNeeds",
                "summary": "A cycle's submitted needs: a region office sees its own region, the coordinator all",
                "parameters": [
                  {
                    "name": "cycle",
                    "in": "path",
                    "required": true,
                    "description": "cycle",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Submissions",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Needs"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {
                    "description": "No plan request of that name with a horizon",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              },
              "post": {
                "operationId": "submitNeeds",
                "summary": "Submit a CSV or XLSX sheet with the columns of a request's demand list (coordinator, region office)",
                "parameters": [
                  {
                    "name": "cycle",
                    "in": "path",
                    "required": true,
                    "description": "cycle",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}
                  },
                  {"$ref": "#/components/parameters/FileName"},
                  {"$ref": "#/components/parameters/CSRFToken"}
                ],
                "requestBody": {"$ref": "#/components/requestBodies/Sheet"},
                "responses": {
                  "201": {
                    "description": "Stored",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}}
                  },
                  "400": {
                    "description": "Empty or malformed body",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {
                    "description": "Unknown cycle",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {
                    "description": "Row errors: nothing was stored",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/api/v1/records/{plan}/attendance": {
              "post": {
                "operationId": "uploadAttendance",
                "summary": "Upload one session's sign-in sheet (coordinator, the session's region office)",
                "parameters": [
                  {
                    "name": "plan",
                    "in": "path",
                    "required": true,
                    "description": "plan",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}
                  },
                  {
                    "name": "session",
                    "in": "query",
                    "required": true,
                    "description": "The session id, PLAN/DEMAND",
                    "schema": {"type": "string"}
                  },
                  {"$ref": "#/components/parameters/FileName"},
                  {"$ref": "#/components/parameters/CSRFToken"}
                ],
                "requestBody": {"$ref": "#/components/requestBodies/Sheet"},
                "responses": {
                  "201": {
                    "description": "Recorded",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordImport"}}}
                  },
                  "400": {
                    "description": "Missing session or body",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {
                    "description": "No such session visible to the caller",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {
                    "description": "Row errors: nothing was stored",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/api/v1/records/{plan}/outcomes": {
              "post": {
                "operationId": "uploadOutcomes",
                "summary": "Upload outcomes (coordinator, region office for its own sessions)",
                "parameters": [
                  {
                    "name": "plan",
                    "in": "path",
                    "required": true,
                    "description": "plan",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}
                  },
                  {"$ref": "#/components/parameters/FileName"},
                  {"$ref": "#/components/parameters/CSRFToken"}
                ],
                "requestBody": {"$ref": "#/components/requestBodies/Sheet"},
                "responses": {
                  "201": {
                    "description": "Recorded",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordImport"}}}
                  },
                  "400": {
                    "description": "Empty body",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {
                    "description": "A session not visible to the caller",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {
                    "description": "Row errors: nothing was stored",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearerAuth": {"type": "http", "scheme": "bearer", "description": "The sign-in token (rps_…) of `rioplan access add`"}
            },
            "schemas": {
              "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": ["status", "message", "problems"],
                    "properties": {
                      "status": {"type": "integer"},
                      "message": {"type": "string"},
                      "problems": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "FILE:ROW:COL: what is wrong; what to do"
                      }
                    }
                  }
                }
              },
              "Publication": {
                "type": "object",
                "required": ["name", "version", "publishedAt", "publishedBy"],
                "properties": {
                  "name": {"type": "string"},
                  "version": {"type": "integer"},
                  "publishedAt": {"type": "string", "format": "date-time"},
                  "publishedBy": {"type": "string"}
                }
              },
              "NeedRow": {
                "type": "object",
                "required": ["id", "module", "region", "participants"],
                "properties": {
                  "id": {"type": "string"},
                  "module": {"type": "string"},
                  "region": {"type": "string"},
                  "participants": {"type": "integer"},
                  "languages": {"type": "array", "items": {"type": "string"}},
                  "priority": {"type": "integer"},
                  "earliest": {"type": "string", "format": "date"},
                  "latest": {"type": "string", "format": "date"}
                }
              },
              "Submission": {
                "type": "object",
                "required": ["id", "cycle", "region", "sender", "source", "submittedAt", "rows"],
                "properties": {
                  "id": {"type": "integer"},
                  "cycle": {"type": "string"},
                  "region": {"type": "string"},
                  "sender": {"type": "string"},
                  "source": {"type": "string"},
                  "submittedAt": {"type": "string", "format": "date-time"},
                  "rows": {"type": "array", "items": {"$ref": "#/components/schemas/NeedRow"}}
                }
              },
              "Needs": {
                "type": "object",
                "required": ["cycle", "start", "end", "submissions"],
                "properties": {
                  "cycle": {"type": "string"},
                  "start": {"type": "string", "format": "date"},
                  "end": {"type": "string", "format": "date"},
                  "submissions": {"type": "array", "items": {"$ref": "#/components/schemas/Submission"}}
                }
              },
              "RecordImport": {
                "type": "object",
                "required": ["kind", "sessions", "summary"],
                "properties": {
                  "kind": {"type": "string"},
                  "sessions": {"type": "array", "items": {"type": "string"}},
                  "summary": {"type": "string"}
                }
              }
            },
            "responses": {
              "Unauthorized": {
                "description": "No or bad bearer token",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "Forbidden": {
                "description": "The role may not use this, or a session caller's X-CSRF-Token is missing or wrong",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "NotFound": {
                "description": "Nothing published under that name",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "BadRequest": {
                "description": "Bad version",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "Unprocessable": {
                "description": "Unknown name or version, or a plan `rioplan check` rejects",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "TooLarge": {
                "description": "Body over the server's limit",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              }
            },
            "parameters": {
              "CSRFToken": {
                "name": "X-CSRF-Token",
                "in": "header",
                "required": false,
                "description": "Required for a browser session (cookie); not for bearer tokens",
                "schema": {"type": "string"}
              },
              "FileName": {
                "name": "file",
                "in": "query",
                "required": false,
                "description": "The uploaded file's name, used in row errors (raw bodies only)",
                "schema": {"type": "string"}
              }
            },
            "requestBodies": {
              "Sheet": {
                "required": true,
                "content": {
                  "text/csv": {"schema": {"type": "string"}},
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "contentEncoding": "binary"}},
                  "multipart/form-data": {
                    "schema": {
                      "type": "object",
                      "required": ["sheet"],
                      "properties": {"sheet": {"type": "string", "contentEncoding": "binary"}}
                    }
                  }
                }
              }
            }
          }
        }
        """
}
