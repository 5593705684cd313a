package intercomtest

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// handlers are the operations the workspace carries out, by operationId
// exactly as the 2.11 description spells it (some begin with a capital).
// Each handler lives in the file of its resource.
var handlers = map[string]handler{
	// Admins and teams (h_admins.go, h_teams.go, h_activity_logs.go).
	"identifyAdmin":    identifyAdmin,
	"setAwayAdmin":     setAwayAdmin,
	"listActivityLogs": listActivityLogs,
	"listAdmins":       listAdmins,
	"retrieveAdmin":    retrieveAdmin,
	"listTeams":        listTeams,
	"retrieveTeam":     retrieveTeam,

	// Articles (h_articles.go).
	"listArticles":    listArticles,
	"createArticle":   createArticle,
	"retrieveArticle": retrieveArticle,
	"updateArticle":   updateArticle,
	"deleteArticle":   deleteArticle,
	"searchArticles":  searchArticles,

	// Help centers and their collections (h_help_centers.go).
	"listAllCollections": listAllCollections,
	"createCollection":   createCollection,
	"retrieveCollection": retrieveCollection,
	"updateCollection":   updateCollection,
	"deleteCollection":   deleteCollection,
	"retrieveHelpCenter": retrieveHelpCenter,
	"listHelpCenters":    listHelpCenters,

	// Companies (h_companies.go).
	"createOrUpdateCompany":            createOrUpdateCompany,
	"retrieveCompany":                  retrieveCompany,
	"RetrieveACompanyById":             retrieveACompanyById,
	"UpdateCompany":                    updateCompany,
	"deleteCompany":                    deleteCompany,
	"ListAttachedContacts":             listAttachedContacts,
	"ListAttachedSegmentsForCompanies": listAttachedSegmentsForCompanies,
	"listAllCompanies":                 listAllCompanies,
	"scrollOverAllCompanies":           scrollOverAllCompanies,
	"attachContactToACompany":          attachContactToACompany,
	"listCompaniesForAContact":         listCompaniesForAContact,
	"detachContactFromACompany":        detachContactFromACompany,

	// Notes (h_notes.go).
	"listNotes":    listNotes,
	"createNote":   createNote,
	"retrieveNote": retrieveNote,

	// Segments (h_segments.go).
	"listSegmentsForAContact": listSegmentsForAContact,
	"listSegments":            listSegments,
	"retrieveSegment":         retrieveSegment,

	// Subscription types (h_subscriptions.go).
	"listSubscriptionsForAContact":    listSubscriptionsForAContact,
	"attachSubscriptionTypeToContact": attachSubscriptionTypeToContact,
	"detachSubscriptionTypeToContact": detachSubscriptionTypeToContact,
	"listSubscriptionTypes":           listSubscriptionTypes,

	// Tags (h_tags.go).
	"listTagsForAContact":       listTagsForAContact,
	"attachTagToContact":        attachTagToContact,
	"detachTagFromContact":      detachTagFromContact,
	"attachTagToConversation":   attachTagToConversation,
	"detachTagFromConversation": detachTagFromConversation,
	"attachTagToTicket":         attachTagToTicket,
	"detachTagFromTicket":       detachTagFromTicket,
	"listTags":                  listTags,
	"createTag":                 createTag,
	"findTag":                   findTag,
	"deleteTag":                 deleteTag,

	// Contacts (h_contacts.go).
	"UpdateContact":    updateContact,
	"ShowContact":      showContact,
	"DeleteContact":    deleteContact,
	"MergeContact":     mergeContact,
	"SearchContacts":   searchContacts,
	"ListContacts":     listContacts,
	"CreateContact":    createContact,
	"ArchiveContact":   archiveContact,
	"UnarchiveContact": unarchiveContact,

	// Conversations (h_conversations.go).
	"listConversations":             listConversations,
	"createConversation":            createConversation,
	"retrieveConversation":          retrieveConversation,
	"updateConversation":            updateConversation,
	"searchConversations":           searchConversations,
	"replyConversation":             replyConversation,
	"manageConversation":            manageConversation,
	"autoAssignConversation":        autoAssignConversation,
	"attachContactToConversation":   attachContactToConversation,
	"detachContactFromConversation": detachContactFromConversation,
	"redactConversation":            redactConversation,
	"convertConversationToTicket":   convertConversationToTicket,

	// Data attributes, events and exports (h_data_attributes.go,
	// h_events.go, h_data_exports.go).
	"listDataAttributes":  listDataAttributes,
	"createDataAttribute": createDataAttribute,
	"updateDataAttribute": updateDataAttribute,
	"createDataEvent":     createDataEvent,
	"lisDataEvents":       lisDataEvents,
	"dataEventSummaries":  dataEventSummaries,
	"createDataExport":    createDataExport,
	"getDataExport":       getDataExport,
	"cancelDataExport":    cancelDataExport,
	"downloadDataExport":  downloadDataExport,

	// Messages (h_messages.go).
	"createMessage": createMessage,

	// News (h_news.go).
	"listNewsItems":         listNewsItems,
	"createNewsItem":        createNewsItem,
	"retrieveNewsItem":      retrieveNewsItem,
	"updateNewsItem":        updateNewsItem,
	"deleteNewsItem":        deleteNewsItem,
	"listLiveNewsfeedItems": listLiveNewsfeedItems,
	"listNewsfeeds":         listNewsfeeds,
	"retrieveNewsfeed":      retrieveNewsfeed,

	// Phone call redirects (h_phone.go).
	"createPhoneSwitch": createPhoneSwitch,

	// Ticket types and tickets (h_ticket_types.go, h_tickets.go).
	"createTicketTypeAttribute": createTicketTypeAttribute,
	"updateTicketTypeAttribute": updateTicketTypeAttribute,
	"listTicketTypes":           listTicketTypes,
	"createTicketType":          createTicketType,
	"getTicketType":             getTicketType,
	"updateTicketType":          updateTicketType,
	"replyTicket":               replyTicket,
	"createTicket":              createTicket,
	"updateTicket":              updateTicket,
	"getTicket":                 getTicket,
	"searchTickets":             searchTickets,

	// Visitors (h_visitors.go).
	"updateVisitor":             updateVisitor,
	"retrieveVisitorWithUserId": retrieveVisitorWithUserId,
	"convertVisitor":            convertVisitor,
}

