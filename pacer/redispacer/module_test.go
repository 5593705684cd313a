package redispacer

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The point of the nested module: facade's own module never requires a
// Redis client.
func TestFacadeModuleHasNoRedisDependency(t *testing.T) {
	for _, f := range []string{"../../go.mod", "../../go.sum"} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, dep := range []string{"redis/go-redis", "go-redis/redis_rate", "redis"} {
			assert.NotContains(t, string(b), dep, "%s mentions %q: Redis belongs to the nested module only", f, dep)
		}
	}
}
