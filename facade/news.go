package facade

// NewsService groups the operations on news items and newsfeeds.
type NewsService struct {
	service
	// Feeds calls the operations on newsfeeds and their live items.
	Feeds *NewsFeedsService
	// Items calls the operations on news items.
	Items *NewsItemsService
}