// newerHandlers answer operations that only descriptions newer than 2.11
// declare, for a server built from one of them.
var newerHandlers = map[string]handler{
	"listTicketStates": listTicketStates, // h_tickets.go
}

// operationNames maps each operation of the loaded description to its
// operationId as the description spells it. A copy of the description that
// went through oapi-codegen has every operationId capitalized; the
// description's own spelling is then the registered one that differs only in
// the case of its first letter.
func operationNames(doc *openapi3.T) map[*openapi3.Operation]string {
	out := map[*openapi3.Operation]string{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			out[op] = describedName(op.OperationID)
		}
	}
	return out
}

func describedName(id string) string {
	if registered(id) || id == "" {
		return id
	}
	for _, flip := range []string{strings.ToLower(id[:1]) + id[1:], strings.ToUpper(id[:1]) + id[1:]} {
		if registered(flip) {
			return flip
		}
	}
	return id
}

// spelledAs reports whether id, an operationId of the loaded description, is
// name: the same, or the same but for the case of its first letter.
func spelledAs(id, name string) bool {
	return id == name || id != "" && name != "" && strings.EqualFold(id[:1], name[:1]) && id[1:] == name[1:]
}

// registered reports whether an operation has a handler, for 2.11 or for a
// newer description.
func registered(id string) bool {
	_, ok := handlers[id]
	_, newer := newerHandlers[id]
	return ok || newer
}
