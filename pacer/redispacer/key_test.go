package redispacer

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeyDerivesFromHashOfTokenAndBaseURL(t *testing.T) {
	const token = "dG9rOjEyMzQ1Njc4OTA6c2VjcmV0"
	k := newKeys(DefaultKeyPrefix, token, "https://api.intercom.io")
	for _, name := range []string{k.base, k.gcra, k.state} {
		assert.NotContains(t, name, token, "key shows the token")
		assert.NotContains(t, name, token[:8], "key shows the token")
	}
	// A fixed vector (computed apart: SHA-256 in Python), so that a change of derivation (which would split
	// the processes of a deploy across two budgets) is noticed.
	assert.Equal(t, "intercom:pacer:{"+budgetID(token, "https://api.intercom.io")+"}", k.base, "base key")
	assert.Equal(t, "67ab75774190171c440932d1efd03252", budgetID(token, "https://api.intercom.io"), "budgetID")
	assert.Equal(t, k.base+":gcra", k.gcra, "keys %+v do not extend the base", k)
	assert.Equal(t, k.base+":state", k.state, "keys %+v do not extend the base", k)
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
		prev, dup := ids[id]
		assert.False(t, dup, "%s and %s+%s share the id %s", prev, c.url, c.token, id)
		ids[id] = c.url + "+" + c.token
	}
}
