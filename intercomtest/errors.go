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

// statusCodes are the error code and message Intercom uses with an HTTP
// status in answers that do not come from a specific check.
var statusCodes = map[int][2]string{
	http.StatusBadRequest:          {"parameter_invalid", "Invalid parameter"},
	http.StatusUnauthorized:        {"unauthorized", "Access Token Invalid"},
	http.StatusForbidden:           {"forbidden", "Forbidden"},
	http.StatusNotFound:            {"not_found", "Resource Not Found"},
	http.StatusConflict:            {"conflict", "Conflict"},
	http.StatusUnprocessableEntity: {"unprocessable_entity", "Unprocessable Entity"},
	http.StatusTooManyRequests:     {"rate_limit_exceeded", "Rate limit exceeded"},
	http.StatusInternalServerError: {"server_error", "Server Error"},
	http.StatusBadGateway:          {"bad_gateway", "Bad Gateway"},
	http.StatusServiceUnavailable:  {"service_unavailable", "Service Unavailable"},
	http.StatusGatewayTimeout:      {"gateway_timeout", "Gateway Timeout"},
}

// statusCode returns the error code and message for status (statusCodes),
// or a generic one.
func statusCode(status int) (code, message string) {
	if cm, ok := statusCodes[status]; ok {
		return cm[0], cm[1]
	}
	return "error", http.StatusText(status)
}
