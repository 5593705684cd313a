package facade

// TeamsService groups the operations on teams of admins.
type TeamsService service
