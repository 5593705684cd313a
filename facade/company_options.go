package facade

import (
	"time"

	"github.com/go-intercom/intercom/gen"
)

// CompanyOptions is what Companies.CreateOrUpdate sends. A company needs a
// CompanyID (your own id of it) or a Name; fields left zero are not sent.
type CompanyOptions struct {
	// CompanyID is your own id of the company; a company with the same one
	// is updated instead of created.
	CompanyID string
	Name      string
	Plan      string
	Industry  string
	Website   string
	// Size is the number of employees; MonthlySpend is the revenue it brings.
	// Both are pointers because 0 is a value: facade.Ptr(0).
	Size         *int
	MonthlySpend *int
	// RemoteCreatedAt is when the company was created in your system.
	RemoteCreatedAt time.Time
	// CustomAttributes are the workspace's own attributes, by name.
	CustomAttributes map[string]any
}

// request checks o and builds the body of createOrUpdateCompany.
func (o CompanyOptions) request() (gen.CreateOrUpdateCompanyRequest, error) {
	if o.CompanyID == "" && o.Name == "" {
		return gen.CreateOrUpdateCompanyRequest{}, invalid("company_id", "a company needs a company_id or a name")
	}
	for _, f := range []struct {
		name string
		v    *int
	}{{"monthly_spend", o.MonthlySpend}, {"size", o.Size}} {
		if f.v != nil && *f.v < 0 {
			return gen.CreateOrUpdateCompanyRequest{}, invalid(f.name, "must not be negative, got %d", *f.v)
		}
	}
	created, err := optionalTime("remote_created_at", o.RemoteCreatedAt)
	if err != nil {
		return gen.CreateOrUpdateCompanyRequest{}, err
	}
	return gen.CreateOrUpdateCompanyRequest{
		CompanyId:        stringOrNil(o.CompanyID),
		Name:             stringOrNil(o.Name),
		Plan:             stringOrNil(o.Plan),
		Industry:         stringOrNil(o.Industry),
		Website:          stringOrNil(o.Website),
		Size:             ptrCopy(o.Size),
		MonthlySpend:     ptrCopy(o.MonthlySpend),
		RemoteCreatedAt:  created,
		CustomAttributes: mapOrNil(o.CustomAttributes),
	}, nil
}
