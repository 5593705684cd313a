package facade

import (
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/go-intercom/intercom/gen"
	"golang.org/x/time/rate"
)

// APIVersion is the Intercom API version the client was generated from and
// sends in the Intercom-Version header of every request.
const APIVersion = gen.APIVersion

// Version is the version of this library, sent in the User-Agent header.
const Version = "0.1.0"

// Client talks to the Intercom REST API. Create one with NewClient or
// NewClientFromEnv; it is safe for concurrent use.
type Client struct {
	cfg config
	raw *gen.Client
	gen *gen.ClientWithResponses

	// Admins groups the operations on admins: the teammates of the workspace and their away status.
	Admins *AdminsService
	// Articles groups the operations on articles: help-center articles.
	Articles *ArticlesService
	// Companies groups the operations on companies and the contacts attached to them.
	Companies *CompaniesService
	// Contacts groups the operations on contacts: users and leads.
	Contacts *ContactsService
	// Conversations groups the operations on conversations, their replies and their management.
	Conversations *ConversationsService
	// DataAttributes groups the operations on data attributes of contacts, companies and conversations.
	DataAttributes *DataAttributesService
	// DataExport groups the operations on content data export jobs.
	DataExport *DataExportService
	// Events groups the operations on data events recorded for contacts.
	Events *EventsService
	// HelpCenters groups the operations on help centers and their collections.
	HelpCenters *HelpCentersService
	// Messages groups the operations on outbound messages sent by admins.
	Messages *MessagesService
	// News groups the operations on news items and newsfeeds.
	News *NewsService
	// Notes groups the operations on notes on contacts.
	Notes *NotesService
	// PhoneCallRedirects groups the operations on switch: redirecting phone calls to Messenger.
	PhoneCallRedirects *PhoneCallRedirectsService
	// Segments groups the operations on segments of contacts.
	Segments *SegmentsService
	// SubscriptionTypes groups the operations on subscription types.
	SubscriptionTypes *SubscriptionTypesService
	// Tags groups the operations on tags and tagging of contacts, conversations and tickets.
	Tags *TagsService
	// Teams groups the operations on teams of admins.
	Teams *TeamsService
	// TicketTypes groups the operations on ticket types and their attributes.
	TicketTypes *TicketTypesService
	// Tickets groups the operations on tickets, their replies and their state.
	Tickets *TicketsService
	// Visitors groups the operations on visitors of the Messenger.
	Visitors *VisitorsService
}

// service is what every resource service holds: the client it calls through.
type service struct {
	client *Client
}

// NewClient returns a client that authenticates with an Intercom access
// token: a bearer token of letters, digits and - . _ ~ + / (then optionally
// = signs); any other token, a blank one included, is an *InputError for
// the field token that never shows the token. Options set the region, base URL, HTTP client, retries, rate-limit
// pacing, logging and middleware; an option given a bad value makes NewClient
// fail.
func NewClient(token string, opts ...Option) (*Client, error) {
	if err := checkToken(token); err != nil {
		return nil, err
	}
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			return nil, invalid("option", "must not be nil")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.baseURL == "" {
		u, err := cfg.region.BaseURL()
		if err != nil {
			return nil, err
		}
		cfg.baseURL = u
	}
	if cfg.pacing {
		cfg.pacer = newRateLimitPacer(cfg.clock, rate.Inf, 0)
	}
	doer := newTransport(token, &cfg)
	raw, err := gen.NewClient(cfg.baseURL, gen.WithHTTPClient(doer))
	if err != nil {
		return nil, fmt.Errorf("intercom: %w", err)
	}
	c := &Client{cfg: cfg, raw: raw, gen: &gen.ClientWithResponses{ClientInterface: raw}}
	c.init()
	return c, nil
}

// Environment variables read by NewClientFromEnv.
const (
	EnvToken   = "INTERCOM_TOKEN"
	EnvRegion  = "INTERCOM_REGION"
	EnvBaseURL = "INTERCOM_BASE_URL"
)

// ErrNoToken is returned by NewClientFromEnv when INTERCOM_TOKEN is unset.
var ErrNoToken = errors.New("intercom: " + EnvToken + " is not set")

// NewClientFromEnv is NewClient configured from the environment: the token
// from INTERCOM_TOKEN, and optionally the region from INTERCOM_REGION (US, EU
// or AU) or a base URL from INTERCOM_BASE_URL. Options given here apply after
// the environment's.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	token := os.Getenv(EnvToken)
	if token == "" {
		return nil, ErrNoToken
	}
	var envOpts []Option
	if r := os.Getenv(EnvRegion); r != "" {
		region, err := ParseRegion(r)
		if err != nil {
			return nil, err
		}
		envOpts = append(envOpts, WithRegion(region))
	}
	if u := os.Getenv(EnvBaseURL); u != "" {
		envOpts = append(envOpts, WithBaseURL(u))
	}
	return NewClient(token, append(envOpts, opts...)...)
}

// Gen returns the generated client underneath, for operations or details the
// facade does not cover. Its requests go through the same transport:
// authentication, the Intercom-Version header (always APIVersion, whatever
// the params say), retries, rate limits and logging. A non-2xx status comes
// back as an *Error, not as a parsed response.
func (c *Client) Gen() *gen.ClientWithResponses { return c.gen }

// BaseURL returns the API base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.cfg.baseURL }

// init wires the resource services to the client.
func (c *Client) init() {
	c.Admins = &AdminsService{c}
	c.Articles = &ArticlesService{c}
	c.Companies = &CompaniesService{c}
	c.Contacts = &ContactsService{c}
	c.Conversations = &ConversationsService{c}
	c.DataAttributes = &DataAttributesService{c}
	c.DataExport = &DataExportService{c}
	c.Events = &EventsService{c}
	c.HelpCenters = &HelpCentersService{service: service{c}, Collections: &HelpCenterCollectionsService{c}}
	c.Messages = &MessagesService{c}
	c.News = &NewsService{service: service{c}, Feeds: &NewsFeedsService{c}, Items: &NewsItemsService{c}}
	c.Notes = &NotesService{c}
	c.PhoneCallRedirects = &PhoneCallRedirectsService{c}
	c.Segments = &SegmentsService{c}
	c.SubscriptionTypes = &SubscriptionTypesService{c}
	c.Tags = &TagsService{c}
	c.Teams = &TeamsService{c}
	c.TicketTypes = &TicketTypesService{service: service{c}, Attributes: &TicketTypeAttributesService{c}}
	c.Tickets = &TicketsService{c}
	c.Visitors = &VisitorsService{c}
}

// doer is the request executor the generated client calls.
var _ gen.HttpRequestDoer = (*transport)(nil)

// defaultHTTPClient is used when no WithHTTPClient option is given. The
// transport gives its copy the redirect policy of redirect.go, as it does to
// a caller's client (TestSecurityRedirectPolicy checks it).
func defaultHTTPClient() *http.Client { return &http.Client{} }
