package facade

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const dataExportJSON = `{"job_identifier":"orzzsbd7hk67xyu","status":"pending","download_expires_at":"","download_url":""}`

func TestDataExportCreate(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, dataExportJSON)
	got, _, err := c.DataExport.Create(context.Background(), time.Unix(1717003967, 0), time.Unix(1717021967, 0))
	require.NoError(t, err)
	f.expect(t, "POST", "/export/content/data", nil, `{"created_at_after":1717003967,"created_at_before":1717021967}`)
	assert.Equal(t, "orzzsbd7hk67xyu", got.JobIdentifier)
	assert.EqualValues(t, "pending", got.Status)

	f, c = newFake(t)
	f.reply("/", 200, dataExportJSON)
	_, _, err = c.DataExport.Create(context.Background(), time.Time{}, time.Unix(1717021967, 0))
	f.expectInputError(t, err, "created_at_after")
	_, _, err = c.DataExport.Create(context.Background(), time.Unix(1717003967, 0), time.Time{})
	f.expectInputError(t, err, "created_at_before")
	_, _, err = c.DataExport.Create(context.Background(), time.Unix(1717003967, 0), time.Unix(1717003967, 0))
	f.expectInputError(t, err, "created_at_before")
}

func TestDataExportFindAndCancel(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, dataExportJSON)
	got, _, err := c.DataExport.Find(context.Background(), "orzzsbd7hk67xyu")
	require.NoError(t, err)
	f.expect(t, "GET", "/export/content/data/orzzsbd7hk67xyu", nil, "")
	assert.Equal(t, "orzzsbd7hk67xyu", got.JobIdentifier)

	f, c = newFake(t)
	f.reply("/", 200, `{"job_identifier":"orzzsbd7hk67xyu","status":"canceled","download_expires_at":"","download_url":""}`)
	got, _, err = c.DataExport.Cancel(context.Background(), "orzzsbd7hk67xyu")
	require.NoError(t, err)
	f.expect(t, "POST", "/export/cancel/orzzsbd7hk67xyu", nil, "")
	assert.EqualValues(t, "canceled", got.Status)

	f, c = newFake(t)
	f.reply("/", 200, dataExportJSON)
	_, _, err = c.DataExport.Find(context.Background(), "")
	f.expectInputError(t, err, "job_identifier")
	_, _, err = c.DataExport.Cancel(context.Background(), "")
	f.expectInputError(t, err, "job_identifier")
	_, _, err = c.DataExport.Download(context.Background(), "")
	f.expectInputError(t, err, "job_identifier")
}

func TestDataExportDownload(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, "id,name\n1,first\n")
	body, resp, err := c.DataExport.Download(context.Background(), "orzzsbd7hk67xyu")
	require.NoError(t, err)
	defer body.Close()
	data, err := io.ReadAll(body)
	require.NoError(t, err)
	f.expect(t, "GET", "/download/content/data/orzzsbd7hk67xyu", nil, "")
	assert.Equal(t, "id,name\n1,first\n", string(data))
	assert.Equal(t, 200, resp.StatusCode)
}
