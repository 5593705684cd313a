package redispacer_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/pacer/redispacer"
	"github.com/redis/go-redis/v9"
)

// Every process that uses the token creates its client like this; they then
// share one rate-limit budget. Here the API is an intercomtest server and
// Redis the one the tests started (normally Addr: "localhost:6379").
func Example() {
	api, err := intercomtest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer api.Close()
	token := api.Token

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDISPACER_EXAMPLE_REDIS")})
	defer rdb.Close()
	pacer, err := redispacer.New(rdb, token, redispacer.WithBaseURL(api.URL)) // or WithRegion(facade.RegionEU)
	if err != nil {
		log.Fatal(err)
	}
	client, err := facade.NewClient(token, facade.WithBaseURL(api.URL), facade.WithPacer(pacer))
	if err != nil {
		log.Fatal(err)
	}

	if _, _, err := client.Admins.Identify(context.Background()); err != nil {
		log.Fatal(err)
	}
	b := pacer.Budget()
	fmt.Println("limit per window:", b.Limit, "reported by the API:", b.LimitReported)
	// Output: limit per window: 10000 reported by the API: true
}
