package facade

import "strings"

// Region is the Intercom data-hosting region a workspace lives in. Each
// region has its own API host; a token works only in its own region.
type Region string

// The regions of the three servers in Intercom's description of 2.11.
const (
	RegionUS Region = "US"
	RegionEU Region = "EU"
	RegionAU Region = "AU"
)

// regionURLs are the base URLs of the servers the description lists.
var regionURLs = map[Region]string{
	RegionUS: "https://api.intercom.io",
	RegionEU: "https://api.eu.intercom.io",
	RegionAU: "https://api.au.intercom.io",
}

// BaseURL returns the API base URL of the region.
func (r Region) BaseURL() (string, error) {
	u, ok := regionURLs[r]
	if !ok {
		return "", invalid("region", "%q is not a region; allowed: US, EU, AU", string(r))
	}
	return u, nil
}

// ParseRegion reads a region name, case-insensitively ("eu" is RegionEU).
func ParseRegion(s string) (Region, error) {
	for r := range regionURLs {
		if strings.EqualFold(string(r), s) {
			return r, nil
		}
	}
	return "", invalid("region", "%q is not a region; allowed: US, EU, AU", s)
}
