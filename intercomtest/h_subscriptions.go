package intercomtest

import (
	"maps"
	"slices"
)

// subscriptionType is a kind of message contacts can opt in to or out of; a
// new workspace has two.
type subscriptionType struct {
	id, name, description, consentType, state string
	contentTypes                              []string
}

func (ws *workspace) subscriptionType(id string) *subscriptionType {
	for _, s := range ws.subscriptionTypes {
		if s.id == id {
			return s
		}
	}
	return nil
}

// json renders a subscription type; consent, when set, is a contact's
// choice for it.
func (s *subscriptionType) json(consent string) obj {
	if consent == "" {
		consent = s.consentType
	}
	tr := obj{"name": s.name, "description": s.description, "locale": "en"}
	content := []any{}
	for _, t := range s.contentTypes {
		content = append(content, t)
	}
	return obj{"type": "subscription", "id": s.id, "state": s.state, "consent_type": consent,
		"default_translation": tr, "translations": []any{tr}, "content_types": content}
}

func listSubscriptionTypes(ws *workspace, c *call) reply {
	list := []any{}
	for _, s := range ws.subscriptionTypes {
		list = append(list, s.json(""))
	}
	return ok(obj{"type": "list", "data": list})
}

func listSubscriptionsForAContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	list := []any{}
	for _, id := range slices.Sorted(maps.Keys(ct.subscriptions)) {
		if s := ws.subscriptionType(id); s != nil {
			list = append(list, s.json(ct.subscriptions[id]))
		}
	}
	return ok(obj{"type": "list", "data": list})
}

func attachSubscriptionTypeToContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	s := ws.subscriptionType(c.str("id"))
	if s == nil {
		return c.notFound("Subscription Type")
	}
	consent := c.str("consent_type")
	if consent != "opt_in" && consent != "opt_out" {
		return c.badParam("consent_type must be opt_in or opt_out, got %q", consent)
	}
	if ct.subscriptions == nil {
		ct.subscriptions = map[string]string{}
	}
	ct.subscriptions[s.id] = consent
	ct.updatedAt = ws.unix()
	return ok(s.json(consent))
}

func detachSubscriptionTypeToContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	s := ws.subscriptionType(c.params["subscription_id"])
	if s == nil {
		return c.notFound("Subscription Type")
	}
	consent, attached := ct.subscriptions[s.id]
	if !attached {
		return c.notFound("Subscription Type")
	}
	delete(ct.subscriptions, s.id)
	ct.updatedAt = ws.unix()
	return ok(s.json(consent))
}
