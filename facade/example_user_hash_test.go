package facade_test

import (
	"fmt"

	"github.com/go-intercom/intercom/facade"
)

// The user_hash the Messenger needs when identity verification is on.
func ExampleUserHash() {
	fmt.Println(facade.UserHash("identity-verification-secret", "user-42"))
	// Output:
	// 9864bda5057c1a8a3494bc6740d11d59868bf769ac515a0bc019257d566e547b
}
