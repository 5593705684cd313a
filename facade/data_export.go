package facade

// DataExportService groups the operations on content data export jobs.
type DataExportService service
