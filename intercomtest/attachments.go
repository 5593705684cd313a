package intercomtest

import "net/url"

// checkAttachmentURLs refuses a reply whose attachment_urls are not all
// absolute http(s) URLs, as Intercom does.
func checkAttachmentURLs(c *call) *reply {
	list, _ := c.body["attachment_urls"].([]any)
	for i, v := range list {
		s, _ := v.(string)
		if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			r := c.badParam("attachment_urls[%d]: %q is not an http(s) URL", i, s)
			return &r
		}
	}
	return nil
}
