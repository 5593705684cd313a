package redispacer

import (
	"os"
	"strings"
	"testing"
)

// The point of the nested module: facade's own module never requires a
// Redis client.
func TestFacadeModuleHasNoRedisDependency(t *testing.T) {
	for _, f := range []string{"../../go.mod", "../../go.sum"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, dep := range []string{"redis/go-redis", "go-redis/redis_rate", "redis"} {
			if strings.Contains(string(b), dep) {
				t.Errorf("%s mentions %q: Redis belongs to the nested module only", f, dep)
			}
		}
	}
}
