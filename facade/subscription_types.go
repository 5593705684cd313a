package facade

// SubscriptionTypesService groups the operations on subscription types.
type SubscriptionTypesService service
