package intercomtest

import "net/http"

// errorList is the body of Intercom's error answers.
func errorList(requestID, code, message string) map[string]any {
	return map[string]any{
		"type":       "error.list",
		"request_id": requestID,
		"errors":     []any{map[string]any{"code": code, "message": message}},
	}
}

// statusCode returns the error code Intercom uses with an HTTP status in
// answers that do not come from a specific check.
func statusCode(status int) (code, message string) {
	switch status {
	case http.StatusBadRequest:
		return "parameter_invalid", "Invalid parameter"
	case http.StatusUnauthorized:
		return "unauthorized", "Access Token Invalid"
	case http.StatusForbidden:
		return "forbidden", "Forbidden"
	case http.StatusNotFound:
		return "not_found", "Resource Not Found"
	case http.StatusConflict:
		return "conflict", "Conflict"
	case http.StatusUnprocessableEntity:
		return "unprocessable_entity", "Unprocessable Entity"
	case http.StatusTooManyRequests:
		return "rate_limit_exceeded", "Rate limit exceeded"
	case http.StatusInternalServerError:
		return "server_error", "Server Error"
	case http.StatusBadGateway:
		return "bad_gateway", "Bad Gateway"
	case http.StatusServiceUnavailable:
		return "service_unavailable", "Service Unavailable"
	case http.StatusGatewayTimeout:
		return "gateway_timeout", "Gateway Timeout"
	}
	return "error", http.StatusText(status)
}
