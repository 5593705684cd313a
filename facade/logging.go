package facade

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// logAttempt logs one attempt at debug level: method, path (never the query
// or the token), attempt number, status, duration and, for a failed
// connection, the error.
func (t *transport) logAttempt(ctx context.Context, req *http.Request, attempt int, resp *http.Response, d time.Duration, err error) {
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("path", req.URL.Path),
		slog.Int("attempt", attempt),
		slog.Int("status", status),
		slog.Duration("duration", d),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", newTransportError(req, err, t.token).Error()))
	}
	t.logger.LogAttrs(ctx, slog.LevelDebug, "intercom: attempt", attrs...)
}

// logRetry logs at info level that a request is retried and after how long.
// For an API error it names the status and Intercom's codes, never the body.
func (t *transport) logRetry(ctx context.Context, req *http.Request, attempt int, wait time.Duration, err error) {
	if !t.logger.Enabled(ctx, slog.LevelInfo) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("path", req.URL.Path),
		slog.Int("attempt", attempt),
		slog.Duration("wait", wait),
	}
	var apiErr *Error
	if errors.As(err, &apiErr) {
		attrs = append(attrs, slog.Int("status", apiErr.StatusCode), slog.String("request_id", apiErr.RequestID))
		if len(apiErr.Errors) > 0 {
			codes := make([]string, len(apiErr.Errors))
			for i, d := range apiErr.Errors {
				codes[i] = d.Code
			}
			attrs = append(attrs, slog.Any("codes", codes))
		}
	} else if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	t.logger.LogAttrs(ctx, slog.LevelInfo, "intercom: retrying", attrs...)
}
