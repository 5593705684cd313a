package facade

// AdminsService groups the operations on admins: the teammates of the workspace and their away status.
type AdminsService service
