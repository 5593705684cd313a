package redispacer

import (
	"strings"
	"testing"
)

func TestKeyDerivesFromHashOfTokenAndBaseURL(t *testing.T) {
	const token = "dG9rOjEyMzQ1Njc4OTA6c2VjcmV0"
	k := newKeys(DefaultKeyPrefix, token, "https://api.intercom.io")
	for _, name := range []string{k.base, k.gcra, k.state} {
		if strings.Contains(name, token) || strings.Contains(name, token[:8]) {
			t.Errorf("key %q shows the token", name)
		}
	}
	// A fixed vector (computed apart: SHA-256 in Python), so that a change of derivation (which would split
	// the processes of a deploy across two budgets) is noticed.
	if want := "intercom:pacer:{" + budgetID(token, "https://api.intercom.io") + "}"; k.base != want {
		t.Errorf("base key %q, want %q", k.base, want)
	}
	if got, want := budgetID(token, "https://api.intercom.io"), "67ab75774190171c440932d1efd03252"; got != want {
		t.Errorf("budgetID = %s, want %s", got, want)
	}
	if k.gcra != k.base+":gcra" || k.state != k.base+":state" {
		t.Errorf("keys %+v do not extend the base", k)
	}
	// One budget per token and region.
	ids := map[string]string{}
	for _, c := range []struct{ token, url string }{
		{token, "https://api.intercom.io"},
		{token, "https://api.eu.intercom.io"},
		{token, "https://api.au.intercom.io"},
		{token + "x", "https://api.intercom.io"},
		// Without the separator these two would hash the same bytes.
		{"b" + token, "https://api.intercom.io/a"},
		{token, "https://api.intercom.io/ab"},
	} {
		id := budgetID(c.token, c.url)
		if prev, dup := ids[id]; dup {
			t.Errorf("%s and %s+%s share the id %s", prev, c.url, c.token, id)
		}
		ids[id] = c.url + "+" + c.token
	}
}
