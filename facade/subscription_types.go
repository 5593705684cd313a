package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// SubscriptionTypesService groups the operations on subscription types.
type SubscriptionTypesService service

// SubscriptionType is a kind of message contacts can opt in to or out of.
type SubscriptionType = gen.SubscriptionType

// SubscriptionTypeList is a list of subscription types.
type SubscriptionTypeList = gen.SubscriptionTypeList

// List returns the workspace's subscription types.
//
// Calls listSubscriptionTypes: GET /subscription_types.
func (s *SubscriptionTypesService) List(ctx context.Context) (*SubscriptionTypeList, *Response, error) {
	return decode[SubscriptionTypeList](s.client.raw.ListSubscriptionTypes(ctx, nil))
}
