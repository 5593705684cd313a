// Command quickstart walks through a support ticket's life with the facade
// client.
//
// With no environment it starts an embedded intercomtest server (a fake
// Intercom that checks every request against the API description) and runs
// the whole workflow: identify the admin, create a ticket type and a ticket
// for a contact, reply as the admin and as the contact, leave a note, move
// the ticket through its states, tag it, search for it and list its parts.
//
// With INTERCOM_TOKEN set (and optionally INTERCOM_REGION or
// INTERCOM_BASE_URL) it runs only the read-only part against that workspace:
// nothing is created or changed there.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// run runs the quickstart, writing its log to w. It reads the environment
// through facade.NewClientFromEnv.
func run(ctx context.Context, w io.Writer) error {
	client, err := facade.NewClientFromEnv()
	if errors.Is(err, facade.ErrNoToken) {
		return runEmbedded(ctx, w)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Using the workspace of %s at %s (read-only)\n", facade.EnvToken, client.BaseURL())
	return readOnly(ctx, w, client)
}

// runEmbedded runs the full workflow against an intercomtest server and
// fails if the client sent a request the description does not allow.
func runEmbedded(ctx context.Context, w io.Writer) error {
	srv, err := intercomtest.Start()
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Fprintf(w, "No %s set: using an embedded intercomtest server at %s\n\n", facade.EnvToken, srv.URL)
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		return err
	}
	if err := workflow(ctx, w, client); err != nil {
		return err
	}
	if err := readOnly(ctx, w, client); err != nil {
		return err
	}
	var problems []string
	for _, r := range srv.InvalidRequests() {
		problems = append(problems, "invalid request: "+r.String())
	}
	for _, r := range srv.InvalidResponses() {
		problems = append(problems, "invalid response: "+r.String())
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	fmt.Fprintf(w, "\n%d requests, all valid against the %s description.\n", len(srv.Requests()), facade.APIVersion)
	return nil
}

// workflow is the ticket's life, step by step.
func workflow(ctx context.Context, w io.Writer, c *facade.Client) error {
	step := func(format string, args ...any) { fmt.Fprintf(w, "• "+format+"\n", args...) }

	me, _, err := c.Admins.Identify(ctx)
	if err != nil {
		return fmt.Errorf("identify admin: %w", err)
	}
	step("Signed in as %s <%s> (admin %s)", me.Name, me.Email, me.Id)

	tt, _, err := c.TicketTypes.Create(ctx, "Bug report", &facade.CreateTicketTypeOptions{
		Category:    facade.TicketCategoryCustomer,
		Description: "Something in the product does not work",
	})
	if err != nil {
		return fmt.Errorf("create ticket type: %w", err)
	}
	step("Created ticket type %q (%s)", tt.Name, tt.Id)
	required := true
	attr, _, err := c.TicketTypes.Attributes.Create(ctx, tt.Id, "severity", "How bad it is",
		facade.TicketAttributeList, &facade.TicketTypeAttributeOptions{
			ListItems: "low,medium,high", RequiredToCreate: &required,
		})
	if err != nil {
		return fmt.Errorf("create ticket type attribute: %w", err)
	}
	step("Added the required attribute %q (%s) to it", attr.Name, attr.DataType)

	const customer = "lin@example.com"
	ticket, _, err := c.Tickets.Create(ctx, tt.Id, []facade.TicketContact{facade.TicketContactByEmail(customer)},
		&facade.CreateTicketOptions{Attributes: map[string]any{
			"_default_title_":       "CSV export fails",
			"_default_description_": "The export button spins forever.",
			"severity":              "high",
		}})
	if err != nil {
		return fmt.Errorf("create ticket: %w", err)
	}
	contactID := ""
	if cs := ticket.Contacts.Contacts; len(cs) > 0 {
		contactID = cs[0].Id
	}
	step("Opened ticket #%s (%s) for %s (contact %s): state %s", ticket.TicketId, ticket.Id, customer, contactID, facade.TicketStateOf(ticket))

	replies := []struct {
		what  string
		reply facade.Reply
	}{
		{"Admin replied", facade.AdminComment(me.Id, "Thanks for reporting this, we are looking into it.")},
		{"Customer replied", facade.ContactReply(facade.ByEmail(customer), "It happens with every file.")},
		{"Admin left a note", facade.AdminNote(me.Id, "Reproduced with a 10 MB file.")},
	}
	for _, r := range replies {
		part, _, err := c.Tickets.Reply(ctx, ticket.Id, r.reply)
		if err != nil {
			return fmt.Errorf("reply to ticket: %w", err)
		}
		step("%s: part %s, %s by %s", r.what, part.Id, part.PartType, authorOf(part.Author))
	}

	for _, state := range []facade.TicketState{
		facade.TicketStateInProgress, facade.TicketStateWaitingOnCustomer, facade.TicketStateResolved,
	} {
		ticket, _, err = c.Tickets.Update(ctx, ticket.Id, &facade.UpdateTicketOptions{State: state})
		if err != nil {
			return fmt.Errorf("move ticket to %s: %w", state, err)
		}
		step("Moved the ticket to %s", facade.TicketStateOf(ticket))
	}

	tag, _, err := c.Tags.Create(ctx, facade.NewTag("export"))
	if err != nil {
		return fmt.Errorf("create tag: %w", err)
	}
	applied, _, err := c.Tags.TagTicket(ctx, ticket.Id, deref(tag.Id), me.Id)
	if err != nil {
		return fmt.Errorf("tag ticket: %w", err)
	}
	step("Tagged the ticket %q", applied.Name)

	found, _, err := c.Tickets.Search(ctx, facade.And(
		facade.Filter("contact_ids", facade.OpEquals, contactID),
		facade.Filter("state", facade.OpIn, []string{"resolved"}),
	), &facade.SearchOptions{PerPage: 10})
	if err != nil {
		return fmt.Errorf("search tickets: %w", err)
	}
	step("Search for the customer's resolved tickets found %d", found.TotalCount)

	ticket, _, err = c.Tickets.Get(ctx, ticket.Id)
	if err != nil {
		return fmt.Errorf("get ticket: %w", err)
	}
	if ticket.TicketParts == nil {
		return errors.New("the ticket has no parts")
	}
	step("Ticket #%s has %d parts:", ticket.TicketId, len(ticket.TicketParts.TicketParts))
	for _, p := range ticket.TicketParts.TicketParts {
		line := fmt.Sprintf("    %-32s by %-28s", p.PartType, authorOf(p.Author))
		if p.PreviousTicketState != nil {
			line += fmt.Sprintf(" %s → %s", *p.PreviousTicketState, p.TicketState)
		} else if body := p.GetBody(); body != "" {
			line += fmt.Sprintf(" %q", body)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintln(w)
	return nil
}

// readOnly looks around a workspace without changing anything.
func readOnly(ctx context.Context, w io.Writer, c *facade.Client) error {
	fmt.Fprintln(w, "Read-only tour:")
	me, resp, err := c.Admins.Identify(ctx)
	if err != nil {
		return fmt.Errorf("identify admin: %w", err)
	}
	fmt.Fprintf(w, "  admin:        %s <%s>\n", me.Name, me.Email)
	if resp.RateLimit.Known {
		fmt.Fprintf(w, "  rate limit:   %d of %d left in this window\n", resp.RateLimit.Remaining, resp.RateLimit.Limit)
	}
	admins, _, err := c.Admins.List(ctx, nil)
	if err != nil {
		return fmt.Errorf("list admins: %w", err)
	}
	fmt.Fprintf(w, "  admins:       %d\n", len(admins.Admins))
	teams, _, err := c.Teams.List(ctx)
	if err != nil {
		return fmt.Errorf("list teams: %w", err)
	}
	fmt.Fprintf(w, "  teams:        %d\n", len(teams.Teams))
	types, _, err := c.TicketTypes.List(ctx)
	if err != nil {
		return fmt.Errorf("list ticket types: %w", err)
	}
	var names []string
	for _, t := range facade.TicketTypesOf(types) {
		names = append(names, t.Name)
	}
	fmt.Fprintf(w, "  ticket types: %d %v\n", len(names), names)
	open, _, err := c.Tickets.Search(ctx, facade.Filter("open", facade.OpEquals, true), &facade.SearchOptions{PerPage: 5})
	if err != nil {
		return fmt.Errorf("search open tickets: %w", err)
	}
	fmt.Fprintf(w, "  open tickets: %d\n", open.TotalCount)
	tags, _, err := c.Tags.List(ctx)
	if err != nil {
		return fmt.Errorf("list tags: %w", err)
	}
	fmt.Fprintf(w, "  tags:         %d\n", len(tags.Data))
	return nil
}

// authorOf describes a part's author: "admin Ada Operator" or "user lin@example.com".
func authorOf(a *facade.TicketPartAuthor) string {
	if a == nil {
		return "nobody"
	}
	who := a.Email
	if name := a.GetName(); name != "" {
		who = name
	}
	return fmt.Sprintf("%s %s", a.Type, who)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
