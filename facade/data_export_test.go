package facade

import (
	"context"
	"io"
	"testing"
	"time"
)

const dataExportJSON = `{"job_identifier":"orzzsbd7hk67xyu","status":"pending","download_expires_at":"","download_url":""}`

func TestDataExportCreate(t *testing.T) {
	c, s := newOpStubClient(t, 200, dataExportJSON)
	got, _, err := c.DataExport.Create(context.Background(), time.Unix(1717003967, 0), time.Unix(1717021967, 0))
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "POST", "/export/content/data", nil, `{"created_at_after":1717003967,"created_at_before":1717021967}`)
	if got.JobIdentifier != "orzzsbd7hk67xyu" || got.Status != "pending" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, dataExportJSON)
	_, _, err = c.DataExport.Create(context.Background(), time.Time{}, time.Unix(1717021967, 0))
	assertOpInputError(t, err, "created_at_after", s)
	_, _, err = c.DataExport.Create(context.Background(), time.Unix(1717003967, 0), time.Time{})
	assertOpInputError(t, err, "created_at_before", s)
	_, _, err = c.DataExport.Create(context.Background(), time.Unix(1717003967, 0), time.Unix(1717003967, 0))
	assertOpInputError(t, err, "created_at_before", s)
}

func TestDataExportFindAndCancel(t *testing.T) {
	c, s := newOpStubClient(t, 200, dataExportJSON)
	got, _, err := c.DataExport.Find(context.Background(), "orzzsbd7hk67xyu")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/export/content/data/orzzsbd7hk67xyu", nil, "")
	if got.JobIdentifier != "orzzsbd7hk67xyu" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, `{"job_identifier":"orzzsbd7hk67xyu","status":"canceled","download_expires_at":"","download_url":""}`)
	got, _, err = c.DataExport.Cancel(context.Background(), "orzzsbd7hk67xyu")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "POST", "/export/cancel/orzzsbd7hk67xyu", nil, "")
	if got.Status != "canceled" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, dataExportJSON)
	_, _, err = c.DataExport.Find(context.Background(), "")
	assertOpInputError(t, err, "job_identifier", s)
	_, _, err = c.DataExport.Cancel(context.Background(), "")
	assertOpInputError(t, err, "job_identifier", s)
	_, _, err = c.DataExport.Download(context.Background(), "")
	assertOpInputError(t, err, "job_identifier", s)
}

func TestDataExportDownload(t *testing.T) {
	c, s := newOpStubClient(t, 200, "id,name\n1,first\n")
	body, resp, err := c.DataExport.Download(context.Background(), "orzzsbd7hk67xyu")
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	data, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/download/content/data/orzzsbd7hk67xyu", nil, "")
	if string(data) != "id,name\n1,first\n" || resp.StatusCode != 200 {
		t.Errorf("got %q, status %d", data, resp.StatusCode)
	}
}
