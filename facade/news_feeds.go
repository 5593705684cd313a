package facade

// NewsFeedsService groups the operations on newsfeeds and their live items.
type NewsFeedsService service
