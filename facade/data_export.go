package facade

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// DataExportService groups the operations on content data export jobs.
type DataExportService service

// DataExport is a content data export job and its status.
type DataExport = gen.DataExport

// Create starts a job exporting the message delivery and engagement data of
// content sent between createdAtAfter and createdAtBefore.
//
// Calls createDataExport: POST /export/content/data.
func (s *DataExportService) Create(ctx context.Context, createdAtAfter, createdAtBefore time.Time) (*DataExport, *Response, error) {
	after, err := unixTimestamp("created_at_after", createdAtAfter)
	if err != nil {
		return nil, nil, err
	}
	before, err := unixTimestamp("created_at_before", createdAtBefore)
	if err != nil {
		return nil, nil, err
	}
	if before <= after {
		return nil, nil, invalid("created_at_before", "must be later than created_at_after")
	}
	body := gen.CreateDataExportJSONRequestBody{CreatedAtAfter: int(after), CreatedAtBefore: int(before)}
	return decode[DataExport](s.client.raw.CreateDataExport(ctx, nil, body))
}

// Find returns an export job and its status.
//
// Calls getDataExport: GET /export/content/data/{job_identifier}.
func (s *DataExportService) Find(ctx context.Context, jobIdentifier string) (*DataExport, *Response, error) {
	if err := required("job_identifier", jobIdentifier); err != nil {
		return nil, nil, err
	}
	return decode[DataExport](s.client.raw.GetDataExport(ctx, jobIdentifier, nil))
}

// Cancel stops an export job.
//
// Calls cancelDataExport: POST /export/cancel/{job_identifier}.
func (s *DataExportService) Cancel(ctx context.Context, jobIdentifier string) (*DataExport, *Response, error) {
	if err := required("job_identifier", jobIdentifier); err != nil {
		return nil, nil, err
	}
	return decode[DataExport](s.client.raw.CancelDataExport(ctx, jobIdentifier, nil))
}

// Download streams the data of a completed export job (a gzipped CSV file).
// The caller must close the returned body; it is not read into memory.
//
// Calls downloadDataExport: GET /download/content/data/{job_identifier}.
func (s *DataExportService) Download(ctx context.Context, jobIdentifier string) (io.ReadCloser, *Response, error) {
	if err := required("job_identifier", jobIdentifier); err != nil {
		return nil, nil, err
	}
	accept := func(_ context.Context, req *http.Request) error {
		req.Header.Set("Accept", "application/octet-stream")
		return nil
	}
	r, err := s.client.raw.DownloadDataExport(ctx, jobIdentifier, nil, accept)
	if err != nil {
		return nil, responseOf(err), err
	}
	return r.Body, newResponse(r), nil
}
