package facade

// DataAttributesService groups the operations on data attributes of contacts, companies and conversations.
type DataAttributesService service
