package facade

// HelpCentersService groups the operations on help centers and their collections.
type HelpCentersService struct {
	service
	// Collections calls the operations on help center collections.
	Collections *HelpCenterCollectionsService
}
