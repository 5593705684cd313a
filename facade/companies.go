package facade

// CompaniesService groups the operations on companies and the contacts attached to them.
type CompaniesService service
