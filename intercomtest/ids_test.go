package intercomtest

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCountedUUIDCarriesItsNumbers: the ids are version 4 UUIDs of the RFC
// variant that show the numbers they were made from, the same every time.
func TestCountedUUIDCarriesItsNumbers(t *testing.T) {
	for _, n := range []uint64{0, 1, 41, 1<<32 - 1} {
		got := countedUUID(n<<32|0x5c01<<16, n)
		assert.Equal(t, fmt.Sprintf("%08x-5c01-4000-8000-%012x", n, n), got)
		u, err := uuid.Parse(got)
		require.NoError(t, err)
		assert.Equal(t, uuid.Version(4), u.Version())
		assert.Equal(t, uuid.RFC4122, u.Variant())
		assert.Equal(t, got, countedUUID(n<<32|0x5c01<<16, n), "deterministic")
	}
}
