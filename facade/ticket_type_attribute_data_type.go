package facade

import "slices"

// TicketTypeAttributeDataType is the data_type of a ticket type attribute:
// string, list, integer, decimal, boolean, datetime or files. A value the
// server sends that this version does not know is kept as it came; Valid
// reports false for it.
type TicketTypeAttributeDataType string

// The attribute data types of Intercom 2.11.
const (
	TicketAttributeString   TicketTypeAttributeDataType = "string"
	TicketAttributeList     TicketTypeAttributeDataType = "list"
	TicketAttributeInteger  TicketTypeAttributeDataType = "integer"
	TicketAttributeDecimal  TicketTypeAttributeDataType = "decimal"
	TicketAttributeBoolean  TicketTypeAttributeDataType = "boolean"
	TicketAttributeDatetime TicketTypeAttributeDataType = "datetime"
	TicketAttributeFiles    TicketTypeAttributeDataType = "files"
)

var ticketTypeAttributeDataTypes = []TicketTypeAttributeDataType{
	TicketAttributeString, TicketAttributeList, TicketAttributeInteger, TicketAttributeDecimal, TicketAttributeBoolean, TicketAttributeDatetime, TicketAttributeFiles,
}

// TicketTypeAttributeDataTypes returns every attribute data type this
// version knows.
func TicketTypeAttributeDataTypes() []TicketTypeAttributeDataType {
	return append([]TicketTypeAttributeDataType(nil), ticketTypeAttributeDataTypes...)
}

// ParseTicketTypeAttributeDataType returns the data type named s, or an
// *InputError naming the field data_type and the allowed values.
func ParseTicketTypeAttributeDataType(s string) (TicketTypeAttributeDataType, error) {
	return parseEnum("data_type", s, ticketTypeAttributeDataTypes)
}

// Valid reports whether d is one of the data types of this version.
func (d TicketTypeAttributeDataType) Valid() bool {
	return slices.Contains(ticketTypeAttributeDataTypes, d)
}

// String returns the data type as the API spells it.
func (d TicketTypeAttributeDataType) String() string { return string(d) }
