package facade

import (
	"io"
	"net/http"
)

// transport is the one place where every request is finished and sent:
// headers, retries, rate limits and error decoding. The generated client
// calls it as its HttpRequestDoer.
type transport struct {
	token     string
	cfg       *config
	userAgent string
}

func newTransport(token string, cfg *config) *transport {
	ua := "go-intercom/" + Version
	if cfg.userAgent != "" {
		ua += " " + cfg.userAgent
	}
	return &transport{token: token, cfg: cfg, userAgent: ua}
}

// Do sends req and returns the response for a 2xx status, or an *Error.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+t.token)
	req.Header.Set("Intercom-Version", APIVersion)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", t.userAgent)
	resp, err := t.cfg.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return nil, &Error{Response: newResponse(resp), Method: req.Method, Path: req.URL.Path}
	}
	return resp, nil
}
