package facade

// HelpCenterCollectionsService groups the operations on help center collections.
type HelpCenterCollectionsService service
